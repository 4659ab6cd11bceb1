"""One reading of the desk for the wallboard: open work, SLA risk, who is on duty, today's
figures per channel, the oldest waiting tickets and the last escalations.

Plain ``sqlite3`` on the desk's read connection, like the queue counts
(``app/store/queues.py``): every figure comes from an index - open tickets per state and
level from ``(level, state, deleted, ...)``, at risk and breached from the SLA monitor's
index ``sla_running (state, ticket_id)``, each person's load from ``(assignee_id, state)``,
the oldest from ``(state, created_at)`` - so a refresh after every write stays cheap on
100 000 tickets (``bench/wallboard.py``).

Words used on the board:
- *unassigned*: an open ticket nobody holds (new, or handed back to a group's queue);
- *not picked up*: given to a person who has not started it yet (state ``assigned``,
  已派未接);
- *waiting*: open and not paused on the requester or a vendor (new, assigned, in progress).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.clock import Clock
from app.domain.enums import Level, TicketState
from app.domain.states import OPEN_STATES
from app.store.reading import parse_sqlite_utc

WAITING_STATES = (TicketState.NEW, TicketState.ASSIGNED, TicketState.IN_PROGRESS)
_OPEN = tuple(sorted(s.value for s in OPEN_STATES))
_OPEN_MARKS = ", ".join("?" * len(_OPEN))


@dataclass(frozen=True)
class DutySeat:
    """A person on duty now (rota), with the open tickets he holds."""

    staff_id: str
    name: str
    shift: str
    on_call: bool
    open_load: int


@dataclass(frozen=True)
class WaitingTicket:
    id: str
    number: str
    title: str
    level: Level
    state: TicketState
    created_at: datetime
    assignee: str


@dataclass(frozen=True)
class EscalationLine:
    """A ledger line as the board shows it, with who it reached."""

    id: str
    ticket_id: str
    number: str
    kind: str
    threshold: str
    action: str
    at: datetime
    outcome: str
    delivered_to: tuple[str, ...]
    acknowledged_by: tuple[str, ...]


@dataclass(frozen=True)
class Snapshot:
    """The desk at ``taken_at``.

    ``on_duty`` is None when no published rota covers the moment (or the calendar has no
    data for the year); ``today`` is what ``app.reports.targets.today_by_channel`` gives,
    or None where it is not available."""

    taken_at: datetime
    open_counts: dict[tuple[TicketState, Level], int]
    at_risk: int
    breached: int
    unassigned: int
    not_picked_up: int
    on_duty: tuple[DutySeat, ...] | None
    oldest: tuple[WaitingTicket, ...]
    escalations: tuple[EscalationLine, ...]
    today: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def open_total(self) -> int:
        return sum(self.open_counts.values())

    def by_state(self, state: TicketState) -> int:
        return sum(n for (s, _level), n in self.open_counts.items() if s == state)

    def by_level(self, level: Level) -> int:
        return sum(n for (_state, lv), n in self.open_counts.items() if lv == level)


# Per level and state: each (level, state) pair is a seek on ix_tickets_level_state.
_OPEN_COUNTS = f"""
SELECT level, state, count(*) FROM tickets
WHERE level IN (1, 2, 3) AND state IN ({_OPEN_MARKS}) AND deleted = 0
GROUP BY level, state
"""
# As the queue's "at risk" / "breached" views count: the monitor's index alone.
_SLA_COUNT = ("SELECT count(DISTINCT ticket_id) FROM sla_running WHERE state = ? AND "
              "ticket_id NOT IN (SELECT id FROM tickets INDEXED BY ix_tickets_tombstones "
              "WHERE deleted = 1)")
_UNASSIGNED = (f"SELECT count(*) FROM tickets WHERE assignee_id IS NULL AND state IN "
               f"({_OPEN_MARKS}) AND deleted = 0")
_OLDEST_OF_STATE = ("SELECT * FROM (SELECT t.id, t.number, t.title, t.level, t.state, "
                    "t.created_at, t.assignee_id FROM tickets t INDEXED BY "
                    "ix_tickets_state_created WHERE t.state = ? AND t.deleted = 0 "
                    "ORDER BY t.created_at, t.id LIMIT ?)")
# Newest by id along the primary key: ids grow with time (UUIDv7 from the writer's clock,
# as app/sla/ledger.newest_line relies on). Ordering by ``at`` sorted the whole ledger -
# 16 000 lines on a big desk, 10-65 ms right after a write.
_LAST_LINES = """
SELECT e.id, e.ticket_id, coalesce(t.number, ''), e.kind, e.threshold, e.action, e.at,
       e.outcome
FROM sla_escalations e LEFT JOIN tickets t ON t.id = e.ticket_id
ORDER BY e.id DESC LIMIT ?
"""


def open_counts(conn: sqlite3.Connection) -> dict[tuple[TicketState, Level], int]:
    """Open tickets per (state, level)."""
    return {(TicketState(state), Level(level)): int(n)
            for level, state, n in conn.execute(_OPEN_COUNTS, _OPEN)}


def sla_count(conn: sqlite3.Connection, state: str) -> int:
    """Tickets with a target in ``state`` ("at_risk" or "breached") in the monitor's index."""
    return int(conn.execute(_SLA_COUNT, (state,)).fetchone()[0])


def unassigned(conn: sqlite3.Connection) -> int:
    return int(conn.execute(_UNASSIGNED, _OPEN).fetchone()[0])


def _names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {str(i): str(n) for i, n in conn.execute(
        f"SELECT id, name FROM staff WHERE id IN ({marks})", sorted(ids))}


def oldest_waiting(conn: sqlite3.Connection, limit: int = 8) -> tuple[WaitingTicket, ...]:
    """The ``limit`` waiting tickets created first: the oldest of each waiting state along
    its index, then merged."""
    rows: list[tuple[Any, ...]] = []
    for state in WAITING_STATES:
        rows += conn.execute(_OLDEST_OF_STATE, (state.value, limit)).fetchall()
    rows.sort(key=lambda r: (r[5], r[0]))
    rows = rows[:limit]
    names = _names(conn, {r[6] for r in rows if r[6]})
    return tuple(WaitingTicket(r[0], r[1], r[2], Level(r[3]), TicketState(r[4]),
                               parse_sqlite_utc(r[5]), names.get(r[6] or "", ""))
                 for r in rows)


def last_escalations(conn: sqlite3.Connection, limit: int = 8
                     ) -> tuple[EscalationLine, ...]:
    """The newest ledger lines with the supervisors each reached and who acknowledged it."""
    rows = conn.execute(_LAST_LINES, (limit,)).fetchall()
    if not rows:
        return ()
    marks = ", ".join("?" * len(rows))
    steps: dict[tuple[str, str], list[str]] = {}
    for ledger_id, step, name in conn.execute(
            "SELECT r.escalation_id, r.step, coalesce(s.name, '') FROM sla_escalation_receipts r "
            f"LEFT JOIN staff s ON s.id = r.staff_id WHERE r.escalation_id IN ({marks}) "
            "ORDER BY r.at, r.id", [r[0] for r in rows]):
        seen = steps.setdefault((ledger_id, step), [])
        if name not in seen:
            seen.append(name)
    return tuple(
        EscalationLine(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]), r[7],
                       tuple(steps.get((r[0], "delivered"), ())),
                       tuple(steps.get((r[0], "acknowledged"), ())))
        for r in rows)


def on_duty(conn: sqlite3.Connection, clock: Clock) -> tuple[DutySeat, ...] | None:
    """Who is on duty now (overrides over the published rota) with each one's open load;
    None when the rota cannot say (nothing published, a year without calendar data)."""
    from app.rota.reading import on_duty_now

    try:
        working = on_duty_now(conn, clock)
    except (ValueError, sqlite3.Error):
        return None
    if not working:
        return None
    ids = sorted({duty.staff_id for duty in working})
    marks = ", ".join("?" * len(ids))
    load = {str(a): int(n) for a, n in conn.execute(
        f"SELECT assignee_id, count(*) FROM tickets WHERE assignee_id IN ({marks}) "
        f"AND state IN ({_OPEN_MARKS}) AND deleted = 0 GROUP BY assignee_id", [*ids, *_OPEN])}
    names = _names(conn, set(ids))
    seen: set[str] = set()
    people = []
    for duty in working:  # on_duty_now sorts: working shifts first, then the reserve
        if duty.staff_id in seen:
            continue
        seen.add(duty.staff_id)
        people.append(DutySeat(duty.staff_id, names.get(duty.staff_id, "?"), duty.shift,
                               duty.on_call, load.get(duty.staff_id, 0)))
    # Working before the reserve, by shift, then by name: a wall reads it in a fixed order.
    return tuple(sorted(people, key=lambda p: (p.on_call, p.shift, p.name, p.staff_id)))


TodayFigures = Callable[[sqlite3.Connection, Clock], Any]


def take(conn: sqlite3.Connection, clock: Clock, *, today: TodayFigures | None = None,
         oldest: int = 8, escalations: int = 8) -> Snapshot:
    """Read the whole board once. ``today`` computes today's per-channel figures (the
    reports' ``today_by_channel``); it is passed in so the board's own counts never wait
    for the reports' module."""
    counts = open_counts(conn)
    return Snapshot(
        taken_at=clock.now(), open_counts=counts,
        at_risk=sla_count(conn, "at_risk"), breached=sla_count(conn, "breached"),
        unassigned=unassigned(conn),
        not_picked_up=sum(n for (s, _l), n in counts.items() if s == TicketState.ASSIGNED),
        on_duty=on_duty(conn, clock), oldest=oldest_waiting(conn, oldest),
        escalations=last_escalations(conn, escalations),
        today=None if today is None else today(conn, clock))
