"""The end of the loop on the desk, as a seat does it: the requester's rating with how it
was collected, the configured confirmation timeout, and the scheduled close."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.store.reading import parse_sqlite_utc
from ui.desk import Desk
from ui.scheduling import UNCONFIRMED_JOB, ScheduledClose, start_scheduler
from ui.ticket.dialogs import SatisfactionDialog
from ui.ticket.window import TicketWindow


def clock_of(desk: Desk) -> ManualClock:
    clock = desk.context.clock
    assert isinstance(clock, ManualClock)
    return clock


def resolved_ticket(data: DataDir, within: timedelta, clock: ManualClock) -> str:
    """A demo ticket resolved less than ``within`` ago."""
    since = (clock.now() - within).replace(tzinfo=None).isoformat(sep=" ")
    with sqlite3.connect(data.database) as conn:
        row = conn.execute("SELECT id FROM tickets WHERE state = 'resolved' AND resolved_at > ? "
                           "ORDER BY resolved_at LIMIT 1", (since,)).fetchone()
    assert row is not None
    return str(row[0])


def text_of(window: TicketWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None
    return label.text()


def timeline_text(window: TicketWindow) -> str:
    browser = window.findChild(QTextBrowser, "timeline")
    assert browser is not None
    return browser.toPlainText()


def test_the_seat_records_a_questionnaire_rating(qtbot: QtBot, desk: Desk,
                                                 desk_data: DataDir) -> None:
    ticket = resolved_ticket(desk_data, timedelta(hours=72), clock_of(desk))
    window = desk.tickets.open(ticket)
    answered: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SatisfactionDialog)
        qtbot.keyClick(dialog.score, Qt.Key.Key_Down)  # 5 -> 4
        qtbot.keyClick(dialog.method, Qt.Key.Key_Down)  # phone call-back -> questionnaire
        qtbot.keyClicks(dialog.comment, "survey returned")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        answered.append(True)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(window.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert answered == [True]

    with sqlite3.connect(desk_data.database) as conn:
        assert conn.execute("SELECT state, satisfaction, satisfaction_method FROM tickets "
                            "WHERE id = ?", (ticket,)).fetchone() == (
            "closed", 4, "questionnaire")
    assert text_of(window, "satisfaction") == "4/5, collected by Questionnaire"
    assert "recorded satisfaction 4/5, collected by Questionnaire" in timeline_text(window)


def test_the_ticket_window_closes_unconfirmed_after_the_configured_timeout(
        qtbot: QtBot, desk: Desk, desk_data: DataDir, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = clock_of(desk)
    problems: list[object] = []
    monkeypatch.setattr("ui.ticket.window.show_problem",
                        lambda _parent, error: problems.append(error.problem))
    desk.context.save_desk_settings(confirmation_timeout_hours=2.0)
    ticket = resolved_ticket(desk_data, timedelta(hours=72), clock)
    with sqlite3.connect(desk_data.database) as conn:
        resolved_at = parse_sqlite_utc(conn.execute(
            "SELECT resolved_at FROM tickets WHERE id = ?", (ticket,)).fetchone()[0])
    clock.set(resolved_at + timedelta(hours=2, minutes=1))  # past 2 h, well before 72 h
    window = desk.tickets.open(ticket)
    qtbot.mouseClick(window.buttons["close_unconfirmed"], Qt.MouseButton.LeftButton)
    assert problems == []
    assert window.detail is not None and window.detail.state == "closed"
    assert text_of(window, "satisfaction") == "closed without the requester's confirmation"
    assert "Resolved → Closed without the requester's confirmation (no answer within 2 h)" \
        in timeline_text(window)


def test_the_scheduled_close_runs_on_a_standalone_desk_only(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    clock = clock_of(desk)
    scheduler = start_scheduler(desk.context)
    try:
        job = scheduler.get_job(UNCONFIRMED_JOB)
        assert job is not None
        assert job.trigger.interval == timedelta(minutes=5)
        closer = job.func.__self__
        assert isinstance(closer, ScheduledClose)
    finally:
        scheduler.shutdown(wait=False)
    with sqlite3.connect(desk_data.database) as conn:
        limit = (clock.now() - timedelta(hours=72)).replace(tzinfo=None).isoformat(sep=" ")
        due = {r[0] for r in conn.execute(
            "SELECT id FROM tickets WHERE state = 'resolved' AND resolved_at <= ?", (limit,))}
    assert due  # the demo desk has resolutions nobody confirmed for days

    # The job runs on the scheduler's pool; the desk hears of it on the GUI thread.
    heard: list[tuple[list[str], bool]] = []
    desk.context.events.tickets_changed.connect(
        lambda ids: heard.append((ids, threading.current_thread() is threading.main_thread())))
    results: list[list[str]] = []
    worker = threading.Thread(target=lambda: results.append(closer.run()))
    with qtbot.waitSignal(desk.context.events.tickets_changed, timeout=10_000):
        worker.start()
    worker.join()
    assert set(results[0]) == due and heard == [(results[0], True)]
    with sqlite3.connect(desk_data.database) as conn:
        assert conn.execute(
            "SELECT count(*) FROM ticket_events WHERE kind = 'state_changed' AND actor_id IS "
            "NULL AND json_extract(data, '$.unconfirmed') AND json_extract(data, "
            "'$.timeout_hours') = 72").fetchone()[0] == len(due)

    # Connected to a server, the escalation service closes them, never this desk.
    later = resolved_ticket(desk_data, timedelta(hours=72), clock)
    desk.context.settings.update(server_url="http://127.0.0.1:9", server_login="zhao")
    clock.advance(timedelta(hours=73))
    assert closer.run() == []
    with sqlite3.connect(desk_data.database) as conn:
        assert conn.execute("SELECT state FROM tickets WHERE id = ?",
                            (later,)).fetchone() == ("resolved",)
