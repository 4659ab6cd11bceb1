"""Issue 14's path, as a new administrator walks it: from an empty data folder to a working
desk with two imported seats taking tickets, without touching a file or a command line.

The administrator starts Seatdesk on a new folder, is walked through the desk's name, time
zone, language and their own account, lands signed in, imports two seats from a staff list
exported from Excel (the one file: choosing it in the file dialog is the person's choice,
the only thing stood in for), gives each a password, and hands the desk over: each seat
signs in with File → Switch seat, logs a call with Ctrl+N and takes it with Ctrl+T. Every
ticket is recorded under the seat who did it.

Modal windows (the walk-through, the import) block in ``exec()`` as they do for a person;
``when_modal`` acts in them from inside their event loop.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.cli import DeskArgs
from app.desk_settings import read
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.settings import SettingsFile
from tests.conftest import T0
from tests.ui.conftest import activate, intake_form, shown_page
from ui.admin import AdministrationPage
from ui.admin.account_dialogs import PasswordDialog
from ui.admin.accounts_tab import AccountsTab
from ui.admin.import_dialog import ImportDialog
from ui.admin.people_tab import PeopleTab
from ui.desk import Desk, build_desk
from ui.i18n import switch_language
from ui.intake.dialog import IntakeDialog
from ui.launch import NEW_DESK, _open_data
from ui.queues.page import QueuesPage
from ui.setup import LOCAL, SetupWizard, set_up_desk

Modal = TypeVar("Modal", bound=QWidget)
SEATS = (("张伟", "zhangwei", "13800138001"), ("李娜", "lina", "13800138002"))
PASSWORDS = {"zhangwei": "zhang-2026-desk", "lina": "li-na-2026-desk"}
# As WPS or Excel on a Chinese Windows saves "CSV (逗号分隔)": GB18030, CRLF, a title row
# the administrator typed above the header.
STAFF_LIST = ("坐席名单（2026年12月）,,,\r\n姓名,登录名,角色,手机\r\n"
              + "".join(f"{name},{login},坐席,{phone}\r\n" for name, login, phone in SEATS))


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    """The walk-through switches the application to Chinese; the next test starts in
    English, as every other test expects."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch_language(app, "en")


def when_modal(qtbot: QtBot, kind: type[Modal], act: Callable[[Modal], None]) -> None:
    """Run ``act`` on the ``kind`` window once it is the active modal window (it blocks in
    ``exec()``); if ``act`` fails, the window is closed so the test fails, not hangs."""
    def look() -> None:
        found = QApplication.activeModalWidget()
        if not isinstance(found, kind) or not found.isVisible():
            QTimer.singleShot(20, look)
            return
        try:
            act(found)
        except BaseException:
            if isinstance(found, QDialog):
                found.reject()
            raise

    QTimer.singleShot(0, look)


def type_in(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Keys for ASCII; Chinese as an input method commits the characters picked."""
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    field.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


# --- the steps ---------------------------------------------------------------------------

def walk_through(qtbot: QtBot, wizard: SetupWizard) -> None:
    """Set up a new desk: its name, time zone, language, the administrator's account."""
    activate(qtbot, wizard)
    click(qtbot, wizard.start_page.local)
    wizard.language_box.setFocus()
    qtbot.keyClick(wizard.language_box, Qt.Key.Key_Up)  # English → 中文（简体）
    assert wizard.language_box.currentData() == "zh_CN"
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    type_in(qtbot, wizard.desk_page.desk_name, "市政务云服务台")
    zone = wizard.desk_page.time_zone
    zone.lineEdit().selectAll()
    qtbot.keyClicks(zone.lineEdit(), "Asia/Shanghai")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.admin_page
    for field, text in ((page.full_name, "王敏"), (page.login, "wangmin"),
                        (page.password, "wangmin-2026-admin"),
                        (page.again, "wangmin-2026-admin"),
                        (page.email, "wangmin@zwy.gov.cn")):
        type_in(qtbot, field, text)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))


def import_seats(qtbot: QtBot, desk: Desk, staff_list: Path,
                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Administration → Staff → Import…, the file chosen, previewed, imported."""
    # The one stand-in: the person picks this file in the file dialog.
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args, **_kwargs: (str(staff_list), ""))
    page = shown_page(desk, "admin", AdministrationPage)
    people = page.tab("people")
    assert isinstance(people, PeopleTab)
    page.setCurrentWidget(people)
    qtbot.waitUntil(people.import_button.isVisible)

    def in_import(dialog: ImportDialog) -> None:
        click(qtbot, dialog.choose_button)
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
        assert dialog.model.rowCount() == 2
        click(qtbot, dialog.import_button)

    when_modal(qtbot, ImportDialog, in_import)
    click(qtbot, people.import_button)  # returns when the import dialog has closed


def set_passwords(qtbot: QtBot, desk: Desk) -> None:
    """Administration → Accounts and roles: each imported seat gets a first password."""
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("accounts")
    assert isinstance(tab, AccountsTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    for _name, login, _phone in SEATS:
        tab.search.clear()
        qtbot.keyClicks(tab.search, login)
        assert tab.proxy.rowCount() == 1
        tab.table.setFocus()
        tab.table.selectRow(0)
        account = tab.current()
        assert account is not None and account.login == login and not account.has_password
        click(qtbot, tab.password_button)
        qtbot.waitUntil(lambda: any(d.isVisible() for d in tab.findChildren(PasswordDialog)))
        dialog = next(d for d in tab.findChildren(PasswordDialog) if d.isVisible())
        qtbot.keyClicks(dialog.password, PASSWORDS[login])
        qtbot.keyClicks(dialog.again, PASSWORDS[login])
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda shown=dialog: not isValid(shown) or not shown.isVisible())
    tab.search.clear()


def switch_seat(qtbot: QtBot, desk: Desk, login: str) -> None:
    """File → Switch seat (Ctrl+Shift+W): the next seat signs in."""
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.seat.dialog
    assert dialog is not None
    activate(qtbot, dialog)  # a person types where the prompt is (above any ticket window)
    qtbot.keyClicks(dialog.login, login)
    qtbot.keyClicks(dialog.password, PASSWORDS[login])
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.context.signed_in.login == login, timeout=10_000)


def log_and_take(qtbot: QtBot, desk: Desk, requester: str, phone: str, title: str) -> str:
    """Ctrl+N: a call logged with a new requester; then Ctrl+T on it in the queue."""
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake_form(desk) is not None)
    form = intake_form(desk)
    assert isinstance(form, IntakeDialog)
    activate(qtbot, form)
    form.new_requester.setFocus()
    qtbot.keyClick(form.new_requester, Qt.Key.Key_Space)
    type_in(qtbot, form.new_name, requester)
    type_in(qtbot, form.new_phone, phone)
    for combo in (form.ticket_type, form.category):
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    type_in(qtbot, form.title, title)
    type_in(qtbot, form.description, "来电反映：" + title)
    with qtbot.waitSignal(form.ticket_logged) as logged:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id = str(logged.args[0])
    queues = shown_page(desk, "queues", QueuesPage)
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find
    assert queues.search.hasFocus()
    qtbot.keyClicks(queues.search, phone)  # the queue searches as the seat types
    qtbot.waitUntil(lambda: queues.model.rowCount() == 1
                    and queues.model.item(0).id == ticket_id)
    queues.table.setFocus()
    queues.table.selectRow(0)
    assert queues.current_ticket() == ticket_id
    qtbot.keyClick(queues.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    return ticket_id


# --- the path ----------------------------------------------------------------------------

@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_from_an_empty_folder_to_two_imported_seats_taking_tickets(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        english_afterwards: None) -> None:
    data = DataDir(tmp_path / "Seatdesk")
    settings = SettingsFile(data.settings)
    clock = ManualClock(T0)
    # Started on a new folder, the desk asks for the walk-through (ui/launch.py).
    args = DeskArgs(data.root, None, None, None, None)
    assert _open_data(data, args, joins_server=False) == NEW_DESK
    when_modal(qtbot, SetupWizard, lambda wizard: walk_through(qtbot, wizard))
    set_up = set_up_desk(data, settings, clock, "en")
    assert set_up is not None and set_up.choice == LOCAL and set_up.language == "zh_CN"
    admin = set_up.signed_in
    assert admin is not None and (admin.login, admin.role) == ("wangmin", "admin")
    assert _open_data(data, args, joins_server=False) == "ready"  # no second walk-through

    desk = build_desk(data, settings, clock, set_up.language, admin)
    qtbot.addWidget(desk.window)
    try:
        activate(qtbot, desk.window)
        assert desk.context.desk_name() == "市政务云服务台"
        staff_list = tmp_path / "坐席名单.csv"
        staff_list.write_bytes(STAFF_LIST.encode("gb18030"))
        import_seats(qtbot, desk, staff_list, monkeypatch)
        set_passwords(qtbot, desk)

        taken: dict[str, str] = {}
        for (_name, login, _phone), (requester, phone, title) in zip(SEATS, (
                ("陈静", "13911110001", "电子政务外网无法访问"),
                ("刘洋", "13911110002", "公文系统登录失败")), strict=True):
            switch_seat(qtbot, desk, login)
            taken[login] = log_and_take(qtbot, desk, requester, phone, title)
        qtbot.waitUntil(lambda: _assignees(data, taken) == {
            login: _staff_id(data, login) for login in taken})
    finally:
        desk.close()

    with closing(sqlite3.connect(data.database)) as conn:
        assert read(conn).time_zone == "Asia/Shanghai"
        for login, ticket_id in taken.items():
            seat = _staff_id(data, login)
            events = conn.execute("SELECT kind, actor_id FROM ticket_events WHERE "
                                  "ticket_id = ? ORDER BY at, rowid", (ticket_id,)).fetchall()
            assert [kind for kind, _actor in events][:1] == ["created"]
            assert len(events) >= 2, events  # logged, then taken
            assert {actor for _kind, actor in events} == {seat}, (login, events)
        audited = {str(kind) for (kind,) in conn.execute("SELECT DISTINCT kind FROM audit_log")}
    assert {"accounts", "people", "import"} <= audited


def _staff_id(data: DataDir, login: str) -> str:
    with closing(sqlite3.connect(data.database)) as conn:
        return str(conn.execute("SELECT id FROM staff WHERE login = ?", (login,)).fetchone()[0])


def _assignees(data: DataDir, taken: dict[str, str]) -> dict[str, str | None]:
    with closing(sqlite3.connect(data.database)) as conn:
        return {login: conn.execute("SELECT assignee_id FROM tickets WHERE id = ?",
                                    (ticket_id,)).fetchone()[0]
                for login, ticket_id in taken.items()}
