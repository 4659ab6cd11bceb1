"""A phone call's missed answer target in the notification centre (issue 19): the calls the
server recorded arrive (here written as sync applies them), the monitor raises the late
answer and the missed call once, the centre lists them with the rings against the target
and opens the call-back task, never a ticket a late answer does not have. Rendered in both
languages."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.channels.tables import PhoneCallRow
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.database import Store
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, centre_in_view, desk_in
from tests.ui.test_notification_centre import click_row
from ui.desk import build_desk

OUT = Path("/tmp/seatdesk-shots")
NOW = T0 + timedelta(days=10)  # after the issue-19 policy's release
MISSED = "Phone answer target missed"


def write_two_calls(store: Store, data: DataDir) -> str:
    """A call answered after 4.4 rings and one nobody answered (its call-back task: a
    ticket of the desk); returns the task's id."""
    with closing(sqlite3.connect(data.database)) as conn:
        seat = conn.execute("SELECT id FROM staff ORDER BY id LIMIT 1").fetchone()[0]
        task = conn.execute("SELECT id FROM tickets ORDER BY id LIMIT 1").fetchone()[0]
    rang = NOW - timedelta(minutes=10)
    with store.unit_of_work() as session:
        session.add(PhoneCallRow(
            id="late", call_id="c-late", extension="8001", caller="13800000001",
            seat_id=seat, ringing_at=rang, answered_at=rang + timedelta(seconds=22),
            ended_at=None, ring_ms=5000, outcome="answered", ticket_id=None))
        session.add(PhoneCallRow(
            id="missed", call_id="c-missed", extension="8001", caller="13800000002",
            seat_id=seat, ringing_at=rang + timedelta(minutes=2), answered_at=None,
            ended_at=rang + timedelta(minutes=2, seconds=30), ring_ms=5000,
            outcome="missed", ticket_id=task))
    return str(task)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_late_and_missed_calls_are_listed_and_open_the_call_back(
        qtbot: QtBot, demo_store: Store, demo_copy: DataDir, language: str) -> None:
    task = write_two_calls(demo_store, demo_copy)
    with desk_in(qtbot, demo_copy, ManualClock(NOW), language, seat_of(demo_copy)) as desk:
        desk.sla.start()
        centre = centre_in_view(qtbot, desk)
        texts = [centre.list.item(r).text() for r in range(centre.list.count())]
        calls = [t for t in texts if "8001" in t]
        assert len(calls) == 2
        zone = desk.context.time_zone

        def local(moment: datetime) -> str:
            return moment.astimezone(zone).strftime("%m-%d %H:%M:%S")

        # Each missed when its third ring ended, 15 s after it started ringing.
        if language == "en":
            assert calls == [
                f"13800000002  Phone answered (rings) Breached at "
                f"{local(NOW - timedelta(minutes=8) + timedelta(seconds=15))}"
                "\nCall from 13800000002 to extension 8001 was not answered",
                f"13800000001  Phone answered (rings) Breached at "
                f"{local(NOW - timedelta(minutes=10) + timedelta(seconds=15))}"
                "\nCall from 13800000001 to extension 8001 answered after 4.4 rings "
                "(target 3)"]
        else:
            assert "响铃 4.4 声后接听（目标 3 声）" in calls[1]
        desk.sla.monitor.check_calls()  # raised once: a second look adds nothing
        assert centre.list.count() == len(texts)
        OUT.mkdir(exist_ok=True)
        desk.window.resize(1200, 700)
        assert desk.window.grab().save(str(OUT / f"notifications-calls-{language}.png"))
        opened: list[str] = []
        centre.open_requested.connect(opened.append)
        activate(qtbot, desk.window)
        for text in (calls[1], calls[0]):  # the late answer, then the missed call
            shown = [centre.list.item(r).text() for r in range(centre.list.count())]
            click_row(qtbot, centre, shown.index(text))
            qtbot.keyClick(centre.list, Qt.Key.Key_Return)
        assert opened == [task]  # the late answer has no ticket; the missed call its task
        qtbot.waitUntil(lambda: task in desk.tickets.open_windows)
        desk.tickets.close_all()


def test_two_missed_calls_make_one_announcement_that_counts_the_other(
        qtbot: QtBot, demo_store: Store, demo_copy: DataDir,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The tray tells of the first call and how many more, not of each call on its own."""
    from ui.announce import Announcer

    write_two_calls(demo_store, demo_copy)
    announced: list[tuple[str, str]] = []
    monkeypatch.setattr(Announcer, "announce",
                        lambda _self, title, body, **_kw: announced.append((title, body)))
    desk = build_desk(demo_copy, SettingsFile(demo_copy.settings), ManualClock(NOW), "en",
                      seat_of(demo_copy))
    qtbot.addWidget(desk.window)
    try:
        desk.sla.start()
        qtbot.waitUntil(lambda: any(title == MISSED for title, _body in announced))
        # The demo's tickets breach at this hour too: one notice for them, one for calls.
        [body] = [body for title, body in announced if title == MISSED]
        assert body == ("Call from 13800000001 to extension 8001 answered after 4.4 rings "
                        "(target 3) (+1 more)")
    finally:
        desk.close()
