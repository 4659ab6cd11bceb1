"""The handling process between two desks over the real server (issue 16): a plan written
at the technical lead's desk reaches the seat's, its steps ticked off there come back, and
the lead's verification lets the seat's desk close the level-2 result - on the server too."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing

from sqlalchemy import select

from app.domain.enums import Channel, Level, Rating, SatisfactionMethod
from app.domain.grading import GradingWeights
from app.identity.seat import SignedIn, staff_of
from app.process.reading import needs_verification, plans_of, verdicts
from app.process.service import Process, StepDraft
from app.server.tables import rows
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.store.reading import read_connection
from tests.sync.conftest import AGENT, SUPERVISOR, Desk, RunningServer


def seat(desk: Desk, role: str) -> SignedIn:
    with closing(sqlite3.connect(desk.data.database)) as conn:
        found = staff_of(conn, desk.login, role)
    assert found is not None
    return found


def version(desk: Desk, ticket: str) -> int:
    with closing(sqlite3.connect(desk.data.database)) as conn:
        return int(conn.execute("SELECT version FROM tickets WHERE id = ?",
                                (ticket,)).fetchone()[0])


def test_plan_steps_and_verification_travel_between_desks(
        make_desk: Callable[..., Desk], server: RunningServer) -> None:
    agent_desk, lead_desk = make_desk(AGENT), make_desk(SUPERVISOR)
    agent, lead = seat(agent_desk, "agent"), seat(lead_desk, "supervisor")
    with closing(sqlite3.connect(agent_desk.data.database)) as conn:
        requester, kind, category = (conn.execute(sql).fetchone()[0] for sql in (
            "SELECT id FROM requesters ORDER BY id LIMIT 1",
            "SELECT id FROM ticket_types ORDER BY id LIMIT 1",
            "SELECT id FROM categories ORDER BY id LIMIT 1"))
    ticket = Intake(agent_desk.store, agent_desk.clock, GradingWeights(), agent.staff_id).log(
        TicketDraft("核心交换机端口故障", "", requester, Channel.PHONE, kind, category,
                    Rating.LOW, Rating.LOW, Rating.LOW, Level.TWO, "按预案定级")).id
    agent_desk.syncer.sync_once()
    lead_desk.syncer.sync_once()
    Process(lead_desk.store, lead_desk.clock, lead).save_plan(
        ticket, version(lead_desk, ticket), "先恢复业务",
        [StepDraft("切换备用端口", agent.staff_id), StepDraft("更换板卡", lead.staff_id)])
    lead_desk.syncer.sync_once()
    agent_desk.syncer.sync_once()
    reader = read_connection(agent_desk.data.database)
    (plan,) = plans_of(reader, ticket)
    assert [s.owner_id for s in plan.steps] == [agent.staff_id, lead.staff_id]
    Process(agent_desk.store, agent_desk.clock, agent).step_done(
        ticket, version(agent_desk, ticket), plan.steps[0].id)
    flow = TicketFlow(agent_desk.store, agent_desk.clock, agent.staff_id)
    flow.resolve(ticket, flow.take(ticket, version(agent_desk, ticket)), solution="已恢复")
    agent_desk.syncer.sync_once()
    lead_desk.syncer.sync_once()
    lead_reader = read_connection(lead_desk.data.database)
    (plan,) = plans_of(lead_reader, ticket)
    assert plan.done == 1
    assert needs_verification(lead_reader, ticket)
    Process(lead_desk.store, lead_desk.clock, lead).verify(
        ticket, version(lead_desk, ticket), approved=True, note="已复核")
    lead_desk.syncer.sync_once()
    agent_desk.syncer.sync_once()
    assert not needs_verification(reader, ticket)
    assert [v.by for v in verdicts(reader, ticket, "process_verifications")] == [lead.name]
    flow.confirm(ticket, version(agent_desk, ticket), score=5,
                 method=SatisfactionMethod.CALL_BACK)
    agent_desk.syncer.sync_once()
    with server.engine.connect() as conn:
        state = conn.execute(select(rows.c.data["state"].astext).where(
            rows.c.entity == "tickets", rows.c.key == ticket)).scalar_one()
    assert state == "closed"
    reader.close()
    lead_reader.close()
