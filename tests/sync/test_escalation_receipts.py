"""What the escalation service does besides escalating, over real HTTP and PostgreSQL: it
closes resolutions nobody confirmed (once, for every desk), and settles a "notify the
supervisor" line when a supervisor's acknowledgement reaches it."""

from __future__ import annotations

from contextlib import closing
from datetime import timedelta

from sqlalchemy import select

from app.domain.clock import ManualClock
from app.server.tables import rows
from app.services.ticket_flow import TicketFlow
from app.sla.receipts import ACKNOWLEDGED, awaiting_acknowledgement, record_receipts
from app.store.reading import read_connection
from tests.conftest import T0
from tests.sync.conftest import AGENT, ESCALATOR, SUPERVISOR, RunningServer
from tests.sync.test_escalation_service import (  # noqa: F401 (the fixture)
    MakeDesk,
    Services,
    advance,
    escalation,
    eventually,
    rows_of,
    server_ledger,
)
from tests.sync.test_scenarios import log_ticket, one


def server_ticket(server: RunningServer, ticket: str) -> dict[str, object]:
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data).where(rows.c.entity == "tickets",
                                                       rows.c.key == ticket)).first()
    assert found is not None
    return dict(found.data)


def server_closes(server: RunningServer, ticket: str) -> list[tuple[object, set[str]]]:
    """(actor, authors) of the ticket's unconfirmed-close entries on the server."""
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data, rows.c.field_versions).where(
            rows.c.entity == "ticket_events", rows.c.data["ticket_id"].astext == ticket,
            rows.c.data["kind"].astext == "state_changed")).all()
    return [(r.data["actor_id"], {a.partition("@")[0] for _v, a in r.field_versions.values()})
            for r in found if '"unconfirmed": true' in r.data["data"]]


def test_the_service_closes_unconfirmed_resolutions_once_for_every_desk(
        make_desk: MakeDesk, server: RunningServer, escalation: Services) -> None:  # noqa: F811
    seat = make_desk(AGENT)
    service_clock = ManualClock(T0)
    service = escalation.start(service_clock)
    advance(timedelta(minutes=1), service_clock, seat.clock, server.clock)
    ticket, _number = log_ticket(seat)
    flow = TicketFlow(seat.store, seat.clock, seat.staff_id)
    flow.resolve(ticket, flow.take(ticket, 1), solution="重新挂载存储卷")
    seat.syncer.sync_once()
    eventually(lambda: rows_of(service.store.path, "SELECT state FROM tickets WHERE id = ?",
                               ticket) == [("resolved",)], what="the service pulling it")

    advance(timedelta(hours=71), service_clock, seat.clock, server.clock)
    assert service.settle()
    assert server_ticket(server, ticket)["state"] == "resolved"  # 71 h: not yet
    advance(timedelta(hours=1, minutes=5), service_clock, seat.clock, server.clock)
    assert service.settle()
    # Three days on, the service's token has expired: it renews it before pushing.
    eventually(lambda: server_ticket(server, ticket)["state"] == "closed", timeout=60,
               what="the service's close on the server")
    assert server_ticket(server, ticket)["closed_unconfirmed"] is True
    # One entry, by the system, pushed by the escalation service's account.
    assert server_closes(server, ticket) == [(None, {ESCALATOR})]

    seat.syncer.sync_once()
    assert one(seat, "SELECT state || ' ' || closed_unconfirmed FROM tickets WHERE id = ?",
               ticket) == "closed 1"
    # Again much later, and after a restart of the service: nothing more.
    escalation.close(service)
    advance(timedelta(hours=5), service_clock, seat.clock, server.clock)
    again = escalation.start(service_clock)
    assert again.settle()
    assert len(server_closes(server, ticket)) == 1


def test_a_supervisors_acknowledgement_settles_the_line_on_the_server(
        make_desk: MakeDesk, server: RunningServer, escalation: Services) -> None:  # noqa: F811
    service_clock = ManualClock(T0)
    service = escalation.start(service_clock)  # the demo's overdue tickets: supervisors told
    eventually(lambda: any(outcome == "pending" and action == "notify_supervisor"
                           for _k, action, outcome, _a in server_ledger(server)),
               what="the notifications of the supervisors on the server")
    supervisor, agent = make_desk(SUPERVISOR), make_desk(AGENT)
    with closing(read_connection(supervisor.data.database)) as reader:
        waiting = awaiting_acknowledgement(reader)
    assert waiting
    line = waiting[0].ledger_id

    # An agent cannot acknowledge in a supervisor's name: the server refuses the receipt.
    assert supervisor.staff_id is not None and agent.staff_id is not None
    record_receipts(agent.store, agent.clock, [line], supervisor.staff_id, ACKNOWLEDGED)
    assert agent.syncer.sync_once().rejected == 2  # delivered and acknowledged

    advance(timedelta(minutes=2), supervisor.clock, service_clock, server.clock)
    record_receipts(supervisor.store, supervisor.clock, [line], supervisor.staff_id,
                    ACKNOWLEDGED)
    assert supervisor.syncer.sync_once().rejected == 0
    # The supervisor's desk never writes the ledger itself.
    assert one(supervisor, "SELECT outcome FROM sla_escalations WHERE id = ?", line) == "pending"

    # The service pulls the receipt and, the ledger's only writer, settles the line.
    eventually(lambda: rows_of(service.store.path, "SELECT outcome FROM sla_escalations "
                               "WHERE id = ?", line) == [("done",)],
               what="the service settling the acknowledged line")
    eventually(lambda: [(o, a) for k, _act, o, a in server_ledger(server) if k == line]
               == [("done", {ESCALATOR})], what="the settled line on the server")
    supervisor.syncer.sync_once()
    detail = one(supervisor, "SELECT detail FROM sla_escalations WHERE id = ?", line)
    name = one(supervisor, "SELECT name FROM staff WHERE id = ?", supervisor.staff_id)
    assert detail.startswith(f"acknowledged by {name} ")
    with closing(read_connection(supervisor.data.database)) as reader:
        assert line not in [c.ledger_id for c in awaiting_acknowledgement(reader)]
