"""One ticket with everything its window shows: header fields and the timeline."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.enums import Channel, EventKind, Level, TicketState
from app.store.reading import parse_sqlite_utc


@dataclass(frozen=True)
class TicketDetail:
    id: str
    number: str
    title: str
    description: str
    level: Level
    level_reason: str
    state: TicketState
    channel: Channel
    type_name: str
    category_id: str
    category_name: str
    category_skill: str
    requester: str
    unit: str
    phone: str
    email: str
    requester_id: str | None
    assignee_id: str | None
    assignee: str
    team: str
    created_at: datetime
    first_response_at: datetime | None
    solution: str
    cause: str
    satisfaction: int | None
    version: int
    type_id: str
    urgency: int
    impact: int
    importance: int
    satisfaction_method: str  # "" when not rated, or rated before schema 0007 recorded it
    closed_unconfirmed: bool


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    actor: str
    kind: EventKind
    body: str
    data: dict[str, Any]


_DETAIL = """
SELECT t.id, t.number, t.title, t.description, t.level, t.level_reason, t.state, t.channel,
       ty.{name}, t.category_id, c.{name}, c.skill, coalesce(r.name, ''), coalesce(r.unit, ''),
       coalesce(r.phone, ''), coalesce(r.email, ''), t.requester_id, t.assignee_id,
       coalesce(s.name, ''), coalesce(tm.{name}, ''), t.created_at, t.first_response_at,
       t.solution, t.cause, t.satisfaction, t.version, t.type_id, t.urgency, t.impact,
       t.importance, t.satisfaction_method, t.closed_unconfirmed
FROM tickets t
JOIN ticket_types ty ON ty.id = t.type_id
JOIN categories c ON c.id = t.category_id
LEFT JOIN requesters r ON r.id = t.requester_id
LEFT JOIN staff s ON s.id = t.assignee_id
LEFT JOIN teams tm ON tm.id = t.team_id
WHERE t.id = ? AND t.deleted = 0
"""


def ticket_detail(conn: sqlite3.Connection, ticket_id: str, language: str) -> TicketDetail | None:
    name = "name_zh" if language.startswith("zh") else "name_en"
    row = conn.execute(_DETAIL.format(name=name), (ticket_id,)).fetchone()
    if row is None:
        return None
    values = list(row)
    values[4], values[6], values[7] = Level(row[4]), TicketState(row[6]), Channel(row[7])
    values[20] = parse_sqlite_utc(row[20])
    values[21] = parse_sqlite_utc(row[21]) if row[21] else None
    values[31] = bool(row[31])
    return TicketDetail(*values)


def timeline(conn: sqlite3.Connection, ticket_id: str) -> list[TimelineEntry]:
    """Everything that happened to the ticket, oldest first."""
    rows = conn.execute(
        "SELECT e.at, coalesce(s.name, ''), e.kind, e.body, e.data FROM ticket_events e "
        "LEFT JOIN staff s ON s.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.at, e.rowid",
        (ticket_id,))
    return [TimelineEntry(parse_sqlite_utc(at), actor, EventKind(kind), body, json.loads(data))
            for at, actor, kind, body, data in rows]


def open_workload(conn: sqlite3.Connection) -> dict[str, int]:
    """Open tickets per assignee, for dispatch."""
    rows = conn.execute(
        "SELECT assignee_id, count(*) FROM tickets WHERE assignee_id IS NOT NULL AND deleted = 0 "
        "AND state IN ('assigned', 'in_progress', 'pending_requester', 'pending_vendor') "
        "GROUP BY assignee_id")
    return {staff_id: count for staff_id, count in rows}


def dispatch_needs(conn: sqlite3.Connection, ticket_ids: Sequence[str]) -> tuple[str, Level]:
    """What dispatching several tickets at once ranks people by: the skill most of them ask
    for (their categories'), and the most severe level among them (level 1 first)."""
    skills: Counter[str] = Counter()
    level = Level.THREE
    for start in range(0, len(ticket_ids), 500):  # SQLite's limit on bound parameters
        chunk = list(ticket_ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        for skill, ticket_level in conn.execute(
                f"SELECT c.skill, t.level FROM tickets t JOIN categories c "
                f"ON c.id = t.category_id WHERE t.id IN ({marks})", chunk):
            skills[str(skill)] += 1
            level = min(level, Level(ticket_level))
    return (skills.most_common(1)[0][0] if skills else ""), level


def ticket_links(conn: sqlite3.Connection, ticket_id: str) -> list[tuple[str, str, str]]:
    """(kind, other ticket's number, other's title) for links from and to this ticket."""
    rows = conn.execute(
        "SELECT l.kind, o.number, o.title, 0 FROM ticket_links l JOIN tickets o ON o.id = "
        "l.other_id WHERE l.ticket_id = ? UNION ALL SELECT l.kind, o.number, o.title, 1 "
        "FROM ticket_links l JOIN tickets o ON o.id = l.ticket_id WHERE l.other_id = ? "
        "ORDER BY 2", (ticket_id, ticket_id))
    return [(("reverse:" if reverse else "") + kind, number, title)
            for kind, number, title, reverse in rows]


def ticket_by_number(conn: sqlite3.Connection, number: str) -> str | None:
    row = conn.execute("SELECT id FROM tickets WHERE number = ? AND deleted = 0",
                       (number.strip().upper(),)).fetchone()
    return None if row is None else str(row[0])
