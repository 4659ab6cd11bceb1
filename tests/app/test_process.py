"""The handling process over a real store and the fake clock (issue 16, part 2): the
level-2 plan target, verification before confirmation, level-3 review, level-1
emergencies and their plans."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel, Level, Rating, SatisfactionMethod
from app.domain.grading import GradingWeights
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.process.emergencies import emergencies
from app.process.library import LIBRARY, plans_for
from app.process.reading import (
    analysis_of,
    needs_verification,
    plans_of,
    review_queue,
    sampled,
    verdicts,
)
from app.process.service import Process, StepDraft
from app.services.errors import DeskError, Problem
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.sla.monitor import due_thresholds, refresh_targets
from app.sla.policy import CUT_OVER
from app.sla.reading import ticket_clocks
from app.store.database import Store
from app.store.reading import read_connection
from app.store.ticket_detail import ticket_detail, timeline
from tests.app.helpers import first_id, one
from tests.conftest import seat_of


@pytest.fixture
def reader(demo_copy: DataDir, clock: ManualClock) -> sqlite3.Connection:
    clock.set(CUT_OVER + timedelta(days=3))  # the built-in policy with the "plan" target
    return read_connection(demo_copy.database)


@pytest.fixture
def lead(demo_copy: DataDir) -> SignedIn:
    return seat_of(demo_copy, "seat004")  # the demo's technical lead


@pytest.fixture
def agent(demo_copy: DataDir) -> SignedIn:
    return seat_of(demo_copy, "seat010")


def log(store: Store, data: DataDir, clock: ManualClock, seat: SignedIn, level: Level,
        type_code: str = "maintenance") -> str:
    db = data.database
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", f"code='{type_code}'"),
                        first_id(db, "categories", "code='storage'"),
                        Rating.LOW, Rating.LOW, Rating.LOW, level, "按预案定级")
    return Intake(store, clock, GradingWeights(), seat.staff_id).log(draft).id


def version_of(reader: sqlite3.Connection, ticket: str) -> int:
    return int(reader.execute("SELECT version FROM tickets WHERE id = ?",
                              (ticket,)).fetchone()[0])


def clock_state(reader: sqlite3.Connection, ticket: str, kind: str,
                clock: ManualClock) -> str:
    (found,) = [c for c in ticket_clocks(reader, ticket, clock.now()) if c.kind == kind]
    return str(found.state)


def test_a_level_2_ticket_without_a_plan_breaches_plan_at_61_minutes_and_escalates(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn) -> None:
    ticket = log(demo_store, demo_copy, clock, agent, Level.TWO)
    refresh_targets(demo_store, reader, [ticket], clock.now())
    clock.advance(timedelta(minutes=59))
    assert clock_state(reader, ticket, "plan", clock) == "at_risk"
    clock.advance(timedelta(minutes=2))
    assert clock_state(reader, ticket, "plan", clock) == "breached"
    raised = [r for r in due_thresholds(demo_store, reader, clock, escalate=True)
              if r.ticket_id == ticket and r.kind == "plan"]
    assert [r.threshold for r in raised if r.escalations] == ["breached"]
    (line,) = reader.execute("SELECT action, outcome FROM sla_escalations "
                             "WHERE ticket_id = ? AND kind = 'plan'", (ticket,)).fetchall()
    assert line == ("notify_supervisor", "pending")
    # Level 2 no longer has the old one-hour resolution deadline in its place.
    (resolution,) = [c for c in ticket_clocks(reader, ticket, clock.now())
                     if c.kind == "resolution"]
    assert resolution.budget == timedelta(hours=24)


def test_saving_the_plan_meets_the_target_and_its_steps_run_on_the_timeline(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn, lead: SignedIn) -> None:
    ticket = log(demo_store, demo_copy, clock, agent, Level.TWO)
    clock.advance(timedelta(minutes=40))
    steps = [StepDraft("切换到备用存储", agent.staff_id, clock.now() + timedelta(minutes=30)),
             StepDraft("更换故障盘", lead.staff_id, clock.now() + timedelta(hours=2))]
    with pytest.raises(DeskError) as refused:
        Process(demo_store, clock, agent).save_plan(ticket, version_of(reader, ticket),
                                                    "", steps)
    assert refused.value.problem is Problem.NOT_ALLOWED  # agents do not write plans
    with pytest.raises(DeskError) as refused:
        Process(demo_store, clock, lead).save_plan(ticket, version_of(reader, ticket), "",
                                                   [StepDraft("  ")])
    assert (refused.value.problem, refused.value.detail) == (Problem.STEP_TEXT_MISSING, "1")
    Process(demo_store, clock, lead).save_plan(ticket, version_of(reader, ticket),
                                               "先恢复业务再修复", steps)
    clock.advance(timedelta(minutes=30))
    assert clock_state(reader, ticket, "plan", clock) == "met"
    (plan,) = plans_of(reader, ticket)
    assert [(s.text, s.owner) for s in plan.steps] == [
        ("切换到备用存储", agent.name), ("更换故障盘", lead.name)]
    Process(demo_store, clock, agent).step_done(ticket, version_of(reader, ticket),
                                                plan.steps[0].id)
    (plan,) = plans_of(reader, ticket)
    assert plan.steps[0].done_at == clock.now() and plan.done == 1
    kinds = [(e.kind, e.actor) for e in timeline(reader, ticket)]
    assert ("plan_saved", lead.name) in kinds and ("step_done", agent.name) in kinds
    # Editing keeps what was done where the step stays the same, drops a removed step.
    Process(demo_store, clock, lead).save_plan(ticket, version_of(reader, ticket), "改",
                                               steps[:1])
    (plan,) = plans_of(reader, ticket)
    assert len(plan.steps) == 1 and plan.steps[0].done_at is not None


def resolved(store: Store, data: DataDir, clock: ManualClock, seat: SignedIn,
             level: Level) -> tuple[str, int]:
    flow = TicketFlow(store, clock, seat.staff_id)
    ticket = log(store, data, clock, seat, level)
    return ticket, flow.resolve(ticket, flow.take(ticket, 1), solution="更换故障盘后重新挂载")


def test_a_level_2_result_is_confirmed_only_after_the_technical_lead_verified_it(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn, lead: SignedIn) -> None:
    ticket, version = resolved(demo_store, demo_copy, clock, agent, Level.TWO)
    flow = TicketFlow(demo_store, clock, agent.staff_id)
    assert needs_verification(reader, ticket)
    with pytest.raises(DeskError) as refused:
        flow.confirm(ticket, version, score=5, method=SatisfactionMethod.CALL_BACK)
    assert refused.value.problem is Problem.NOT_VERIFIED
    with pytest.raises(DeskError) as refused:  # an agent does not verify
        Process(demo_store, clock, agent).verify(ticket, version, approved=True)
    assert refused.value.problem is Problem.NOT_ALLOWED
    # Refused by the lead: back to work, then resolved again - the old verdict is gone.
    version = Process(demo_store, clock, lead).verify(ticket, version, approved=False,
                                                      note="备用链路未恢复")
    assert ticket_detail(reader, ticket, "en").state == "assigned"  # type: ignore[union-attr]
    clock.advance(timedelta(minutes=5))
    version = flow.resolve(ticket, version, solution="备用链路已恢复")
    clock.advance(timedelta(minutes=5))
    version = Process(demo_store, clock, lead).verify(ticket, version, approved=True,
                                                      note="已复核")
    assert not needs_verification(reader, ticket)
    flow.confirm(ticket, version, score=5, method=SatisfactionMethod.CALL_BACK)
    assert [(v.by, v.approved) for v in verdicts(reader, ticket, "process_verifications")] \
        == [(lead.name, False), (lead.name, True)]


def test_level_3_results_are_not_held_and_level_3_records_its_analysis(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn) -> None:
    ticket, version = resolved(demo_store, demo_copy, clock, agent, Level.THREE)
    flow = TicketFlow(demo_store, clock, agent.staff_id)
    version = Process(demo_store, clock, agent).record_analysis(ticket, version,
                                                                "存储控制器告警", 90)
    with pytest.raises(DeskError) as refused:
        Process(demo_store, clock, agent).record_analysis(ticket, version, "x", 0)
    assert refused.value.problem is Problem.PLANNED_TIME_INVALID
    found = analysis_of(reader, ticket)
    assert found is not None and (found.planned_minutes, found.author) == (90, agent.name)
    flow.confirm(ticket, version, score=4, method=SatisfactionMethod.CALL_BACK)


def test_a_review_sent_back_reopens_the_work_and_shows_the_findings(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn) -> None:
    reviewer = seat_of(demo_copy, "seat005")
    start = clock.now()
    ticket, version = resolved(demo_store, demo_copy, clock, agent, Level.THREE)
    assert ticket in [i.ticket_id for i in review_queue(reader, start, 100)]
    with pytest.raises(DeskError) as refused:
        Process(demo_store, clock, reviewer).review(ticket, version, approved=False)
    assert refused.value.problem is Problem.REASON_MISSING  # findings are required
    Process(demo_store, clock, reviewer).review(ticket, version, approved=False,
                                                findings="根因未写明，缺少验证记录")
    detail = ticket_detail(reader, ticket, "en")
    assert detail is not None and detail.state == "assigned"
    (entry,) = [e for e in timeline(reader, ticket) if e.kind == "reviewed"]
    assert entry.body == "根因未写明，缺少验证记录" and entry.actor == reviewer.name
    assert ticket not in [i.ticket_id for i in review_queue(reader, start, 100)]
    # Resolved again, it is back in the queue; approved, it leaves it.
    flow = TicketFlow(demo_store, clock, agent.staff_id)
    clock.advance(timedelta(minutes=1))
    version = flow.resolve(ticket, version_of(reader, ticket), solution="补充根因与验证")
    assert ticket in [i.ticket_id for i in review_queue(reader, start, 100)]
    Process(demo_store, clock, reviewer).review(ticket, version, approved=True)
    assert ticket not in [i.ticket_id for i in review_queue(reader, start, 100)]


def test_the_review_sample_is_a_fixed_share_of_tickets_alike_in_sql_and_python(
        clock: ManualClock) -> None:
    from app.domain.ids import new_id
    from app.process.reading import _SAMPLE  # the queue's own expression

    ids = []
    for _ in range(2000):
        clock.advance(timedelta(milliseconds=1))
        ids.append(new_id(clock))
    share = sum(sampled(i, 20) for i in ids) / len(ids)
    assert 0.16 < share < 0.24
    assert all(sampled(i, 100) for i in ids[:50]) and not any(sampled(i, 0) for i in ids)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE tickets (id TEXT)")
    conn.executemany("INSERT INTO tickets VALUES (?)", [(i,) for i in ids])
    in_sql = {row[0] for row in conn.execute(f"SELECT id FROM tickets t WHERE {_SAMPLE}",
                                             {"percent": 20})}
    assert in_sql == {i for i in ids if sampled(i, 20)}


def test_a_level_1_emergency_is_shown_until_the_ticket_is_resolved(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock, agent: SignedIn) -> None:
    supervisor = seat_of(demo_copy, "seat002")
    ticket = log(demo_store, demo_copy, clock, agent, Level.ONE, "fault")
    junior = one(demo_copy.database, "SELECT id FROM staff WHERE seniority = 1 LIMIT 1")
    expert = one(demo_copy.database, "SELECT id FROM staff WHERE seniority = 3 AND active = 1 "
                 "ORDER BY id LIMIT 1")
    process = Process(demo_store, clock, supervisor)
    (first, *_rest) = plans_for("storage")
    assert first.code == "infrastructure" and plans_for("xyz")[0].code != "infrastructure"
    with pytest.raises(DeskError) as refused:
        process.declare_emergency(ticket, 1, first.code, junior, {}, "zh_CN")
    assert refused.value.problem is Problem.EXPERT_NOT_SENIOR
    process.declare_emergency(ticket, 1, first.code, expert,
                              {"liaison": supervisor.staff_id}, "zh_CN")
    assert clock_state(reader, ticket, "plan", clock) == "met"  # level 1: the emergency plan
    (shown,) = emergencies(reader)
    assert shown.ticket_id == ticket and shown.plan == first.name_zh
    detail = ticket_detail(reader, ticket, "en")
    assert detail is not None and detail.assignee_id == expert
    (plan,) = plans_of(reader, ticket)
    assert plan.roles["expert"] == expert and plan.roles["liaison"] == supervisor.staff_id
    assert len(plan.steps) == len(first.steps)
    assert plan.steps[1].owner_id == supervisor.staff_id  # the liaison notifies
    flow = TicketFlow(demo_store, clock, agent.staff_id)
    flow.resolve(ticket, version_of(reader, ticket), solution="已切换备机")
    assert emergencies(reader) == []


def test_the_library_has_a_plan_for_every_category_with_its_roles() -> None:
    assert len(LIBRARY) == 4
    for plan in LIBRARY:
        roles = {role.code for role in plan.roles}
        assert "expert" in roles and {step.role for step in plan.steps} <= roles
