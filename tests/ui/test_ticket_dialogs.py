"""The resolve and note dialogs by keyboard (issue 22): Ctrl+Enter submits, Tab leaves the
solution, an empty field is refused with the cursor put back in it, text stops at its limit;
the ticket window shows the time spent and the recorded cause."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.validation import TEXT_MAX
from app.paths import DataDir
from tests.ui.conftest import activate
from ui.desk import Desk
from ui.dialogs import ResolveDialog
from ui.ticket.note_dialog import NoteDialog
from ui.ticket.window import TicketWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def ticket_in_progress(data: DataDir) -> str:
    with sqlite3.connect(data.database) as conn:
        row = conn.execute("SELECT id FROM tickets WHERE state = 'in_progress' "
                           "AND cause = '' ORDER BY number LIMIT 1").fetchone()
    assert row is not None
    return str(row[0])


def opened(qtbot: QtBot, desk: Desk, data: DataDir) -> TicketWindow:
    window = desk.tickets.open(ticket_in_progress(data))
    activate(qtbot, window)
    return window


def field(window: TicketWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def in_dialog(qtbot: QtBot, kind: type[QDialog], steps: Callable[[QDialog], None],
              done: list[bool]) -> None:
    """Run ``steps`` in the modal dialog about to open (a seat's keys, as it blocks). A
    button's shortcut clicks it after a short animation: wait for the dialog."""
    poll = QTimer(QApplication.instance(), interval=10)

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            return
        poll.stop()
        poll.deleteLater()
        activate(qtbot, dialog)
        steps(dialog)
        done.append(True)

    poll.timeout.connect(run)
    poll.start()


def focus(qtbot: QtBot) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_resolve_by_keys_tab_leaves_the_solution_and_ctrl_enter_resolves(
    qtbot: QtBot, desk: Desk, desk_data: DataDir
) -> None:
    window = opened(qtbot, desk, desk_data)
    done: list[bool] = []

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, ResolveDialog)
        qtbot.keyClicks(dialog.solution, "Restarted the VPN gateway")
        qtbot.keyClick(dialog.solution, Qt.Key.Key_Tab)
        assert focus(qtbot) is dialog.cause
        assert "\t" not in dialog.solution.toPlainText()
        qtbot.keyClicks(dialog.cause, "Expired certificate")
        qtbot.keyClick(dialog.cause, Qt.Key.Key_Return, CTRL)

    in_dialog(qtbot, ResolveDialog, steps, done)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: done == [True])
    assert window.detail is not None and window.detail.state.value == "resolved"
    assert field(window, "solution") == "Restarted the VPN gateway"
    assert field(window, "cause") == "Expired certificate"


def test_an_empty_solution_is_refused_and_the_cursor_goes_back_to_it(
    qtbot: QtBot, desk: Desk, desk_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    window = opened(qtbot, desk, desk_data)
    done: list[bool] = []

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, ResolveDialog)
        qtbot.keyClicks(dialog.cause, "unknown")
        qtbot.keyClick(dialog.cause, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter
        assert messages == ["Describe the solution before resolving."]
        assert dialog.isVisible() and focus(qtbot) is dialog.solution
        QGuiApplication.clipboard().setText("x" * (TEXT_MAX + 50))
        qtbot.keyClick(dialog.solution, Qt.Key.Key_V, CTRL)
        assert len(dialog.solution.toPlainText()) == TEXT_MAX
        qtbot.keyClick(dialog.solution, Qt.Key.Key_Escape)

    in_dialog(qtbot, ResolveDialog, steps, done)
    qtbot.mouseClick(window.buttons["resolve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: done == [True])
    assert window.detail is not None and window.detail.state.value == "in_progress"


def test_notes_by_keys_and_their_time_spent_summed_on_the_ticket(
    qtbot: QtBot, desk: Desk, desk_data: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    window = opened(qtbot, desk, desk_data)
    assert field(window, "time_spent") == "—"

    def note(minutes: str, text: str) -> Callable[[QDialog], None]:
        def steps(dialog: QDialog) -> None:
            assert isinstance(dialog, NoteDialog)
            qtbot.keyClick(dialog.kind, Qt.Key.Key_End)  # work log
            dialog.minutes.setFocus()
            dialog.minutes.selectAll()
            qtbot.keyClicks(dialog.minutes, minutes)
            qtbot.keyClick(dialog.minutes, Qt.Key.Key_Tab)
            assert focus(qtbot) is dialog.text
            if not messages:  # the first time, an empty text first
                qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
                assert messages == ["Write the text of the note first."]
                assert dialog.isVisible() and focus(qtbot) is dialog.text
            qtbot.keyClicks(dialog.text, text)
            qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)
        return steps

    done: list[bool] = []
    in_dialog(qtbot, NoteDialog, note("25", "Checked the logs"), done)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: done == [True])
    assert field(window, "time_spent") == "25 min"
    activate(qtbot, window)
    in_dialog(qtbot, NoteDialog, note("40", "Called the vendor"), done)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: done == [True, True])
    assert field(window, "time_spent") == "1 h 5 min"
