"""The monitor over a real store: raised once, pauses move the index, restarts are quiet."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.sla.escalation import Delivery, record_outcome
from app.sla.monitor import due_thresholds, open_ticket_ids, refresh_targets
from app.sla.notices import notices, unread_count
from app.sla.reading import next_due
from app.sla.running import from_ms, running_for
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id


@pytest.fixture
def seat(demo_copy: DataDir) -> str:
    return first_id(demo_copy.database, "staff")


@pytest.fixture
def fault(demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str) -> str:
    db = demo_copy.database
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"))
    return Intake(demo_store, clock, GradingWeights(), seat).log(draft).id


@pytest.fixture
def reader(demo_copy: DataDir) -> sqlite3.Connection:
    return read_connection(demo_copy.database)


def test_thresholds_are_raised_once_each(demo_store: Store, reader: sqlite3.Connection,
                                         clock: ManualClock, fault: str) -> None:
    created = clock.now()
    refresh_targets(demo_store, reader, [fault], clock.now())
    kinds = {t.kind for t in running_for(reader, [fault])[fault]}
    assert kinds >= {"first_response", "resolution"}
    assert next_due(reader) is not None
    clock.advance(timedelta(seconds=44))
    assert [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == fault] == []
    clock.advance(timedelta(seconds=1))
    raised = [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == fault]
    assert [(r.kind, r.threshold) for r in raised] == [("first_response", "at_risk")]
    assert raised[0].due_at == created + timedelta(seconds=45)
    clock.set(created + timedelta(hours=1))
    raised = [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == fault]
    assert sorted((r.kind, r.threshold) for r in raised) == [
        ("first_response", "breached"), ("pickup", "at_risk"), ("pickup", "breached"),
        ("resolution", "at_risk"), ("resolution", "breached")]
    breach = next(r for r in raised if (r.kind, r.threshold) == ("resolution", "breached"))
    assert [e.action for _id, e in breach.escalations] == ["notify_supervisor"]
    # Again, and after a restart recomputed everything: nothing new.
    assert [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == fault] == []
    refresh_targets(demo_store, reader, open_ticket_ids(reader), clock.now())
    assert [r for r in due_thresholds(demo_store, reader, clock) if r.ticket_id == fault] == []
    count = reader.execute("SELECT count(*) FROM sla_notifications WHERE ticket_id=?",
                           (fault,)).fetchone()[0]
    assert count == 6
    ledger = reader.execute("SELECT kind, action, outcome FROM sla_escalations "
                            "WHERE ticket_id=? ORDER BY kind", (fault,)).fetchall()
    # Nobody picked the ticket up within 15 minutes, nor resolved it within the hour: the
    # supervisors were notified (sent; "done" once one of them acknowledges).
    assert ledger == [("pickup", "notify_supervisor", "pending"),
                      ("resolution", "notify_supervisor", "pending")]
    ledger_id = breach.escalations[0][0]
    record_outcome(demo_store, ledger_id, Delivery(True, 1, "HTTP 200"), clock.now())


def test_pause_and_resume_move_the_deadline(demo_store: Store, reader: sqlite3.Connection,
                                            clock: ManualClock, fault: str, seat: str) -> None:
    start = clock.now()
    flow = TicketFlow(demo_store, clock, seat)
    version = flow.first_response(fault, 1)
    version = flow.take(fault, version)
    clock.advance(timedelta(minutes=10))
    version = flow.pend(fault, version, vendor=True, reason="等待厂商")
    refresh_targets(demo_store, reader, [fault], clock.now())
    (target,) = running_for(reader, [fault])[fault]
    assert target.kind == "resolution" and target.paused and target.deadline_ms is None
    clock.advance(timedelta(minutes=30))
    flow.start(fault, version)
    refresh_targets(demo_store, reader, [fault], clock.now())
    (target,) = running_for(reader, [fault])[fault]
    assert target.deadline_ms is not None and not target.paused
    assert from_ms(target.deadline_ms) == start + timedelta(minutes=90)


def test_resolved_tickets_leave_the_index(demo_store: Store, reader: sqlite3.Connection,
                                          clock: ManualClock, fault: str, seat: str) -> None:
    flow = TicketFlow(demo_store, clock, seat)
    version = flow.take(fault, 1)
    flow.resolve(fault, version, solution="重新挂载")
    refresh_targets(demo_store, reader, [fault], clock.now())
    assert fault not in running_for(reader, [fault])


def test_escalations_raise_the_level_hand_over_and_show_on_the_timeline(
        demo_store: Store, reader: sqlite3.Connection, clock: ManualClock, fault: str,
        seat: str) -> None:
    from app.sla.escalation import Action, Escalation
    from app.sla.policy import DEFAULT_RULES, Policy
    from app.sla.tables import SlaPolicyRow

    senior = reader.execute("SELECT code FROM teams ORDER BY code LIMIT 1").fetchone()[0]
    policy = Policy(2, DEFAULT_RULES, escalations=(
        Escalation(Action.RAISE_LEVEL, "at_risk", "resolution"),
        Escalation(Action.REASSIGN, "breached", "resolution", team=senior),
        Escalation(Action.REASSIGN, "breached", "first_response", team="no-such-team")))
    with demo_store.unit_of_work() as session:
        session.add(SlaPolicyRow(version=2, valid_from=clock.now() - timedelta(days=1),
                                 body=policy.to_json()))
    level = reader.execute("SELECT level FROM tickets WHERE id=?", (fault,)).fetchone()[0]
    TicketFlow(demo_store, clock, seat).assign(fault, 1, seat)
    refresh_targets(demo_store, reader, [fault], clock.now())
    clock.advance(timedelta(hours=2))
    due_thresholds(demo_store, reader, clock)
    ticket = reader.execute("SELECT level, state, assignee_id, t.code FROM tickets "
                            "JOIN teams t ON t.id = tickets.team_id WHERE tickets.id=?",
                            (fault,)).fetchone()
    assert ticket == (max(1, level - 1), "new", None, senior)  # raised, back to the group
    ledger = sorted(reader.execute(
        "SELECT kind, action, outcome, detail FROM sla_escalations WHERE ticket_id=?",
        (fault,)).fetchall())
    assert ("first_response", "reassign", "skipped", "no team 'no-such-team'") in ledger
    assert ("resolution", "reassign", "done", f"to team {senior}, unassigned") in ledger
    escalated = reader.execute("SELECT count(*) FROM ticket_events WHERE ticket_id=? "
                               "AND kind='escalated'", (fault,)).fetchone()[0]
    assert escalated == len(ledger)  # every escalation is on the timeline too


def test_the_notification_centre_reads_from_its_indexes(
        demo_store: Store, reader: sqlite3.Connection, clock: ManualClock, fault: str) -> None:
    """The unread count and the newest page of notifications are read at every start and
    every threshold: on a desk with thousands of notifications (a night of breaches), a
    table scan or a sort of all of them took 15-80 ms."""
    refresh_targets(demo_store, reader, [fault], clock.now())
    clock.advance(timedelta(hours=1))
    due_thresholds(demo_store, reader, clock)
    sent: list[str] = []
    reader.set_trace_callback(sent.append)
    unread = unread_count(reader, clock.now())
    listed = notices(reader, clock.now())
    reader.set_trace_callback(None)
    assert unread == len(listed) >= 5
    # The traced statements carry their values inline: planned as they were run.
    count_plan, page_plan = ([row[3] for row in reader.execute(f"EXPLAIN QUERY PLAN {sql}")]
                             for sql in sent)
    assert count_plan == ["SEARCH n USING COVERING INDEX ix_sla_notifications_unread "
                          "(acknowledged_at=? AND read_at=?)"]
    assert page_plan[0] == "SEARCH n USING INDEX ix_sla_notifications_open (acknowledged_at=?)"
    assert not any("TEMP B-TREE" in step for step in page_plan)  # no sort of them all
