"""One call, end to end, as the seat does it (issue 22's quality bar): Ctrl+N, the form
filled by keys alone, saved with the first response given, found in the queue, opened,
taken, a note with the time spent, resolved — checking what the seat sees at each step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, intake_form
from ui.desk import Desk
from ui.dialogs import ResolveDialog
from ui.intake.dialog import IntakeDialog
from ui.queues.page import QueuesPage
from ui.ticket.note_dialog import NoteDialog
from ui.ticket.window import TicketWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        widget = focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def when_shown(qtbot: QtBot, kind: type[QDialog], act: Callable[[QDialog], None],
               done: list[bool]) -> None:
    """Act on the modal ``kind`` dialog once it shows (it blocks in exec())."""
    def look() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, kind):
            QTimer.singleShot(10, look)
            return
        try:
            act(shown)
        except BaseException:
            shown.reject()  # fail the test, do not hang in exec()
            raise
        done.append(True)

    QTimer.singleShot(0, look)


def field(window: TicketWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_a_seats_call_from_ctrl_n_to_resolved(qtbot: QtBot, desk: Desk) -> None:  # noqa: PLR0915
    desk.window.resize(1280, 800)
    activate(qtbot, desk.window)
    requester = desk.context.reader.execute(
        "SELECT name, phone FROM requesters WHERE phone != '' ORDER BY name LIMIT 1").fetchone()

    # 1. Ctrl+N: the form, the cursor in the requester search.
    qtbot.keyClick(desk.window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: intake_form(desk) is not None)
    form = intake_form(desk)
    assert isinstance(form, IntakeDialog)
    activate(qtbot, form)
    qtbot.waitUntil(lambda: focused() is form.requester_search)

    # 2. By keys: the caller found by phone (Enter takes the first match), then the
    # pickers by typing, Tab from field to field, the title and description typed.
    qtbot.keyClicks(form.requester_search, requester[1])
    qtbot.keyClick(form.requester_search, Qt.Key.Key_Return)
    assert requester[0] in form.requester_search.text()
    assert focused() is form.channel
    qtbot.keyClicks(form.channel, "phone")
    tab(qtbot)
    assert focused() is form.ticket_type
    qtbot.keyClicks(form.ticket_type, "fault")
    tab(qtbot)
    assert focused() is form.category
    qtbot.keyClicks(form.category, "network")
    assert form.category.currentText() == "Network"
    while focused() is not form.title:
        tab(qtbot)
    qtbot.keyClicks(form.title, "VPN drops every hour")
    tab(qtbot)
    assert focused() is form.description
    qtbot.keyClicks(form.description, "Since the morning, for the whole unit.")
    assert form.missing.text() == "Complete"

    # 3. Saved with the first response given (Ctrl+Shift+S): the form goes, the status
    # bar names the ticket.
    with qtbot.waitSignal(form.ticket_logged) as logged:
        qtbot.keyClick(form.description, Qt.Key.Key_S, CTRL | SHIFT)
    ticket_id, number = logged.args
    qtbot.waitUntil(lambda: intake_form(desk) is None)
    assert f"Ticket {number} saved." in desk.window.statusBar().currentMessage()

    # 4. Found in the queue: Ctrl+F, its number, Down into the results, Enter opens it.
    activate(qtbot, desk.window)
    queues = desk.window.findChild(QueuesPage)
    assert queues is not None
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    assert focused() is queues.search
    qtbot.keyClicks(queues.search, number)
    qtbot.keyClick(queues.search, Qt.Key.Key_Down)
    assert focused() is queues.table
    assert [queues.model.item(r).number for r in range(queues.model.rowCount())] == [number]
    qtbot.keyClick(queues.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ticket_id in desk.tickets.open_windows)
    window = desk.tickets.open_windows[ticket_id]
    assert isinstance(window, TicketWindow)
    activate(qtbot, window)
    header = window.findChild(QLabel, "header")
    assert header is not None and number in header.text() and "New" in header.text()
    assert not window.buttons["first_response"].isEnabled()  # given on the call

    # 5. Take it (Ctrl+T): assigned to the seat.
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    # (A button's shortcut clicks it as the mouse would: the click lands a moment later.)
    qtbot.waitUntil(lambda: "Assigned" in header.text())
    assert desk.context.signed_in.name in field(window, "assignee")

    # 6. A note with the time spent (Ctrl+M; Tab from kind to minutes to text; Ctrl+Enter).
    done: list[bool] = []

    def write_note(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        activate(qtbot, dialog)
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
        assert focused() is dialog.minutes or dialog.minutes.isAncestorOf(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "25")
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dialog.text
        qtbot.keyClicks(dialog.text, "Called back: the tunnel restarts at the hour.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)

    when_shown(qtbot, NoteDialog, write_note, done)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL)
    qtbot.waitUntil(lambda: bool(done) and "25" in field(window, "time_spent"))
    assert "25" in field(window, "time_spent")
    timeline = window.findChild(QWidget, "timeline")
    assert timeline is not None
    assert "the tunnel restarts at the hour" in timeline.toPlainText()  # type: ignore[attr-defined]

    # 7. Resolve (Ctrl+E): solution, Tab to the cause, Ctrl+Enter.
    done.clear()

    def resolve(dialog: QDialog) -> None:
        assert isinstance(dialog, ResolveDialog)
        activate(qtbot, dialog)
        dialog.solution.setFocus()
        qtbot.keyClicks(dialog.solution, "Renewed the VPN certificate.")
        qtbot.keyClick(dialog.solution, Qt.Key.Key_Tab)
        assert focused() is dialog.cause
        qtbot.keyClicks(dialog.cause, "Expired certificate")
        qtbot.keyClick(dialog.cause, Qt.Key.Key_Return, CTRL)

    when_shown(qtbot, ResolveDialog, resolve, done)
    activate(qtbot, window)  # back from the note (a window manager would do it)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(done) and "Resolved" in header.text())
    assert field(window, "solution") == "Renewed the VPN certificate."
    assert field(window, "cause") == "Expired certificate"
    # Esc closes the window; the queue row shows the state the seat left it in.
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())

    def queue_state() -> str:
        rows = [queues.model.item(r) for r in range(queues.model.rowCount())]
        return next((row.state.value for row in rows if row.id == ticket_id), "")

    qtbot.waitUntil(lambda: queue_state() == "resolved")
