"""The SLA monitor: keeps the index of running targets and raises thresholds once.

Index maintenance: the desk calls ``refresh_targets`` with the ids of the tickets a write
touched (after ``tickets_changed``) and once at start for all open tickets; it recomputes
those tickets' clocks from their history. ``due_thresholds`` then only reads the rows whose
next threshold is due (one range scan on ``ix_sla_running_next_due``), never the closed
tickets, and raises each (ticket, target, window, threshold) exactly once: the unique
constraint on ``sla_notifications`` makes a second raise - after a restart, a resync or a
recomputation - a no-op.

Escalation: whoever escalates (a standalone desk, or the server's escalation service,
``app.sla.service``) passes ``escalate=True`` and carries out the policy's escalations of a
new raise in the same transaction, each with its ledger line and timeline entry; a raise
the ledger already holds lines for (pulled from the server) is not escalated again. A desk
connected to a server passes ``escalate=False``: it still raises its own notifications.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, exists, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.sla.actions import carry_out
from app.sla.clock import RUNNING_STATES, Calendars, ClockState, TargetClock, clocks
from app.sla.escalation import Action, Escalation, plan_escalations
from app.sla.owners import Followers
from app.sla.policy import Policy
from app.sla.reading import PolicyBook, anything_due, calendars, histories, policy_book
from app.sla.running import from_ms, to_ms
from app.sla.tables import SlaEscalationRow, SlaNotificationRow, SlaRunningRow
from app.sla.thresholds import BREACHED
from app.store.database import Store


@dataclass(frozen=True)
class Raised:
    """A threshold raised just now (a new notification)."""

    notification_id: str
    ticket_id: str
    kind: str
    window: int
    threshold: str
    due_at: datetime
    escalations: tuple[tuple[str, Escalation], ...] = ()  # (ledger id, escalation)


def _schedule(clock: TargetClock, raised: set[str]) -> list[tuple[str, int]]:
    """The target's thresholds not raised yet, in order, with their due moment (ms)."""
    return [(code, to_ms(moment) or 0) for code, moment in clock.thresholds
            if code not in raised]


def _state(at_risk_ms: int | None, deadline_ms: int | None, now_ms: int) -> ClockState:
    if deadline_ms is not None and deadline_ms <= now_ms:
        return ClockState.BREACHED
    if at_risk_ms is not None and at_risk_ms <= now_ms:
        return ClockState.AT_RISK
    return ClockState.OK


def refresh_targets(store: Store, conn: sqlite3.Connection, ticket_ids: Iterable[str],
                    now: datetime, book: PolicyBook | None = None,
                    cals: Calendars | None = None) -> list[TargetClock]:
    """Recompute the running targets of ``ticket_ids`` from their history at ``now``."""
    ids = list(dict.fromkeys(ticket_ids))
    book = book or policy_book(conn)
    cals = cals or calendars(conn)
    found = histories(conn, ids)
    computed: list[tuple[TargetClock, int]] = []
    for history in found.values():
        policy = book.for_ticket(history.created_at)
        computed += [(c, policy.version) for c in clocks(history, policy, cals, now)]
    with store.unit_of_work() as session:
        raised: dict[tuple[str, str, int], set[str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            session.execute(delete(SlaRunningRow).where(SlaRunningRow.ticket_id.in_(chunk)))
            query = select(SlaNotificationRow.ticket_id, SlaNotificationRow.kind,
                           SlaNotificationRow.window, SlaNotificationRow.threshold) \
                .where(SlaNotificationRow.ticket_id.in_(chunk))
            for ticket_id, kind, window, threshold in session.execute(query):
                raised.setdefault((str(ticket_id), kind, window), set()).add(threshold)
        for clock, version in computed:
            if clock.state not in RUNNING_STATES:
                continue
            schedule = _schedule(clock, raised.get(
                (clock.ticket_id, str(clock.kind), clock.window), set()))
            upcoming, due = schedule[0] if schedule else (None, None)
            session.add(SlaRunningRow(
                ticket_id=clock.ticket_id, kind=str(clock.kind), window=clock.window,
                state=str(clock.state), paused=clock.phase != "running",
                budget_s=int(clock.budget.total_seconds()), at_risk_ms=to_ms(clock.at_risk_at),
                deadline_ms=to_ms(clock.deadline), next_due_ms=due, next_threshold=upcoming,
                later=json.dumps(schedule[1:]) if schedule[1:] else "",
                policy_version=version, estimated=clock.estimated))
    return [clock for clock, _version in computed]


def open_ticket_ids(conn: sqlite3.Connection) -> list[str]:
    """Tickets that can have running targets (start-up reconciliation): a resolved one
    runs its follow-up."""
    return [row[0] for row in conn.execute(
        "SELECT id FROM tickets WHERE deleted = 0 AND state IN ('new', 'assigned', "
        "'in_progress', 'pending_requester', 'pending_vendor', 'resolved')")]


def tickets_changed_by(raised: Iterable[Raised]) -> list[str]:
    """Tickets whose escalations raised a level or handed them over: views, clocks (a new
    level has new targets) and sync hear of them like of any write."""
    return sorted({r.ticket_id for r in raised for _id, e in r.escalations
                   if e.action in (Action.RAISE_LEVEL, Action.REASSIGN)})


def _escalated_before(session: Session, ticket_id: str, kind: str, window: int,
                      threshold: str) -> bool:
    """Whether the ledger already has lines for this raise (e.g. pulled from the server
    after the escalation service lost its data folder)."""
    ledger = SlaEscalationRow
    return bool(session.execute(select(exists().where(
        ledger.ticket_id == ticket_id, ledger.kind == kind, ledger.window == window,
        ledger.threshold == threshold))).scalar())


def _raise(session: Session, clock: Clock, policy: Policy | None, now: datetime,
           ticket_id: str, kind: str, window: int, threshold: str,
           due_at: datetime, followers: Followers) -> Raised | None:
    """Insert the notification unless it exists; if it is new and ``policy`` is given
    (this desk escalates), carry out its escalations."""
    notification_id = new_id(clock)
    result = session.execute(insert(SlaNotificationRow).values(
        id=notification_id, ticket_id=ticket_id, kind=kind, window=window,
        threshold=threshold, due_at=due_at, raised_at=now).on_conflict_do_nothing())
    if not getattr(result, "rowcount", 0):
        return None
    rules = plan_escalations(policy.escalations, kind, threshold) if policy else ()
    if rules and _escalated_before(session, ticket_id, kind, window, threshold):
        rules = ()
    planned = tuple((new_id(clock), escalation) for escalation in rules)
    for ledger_id, escalation in planned:
        outcome, detail, owner = carry_out(session, clock, ticket_id, kind, threshold,
                                           escalation, followers)
        session.add(SlaEscalationRow(
            id=ledger_id, ticket_id=ticket_id, kind=kind, threshold=threshold, window=window,
            action=escalation.action, at=now,
            outcome="pending" if escalation.deferred else outcome, detail=detail,
            owner_id=owner))
    return Raised(notification_id, ticket_id, kind, window, threshold, due_at, planned)


def due_thresholds(store: Store, conn: sqlite3.Connection, clock: Clock,
                   book: PolicyBook | None = None, *, escalate: bool = True) -> list[Raised]:
    """Raise every threshold due at ``clock.now()``; each only once, ever. With
    ``escalate`` (a standalone desk, the escalation service) carry out the escalations of
    each new raise; without (a desk connected to a server) only notify."""
    now = clock.now()
    if not anything_due(conn, now):  # the idle case: one index probe, no write lock
        return []
    book = book or policy_book(conn)
    now_ms = to_ms(now) or 0
    raised: list[Raised] = []
    followers = Followers(conn, now)  # loaded at the first escalation, if any
    running = cast(Table, SlaRunningRow.__table__)
    with store.unit_of_work() as session:
        # Core statements, not ORM objects: a burst of thresholds stays a few statements.
        due = session.execute(select(
            running.c.ticket_id, running.c.kind, running.c.window, running.c.next_threshold,
            running.c.next_due_ms, running.c.later, running.c.at_risk_ms,
            running.c.deadline_ms, running.c.policy_version)
            .where(running.c.next_due_ms <= now_ms).order_by(running.c.next_due_ms)).all()
        updates: list[dict[str, object]] = []
        for (ticket_id, kind, window, threshold, due_ms, later, at_risk_ms, deadline_ms,
             version) in due:
            steps = [(threshold or BREACHED, int(due_ms)),
                     *((str(code), int(ms)) for code, ms in json.loads(later or "[]"))]
            # Every threshold crossed since the last look, in order (a desk that was off
            # catches up); the rest stays in the index for later.
            crossed = [step for step in steps if step[1] <= now_ms]
            policy = book.version(version) if escalate else None
            for step, step_ms in crossed:
                item = _raise(session, clock, policy, now, ticket_id, kind, window, step,
                              from_ms(step_ms), followers)
                if item is not None:
                    raised.append(item)
            rest = steps[len(crossed):]
            updates.append({"t": ticket_id, "k": kind,
                            "state": str(_state(at_risk_ms, deadline_ms, now_ms)),
                            "due": rest[0][1] if rest else None,
                            "next": rest[0][0] if rest else None,
                            "later": json.dumps(rest[1:]) if rest[1:] else ""})
        if updates:
            session.execute(
                update(running)
                .where(running.c.ticket_id == bindparam("t"), running.c.kind == bindparam("k"))
                .values(state=bindparam("state"), next_due_ms=bindparam("due"),
                        next_threshold=bindparam("next"), later=bindparam("later")), updates)
    return raised
