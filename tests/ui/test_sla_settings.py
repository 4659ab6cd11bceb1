"""The SLA policy page and the seat's notification settings, on a real desk: invalid input
saves nothing, a saved version applies to new tickets only, only an administrator edits
on a desk signed in to a server, quiet hours hold back all but level-1 breaches."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.domain.enums import Channel, Level
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.sla.thresholds import used
from tests.app.helpers import first_id, one
from tests.conftest import seat_of
from tests.ui.conftest import centre_in_view
from tests.ui.test_sla_desk import clock_of
from ui.desk import Desk
from ui.sla.policy_dialog import PolicyDialog
from ui.sla.quiet_dialog import QuietHoursDialog


def policy_rows(data: DataDir) -> list[tuple[int, str | None]]:
    with sqlite3.connect(data.database) as conn:
        return conn.execute("SELECT version, author_id FROM sla_policies").fetchall()


def overrides(data: DataDir) -> list[tuple[str, int, str]]:
    with sqlite3.connect(data.database) as conn:
        return conn.execute("SELECT day, working, note FROM sla_calendar_overrides").fetchall()


def log_fault(desk: Desk, data: DataDir, level: Level | None = None) -> str:
    db = data.database
    seat = first_id(db, "staff")
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"),
                        level_override=level, override_reason="测试" if level else "")
    ticket = Intake(desk.context.store(), desk.context.clock, GradingWeights(), seat).log(draft)
    TicketFlow(desk.context.store(), desk.context.clock, seat).first_response(ticket.id, 1)
    desk.context.events.tickets_changed.emit([ticket.id])
    return ticket.id


def fault_row(page: PolicyDialog) -> int:
    table = page.rules.table
    return next(row for row in range(table.rowCount())
                if table.cellWidget(row, 2).currentData() == "fault")


def open_page(desk: Desk) -> PolicyDialog:
    page = desk.sla.open_policies()
    assert desk.sla.policy_dialog is page
    return page


def test_invalid_input_shows_why_and_saves_nothing(qtbot: QtBot, desk: Desk,
                                                   desk_data: DataDir) -> None:
    page = open_page(desk)
    assert page.editable and page.save_button.isEnabled()  # the demo administrator
    page.rules.table.cellWidget(fault_row(page), 4).setValue(0)
    page.rules.table.cellWidget(0, 6).setText("70, 八十")
    page.share.setValue(100)
    page.escalations.add_blank()
    last = page.escalations.table.rowCount() - 1
    page.escalations.table.cellWidget(last, 3).setCurrentIndex(
        page.escalations.table.cellWidget(last, 3).findData("webhook"))
    page.escalations.table.cellWidget(last, 5).setText("ftp://hooks.example.org/x")
    page.overrides.add_blank()  # a valid override: must not be saved either
    assert page.save() is False
    text = page.problems.text()
    assert not page.problems.isHidden()
    assert f"Targets, row {fault_row(page) + 1}: the target needs more than 0 minutes." in text
    assert "Targets, row 1: write warnings as numbers" in text
    assert "At-risk share:" in text
    assert f"Escalations, row {last + 1}: the webhook address must start with" in text
    assert page.isVisible()  # stays open for the correction
    assert policy_rows(desk_data) == [] and overrides(desk_data) == []


def test_a_saved_version_applies_to_new_tickets_only(qtbot: QtBot, desk: Desk,
                                                     desk_data: DataDir) -> None:
    clock = clock_of(desk)
    desk.sla.start()
    older = log_fault(desk, desk_data)
    clock.advance(timedelta(minutes=1))
    page = open_page(desk)
    row = fault_row(page)
    page.rules.table.cellWidget(row, 4).setValue(30)
    page.rules.table.cellWidget(row, 6).setText("70，80, 90")
    page.overrides.add_blank()
    page.overrides.table.cellWidget(0, 0).setDate(QDate(2026, 12, 31))
    page.overrides.table.cellWidget(0, 2).setText("年终盘点")
    with qtbot.waitSignal(page.policy_saved, timeout=2000) as saved:
        assert page.save()
    assert saved.args == [2]
    assert policy_rows(desk_data) == [(2, desk.context.seat.staff_id)]
    assert overrides(desk_data) == [("2026-12-31", 0, "年终盘点")]
    assert "version 2" in desk.window.statusBar().currentMessage()

    newer = log_fault(desk, desk_data)
    with sqlite3.connect(desk_data.database) as conn:
        budgets = dict(conn.execute(
            "SELECT ticket_id, budget_s FROM sla_running WHERE kind = 'resolution' "
            "AND ticket_id IN (?, ?)", (older, newer)))
    assert budgets == {older: 3600, newer: 1800}
    monitor = desk.sla.monitor
    assert monitor is not None
    clock.advance(timedelta(minutes=21))  # 70 % of the new ticket's 30 minutes
    with qtbot.waitSignal(monitor.thresholds_raised, timeout=2000) as raised:
        monitor.check()
    assert [(r.ticket_id, r.threshold) for r in raised.args[0]
            if r.ticket_id in (older, newer) and r.kind == "resolution"] == [(newer, used(70))]
    again = open_page(desk)  # the history lists the new version, newest first
    assert again.history.item(0, 0).text() == "2" and again.history.item(1, 0).text() == "1"
    name = desk.context.reader.execute("SELECT name FROM staff WHERE id = ?",
                                       (desk.context.seat.staff_id,)).fetchone()[0]
    assert again.history.item(0, 2).text() == name and again.history.item(1, 2).text() == "—"
    # Issue 16: two built-in versions, 0 for the tickets logged before the cut-over.
    assert again.history.rowCount() == 3 and again.history.item(2, 0).text() == "0"
    assert again.history.item(1, 1).text() == "Built in, from 2026-12-05"
    assert again.history.item(2, 1).text() == "Built in, tickets before 2026-12-05"


@pytest.mark.parametrize(("login", "editable"), [("seat010", False), ("seat002", False),
                                                 ("seat001", True)])
def test_only_an_administrator_edits_the_policies(
        qtbot: QtBot, desk: Desk, desk_data: DataDir, login: str, editable: bool) -> None:
    desk.context.switch_seat(seat_of(desk_data, login))  # an agent, a supervisor, an admin
    page = open_page(desk)
    assert page.editable is editable
    assert page.save_button.isEnabled() is editable
    assert page.rules.isEnabled() is editable and page.overrides.isEnabled() is editable
    assert page.hours.isEnabled() is editable
    page.share.setValue(60)
    assert page.save() is editable
    assert len(policy_rows(desk_data)) == (1 if editable else 0)


def test_quiet_hours_hold_back_all_but_a_level_1_breach(
        qtbot: QtBot, desk: Desk, desk_data: DataDir,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = clock_of(desk)
    desk.sla.start()
    shown: list[tuple[str, str, bool]] = []
    sounds: list[int] = []
    monkeypatch.setattr(desk.sla.announcer, "announce",
                        lambda title, body, breach=False, info=False: shown.append(
                            (title, body, breach)))
    # Which sound plays (a wav, or a beep without Qt Multimedia) is tests/ui/test_sound.py's.
    monkeypatch.setattr(desk.sla, "play_sound", lambda: sounds.append(1))
    # Quiet from 09:00 to 18:00 Beijing time; the desk's clock says 10:00.
    settings = QuietHoursDialog(desk.context.settings, desk.window)
    settings.sound.setChecked(True)
    settings.quiet.setChecked(True)
    settings.start.setTime(settings.start.time().fromString("09:00", "HH:mm"))
    settings.end.setTime(settings.end.time().fromString("18:00", "HH:mm"))
    settings.save()
    assert desk.context.settings.settings.quiet_hours_from == "09:00"
    assert desk.sla.quiet_now()
    monitor = desk.sla.monitor
    assert monitor is not None
    ticket = log_fault(desk, desk_data, Level.THREE)
    clock.advance(timedelta(minutes=46))  # at risk (75 % of the hour): not urgent
    monitor.check()
    unread = desk.sla.centre.unread
    assert shown == [] and sounds == [] and unread > 0  # held back, but in the centre
    centre = centre_in_view(qtbot, desk)
    number = one(desk_data.database, f"SELECT number FROM tickets WHERE id = '{ticket}'")
    assert any(centre.list.item(row).text().startswith(f"{number} ")
               for row in range(centre.list.count()))

    urgent = log_fault(desk, desk_data, Level.ONE)
    clock.advance(timedelta(hours=1, seconds=1))  # both breach; one is level 1
    monitor.check()
    number = desk.context.reader.execute("SELECT number FROM tickets WHERE id = ?",
                                         (urgent,)).fetchone()[0]
    assert len(shown) == 1 and shown[0][0] == "SLA breached" and shown[0][2]
    assert shown[0][1].startswith(f"{number}: ")  # the level-1 breach is the one shown
    assert sounds == [1]


def test_the_file_menu_opens_both_pages(qtbot: QtBot, desk: Desk) -> None:
    names = [a.text() for a in desk.window.file_menu.actions()]
    assert "SLA &policies…" in names and "N&otification settings…" in names
    assert names[-1] == "&Quit"
