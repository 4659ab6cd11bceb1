"""Escalation with a server: the escalation service (a headless desk replica under an
escalator account) escalates once for every desk, over real HTTP against the real server
and PostgreSQL; desks connected to the server only notify."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.domain.clock import ManualClock
from app.server.tables import rows
from app.services.ticket_flow import TicketFlow
from app.sla.escalation import Action, Escalation, deliver_webhook
from app.sla.monitor import due_thresholds, refresh_targets
from app.sla.policy import Policy, Rule, TargetKind
from app.sla.service import EscalationService, NotAnEscalator, open_service
from app.sla.tables import SlaEscalationRow, SlaPolicyRow
from app.store.reading import read_connection
from tests.conftest import T0
from tests.hooks import Hook
from tests.sync.conftest import (
    ADMIN,
    AGENT,
    ESCALATOR,
    OTHER_AGENT,
    PASSWORD,
    Desk,
    RunningServer,
)
from tests.sync.test_scenarios import log_ticket, one

MakeDesk = Callable[..., Desk]
FIRST_RESPONSE_MINUTES = 10


def eventually(check: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def rows_of(database: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute(sql, params).fetchall()


def ledger(database: Path, ticket: str) -> list[tuple[str, str, str]]:
    """(id, action, outcome) of the ticket's ledger lines on a desk or the service."""
    return [tuple(r) for r in rows_of(
        database, "SELECT id, action, outcome FROM sla_escalations WHERE ticket_id = ? "
        "ORDER BY id", ticket)]  # type: ignore[misc]


def escalated_events(database: Path, ticket: str) -> list[str]:
    return sorted(r[0] for r in rows_of(
        database, "SELECT id FROM ticket_events WHERE ticket_id = ? AND kind = 'escalated'",
        ticket))


def server_ledger(server: RunningServer, ticket: str | None = None
                  ) -> list[tuple[str, str, str, set[str]]]:
    """(key, action, outcome, authors of its fields) of the server's ledger lines."""
    query = select(rows.c.key, rows.c.data, rows.c.field_versions).where(
        rows.c.entity == "sla_escalations")
    if ticket is not None:
        query = query.where(rows.c.data["ticket_id"].astext == ticket)
    with server.engine.connect() as conn:
        found = conn.execute(query.order_by(rows.c.key)).all()
    return [(r.key, r.data["action"], r.data["outcome"],
             {author.partition("@")[0] for _v, author in r.field_versions.values()})
            for r in found]


def repeated_on_server(server: RunningServer) -> list[tuple[Any, ...]]:
    """Raises escalated more than once by the same rule, across every ticket."""
    with server.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT data->>'ticket_id', data->>'kind', data->>'window', data->>'threshold', "
            "data->>'action', count(*) FROM sync_rows WHERE entity = 'sla_escalations' "
            "GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1"))]


def server_escalated_events(server: RunningServer, ticket: str) -> list[str]:
    with server.engine.connect() as conn:
        return sorted(r.key for r in conn.execute(select(rows.c.key).where(
            rows.c.entity == "ticket_events", rows.c.data["ticket_id"].astext == ticket,
            rows.c.data["kind"].astext == "escalated")))


def add_policy(admin: Desk, *escalations: Escalation) -> None:
    """Version 2 from T0: new tickets get a 10-minute first response and these escalations
    (the demo's tickets keep version 1, whose escalations only notify)."""
    policy = Policy(2, (Rule(TargetKind.FIRST_RESPONSE, FIRST_RESPONSE_MINUTES),
                        Rule(TargetKind.RESOLUTION, 240)), escalations=escalations)
    with admin.store.unit_of_work() as session:
        session.add(SlaPolicyRow(version=2, valid_from=T0, body=policy.to_json(),
                                 author_id=admin.staff_id))
    [report] = [admin.syncer.sync_once()]
    assert (report.pushed, report.rejected) == (2, 0)  # the version and its audit line


class Services:
    """Starts escalation services over the test's server, each on its own fake clock."""

    def __init__(self, server: RunningServer, root: Path, hook_timeout: float) -> None:
        self._server, self._root = server, root
        self._deliver = partial(deliver_webhook, timeout=hook_timeout, retries=2,
                                backoff=0.05)
        self.running: list[EscalationService] = []

    def start(self, clock: ManualClock, folder: str = "escalator") -> EscalationService:
        service = open_service(self._root / folder, self._server.url, ESCALATOR, PASSWORD,
                               clock, deliver=self._deliver)
        self.running.append(service)
        service.start()
        assert service.settle(60), "the escalation service did not finish its first pass"
        return service

    def close(self, service: EscalationService) -> None:
        self.running.remove(service)
        service.close()


@pytest.fixture
def escalation(server: RunningServer, tmp_path: Path) -> Iterator[Services]:
    services = Services(server, tmp_path, hook_timeout=1.0)
    yield services
    for service in list(services.running):
        services.close(service)


def advance(delta: timedelta, *clocks: ManualClock) -> None:
    for clock in clocks:
        clock.advance(delta)


def new_ticket(desk: Desk, service: EscalationService, *clocks: ManualClock) -> str:
    """A ticket logged a minute after T0 (every clock moves on), synced, and known to the
    service."""
    advance(timedelta(minutes=1), desk.clock, *clocks)
    ticket, _number = log_ticket(desk)
    desk.syncer.sync_once()
    eventually(lambda: bool(rows_of(service.store.path, "SELECT 1 FROM sla_running "
                                    "WHERE ticket_id = ?", ticket)),
               what="the service indexing the ticket (pull after a poke)")
    return ticket


def test_the_server_escalates_once_for_every_desk(
        make_desk: MakeDesk, server: RunningServer, escalation: Services,
        hook: Hook) -> None:
    admin, a, b = make_desk(ADMIN), make_desk(AGENT), make_desk(OTHER_AGENT)
    add_policy(admin, Escalation(Action.WEBHOOK, "breached", "first_response", hook.url()),
               Escalation(Action.RAISE_LEVEL, "breached", "first_response"))
    a.syncer.sync_once()
    b.syncer.sync_once()
    service_clock = ManualClock(T0)
    service = escalation.start(service_clock)
    ticket = new_ticket(a, service, service_clock, b.clock, server.clock)
    level = one(a, "SELECT level FROM tickets WHERE id = ?", ticket)
    assert level > 1, "the policy raises the level: the ticket needs room to rise"

    advance(timedelta(minutes=FIRST_RESPONSE_MINUTES, seconds=1), service_clock, a.clock,
            b.clock, server.clock)
    # The connected desk's own monitor raises its notification, and escalates nothing.
    with closing(read_connection(a.data.database)) as reader:
        refresh_targets(a.store, reader, [ticket], a.clock.now())
        raised = [r for r in due_thresholds(a.store, reader, a.clock, escalate=False)
                  if r.ticket_id == ticket]
    assert [(r.kind, r.threshold, r.escalations) for r in raised] == [
        ("first_response", "at_risk", ()), ("first_response", "breached", ())]
    assert ledger(a.data.database, ticket) == []

    assert service.settle()
    eventually(lambda: sorted(x[1:3] for x in server_ledger(server, ticket)) == [
        ("raise_level", "done"), ("webhook", "done")],
        what="the ledger lines and the webhook's outcome on the server")
    on_server = server_ledger(server, ticket)
    assert sorted((action, outcome) for _k, action, outcome, _a in on_server) == [
        ("raise_level", "done"), ("webhook", "done")]
    # Only the escalation service wrote them (the desks' pushes carried no ledger line).
    assert all(authors == {ESCALATOR} for *_line, authors in on_server)
    assert len(server_escalated_events(server, ticket)) == 2
    assert hook.count("/ok", ticket) == 1
    # The demo's overdue tickets were escalated too (version 1 notifies), each once.
    assert len(server_ledger(server)) > 2 and repeated_on_server(server) == []

    a.syncer.sync_once()
    b.syncer.sync_once()
    expected = [(key, action, outcome) for key, action, outcome, _a in on_server]
    for desk in (a, b):
        assert ledger(desk.data.database, ticket) == expected
        assert escalated_events(desk.data.database, ticket) == \
            server_escalated_events(server, ticket)
        assert one(desk, "SELECT level FROM tickets WHERE id = ?", ticket) == level - 1
        assert one(desk, "SELECT count(*) FROM ticket_events WHERE ticket_id = ? "
                         "AND kind = 'level_changed'", ticket) == 1

    # A restart of the service repeats nothing, however long it was away.
    escalation.close(service)
    advance(timedelta(hours=3), service_clock, a.clock, b.clock, server.clock)
    again = escalation.start(service_clock)
    assert ledger(again.store.path, ticket) == expected
    # Nor does a service that lost its folder: the ledger it pulls says what was done.
    escalation.close(again)
    fresh = escalation.start(service_clock, folder="escalator-new")
    assert rows_of(fresh.store.path, "SELECT count(*) FROM sla_notifications "
                                     "WHERE ticket_id = ?", ticket)[0][0] >= 1
    assert ledger(fresh.store.path, ticket) == expected
    escalation.close(fresh)  # pushes whatever it still had
    assert len(server_ledger(server, ticket)) == 2 and repeated_on_server(server) == []
    assert len(server_escalated_events(server, ticket)) == 2
    assert hook.count("/ok", ticket) == 1
    a.syncer.sync_once()
    assert ledger(a.data.database, ticket) == expected


def test_a_failing_webhook_is_retried_recorded_as_failed_and_blocks_nothing(
        make_desk: MakeDesk, server: RunningServer, escalation: Services,
        hook: Hook) -> None:
    admin, seat = make_desk(ADMIN), make_desk(AGENT)
    add_policy(admin, Escalation(Action.WEBHOOK, "at_risk", "first_response", hook.url("/fail")),
               Escalation(Action.WEBHOOK, "breached", "first_response", hook.url("/hang")))
    seat.syncer.sync_once()
    service_clock = ManualClock(T0)
    service = escalation.start(service_clock)
    ticket = new_ticket(seat, service, service_clock, server.clock)

    # At risk (7.5 min): the hook answers 500 three times (a try, two retries) → failed.
    advance(timedelta(minutes=8), service_clock, seat.clock, server.clock)
    assert service.settle()
    assert hook.count("/fail", ticket) == 3
    assert [outcome for _i, _a, outcome in ledger(service.store.path, ticket)] == ["failed"]
    detail = rows_of(service.store.path, "SELECT detail FROM sla_escalations "
                                         "WHERE ticket_id = ?", ticket)[0][0]
    assert "HTTP 500 (3x)" in detail

    # Breached: the hook hangs. The line is written and reaches the server while the call
    # is still waiting: nothing waits for a hook.
    advance(timedelta(minutes=3), service_clock, seat.clock, server.clock)
    service.wake()
    eventually(lambda: sorted(x[1:3] for x in server_ledger(server, ticket)) == [
        ("webhook", "failed"), ("webhook", "pending")], what="the pending line on the server")
    assert hook.count("/hang", ticket) >= 1 and not hook.release.is_set()
    # Each try times out after a second: three tries, then the line is failed.
    eventually(lambda: sorted(x[2] for x in server_ledger(server, ticket)) == [
        "failed", "failed"], what="the timed-out webhook recorded as failed")
    assert hook.count("/hang", ticket) == 3
    seat.syncer.sync_once()
    assert sorted(outcome for _i, _a, outcome in ledger(seat.data.database, ticket)) == [
        "failed", "failed"]
    assert "ReadTimeout (3x)" in one(seat, "SELECT detail FROM sla_escalations WHERE "
                                           "ticket_id = ? AND threshold = 'breached'", ticket)


def test_only_the_escalation_service_writes_the_ledger(
        make_desk: MakeDesk, server: RunningServer, escalation: Services) -> None:
    seat = make_desk(AGENT)
    ticket, _number = log_ticket(seat)
    line = "0190c0de-0000-7000-8000-0000000e5ca1"
    with seat.store.unit_of_work() as session:
        session.add(SlaEscalationRow(id=line, ticket_id=ticket, kind="resolution",
                                     threshold="breached", action="notify_supervisor",
                                     at=seat.clock.now(), outcome="done"))
    [report] = [seat.syncer.sync_once()]
    assert report.rejected == 1
    assert one(seat, "SELECT reason FROM sync_outbox WHERE status = 'rejected'") == \
        "only the escalation service writes sla_escalations"
    assert server_ledger(server, ticket) == []


def test_the_service_refuses_an_account_that_is_not_an_escalator(
        server: RunningServer, tmp_path: Path) -> None:
    with pytest.raises(NotAnEscalator, match="--role escalator"):
        open_service(tmp_path / "service", server.url, AGENT, PASSWORD, ManualClock(T0))


def test_a_ticket_answered_in_time_on_a_desk_is_not_escalated(
        make_desk: MakeDesk, server: RunningServer, escalation: Services, hook: Hook) -> None:
    admin, seat = make_desk(ADMIN), make_desk(AGENT)
    add_policy(admin, Escalation(Action.WEBHOOK, "breached", "first_response", hook.url()))
    seat.syncer.sync_once()
    service_clock = ManualClock(T0)
    service = escalation.start(service_clock)
    ticket = new_ticket(seat, service, service_clock, server.clock)
    advance(timedelta(minutes=5), service_clock, seat.clock, server.clock)
    TicketFlow(seat.store, seat.clock, seat.staff_id).first_response(ticket, 1)
    seat.syncer.sync_once()
    # The service hears of the answer by a poke and stops the clock in its index.
    eventually(lambda: not rows_of(service.store.path, "SELECT 1 FROM sla_running WHERE "
                                   "ticket_id = ? AND kind = 'first_response'", ticket),
               what="the service stopping the first-response clock")
    advance(timedelta(minutes=30), service_clock, seat.clock, server.clock)
    assert service.settle()
    assert ledger(service.store.path, ticket) == []
    assert hook.count("/ok", ticket) == 0


def test_the_escalate_command_escalates_and_stops_cleanly(server: RunningServer,
                                                          tmp_path: Path) -> None:
    """``seatdesk-server escalate`` on the real clock: the demo's tickets are long overdue,
    so its first pass escalates them (version 1 notifies the supervisors)."""
    logs = tmp_path / "escalate.log"
    with logs.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.server.cli", "escalate", "--data-dir",
             str(tmp_path / "service"), "--server", server.url, "--login", ESCALATOR,
             "--password-stdin"], stdin=subprocess.PIPE, stderr=errors, text=True)
        assert process.stdin is not None
        process.stdin.write(PASSWORD + "\n")
        process.stdin.close()
        try:
            eventually(lambda: len(server_ledger(server)) > 0, timeout=90,
                       what=f"the command's escalations ({logs.read_text()[-2000:]})")
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(30)
    assert code == 0, logs.read_text()[-2000:]
    lines = server_ledger(server)
    assert {action for _k, action, _o, _a in lines} == {"notify_supervisor"}
    assert all(authors == {ESCALATOR} for *_line, authors in lines)
    assert repeated_on_server(server) == []
