"""The catalog tab on a real desk, driven as an administrator would: adding a category with
its colour, icon and person responsible, a refusal shown in the dialog, reordering with the
keyboard, retiring (gone from the intake form), removing an unused entry; supervisors see it
read-only, agents not at all."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.catalog.reading import CatalogKind, categories, ticket_types
from app.store.directory import catalog
from tests.conftest import seat_of
from tests.ui.conftest import activate, shown_page
from tests.ui.test_ticket_loop import type_in
from ui.admin import AdministrationPage
from ui.admin.catalog_dialog import EntryDialog
from ui.admin.catalog_tab import CatalogPanel, CatalogTab
from ui.desk import Desk
from ui.intake.dialog import IntakeDialog


def catalog_tab(qtbot: QtBot, desk: Desk) -> CatalogTab:
    """The tab, in the active desk window (so its keys reach it)."""
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("catalog")
    assert isinstance(tab, CatalogTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)  # a page built on first show appears a turn later
    return tab


def select_code(panel: CatalogPanel, qtbot: QtBot, code: str) -> None:
    """Click the row of ``code`` as a person would."""
    table = panel.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == code)
    table.scrollToItem(table.item(row, 1))
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current() is not None and panel.current().code == code


def opened_dialog(tab: CatalogTab) -> EntryDialog:
    dialog = tab.findChild(EntryDialog)
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    return dialog


def ok_button(dialog: EntryDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_an_administrator_adds_a_category_with_colour_icon_and_owner(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = catalog_tab(qtbot, desk)
    panel = tab.categories
    rows = panel.table.rowCount()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = opened_dialog(tab)
    qtbot.keyClicks(dialog.code, "video")
    type_in(qtbot, dialog.name_zh, "视频会议")
    qtbot.keyClicks(dialog.name_en, "Video conferencing")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor("#1e88e5"))
    qtbot.mouseClick(dialog.colour, Qt.MouseButton.LeftButton)
    assert dialog.colour.colour() == "#1e88e5"
    dialog.icon.lineEdit().clear()
    qtbot.keyClicks(dialog.icon, "VC")
    dialog.skill.setFocus()
    qtbot.keyClick(dialog.skill, Qt.Key.Key_Down)  # the first skill
    # No person responsible yet: refused, the dialog stays open and says why.
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "responsible" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.owner
    qtbot.keyClick(dialog.owner, Qt.Key.Key_Down)
    owner = dialog.owner.currentData()
    with qtbot.waitSignal(desk.context.events.records_changed) as announced:
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert announced.args == [["categories"]]
    assert not dialog.isVisible()
    assert panel.table.rowCount() == rows + 1
    added = panel.current()
    assert added is not None and (added.code, added.name_en, added.color, added.icon,
                                  added.owner_id) == ("video", "Video conferencing",
                                                      "#1e88e5", "VC", owner)
    assert panel.table.item(rows, 6).text() == added.owner_name
    assert "Video conferencing" in {c.name for c in catalog(desk.context.reader,
                                                             "categories", "en")}


def test_reordering_with_the_keyboard_and_editing_with_enter(qtbot: QtBot, desk: Desk) -> None:
    tab = catalog_tab(qtbot, desk)
    panel = tab.types
    before = [t.code for t in ticket_types(desk.context.reader)]
    select_code(panel, qtbot, before[1])
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    after = [t.code for t in ticket_types(desk.context.reader)]
    assert after == [before[0], before[2], before[1], before[3]]
    assert panel.current() is not None and panel.current().code == before[1]  # kept
    assert [c.id for c in catalog(desk.context.reader, "ticket_types", "en")][2] == \
        panel.current().id
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [t.code for t in ticket_types(desk.context.reader)] == before

    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    dialog = opened_dialog(tab)
    assert dialog.code.isReadOnly() and not dialog.skill.isVisible()
    dialog.name_en.selectAll()
    qtbot.keyClicks(dialog.name_en, "Incident")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert panel.current() is not None and panel.current().name_en == "Incident"
    # The tickets of the renamed type sort under its new name.
    kept = desk.context.reader.execute(
        "SELECT DISTINCT type_sort_en FROM tickets WHERE type_id = ?",
        (panel.current().id,)).fetchall()
    assert kept == [("Incident",)]


def test_a_retired_category_leaves_the_intake_form_and_comes_back(
        qtbot: QtBot, desk: Desk) -> None:
    tab = catalog_tab(qtbot, desk)
    panel = tab.categories
    select_code(panel, qtbot, "storage")
    assert not panel.remove_button.isEnabled()  # tickets use it
    assert "retire" in panel.remove_button.toolTip()
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    row = panel.table.currentRow()
    assert panel.table.item(row, 8).text() == "Retired"
    assert panel.retire_button.text() == "Bring back"
    storage = panel.current()
    assert storage is not None and storage.retired
    intake = IntakeDialog(desk.context, desk.window)
    qtbot.addWidget(intake)
    offered = {intake.category.itemData(i) for i in range(intake.category.count())}
    assert storage.id not in offered and len(offered) == panel.table.rowCount() - 1
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    assert storage.id in {c.id for c in catalog(desk.context.reader, "categories", "en")}


def test_an_unused_entry_is_removed_with_del_after_asking(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog.admin import EntryForm, add

    context = desk.context
    add(context.store(), context.clock, context.signed_in, CatalogKind.TYPES, "typo",
        EntryForm("错误", "Mistake", "#000000", "x"))
    tab = catalog_tab(qtbot, desk)
    tab.refresh()
    panel = tab.types
    select_code(panel, qtbot, "typo")
    assert panel.remove_button.isEnabled()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked and "Mistake" in asked[0]
    assert "typo" not in {t.code for t in ticket_types(context.reader)}


def test_a_supervisor_reads_the_catalog_and_is_told_why_he_cannot_change_it(
        qtbot: QtBot, desk: Desk) -> None:
    tab = catalog_tab(qtbot, desk)
    desk.context.switch_seat(seat_of(desk.context.data, "seat002"))
    assert tab.read_only.isVisibleTo(tab) and "administrators" in tab.read_only.text()
    for panel in (tab.types, tab.categories):
        select_code(panel, qtbot, panel.table.item(0, 1).text())
        for button in panel.buttons():
            assert not button.isEnabled()
            assert button.toolTip() == "Only administrators change the catalog"
    qtbot.keyClick(tab.categories.table, Qt.Key.Key_Return)  # Enter opens nothing
    assert tab.findChild(EntryDialog) is None
    assert tab.categories.table.rowCount() == len(categories(desk.context.reader))
    # An agent does not see the administration page at all.
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))
    assert not desk.window.show_page("admin")


def test_the_tab_follows_a_catalog_change_made_elsewhere(qtbot: QtBot, desk: Desk) -> None:
    tab = catalog_tab(qtbot, desk)
    with sqlite3.connect(desk.context.data.database) as conn:
        conn.execute("UPDATE categories SET name_en = 'Renamed by sync' WHERE code = 'hosts'")
    desk.context.events.records_changed.emit(["categories"])
    assert "Renamed by sync" in {tab.categories.table.item(r, 3).text()
                                 for r in range(tab.categories.table.rowCount())}
