"""The phone's SLA targets over real HTTP against the real server (issue 19): the server
records each call when it stops ringing, the record reaches every desk by sync, an answer
after more rings than the policy allows is raised there as a missed target (once), and a
missed call's call-back task runs its own target until the seat's call note."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from app.channels import calls as desk_calls
from app.channels.records import read_calls
from app.domain.clock import ManualClock
from app.domain.roles import ROLES, writer_of
from app.reports.analysis import response_analysis
from app.reports.period import Period, Span
from app.reports.phone import phone_report
from app.server.schema import upgrade
from app.services.ticket_flow import NoteKind, TicketFlow
from app.sla.calls import raise_call_misses
from app.sla.clock import ClockState
from app.sla.monitor import refresh_targets
from app.sla.notices import notices
from app.sla.policy import CUT_OVER, TargetKind
from app.sla.reading import ticket_clocks
from app.sync.client import ServerClient
from tests.sync.conftest import AGENT, SUPERVISOR, Desk, RunningServer
from tests.sync.test_account_admin import admin, signed_in
from tests.sync.test_calls import pbx

__all__ = ["admin", "pbx"]

# After the release of the issue-16/19 policy (tickets before keep version 0).
LATER = CUT_OVER + timedelta(hours=3)


def _at_later(server_clock: ManualClock, *desks: Desk) -> datetime:
    for clock in (server_clock, *(d.clock for d in desks)):
        clock.set(LATER)
    return LATER


def _reader(desk: Desk) -> sqlite3.Connection:
    return sqlite3.connect(desk.data.database)


def _agent_with_extension(server: RunningServer) -> ServerClient:
    client = signed_in(server, AGENT)
    desk_calls.set_extension(client, "8001")
    return client


def test_an_answer_after_4_rings_misses_the_target_on_another_desk(
        server: RunningServer, server_clock: ManualClock, make_desk: Callable[..., Desk],
        pbx: Callable[..., requests.Response]) -> None:
    agent = _agent_with_extension(server)
    supervisor = make_desk(SUPERVISOR)
    start = _at_later(server_clock, supervisor)
    pbx("ringing", call_id="late")
    server_clock.advance(timedelta(seconds=20))  # 4 rings of 5 s
    assert pbx("answered", call_id="late").json()["rings"] == 4.0
    pbx("ringing", call_id="quick")
    server_clock.advance(timedelta(seconds=12))  # 2.4 rings: within the target
    pbx("answered", call_id="quick")
    supervisor.syncer.sync_once()
    reader = _reader(supervisor)
    recorded = dict(reader.execute("SELECT call_id, outcome FROM phone_calls").fetchall())
    assert recorded == {"late": "answered", "quick": "answered"}
    seat = reader.execute("SELECT seat_id FROM phone_calls WHERE call_id = 'late'").fetchone()
    assert seat[0] == server.staff_id(AGENT)
    supervisor.clock.advance(timedelta(seconds=40))
    [miss] = raise_call_misses(supervisor.store, reader, supervisor.clock)
    assert (miss.call.call_id, miss.call.rings, miss.limit) == ("late", 4.0, 3)
    assert miss.call.missed_at(3) == start + timedelta(seconds=15)
    assert raise_call_misses(supervisor.store, reader, supervisor.clock) == []  # once
    [notice] = notices(reader, supervisor.clock.now())
    assert (notice.kind, notice.threshold, notice.ticket_id) == ("answer", "breached", "")
    assert notice.call is not None and notice.call.call_id == "late"
    # The supervisor's report: one call of the agent's within 3 rings, one late.
    report = phone_report(reader, Period.of(Span.DAY, start.date()), supervisor.clock.now())
    figures = report.by_seat[server.staff_id(AGENT) or ""]
    assert (figures.calls, figures.within, figures.late, figures.share_within) == \
        (2, 1, 1, 0.5)
    assert report.totals.rings == (0, 0, 1, 1, 0, 0)  # 2.4 rings, 4 rings
    agent.close()


def test_a_missed_calls_call_back_target_runs_and_is_met_by_the_call_note(
        server: RunningServer, server_clock: ManualClock, make_desk: Callable[..., Desk],
        pbx: Callable[..., requests.Response]) -> None:
    agent = _agent_with_extension(server)
    seat, supervisor = make_desk(AGENT), make_desk(SUPERVISOR)
    _at_later(server_clock, seat, supervisor)
    pbx("ringing", call_id="gone")
    server_clock.advance(timedelta(seconds=30))
    ticket = pbx("hangup", call_id="gone").json()["ticket"]  # the caller gave up
    missed_at = server_clock.now()
    seat.syncer.sync_once()
    reader = _reader(seat)
    assert reader.execute("SELECT outcome, ticket_id FROM phone_calls").fetchone() == \
        ("abandoned", ticket)
    seat.clock.set(missed_at + timedelta(minutes=2))
    refresh_targets(seat.store, reader, [ticket], seat.clock.now())
    running = reader.execute("SELECT state, deadline_ms FROM sla_running WHERE ticket_id = ? "
                             "AND kind = 'call_back'", (ticket,)).fetchone()
    assert running is not None and running[0] == "ok"
    [call_back] = [c for c in ticket_clocks(reader, ticket, seat.clock.now())
                   if c.kind is TargetKind.CALL_BACK]
    assert call_back.deadline == missed_at + timedelta(minutes=5)
    # The abandoned call missed its answer target too: raised on the seat's desk.
    [miss] = raise_call_misses(seat.store, reader, seat.clock)
    assert miss.call.outcome == "abandoned" and miss.call.ticket_id == ticket
    # The seat calls back three minutes after the missed call and notes it.
    seat.clock.set(missed_at + timedelta(minutes=3))
    TicketFlow(seat.store, seat.clock, seat.staff_id).note(ticket, NoteKind.CALL_NOTE,
                                                           "Called back: VPN fixed")
    seat.syncer.sync_once()
    supervisor.syncer.sync_once()
    supervisor.clock.set(missed_at + timedelta(minutes=20))
    [met] = [c for c in ticket_clocks(_reader(supervisor), ticket,
                                      supervisor.clock.now())
             if c.kind is TargetKind.CALL_BACK]
    assert met.state is ClockState.MET and met.stopped_at == missed_at + timedelta(minutes=3)
    report = phone_report(_reader(supervisor), Period.of(Span.DAY, missed_at.date()),
                          supervisor.clock.now())
    assert (report.totals.abandoned, report.totals.within) == (1, 0)
    assert report.call_back is not None
    assert (report.call_back.met, report.call_back.missed) == (1, 0)
    # The Reports page and the monthly report hand over their analysis: the same figure.
    period = Period.of(Span.DAY, missed_at.date())
    analysis = response_analysis(_reader(supervisor), period, supervisor.clock.now())
    assert analysis.totals[TargetKind.CALL_BACK] == report.call_back
    assert phone_report(_reader(supervisor), period, supervisor.clock.now(),
                        targets=analysis.totals).call_back == report.call_back
    agent.close()


@pytest.mark.parametrize("role", ROLES, ids=lambda spec: spec.role.value)
def test_no_account_may_write_the_calls_record(role: object) -> None:
    capability = writer_of("phone_calls")
    assert capability is not None and capability not in role.capabilities  # type: ignore


def test_calls_taken_before_the_upgrade_get_their_record(
        server: RunningServer, server_clock: ManualClock, make_desk: Callable[..., Desk],
        pbx: Callable[..., requests.Response]) -> None:
    """server_0009: a database whose calls have no record (taken before issue 19's record)
    gets one per call that stopped ringing; desks pull them; a second run adds nothing."""
    agent = _agent_with_extension(server)
    _at_later(server_clock)
    pbx("ringing", call_id="old-answered")
    server_clock.advance(timedelta(seconds=20))
    pbx("answered", call_id="old-answered")
    pbx("ringing", call_id="old-missed")
    ticket = pbx("missed", call_id="old-missed").json()["ticket"]
    pbx("ringing", call_id="still-ringing")
    with server.engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_rows WHERE entity = 'phone_calls'"))
        conn.execute(text("UPDATE alembic_version SET version_num = 'server_0008'"))
    upgrade(server.engine)
    upgrade(server.engine)  # at head: nothing more
    seat = make_desk(AGENT)
    rows = _reader(seat).execute(
        "SELECT call_id, outcome, ticket_id, seat_id, ring_ms FROM phone_calls "
        "ORDER BY call_id").fetchall()
    staff = server.staff_id(AGENT)
    assert rows == [("old-answered", "answered", None, staff, 5000),
                    ("old-missed", "missed", ticket, staff, 5000)]
    [call] = read_calls(_reader(seat), LATER - timedelta(hours=1), LATER + timedelta(hours=1),
                        " AND c.call_id = 'old-answered'")
    assert (call.rings, call.ringing_at) == (4.0, LATER)
    with server.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'server_0008'"))
    upgrade(server.engine)
    with server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_rows WHERE entity = "
                                 "'phone_calls'")).scalar() == 2
    agent.close()


def test_a_missed_call_nobody_called_back_in_time_is_brought_to_the_supervisors(
        server: RunningServer, server_clock: ManualClock, make_desk: Callable[..., Desk],
        pbx: Callable[..., requests.Response], tmp_path: Path) -> None:
    """The caller gave up and nobody called back within the 5 minutes: the escalation
    service notifies the supervisors, as for any overdue ticket (the built-in policy)."""
    from tests.sync.test_escalation_service import Services, eventually, server_ledger

    agent = _agent_with_extension(server)
    _at_later(server_clock)
    pbx("ringing", call_id="unreturned")
    server_clock.advance(timedelta(seconds=30))
    ticket = pbx("hangup", call_id="unreturned").json()["ticket"]
    services = Services(server, tmp_path, hook_timeout=1.0)
    service_clock = ManualClock(server_clock.now())
    service = services.start(service_clock)
    try:
        assert [(kind, action) for _k, kind, action in _ledger(server, ticket)] == []
        service_clock.advance(timedelta(minutes=5, seconds=1))
        assert service.settle()
        eventually(lambda: _ledger(server, ticket) != [],
                   what="the call-back's breach escalated on the server")
        assert [(kind, action) for _k, kind, action in _ledger(server, ticket)] == [
            ("call_back", "notify_supervisor")]
        assert [line[3] for line in server_ledger(server, ticket)] == [{"escalator"}]
    finally:
        services.close(service)
        agent.close()


def _ledger(server: RunningServer, ticket: str) -> list[tuple[str, str, str]]:
    with server.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(  # type: ignore[misc]
            "SELECT key, data->>'kind', data->>'action' FROM sync_rows "
            "WHERE entity = 'sla_escalations' AND data->>'ticket_id' = :ticket "
            "ORDER BY key"), {"ticket": ticket})]
