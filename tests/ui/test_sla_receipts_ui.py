""""Notify the supervisor" on the desk: the supervisor's desk records that it showed the
escalation, the supervisor acknowledges it with a click, and the ticket's SLA panel says
who saw it and when."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.demo.accounts import DEMO_AGENT, DEMO_SUPERVISOR
from app.paths import DataDir
from tests.conftest import seat_of
from tests.ui.conftest import centre_in_view
from tests.ui.test_sla_desk import add_ledger_line, clock_of, connect, log_fault
from ui.desk import Desk
from ui.sla.escalations import EscalationInbox


def quietly(desk: Desk) -> list[tuple[str, str]]:
    announced: list[tuple[str, str]] = []
    desk.sla.announcer.announce = (  # type: ignore[method-assign]
        lambda title, body, **_kinds: announced.append((title, body)))
    return announced


def receipts(data: DataDir, line: str) -> list[tuple[str, str]]:
    with sqlite3.connect(data.database) as conn:
        return [tuple(r) for r in conn.execute(  # type: ignore[misc]
            "SELECT step, staff_id FROM sla_escalation_receipts WHERE escalation_id = ? "
            "ORDER BY at, step = 'acknowledged', id", (line,))]


def ledger_line(data: DataDir, ticket: str) -> tuple[str, str, str]:
    with sqlite3.connect(data.database) as conn:
        row = conn.execute("SELECT id, outcome, detail FROM sla_escalations WHERE ticket_id = ? "
                           "AND kind = 'resolution' AND action = 'notify_supervisor'",
                           (ticket,)).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def number_of(desk: Desk, ticket: str) -> str:
    return str(desk.context.reader.execute("SELECT number FROM tickets WHERE id = ?",
                                           (ticket,)).fetchone()[0])


def click_acknowledge(qtbot: QtBot, inbox: EscalationInbox, number: str) -> None:
    """Click the escalation's line, then Acknowledge, as the supervisor does."""
    # Laid out once the centre has shown it (what the supervisor can click).
    qtbot.waitUntil(lambda: not inbox.acknowledge_button.rect().isEmpty())
    rows = [i for i in range(inbox.list.count())
            if inbox.list.item(i).text().startswith(f"{number}  Resolution")]
    assert len(rows) == 1, [inbox.list.item(i).text() for i in range(inbox.list.count())]
    item = inbox.list.item(rows[0])
    inbox.list.scrollToItem(item)
    qtbot.mouseClick(inbox.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=inbox.list.visualItemRect(item).center())
    assert inbox.list.selectedItems() == [item]
    qtbot.mouseClick(inbox.acknowledge_button, Qt.MouseButton.LeftButton)


def test_a_supervisor_at_a_standalone_desk_is_delivered_and_acknowledges(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    supervisor = seat_of(desk_data, DEMO_SUPERVISOR)
    desk.context.switch_seat(supervisor)
    announced = quietly(desk)
    clock = clock_of(desk)
    desk.sla.start()
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(hours=1, seconds=1))
    assert desk.sla.monitor is not None
    desk.sla.monitor.check()
    assert announced  # the breach was announced to this desk's seat, a supervisor
    line, outcome, _detail = ledger_line(desk_data, ticket)
    assert outcome == "pending"
    assert receipts(desk_data, line) == [("delivered", supervisor.staff_id)]

    centre = centre_in_view(qtbot, desk)
    inbox = centre.escalations
    assert inbox.isVisible()
    clock.advance(timedelta(minutes=3))
    click_acknowledge(qtbot, inbox, number_of(desk, ticket))
    assert receipts(desk_data, line) == [("delivered", supervisor.staff_id),
                                         ("acknowledged", supervisor.staff_id)]
    # This desk writes its own ledger: the line is done, naming who and when.
    _line, outcome, detail = ledger_line(desk_data, ticket)
    assert outcome == "done" and detail.startswith(f"acknowledged by {supervisor.name} ")
    assert not any(inbox.list.item(i).text().startswith(f"{number_of(desk, ticket)}  Resol")
                   for i in range(inbox.list.count()))

    window = desk.tickets.open(ticket)
    panel = window.findChild(QLabel, "sla_escalations")
    assert panel is not None
    local = clock.now().astimezone(desk.context.time_zone)
    seen = (local - timedelta(minutes=3)).strftime("%m-%d %H:%M")
    assert f"delivered to {supervisor.name} {seen}" in panel.text()
    assert f"acknowledged by {supervisor.name} {local.strftime('%m-%d %H:%M')}" in panel.text()


def test_an_agents_desk_neither_receives_nor_lists_escalations(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    desk.context.switch_seat(seat_of(desk_data, DEMO_AGENT))
    quietly(desk)
    clock = clock_of(desk)
    desk.sla.start()
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(hours=1, seconds=1))
    assert desk.sla.monitor is not None
    desk.sla.monitor.check()
    line, outcome, _detail = ledger_line(desk_data, ticket)
    assert (outcome, receipts(desk_data, line)) == ("pending", [])
    centre = centre_in_view(qtbot, desk)
    assert not centre.escalations.isVisible()
    window = desk.tickets.open(ticket)
    panel = window.findChild(QLabel, "sla_escalations")
    assert panel is not None and "not seen by a supervisor yet" in panel.text()
    # A supervisor takes the seat over: the escalation waits for him.
    desk.context.switch_seat(seat_of(desk_data, DEMO_SUPERVISOR))
    assert centre.escalations.isVisible()
    assert receipts(desk_data, line)[0][0] == "delivered"
    qtbot.waitUntil(lambda: "not acknowledged yet" in panel.text())


@pytest.mark.parametrize("step", ["announce", "list"])
def test_a_connected_supervisors_desk_records_receipts_but_not_the_ledger(
        qtbot: QtBot, desk: Desk, desk_data: DataDir, step: str) -> None:
    clock = clock_of(desk)
    connect(desk, "supervisor")
    supervisor = seat_of(desk_data, DEMO_SUPERVISOR)
    desk.context.switch_seat(supervisor)
    announced = quietly(desk)
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(hours=1))
    # The escalation service's line arrives by sync, fresh (announced) or old (not).
    at = clock.now() - (timedelta(hours=2) if step == "list" else timedelta(0))
    add_ledger_line(desk, ticket, at, "notify_supervisor", outcome="pending")
    desk.context.events.records_changed.emit(["sla_escalations"])
    line, _outcome, _detail = ledger_line(desk_data, ticket)
    assert bool(announced) == (step == "announce")
    assert receipts(desk_data, line) == (
        [("delivered", supervisor.staff_id)] if step == "announce" else [])

    inbox = centre_in_view(qtbot, desk).escalations
    assert receipts(desk_data, line) == [("delivered", supervisor.staff_id)]  # shown now
    click_acknowledge(qtbot, inbox, number_of(desk, ticket))
    assert receipts(desk_data, line)[-1] == ("acknowledged", supervisor.staff_id)
    # The ledger is the escalation service's: it settles the line when the receipt arrives.
    assert ledger_line(desk_data, ticket)[1] == "pending"
