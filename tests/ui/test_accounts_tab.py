"""The administration page's accounts tab on a standalone desk, driven as an administrator
and as the roles that only read it: accounts listed with roles in the desk's language,
created, given a password, another role, disabled and enabled, each change audited; the
last administrator's own account kept, and said why."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_PASSWORD, DEMO_SUPERVISOR
from app.domain.clock import ManualClock
from app.identity.accounts import listed
from app.identity.passwords import verify
from app.paths import DataDir
from app.settings import SettingsFile
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin.account_dialogs import NewAccountDialog, PasswordDialog, RoleDialog
from ui.admin.accounts_model import AccountsModel, Column
from ui.admin.accounts_tab import AccountsTab
from ui.desk import Desk, build_desk


def desk_as(qtbot: QtBot, data: DataDir, login: str, language: str = "en") -> Desk:
    built = build_desk(data, SettingsFile(data.settings), ManualClock(T0), language,
                       seat_of(data, login))
    qtbot.addWidget(built.window)
    return built


@pytest.fixture
def admin_desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    built = desk_as(qtbot, desk_data, DEMO_ADMIN)
    yield built
    built.close()


def accounts_tab(qtbot: QtBot, desk: Desk) -> AccountsTab:
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("accounts")
    assert isinstance(tab, AccountsTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)  # a page built as it is shown shows a turn later
    return tab


def select(tab: AccountsTab, login: str) -> None:
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, Column.LOGIN).data() == login)
    tab.table.selectionModel().setCurrentIndex(
        tab.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def closed(dialog: NewAccountDialog | PasswordDialog | RoleDialog) -> bool:
    """Closed (a dialog of the tab is deleted once closed)."""
    return not isValid(dialog) or not dialog.isVisible()


def ok(qtbot: QtBot, dialog: NewAccountDialog | PasswordDialog | RoleDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def row_of(tab: AccountsTab, login: str) -> list[str]:
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, Column.LOGIN).data() == login)
    return [tab.proxy.index(row, column).data() for column in Column]


def audit(data: DataDir) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(data.database)) as conn:
        return [(str(s), str(a)) for s, a in conn.execute(
            "SELECT summary, subject_id FROM audit_log WHERE kind = 'accounts' "
            "ORDER BY rowid")]


def test_the_model_passes_qt_checks_and_names_roles_in_the_desk_language(
        qtmodeltester: object, desk_data: DataDir) -> None:
    with closing(sqlite3.connect(desk_data.database)) as conn:
        accounts = listed(conn)
    model = AccountsModel("zh_CN")
    model.set_accounts(accounts)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    roles = {model.index(r, Column.LOGIN).data(): model.index(r, Column.ROLE).data()
             for r in range(model.rowCount())}
    assert (roles[DEMO_ADMIN], roles[DEMO_SUPERVISOR], roles[DEMO_AGENT]) == (
        "管理员", "值班长", "坐席")


def test_an_administrator_makes_an_account_for_a_staff_member_without_one(
        qtbot: QtBot, admin_desk: Desk) -> None:
    data = admin_desk.context.data
    with closing(sqlite3.connect(data.database)) as conn:
        conn.execute("DELETE FROM desk_accounts WHERE login = 'seat030'")
        conn.commit()
        name = conn.execute("SELECT name FROM staff WHERE login = 'seat030'").fetchone()[0]
    tab = accounts_tab(qtbot, admin_desk)
    tab.refresh()
    assert row_of(tab, DEMO_AGENT) == [DEMO_AGENT, row_of(tab, DEMO_AGENT)[1], "Agent",
                                       "Active", "Set"]
    # New: the only staff member without an account is offered; the passwords must agree.
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(NewAccountDialog)
    assert dialog is not None and dialog.person.count() == 1
    assert dialog.person.currentText() == f"{name} (seat030)"
    dialog.role.setCurrentIndex(dialog.role.findData("technical_lead"))
    qtbot.keyClicks(dialog.password, "first password")
    qtbot.keyClicks(dialog.again, "first passwort")
    ok(qtbot, dialog)
    assert dialog.message.text() == "The two passwords differ: type the same password twice."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password, "first password")
    qtbot.keyClicks(dialog.again, "first password")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    assert row_of(tab, "seat030")[2:] == ["Technical lead", "Active", "Set"]
    assert tab.current() is not None and tab.current().login == "seat030"
    with closing(sqlite3.connect(data.database)) as conn:
        assert verify(conn, "seat030", "first password") == "technical_lead"
    assert audit(data) == [("created", audit(data)[0][1])]


def test_an_administrator_resets_a_password_changes_a_role_disables_and_enables(
        qtbot: QtBot, admin_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    data = admin_desk.context.data
    tab = accounts_tab(qtbot, admin_desk)
    # A new password (Enter on the row opens it), another role, then disabled and enabled.
    select(tab, DEMO_AGENT)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    password = tab.findChild(PasswordDialog)
    assert password is not None and password.windowTitle() == f"Reset the password of {DEMO_AGENT}"
    qtbot.keyClicks(password.password, "a new password")
    qtbot.keyClicks(password.again, "a new password")
    qtbot.keyClick(password.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(password))
    select(tab, DEMO_AGENT)
    qtbot.mouseClick(tab.role_button, Qt.MouseButton.LeftButton)
    role = tab.findChild(RoleDialog)
    assert role is not None
    role.role.setCurrentIndex(role.role.findData("supervisor"))
    ok(qtbot, role)
    qtbot.waitUntil(lambda: closed(role))
    assert row_of(tab, DEMO_AGENT)[2] == "Supervisor"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    select(tab, DEMO_AGENT)
    assert tab.active_button.text() == "&Disable"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert row_of(tab, DEMO_AGENT)[3] == "Disabled"
    assert tab.active_button.text() == "&Enable"
    with closing(sqlite3.connect(data.database)) as conn:
        assert verify(conn, DEMO_AGENT, "a new password") is None  # disabled
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    with closing(sqlite3.connect(data.database)) as conn:
        assert verify(conn, DEMO_AGENT, "a new password") == "supervisor"
        assert verify(conn, DEMO_AGENT, DEMO_PASSWORD) is None
    assert [summary for summary, _subject in audit(data)] == [
        "password_set", "changed", "changed", "changed"]


def test_the_last_administrator_keeps_their_account_and_is_told_why(
        qtbot: QtBot, admin_desk: Desk) -> None:
    tab = accounts_tab(qtbot, admin_desk)
    select(tab, DEMO_ADMIN)
    assert not tab.role_button.isEnabled() and not tab.active_button.isEnabled()
    assert "last active administrator" in tab.active_button.toolTip()
    assert "You are the last active administrator" in tab.summary.text()
    assert tab.password_button.isEnabled()  # their own password they may change
    select(tab, DEMO_SUPERVISOR)
    assert tab.role_button.isEnabled() and tab.active_button.isEnabled()
    assert "last active administrator" not in tab.summary.text()


@pytest.mark.parametrize("login", [DEMO_SUPERVISOR])
def test_roles_that_may_not_manage_accounts_read_the_list_with_reasons(
        qtbot: QtBot, desk_data: DataDir, login: str) -> None:
    desk = desk_as(qtbot, desk_data, login)
    try:
        tab = accounts_tab(qtbot, desk)
        assert tab.read_only.isVisible()
        assert tab.model.rowCount() > 10
        select(tab, DEMO_AGENT)
        for button in (tab.new_button, tab.password_button, tab.role_button,
                       tab.active_button):
            assert not button.isEnabled()
            assert button.toolTip() == "Only administrators manage accounts"
        assert tab.new_account() is None and tab.set_password() is None
    finally:
        desk.close()


def test_a_seat_switch_to_an_administrator_enables_the_tab(
        qtbot: QtBot, desk_data: DataDir) -> None:
    desk = desk_as(qtbot, desk_data, DEMO_SUPERVISOR)
    try:
        tab = accounts_tab(qtbot, desk)
        assert not tab.new_button.isEnabled()
        desk.context.switch_seat(seat_of(desk_data, DEMO_ADMIN))
        assert tab.new_button.isEnabled() and not tab.read_only.isVisible()
    finally:
        desk.close()


def test_the_servers_refusal_of_an_account_change_reads_in_the_desks_language(
        qtbot: QtBot) -> None:
    """Not the server's English sentence: the words every server refusal has."""
    from PySide6.QtWidgets import QApplication

    from app.sync.client import Offline, Refused
    from ui.admin.accounts_tab import refusal_text
    from ui.i18n import install_translators

    refused = Refused(403, "forbidden", "your role may not manage accounts")
    assert refusal_text(refused) == "Your role may not do this on the server."
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "zh_CN")
    try:
        assert refusal_text(refused) == "您的角色无权在服务器上执行此操作。"
        assert "服务器" in refusal_text(Offline("no route"))
    finally:
        for translator in translators:
            app.removeTranslator(translator)
