"""The timeline says what the server wrote for a monitoring alert (issue 19), under the
system as author."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from app.domain.enums import EventKind
from app.store.ticket_detail import TimelineEntry
from ui.ticket.timeline import timeline_html


def test_alert_entries_are_told_apart(qtbot: QtBot) -> None:
    at = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    entries = [TimelineEntry(at, "", EventKind.CREATED, "NodeDown", {"alert": "opened"}),
               TimelineEntry(at, "", EventKind.COMMENT, "", {"alert": "resolved"}),
               TimelineEntry(at, "", EventKind.COMMENT, "", {"alert": "fired"}),
               TimelineEntry(at, "", EventKind.COMMENT, "", {"alert": "joined"}),
               TimelineEntry(at, "", EventKind.COMMENT, "", {})]
    html = timeline_html(entries, ZoneInfo("Asia/Shanghai"))
    assert html.count("<b>System</b>") == 5
    for text in ("created the ticket", "the alert resolved", "the alert fired again",
                 "another alert joined this storm", "added an internal comment"):
        assert text in html
