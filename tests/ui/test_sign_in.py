"""Signing in, locking and switching seats the way a seat does it: keys and clicks."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_PASSWORD
from app.identity.signing_in import checker
from app.paths import DataDir
from tests.ui.conftest import activate
from ui.admin import PAGE_ID as ADMIN_PAGE
from ui.desk import Desk
from ui.seat.sign_in import Mode, SignInDialog


def sign_in_dialog(data: DataDir, mode: Mode = Mode.START, login: str = "") -> SignInDialog:
    return SignInDialog(checker(data.database, lambda: "", lambda: None), mode, login=login)


def type_and_submit(qtbot: QtBot, dialog: SignInDialog, login: str, password: str) -> None:
    if not dialog.login.isReadOnly():
        dialog.login.clear()
        qtbot.keyClicks(dialog.login, login)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_a_seat_signs_in_with_keys_and_a_wrong_password_is_refused_in_words(
        qtbot: QtBot, demo_copy: DataDir) -> None:
    dialog = sign_in_dialog(demo_copy)
    qtbot.addWidget(dialog)
    dialog.show()
    type_and_submit(qtbot, dialog, DEMO_AGENT, "not the password")
    qtbot.waitUntil(lambda: "Wrong login or password" in dialog.message.text())
    assert dialog.result_seat is None and dialog.password.text() == ""
    type_and_submit(qtbot, dialog, DEMO_AGENT, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: dialog.result_seat is not None, timeout=10_000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        staff_id = conn.execute("SELECT id FROM staff WHERE login = ?",
                                (DEMO_AGENT,)).fetchone()[0]
    assert dialog.result_seat is not None and dialog.result_seat.staff_id == staff_id


def test_an_empty_login_is_named_without_asking_anyone(qtbot: QtBot,
                                                         demo_copy: DataDir) -> None:
    dialog = sign_in_dialog(demo_copy)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Enter your login."
    assert dialog.login.hasFocus() or not dialog.isActiveWindow()


def _note_on_a_ticket(desk: Desk, body: str) -> str:
    from app.services.ticket_flow import NoteKind, TicketFlow

    ticket_id = desk.context.reader.execute(
        "SELECT id FROM tickets WHERE state = 'in_progress' ORDER BY id LIMIT 1").fetchone()[0]
    TicketFlow(desk.context.store(), desk.context.clock, desk.context.seat.staff_id).note(
        ticket_id, NoteKind.INTERNAL, body)
    return str(ticket_id)


def test_a_seat_switch_mid_shift_makes_the_next_seat_the_author(
        qtbot: QtBot, desk: Desk) -> None:
    activate(qtbot, desk.window)
    assert desk.context.signed_in.login == DEMO_ADMIN
    window = desk.tickets.open(_note_on_a_ticket(desk, "before the shift change"))
    qtbot.keyClick(desk.window, Qt.Key.Key_W,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.seat.dialog
    assert dialog is not None and dialog.mode is Mode.SWITCH
    with qtbot.waitSignal(desk.context.events.seat_changed, timeout=10_000):
        type_and_submit(qtbot, dialog, DEMO_AGENT, DEMO_PASSWORD)
    assert desk.context.signed_in.login == DEMO_AGENT
    # The admin's ticket windows closed: they were working as the admin.
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not desk.tickets.open_windows)
    ticket_id = _note_on_a_ticket(desk, "after the shift change")
    actors = dict(desk.context.reader.execute(
        "SELECT e.body, s.login FROM ticket_events e JOIN staff s ON s.id = e.actor_id "
        "WHERE e.ticket_id = ? AND e.body LIKE '% the shift change'", (ticket_id,)))
    assert actors == {"before the shift change": DEMO_ADMIN,
                      "after the shift change": DEMO_AGENT}
    # The status bar says who sits here now; an agent sees no administration page.
    assert desk.window.findChild(QLabel, "signed_in").text().startswith("Signed in: ")
    assert "Agent" in desk.window.findChild(QLabel, "signed_in").text()
    assert not desk.window.page_visible(ADMIN_PAGE)
    assert not desk.window.show_page(ADMIN_PAGE)


def test_a_locked_desk_hides_everything_and_only_the_password_opens_it(
        qtbot: QtBot, desk: Desk) -> None:
    activate(qtbot, desk.window)
    ticket_id = desk.context.reader.execute("SELECT id FROM tickets LIMIT 1").fetchone()[0]
    window = desk.tickets.open(ticket_id)
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = desk.seat.dialog
    assert dialog is not None and dialog.mode is Mode.LOCKED
    assert desk.window.centralWidget().isHidden() and not window.isVisible()
    assert dialog.login.text() == DEMO_ADMIN and dialog.login.isReadOnly()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not dismiss a locked desk
    assert dialog.isVisible()
    type_and_submit(qtbot, dialog, DEMO_ADMIN, "not the password")
    qtbot.waitUntil(lambda: "Wrong login or password" in dialog.message.text(),
                    timeout=10_000)
    assert desk.window.centralWidget().isHidden()
    type_and_submit(qtbot, dialog, DEMO_ADMIN, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: desk.seat.dialog is None, timeout=10_000)
    assert not desk.window.centralWidget().isHidden() and window.isVisible()
    assert desk.context.signed_in.login == DEMO_ADMIN


def test_another_seat_can_take_a_locked_desk(qtbot: QtBot, desk: Desk) -> None:
    desk.seat.lock()
    dialog = desk.seat.dialog
    assert dialog is not None and dialog.other_button is not None
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert not dialog.login.isReadOnly() and dialog.login.text() == ""
    with qtbot.waitSignal(desk.context.events.seat_changed, timeout=10_000):
        type_and_submit(qtbot, dialog, DEMO_AGENT, DEMO_PASSWORD)
    assert desk.context.signed_in.login == DEMO_AGENT
    assert not desk.window.centralWidget().isHidden()


def test_the_demo_desk_names_its_accounts_at_sign_in(demo_copy: DataDir) -> None:
    from ui.launch import _demo_hint

    hint = _demo_hint(demo_copy)
    assert DEMO_ADMIN in hint and DEMO_PASSWORD in hint


def test_an_unattended_start_with_a_wrong_password_asks_at_the_prompt(
        qtbot: QtBot, demo_copy: DataDir, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """``--login`` checks the password from the environment on a thread of its own while
    the desk loads; when it is refused, the seat is told why and signs in at the prompt."""
    from app.cli import DeskArgs
    from app.settings import SettingsFile
    from ui.launch import _sign_in

    monkeypatch.setenv("SEATDESK_PASSWORD", "not the password")
    asked: list[SignInDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, answer)
            return
        asked.append(dialog)
        type_and_submit(qtbot, dialog, DEMO_AGENT, DEMO_PASSWORD)

    QTimer.singleShot(0, answer)
    args = DeskArgs(data_dir=None, language=None, screenshot=None, page=None, demo=None,
                    login=DEMO_AGENT)
    seat = _sign_in(demo_copy, SettingsFile(demo_copy.settings), args)
    assert seat is not None and seat.login == DEMO_AGENT
    assert asked and asked[0].login.text() == DEMO_AGENT  # the prompt kept the login
    assert "Wrong login or password" in capsys.readouterr().err


def test_the_password_is_checked_ahead_only_on_a_desk_ready_for_it(
        demo_copy: DataDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unattended start checks the password before Qt loads only when the schema is
    current: an older one is upgraded first, and the check waits for that."""
    from app.cli import DeskArgs
    from app.settings import SettingsFile
    from ui.launch import _sign_in_ahead

    settings = SettingsFile(demo_copy.settings)
    args = DeskArgs(data_dir=None, language=None, screenshot=None, page=None, demo=None,
                    login=DEMO_AGENT)
    monkeypatch.delenv("SEATDESK_PASSWORD", raising=False)
    assert _sign_in_ahead(demo_copy, settings, args) is None  # the prompt will ask
    monkeypatch.setenv("SEATDESK_PASSWORD", DEMO_PASSWORD)
    ahead = _sign_in_ahead(demo_copy, settings, args)
    assert ahead is not None and ahead.seat().login == DEMO_AGENT
    with closing(sqlite3.connect(demo_copy.database)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert _sign_in_ahead(demo_copy, settings, args) is None
