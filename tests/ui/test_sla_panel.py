"""The ticket view's SLA panel lists every target with its own state and time, follows the
injected clock, and shows a pause as a pause."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.paths import DataDir
from app.services.ticket_flow import TicketFlow
from tests.app.helpers import first_id
from tests.ui.test_sla_desk import clock_of, log_fault
from ui.desk import Desk
from ui.sla.ticket_panel import SlaTicketPanel


def lines(panel: SlaTicketPanel) -> list[str]:
    return [label.text() for label in panel.lines if not label.isHidden()]


def test_every_target_with_time_left_overdue_and_paused(qtbot: QtBot, desk: Desk,
                                                        desk_data: DataDir) -> None:
    clock = clock_of(desk)
    ticket = log_fault(desk, desk_data)  # first response given at once; resolution: 1 h
    window = desk.tickets.open(ticket)
    qtbot.addWidget(window)
    panel = window.findChild(SlaTicketPanel)
    assert panel is not None
    shown = lines(panel)
    assert any(t.startswith("<b>First response</b>") and "met" in t for t in shown)
    resolution = next(t for t in shown if t.startswith("<b>Resolution</b>"))
    assert "on track" in resolution and "1h 00m left" in resolution
    clock.advance(timedelta(minutes=70))
    panel.render()  # one tick of the panel's timer
    resolution = next(t for t in lines(panel) if t.startswith("<b>Resolution</b>"))
    assert "overdue by 10:00" in resolution and "breached" in resolution
    seat = first_id(desk_data.database, "staff")
    flow = TicketFlow(desk.context.store(), clock, seat)
    version = flow.take(ticket, 2)
    flow.pend(ticket, version, vendor=True, reason="等待厂商备件")
    desk.context.events.tickets_changed.emit([ticket])
    resolution = next(t for t in lines(panel) if t.startswith("<b>Resolution</b>"))
    assert "paused" in resolution and "paused 1 time(s)" in resolution
