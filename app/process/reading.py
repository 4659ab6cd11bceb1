"""Plain-sqlite3 reads of the handling process for the desk's views: a ticket's plans and
where its verification or review stands, the review queue. The emergencies in force,
which every desk reads at start, are app/process/emergencies.py."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from app.store.reading import parse_sqlite_utc


def _time(text: str | None) -> datetime | None:
    return None if text is None else parse_sqlite_utc(text)


@dataclass(frozen=True)
class Step:
    id: str
    position: int
    text: str
    owner_id: str | None
    owner: str
    planned_at: datetime | None
    done_at: datetime | None

    @property
    def late(self) -> bool:
        """Done after its planned time (or, not done, past it: ask with ``overdue``)."""
        return (self.planned_at is not None and self.done_at is not None
                and self.done_at > self.planned_at)

    def overdue(self, now: datetime) -> bool:
        return self.done_at is None and self.planned_at is not None and self.planned_at < now


@dataclass(frozen=True)
class Plan:
    id: str
    ticket_id: str
    kind: str  # handling | emergency
    template: str
    summary: str
    expert_id: str | None
    expert: str
    roles: dict[str, str | None]  # role code -> staff id
    author: str
    saved_at: datetime
    steps: tuple[Step, ...]

    @property
    def done(self) -> int:
        return sum(step.done_at is not None for step in self.steps)


def plans_of(conn: sqlite3.Connection, ticket_id: str) -> list[Plan]:
    """The ticket's plans (an emergency plan first), with their live steps."""
    rows = conn.execute(
        "SELECT p.id, p.kind, p.template, p.summary, p.expert_id, coalesce(e.name, ''), "
        "p.roles, coalesce(a.name, ''), p.saved_at FROM process_plans p "
        "LEFT JOIN staff e ON e.id = p.expert_id LEFT JOIN staff a ON a.id = p.author_id "
        "WHERE p.ticket_id = ? AND p.deleted = 0 "
        "ORDER BY p.kind = 'handling', p.saved_at", (ticket_id,)).fetchall()
    plans = []
    for pid, kind, template, summary, expert_id, expert, roles, author, saved in rows:
        steps = tuple(Step(sid, position, text, owner_id, owner, _time(planned), _time(done))
                      for sid, position, text, owner_id, owner, planned, done in conn.execute(
            "SELECT s.id, s.position, s.text, s.owner_id, coalesce(o.name, ''), "
            "s.planned_at, s.done_at FROM process_plan_steps s "
            "LEFT JOIN staff o ON o.id = s.owner_id "
            "WHERE s.plan_id = ? AND s.deleted = 0 ORDER BY s.position", (pid,)))
        try:
            holders = json.loads(roles) if roles else {}
        except ValueError:
            holders = {}
        plans.append(Plan(pid, ticket_id, kind, template, summary, expert_id, expert,
                          holders if isinstance(holders, dict) else {}, author,
                          parse_sqlite_utc(saved), steps))
    return plans


@dataclass(frozen=True)
class Verdict:
    """A verification (level 2) or review (level 3): who, when, and what they said."""

    by: str
    at: datetime
    approved: bool
    text: str


def verdicts(conn: sqlite3.Connection, ticket_id: str, table: str) -> list[Verdict]:
    """Every verification (``process_verifications``) or review (``process_reviews``) of
    the ticket, oldest first."""
    person, text = {"process_verifications": ("verifier_id", "note"),
                    "process_reviews": ("reviewer_id", "findings")}[table]
    return [Verdict(name, parse_sqlite_utc(at), bool(approved), body)
            for name, at, approved, body in conn.execute(
                f"SELECT coalesce(s.name, ''), v.at, v.approved, v.{text} FROM {table} v "
                f"LEFT JOIN staff s ON s.id = v.{person} WHERE v.ticket_id = ? "
                "ORDER BY v.at, v.id", (ticket_id,))]


def needs_verification(conn: sqlite3.Connection, ticket_id: str) -> bool:
    """A resolved level-2 ticket whose present resolution has no approving verification
    (the desk refuses to confirm it: ``app.process.verification``)."""
    row = conn.execute(
        "SELECT t.level, t.state, t.resolved_at, "
        "(SELECT v.approved FROM process_verifications v WHERE v.ticket_id = t.id "
        " AND v.at >= t.resolved_at ORDER BY v.at DESC, v.id DESC LIMIT 1) "
        "FROM tickets t WHERE t.id = ?", (ticket_id,)).fetchone()
    return row is not None and row[0] == 2 and row[1] == "resolved" and not row[3]


@dataclass(frozen=True)
class Analysis:
    author: str
    at: datetime
    analysis: str
    planned_minutes: int


def analysis_of(conn: sqlite3.Connection, ticket_id: str) -> Analysis | None:
    row = conn.execute(
        "SELECT coalesce(s.name, ''), a.at, a.analysis, a.planned_minutes "
        "FROM process_analyses a LEFT JOIN staff s ON s.id = a.author_id "
        "WHERE a.ticket_id = ? ORDER BY a.at DESC, a.id DESC LIMIT 1", (ticket_id,)).fetchone()
    return None if row is None else Analysis(row[0], parse_sqlite_utc(row[1]), row[2], row[3])


# The review sample: the last three hex digits of a ticket's id (UUIDv7: random bits), as a
# number 0-4095, modulo 100 - in SQL for the queue, in Python for ``sampled``; the same
# tickets on every desk and at every reading.
_HEX = "'0123456789abcdef'"
_SAMPLE = (f"((instr({_HEX}, substr(t.id, -3, 1)) - 1) * 256 "
           f"+ (instr({_HEX}, substr(t.id, -2, 1)) - 1) * 16 "
           f"+ (instr({_HEX}, substr(t.id, -1, 1)) - 1)) % 100 < :percent")


def sampled(ticket_id: str, percent: int) -> bool:
    """Whether a result falls in the review sample of ``percent`` %."""
    if percent >= 100:
        return True
    try:
        return int(ticket_id[-3:], 16) % 100 < percent
    except ValueError:
        return False


@dataclass(frozen=True)
class ReviewItem:
    ticket_id: str
    number: str
    title: str
    assignee: str
    state: str
    resolved_at: datetime
    solution: str


# Along ix_tickets_level_resolved from the newest: the page stops after its 500, the count
# at its cap, however many results wait. The unary + keeps SQLite off the level-and-state
# index, with which it would read and sort every resolved level-3 ticket.
_WAITING = f"""
FROM tickets t
WHERE t.level = 3 AND t.resolved_at >= :since AND +t.state IN ('resolved', 'closed')
  AND +t.deleted = 0 AND {_SAMPLE}
  AND NOT EXISTS (SELECT 1 FROM process_reviews r WHERE r.ticket_id = t.id
                  AND r.at >= t.resolved_at)
"""
_QUEUE = f"""
SELECT t.id, t.number, t.title, coalesce((SELECT s.name FROM staff s
                                          WHERE s.id = t.assignee_id), ''),
       t.state, t.resolved_at, t.solution
{_WAITING}
ORDER BY t.resolved_at DESC, t.id
LIMIT :limit
"""
_COUNT = f"SELECT count(*) FROM (SELECT 1 {_WAITING} ORDER BY t.resolved_at DESC LIMIT :cap)"
COUNT_CAP = 1000


def review_queue(conn: sqlite3.Connection, since: datetime, percent: int,
                 limit: int = 500) -> list[ReviewItem]:
    """Level-3 results resolved since ``since`` that nobody reviewed since their
    resolution, in the sample of ``percent`` %, the newest ``limit`` first."""
    params = {"since": _sqlite(since), "percent": percent, "limit": limit}
    return [ReviewItem(tid, number, title, assignee, state, parse_sqlite_utc(resolved),
                       solution)
            for tid, number, title, assignee, state, resolved, solution
            in conn.execute(_QUEUE, params)]


def waiting_reviews(conn: sqlite3.Connection, since: datetime, percent: int,
                    cap: int = COUNT_CAP) -> int:
    """How many results ``review_queue`` would list without its limit, counted up to
    ``cap`` + 1 (more than ``cap``: a queue nobody keeps up with; the exact figure would
    cost a scan of every one)."""
    return int(conn.execute(_COUNT, {"since": _sqlite(since), "percent": percent,
                                     "cap": cap + 1}).fetchone()[0])


def _sqlite(moment: datetime) -> str:
    """``moment`` as UTCDateTime stores it on SQLite (naive UTC text)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
