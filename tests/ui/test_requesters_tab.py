"""The requesters tab on a real desk, driven as a supervisor would: searching, editing with a
refusal shown, merging two selected requesters (their tickets follow, the queues hear of
it), merging a group of likely duplicates, renaming a unit; roles without the right see
the buttons disabled and why."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.ids import new_id
from app.requesters.reading import requesters, units
from app.store.models import RequesterRow
from tests.conftest import seat_of
from tests.ui.conftest import activate, shown_page
from tests.ui.test_ticket_loop import type_in
from ui.admin import AdministrationPage
from ui.admin.requester_dialogs import MergeDialog, RequesterDialog, UnitDialog
from ui.admin.requester_model import Column, RequesterModel
from ui.admin.requesters_tab import RequestersTab
from ui.desk import Desk


def requesters_tab(qtbot: QtBot, desk: Desk, login: str = "seat002") -> RequestersTab:
    """The tab in the active desk window, signed in as ``login`` (a supervisor)."""
    desk.context.switch_seat(seat_of(desk.context.data, login))
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("requesters")
    assert isinstance(tab, RequestersTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)  # a page built on first show appears a turn later
    return tab


def click_row(qtbot: QtBot, tab: RequestersTab, requester_id: str,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    row = tab.model.row_of(requester_id)
    assert row is not None
    index = tab.proxy.mapFromSource(tab.model.index(row, Column.NAME))
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     tab.table.visualRect(index).center())


def dialog_of(qtbot: QtBot, tab: QWidget, kind: type) -> QWidget:
    found: list[QWidget] = []
    qtbot.waitUntil(lambda: bool(found.extend(
        d for d in tab.findChildren(kind) if d.isVisible()) or found))
    return found[0]


def ok_of(dialog: QWidget) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def busiest(desk: Desk, count: int) -> list[str]:
    return [row[0] for row in desk.context.reader.execute(
        "SELECT requester_id FROM tickets WHERE requester_id IS NOT NULL AND deleted = 0 "
        "GROUP BY requester_id ORDER BY count(*) DESC, requester_id LIMIT ?", (count,))]


def test_the_model_is_a_sound_qt_model(qtmodeltester: object, desk: Desk) -> None:
    model = RequesterModel()
    model.set_lines(requesters(desk.context.reader, limit=20))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_searching_and_editing_a_requester(qtbot: QtBot, desk: Desk) -> None:
    tab = requesters_tab(qtbot, desk)
    everyone = tab.model.rowCount()
    assert tab.summary.text() == f"{everyone} requesters"
    [busy] = busiest(desk, 1)
    target = next(line for line in requesters(desk.context.reader) if line.id == busy)
    qtbot.keyClicks(tab.search, target.phone)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    click_row(qtbot, tab, target.id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, tab, RequesterDialog)
    assert isinstance(dialog, RequesterDialog)
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "1380013")
    qtbot.mouseClick(ok_of(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "phone number" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.phone
    qtbot.keyClicks(dialog.phone, "010-66668888")  # typed over the selected wrong number
    dialog.name.clear()
    type_in(qtbot, dialog.name, "王晓明")
    qtbot.mouseClick(ok_of(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    tab.search.clear()
    qtbot.keyClicks(tab.search, "010-66668888")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    edited = tab.model.line(0)
    assert edited is not None and (edited.id, edited.name) == (target.id, "王晓明")
    assert desk.context.reader.execute(  # the queues sort its tickets under the new name
        "SELECT DISTINCT requester_sort FROM tickets WHERE requester_id = ?",
        (target.id,)).fetchall() == [("王晓明",)]


def test_merging_two_selected_requesters_moves_their_tickets(qtbot: QtBot, desk: Desk) -> None:
    tab = requesters_tab(qtbot, desk)
    survivor, duplicate = busiest(desk, 2)
    moving = {row[0] for row in desk.context.reader.execute(
        "SELECT id FROM tickets WHERE requester_id = ?", (duplicate,))}
    rows = tab.model.rowCount()
    click_row(qtbot, tab, duplicate)
    assert not tab.merge_button.isEnabled()  # one is not a merge
    click_row(qtbot, tab, survivor, Qt.KeyboardModifier.ControlModifier)
    assert tab.merge_button.isEnabled()
    qtbot.mouseClick(tab.merge_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, tab, MergeDialog)
    assert isinstance(dialog, MergeDialog)
    kept = dialog.survivor()
    assert kept is not None and kept.id == survivor  # the one with most tickets
    assert f"{len(moving)} ticket(s) of 1 other requester(s)" in dialog.summary.text()
    with qtbot.waitSignal(desk.context.events.tickets_changed) as moved:
        qtbot.mouseClick(ok_of(dialog), Qt.MouseButton.LeftButton)
    assert set(moved.args[0]) == moving
    assert tab.model.rowCount() == rows - 1
    assert [line.id for line in tab.selected()] == [survivor]
    assert desk.context.reader.execute(
        "SELECT count(*) FROM tickets WHERE requester_id = ?", (duplicate,)).fetchone() == (0,)
    line = tab.selected()[0]
    assert line.tickets == desk.context.reader.execute(
        "SELECT count(*) FROM tickets WHERE requester_id = ? AND deleted = 0",
        (survivor,)).fetchone()[0]
    actions = desk.context.reader.execute(
        "SELECT summary, actor_id FROM audit_log WHERE kind = 'requesters'").fetchall()
    assert actions == [("merged", desk.context.signed_in.staff_id)]


def test_likely_duplicates_are_merged_from_their_group(qtbot: QtBot, desk: Desk) -> None:
    tab = requesters_tab(qtbot, desk)
    [busy] = busiest(desk, 1)
    name, unit, phone = desk.context.reader.execute(
        "SELECT name, unit, phone FROM requesters WHERE id = ?", (busy,)).fetchone()
    copy = new_id(desk.context.clock)
    store, clock = desk.context.store(), desk.context.clock
    with store.unit_of_work() as session:
        session.add(RequesterRow(id=copy, name=name, unit=unit, phone=f"+86 {phone}",
                                 email="", updated_at=clock.now(), version=1, deleted=False))
    desk.context.events.records_changed.emit(["requesters"])
    tab.lists.setCurrentWidget(tab.duplicates)
    assert tab.duplicates.tree.topLevelItemCount() == 1
    assert tab.duplicates.tree.topLevelItem(0).text(0) == f"Same phone: {phone}"
    qtbot.mouseClick(tab.duplicates.merge_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, tab, MergeDialog)
    assert isinstance(dialog, MergeDialog)
    kept = dialog.survivor()
    assert kept is not None and kept.id == busy
    qtbot.mouseClick(ok_of(dialog), Qt.MouseButton.LeftButton)
    assert tab.duplicates.tree.topLevelItemCount() == 0
    assert "No likely duplicates" in tab.duplicates.summary.text()
    assert desk.context.reader.execute("SELECT deleted, merged_into FROM requesters WHERE "
                                       "id = ?", (copy,)).fetchone() == (1, busy)


def test_renaming_a_unit_renames_it_on_all_its_requesters(qtbot: QtBot, desk: Desk) -> None:
    tab = requesters_tab(qtbot, desk)
    biggest = max(units(desk.context.reader), key=lambda unit: unit.requesters)
    panel = tab.units
    row = next(r for r, unit in enumerate(panel.units) if unit.name == biggest.name)
    rect = panel.table.visualItemRect(panel.table.item(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)
    assert {tab.model.line(n).unit for n in range(tab.model.rowCount())  # type: ignore[union-attr]
            } == {biggest.name}
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(qtbot, tab, UnitDialog)
    assert isinstance(dialog, UnitDialog)
    dialog.name.clear()
    type_in(qtbot, dialog.name, "市大数据中心")
    qtbot.mouseClick(ok_of(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    current = panel.current()
    assert current is not None and (current.name, current.requesters) == (
        "市大数据中心", biggest.requesters)
    with sqlite3.connect(desk.context.data.database) as conn:
        assert conn.execute("SELECT count(*) FROM requesters WHERE unit = ?",
                            (biggest.name,)).fetchone() == (0,)


def test_an_agent_may_edit_but_not_merge_or_rename(qtbot: QtBot, desk: Desk) -> None:
    tab = requesters_tab(qtbot, desk)
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))
    assert tab.read_only.isVisibleTo(tab)
    first, second = (tab.model.line(0), tab.model.line(1))
    assert first is not None and second is not None
    tab.select({first.id, second.id})
    assert not tab.merge_button.isEnabled()
    assert tab.merge_button.toolTip().startswith("Only supervisors and administrators")
    assert tab.merge_selected() is None
    tab.select({first.id})
    assert tab.edit_button.isEnabled()
    tab.units.select(tab.units.units[0].name)
    assert not tab.units.rename_button.isEnabled()
    assert tab.rename_unit() is None
