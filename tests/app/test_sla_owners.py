"""Issue 16: an escalation names the person who must follow the ticket, by the rule."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.escalations.ledger import read_ledger
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.sla import owners
from app.sla.monitor import due_thresholds, refresh_targets
from app.sla.policy import CUT_OVER
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id


@pytest.fixture
def team(demo_store: Store, demo_copy: DataDir) -> tuple[str, list[str]]:
    """A team of three: a lead (seniority 3), two others (2 and 1)."""
    conn = read_connection(demo_copy.database)
    team_id = first_id(demo_copy.database, "teams")
    people = [r[0] for r in conn.execute(
        "SELECT id FROM staff WHERE deleted = 0 AND active = 1 ORDER BY id LIMIT 3")]
    with demo_store.unit_of_work() as session:
        from app.store.models import StaffRow

        for row in session.query(StaffRow).filter(StaffRow.team_id == team_id):
            row.team_id = None
        for seniority, staff_id in zip((3, 2, 1), people, strict=True):
            member = session.get(StaffRow, staff_id)
            assert member is not None
            member.team_id, member.seniority = team_id, seniority
    return team_id, people


def escalated_fault(store: Store, data: DataDir, clock: ManualClock, team_id: str) -> str:
    db = data.database
    draft = TicketDraft("核心交换机端口故障", "二楼汇聚交换机多个端口无法协商。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"))
    ticket = Intake(store, clock, GradingWeights(), first_id(db, "staff")).log(draft).id
    with store.unit_of_work() as session:
        from app.store.models import TicketRow

        row = session.get(TicketRow, ticket)
        assert row is not None
        row.team_id = team_id
    return ticket


@pytest.mark.parametrize("on_duty, chosen", [((1, 2), 1), ((), 0)])
def test_the_escalation_names_the_senior_on_duty_else_the_team_lead(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock,
        team: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch,
        on_duty: tuple[int, ...], chosen: int) -> None:
    team_id, people = team
    monkeypatch.setattr(owners, "_on_duty", lambda _conn, _now: frozenset(
        people[i] for i in on_duty))
    clock.set(CUT_OVER + timedelta(days=3, hours=2))
    reader: sqlite3.Connection = read_connection(demo_copy.database)
    ticket = escalated_fault(demo_store, demo_copy, clock, team_id)
    refresh_targets(demo_store, reader, [ticket], clock.now())
    clock.advance(timedelta(hours=2))
    raised = [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == ticket]
    assert any(r.escalations for r in raised)
    lines = [e for e in read_ledger(reader, "en") if e.ticket_id == ticket]
    assert lines and {e.follower_id for e in lines} == {people[chosen]}
    name = reader.execute("SELECT name FROM staff WHERE id = ?", (people[chosen],)).fetchone()
    assert {e.follower for e in lines} == {name[0]}
    data = reader.execute("SELECT data FROM ticket_events WHERE ticket_id = ? AND "
                          "kind = 'escalated'", (ticket,)).fetchall()
    assert data and all(people[chosen] in d[0] for d in data)


def test_a_ticket_with_no_group_goes_to_the_senior_on_duty(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock,
        team: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    _team_id, people = team
    reader = read_connection(demo_copy.database)
    followers = owners.Followers(reader, clock.now())
    monkeypatch.setattr(owners, "_on_duty", lambda _conn, _now: frozenset(people[1:]))
    assert followers.follower(None) == people[1]
    monkeypatch.setattr(owners, "_on_duty", lambda _conn, _now: frozenset())
    assert owners.Followers(reader, clock.now()).follower(None) is None
