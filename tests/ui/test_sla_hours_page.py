"""Business hours on the SLA policies page: edited, checked, saved as a new version."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from app.paths import DataDir
from app.sla.running import from_ms
from tests.ui.test_sla_desk import clock_of
from tests.ui.test_sla_settings import fault_row, log_fault, open_page, policy_rows
from ui.desk import Desk
from ui.sla.policy_dialog import PolicyDialog

SH = ZoneInfo("Asia/Shanghai")


def business_fault(page: PolicyDialog) -> None:
    """A fault's resolution: eight business hours (the demo policy has 1 hour, 24x7)."""
    row = fault_row(page)
    page.rules.table.cellWidget(row, 4).setValue(8 * 60)
    calendar = page.rules.table.cellWidget(row, 5)
    calendar.setCurrentIndex(calendar.findData("business"))


def deadline(data: DataDir, ticket_id: str) -> datetime:
    with sqlite3.connect(data.database) as conn:
        (ms,) = conn.execute("SELECT deadline_ms FROM sla_running WHERE ticket_id = ? "
                             "AND kind = 'resolution'", (ticket_id,)).fetchone()
    return from_ms(ms).astimezone(SH)


def set_zone(page: PolicyDialog, text: str) -> None:
    # Typed as a paste would be: keystrokes would open the completer's popup, which
    # grabs the keyboard (the offscreen platform cannot).
    page.hours.zone.lineEdit().setText(text)


def test_edited_hours_apply_to_tickets_logged_after_saving(qtbot: QtBot, desk: Desk,
                                                           desk_data: DataDir) -> None:
    clock = clock_of(desk)  # Thursday 2026-11-26, 10:00 in Beijing
    desk.sla.start()
    page = open_page(desk)
    assert page.hours.opens.time() == QTime(9, 0) and page.hours.closes.time() == QTime(18, 0)
    assert page.hours.zone.currentText() == "Asia/Shanghai"
    business_fault(page)
    assert page.save()
    older = log_fault(desk, desk_data)
    assert deadline(desk_data, older) == datetime(2026, 11, 26, 18, 0, tzinfo=SH)

    clock.advance(timedelta(minutes=1))
    page = open_page(desk)
    page.tabs.setCurrentIndex(2)
    assert page.tabs.currentWidget().isAncestorOf(page.hours)  # on the Calendar tab
    page.hours.opens.setTime(QTime(8, 30))
    page.hours.closes.setTime(QTime(17, 30))
    set_zone(page, "Asia/Shanghai")
    with qtbot.waitSignal(page.policy_saved, timeout=2000) as saved:
        assert page.save()
    assert saved.args == [3]
    newer = log_fault(desk, desk_data)
    # 10:01-17:30 is 7 h 29 min; the last 31 minutes are Friday from 08:30.
    assert deadline(desk_data, newer) == datetime(2026, 11, 27, 9, 1, tzinfo=SH)
    # Saving recomputed every open ticket: the older one keeps its version's hours.
    assert deadline(desk_data, older) == datetime(2026, 11, 26, 18, 0, tzinfo=SH)
    again = open_page(desk)
    assert again.hours.opens.time() == QTime(8, 30)
    assert again.history.item(0, 5).text() == "08:30–17:30 Asia/Shanghai"
    assert again.history.item(1, 5).text() == "09:00–18:00 Asia/Shanghai"


def test_hours_that_cannot_work_are_refused_with_a_message(qtbot: QtBot, desk: Desk,
                                                            desk_data: DataDir) -> None:
    page = open_page(desk)
    business_fault(page)
    page.hours.opens.setTime(QTime(18, 0))
    page.hours.closes.setTime(QTime(9, 0))
    set_zone(page, "Mars/Olympus")
    page.overrides.add_blank()  # valid, yet not saved either
    assert page.save() is False
    text = page.problems.text()
    assert not page.problems.isHidden() and page.isVisible()
    assert "Business hours: the closing time must be after the opening time" in text
    assert 'Business hours: "Mars/Olympus" is not a time zone this computer knows' in text
    assert policy_rows(desk_data) == []
    with sqlite3.connect(desk_data.database) as conn:
        assert conn.execute("SELECT count(*) FROM sla_calendar_overrides").fetchone() == (0,)

    page.hours.closes.setTime(QTime(18, 0))  # the same time: still no working window
    set_zone(page, "Europe/London")
    assert page.save() is False
    assert page.problems.text() == ("Business hours: the closing time must be after the "
                                    "opening time, on the same day.")
    page.hours.opens.setTime(QTime(9, 0))
    assert page.save()
    assert len(policy_rows(desk_data)) == 1
    assert desk.context.reader.execute("SELECT body FROM sla_policies").fetchone()[0].count(
        '"zone": "Europe/London"') == 1
