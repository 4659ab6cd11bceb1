"""The administration page's people tab, driven as an administrator and as the roles that
only read it: staff added, edited, deactivated and reactivated with mouse and keys, teams
and skills added, renamed and retired, refusals shown in words next to the field."""

from __future__ import annotations

import importlib.machinery
import json
import sqlite3
import sys
import types
from typing import TypeVar

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.people.reading import people
from app.services.errors import Problem
from tests.conftest import seat_of
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin import people_tab as tab_module
from ui.admin.people_dialogs import CodedNameDialog, StaffDialog
from ui.admin.people_model import Column, StaffModel
from ui.admin.people_tab import PeopleTab
from ui.desk import Desk
from ui.problems import problem_text

Shown = TypeVar("Shown", bound=QWidget)


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk) -> PeopleTab:
    """The people tab, in a shown window (as a person clicks it)."""
    activate(qtbot, desk.window)
    found = shown_page(desk, "admin", AdministrationPage).tab("people")
    assert isinstance(found, PeopleTab)
    return found


def shown(qtbot: QtBot, parent: QWidget, kind: type[Shown]) -> Shown:
    """The one visible ``kind`` dialog opened from ``parent``."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(kind)))
    return next(d for d in parent.findChildren(kind) if d.isVisible())


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method does when the seat picks the characters: commit them."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def select_login(tab: PeopleTab, login: str) -> None:
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, Column.LOGIN).data() == login)
    tab.table.selectionModel().setCurrentIndex(
        tab.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def audit(desk: Desk, subject: str) -> list[tuple[str, str, str, str | None]]:
    conn = sqlite3.connect(desk.context.data.database)
    try:
        return conn.execute("SELECT summary, before, after, actor_id FROM audit_log "
                            "WHERE subject = ? ORDER BY at, id", (subject,)).fetchall()
    finally:
        conn.close()


def test_the_staff_model_passes_the_model_tester(tab: PeopleTab, desk: Desk,
                                                 qtmodeltester: object) -> None:
    model = StaffModel("zh_CN")
    model.set_people(people(desk.context.reader), {}, {})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert tab.proxy.rowCount() == 40


def test_an_administrator_adds_a_person_with_the_mouse_and_keys(
        qtbot: QtBot, tab: PeopleTab, desk: Desk) -> None:
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = shown(qtbot, tab, StaffDialog)
    type_chinese(dialog.name, "王晓明")
    qtbot.keyClicks(dialog.login, "wang xm")
    qtbot.keyClicks(dialog.phone, "138001")
    click_ok(qtbot, dialog)
    # Refused in words, next to the field at fault; the dialog stays open.
    assert dialog.isVisible()
    assert dialog.problem.text() == problem_text(Problem.LOGIN_INVALID, "80")
    assert dialog.focusWidget() is dialog.login
    qtbot.keyClicks(dialog.login, "wangxm")  # typed over the selected wrong login
    click_ok(qtbot, dialog)
    assert dialog.problem.text() == problem_text(Problem.PHONE_INVALID)
    assert dialog.focusWidget() is dialog.phone
    qtbot.keyClicks(dialog.phone, "13800138000")
    dialog.team.setCurrentIndex(dialog.team.findText("Network and security"))
    network = next(n for n in range(dialog.skills.count())
                   if dialog.skills.item(n).text() == "Network")
    dialog.skills.setCurrentRow(network)
    qtbot.keyClick(dialog.skills, Qt.Key.Key_Space)  # ticks it
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()

    added = tab.current()
    assert added is not None and (added.name, added.login, added.phone, added.skills) == (
        "王晓明", "wangxm", "13800138000", ("network",))
    assert tab.summary.text() == "41 people, 41 active, 0 deactivated"
    created = audit(desk, "staff")
    assert len(created) == 1 and created[0][0] == "created"
    assert json.loads(created[0][2])["login"] == "wangxm"
    assert created[0][3] == desk.context.signed_in.staff_id


def test_enter_edits_del_deactivates_after_asking_and_the_button_reactivates(
        qtbot: QtBot, tab: PeopleTab, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    activate(qtbot, desk.window)
    tab.sections.setCurrentIndex(0)
    select_login(tab, "seat010")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = shown(qtbot, tab, StaffDialog)
    assert dialog.login.isReadOnly() and dialog.login.text() == "seat010"
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "010-66668888")
    click_ok(qtbot, dialog)
    edited = tab.current()
    assert edited is not None and edited.phone == "010-66668888"

    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    activate(qtbot, desk.window)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked and "seat010" in asked[0]
    gone = tab.current()
    assert gone is not None and gone.login == "seat010" and not gone.active
    assert tab.active_button.text() == "&Reactivate"
    assert "seat010" not in {m.login for m in desk_staff(desk)}
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    back = tab.current()
    assert back is not None and back.active and len(asked) == 1  # no question to reactivate
    assert [line[0] for line in audit(desk, "staff")] == ["changed"] * 3


def desk_staff(desk: Desk) -> list[object]:
    from app.store.directory import staff

    return staff(desk.context.reader)  # type: ignore[return-value]


def test_an_administrator_cannot_deactivate_his_own_seat(
        qtbot: QtBot, tab: PeopleTab, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    select_login(tab, desk.context.signed_in.login)
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert warned == [problem_text(Problem.OWN_SEAT)]
    mine = tab.current()
    assert mine is not None and mine.active


def test_ctrl_n_in_the_tab_adds_a_person_or_a_team_not_a_ticket(
        qtbot: QtBot, tab: PeopleTab, desk: Desk) -> None:
    from ui.intake.dialog import IntakeDialog

    activate(qtbot, desk.window)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    shown(qtbot, tab, StaffDialog).reject()
    tab.sections.setCurrentWidget(tab.teams_panel)
    tab.teams_panel.table.setFocus()
    qtbot.keyClick(tab.teams_panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    shown(qtbot, tab, CodedNameDialog).reject()
    assert not any(d.isVisible() for d in desk.window.findChildren(IntakeDialog))


def test_teams_and_skills_are_added_renamed_and_retired(
        qtbot: QtBot, tab: PeopleTab, desk: Desk) -> None:
    panel = tab.teams_panel
    tab.sections.setCurrentWidget(panel)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = shown(qtbot, tab, CodedNameDialog)
    qtbot.keyClicks(dialog.code, "night watch")
    type_chinese(dialog.name_zh, "夜间值守组")
    click_ok(qtbot, dialog)
    assert dialog.problem.text() == problem_text(Problem.CODE_INVALID, "40")
    assert dialog.focusWidget() is dialog.code
    qtbot.keyClicks(dialog.code, "night_watch")
    click_ok(qtbot, dialog)
    added = panel.current()
    assert added is not None and (added.code, added.name_zh, added.name_en) == (
        "night_watch", "夜间值守组", "夜间值守组")

    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    renamed = shown(qtbot, tab, CodedNameDialog)
    assert renamed.code.isReadOnly()
    renamed.name_en.clear()
    qtbot.keyClicks(renamed.name_en, "Night watch")
    click_ok(qtbot, renamed)
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    retired = panel.current()
    assert retired is not None and retired.name_en == "Night watch" and retired.retired
    assert panel.retire_button.text() == "Bring back"
    # A retired team is offered to nobody new.
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    person = shown(qtbot, tab, StaffDialog)
    assert person.team.findData(retired.id) == -1
    person.reject()

    skills = tab.skills_panel
    tab.sections.setCurrentWidget(skills)
    qtbot.mouseClick(skills.add_button, Qt.MouseButton.LeftButton)
    skill = shown(qtbot, tab, CodedNameDialog)
    qtbot.keyClicks(skill.code, "linux")
    qtbot.keyClicks(skill.name_en, "Linux")
    click_ok(qtbot, skill)
    assert tab.sections.tabText(2) == "Skills (13)"
    # The desk's clock stands still in tests: the three lines share one moment.
    assert sorted(line[0] for line in audit(desk, "teams")) == ["changed", "changed",
                                                               "created"]


@pytest.mark.parametrize("login", ["seat002", "seat010"])  # a supervisor, an agent
def test_a_role_that_may_not_manage_people_reads_with_every_edit_disabled_and_why(
        qtbot: QtBot, tab: PeopleTab, desk: Desk, login: str) -> None:
    select_login(tab, "seat010")
    assert tab.edit_button.isEnabled() and tab.read_only.isHidden()
    desk.context.switch_seat(seat_of(desk.context.data, login))
    buttons: list[QAbstractButton] = [tab.add_button, tab.edit_button, tab.active_button,
                                      tab.import_button]
    for button in buttons:
        assert not button.isEnabled()
        assert button.toolTip() == "Only administrators change staff"
    for panel in (tab.teams_panel, tab.skills_panel):
        assert not panel.add_button.isEnabled()
        assert panel.add_button.toolTip() == "Only administrators change teams and skills"
    assert not tab.read_only.isHidden()
    activate(qtbot, desk.window)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not any(d.isVisible() for d in tab.findChildren(QDialog))
    assert tab.proxy.rowCount() == 40  # but they see everyone
    desk.context.switch_seat(seat_of(desk.context.data, "seat001"))
    assert tab.add_button.isEnabled() and tab.add_button.toolTip() != (
        "Only administrators change staff")


def test_search_and_pulled_rows_refresh_the_table(tab: PeopleTab, desk: Desk) -> None:
    tab.search.setText("seat01")
    assert tab.proxy.rowCount() == 10  # seat010..seat019
    tab.search.setText("Network and security")
    assert tab.proxy.rowCount() == 6
    tab.search.clear()
    # A sync round wrote a rename: the broadcast naming staff makes the tab read again.
    with desk.context.store().unit_of_work() as session:
        from app.store.models import StaffRow

        session.query(StaffRow).filter(StaffRow.login == "seat011").update(
            {"name": "杜梓萱（调岗）"})
    desk.context.events.records_changed.emit(["staff"])
    tab.search.setText("调岗")
    assert tab.proxy.rowCount() == 1


def test_the_import_button_shows_only_when_the_import_exists(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tab_module, "IMPORT_MODULE", "ui.admin.no_such_import")
    without = tab_module.PeopleTab(desk.context)
    qtbot.addWidget(without)
    assert without.import_button.isHidden()
    opened: list[object] = []
    fake = types.ModuleType("ui.admin.fake_import")
    fake.__spec__ = importlib.machinery.ModuleSpec("ui.admin.fake_import", None)
    fake.open_import = lambda context, parent: opened.append(context) or True  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.admin.fake_import", fake)
    monkeypatch.setattr(tab_module, "IMPORT_MODULE", "ui.admin.fake_import")
    tab = tab_module.PeopleTab(desk.context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.import_button.isVisible()
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert opened == [desk.context]
