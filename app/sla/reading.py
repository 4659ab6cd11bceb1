"""Plain-sqlite3 reads for the SLA clocks: histories, policies, overrides, running rows.

Reads stay off the ORM like every hot read of the desk (docs/architecture.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from app.sla.calendar import BusinessHours
from app.sla.clock import Calendars, TargetClock, clocks
from app.sla.history import Event, TicketHistory
from app.sla.policy import DEFAULT_POLICY, LEGACY_POLICY, Policy, built_in_for
from app.sla.running import chunks, from_ms, to_ms
from app.store.reading import parse_sqlite_utc

_HISTORY = """
SELECT t.id, t.created_at, t.level, ty.code, t.channel
FROM tickets t JOIN ticket_types ty ON ty.id = t.type_id
WHERE t.id IN ({marks}) AND t.deleted = 0
"""
_EVENTS = """
SELECT ticket_id, at, kind, data FROM ticket_events
WHERE ticket_id IN ({marks}) AND kind IN ('created', 'state_changed', 'level_changed',
                                          'comment', 'call_note', 'work_log', 'satisfaction',
                                          'plan_saved', 'analysed', 'emergency')
"""


def histories(conn: sqlite3.Connection, ticket_ids: Iterable[str]) -> dict[str, TicketHistory]:
    """The SLA-relevant history of each live ticket among ``ticket_ids``."""
    wanted = list(dict.fromkeys(ticket_ids))
    result: dict[str, TicketHistory] = {}
    for chunk in chunks(wanted):
        marks = ",".join("?" * len(chunk))
        heads = conn.execute(_HISTORY.format(marks=marks), chunk).fetchall()
        events: dict[str, list[Event]] = {}
        for ticket_id, at, kind, data in conn.execute(_EVENTS.format(marks=marks), chunk):
            events.setdefault(ticket_id, []).append(Event.parse(parse_sqlite_utc(at), kind, data))
        for ticket_id, created, level, type_code, channel in heads:
            result[ticket_id] = TicketHistory(ticket_id, parse_sqlite_utc(created), int(level),
                                              type_code, channel,
                                              tuple(events.get(ticket_id, ())))
    return result


@dataclass(frozen=True)
class PolicyBook:
    """All policy versions; a ticket uses the newest one valid when it was created."""

    versions: tuple[tuple[datetime, Policy], ...]

    def for_ticket(self, created_at: datetime) -> Policy:
        chosen = built_in_for(created_at)
        for valid_from, policy in self.versions:
            if valid_from <= created_at:
                chosen = policy
        return chosen

    def for_call(self, ringing_at: datetime) -> Policy:
        """The policy of a phone call: the newest version valid when it rang, else the
        built-in one - never version 0, which kept older tickets' deadlines and had no
        answer target (a call has no deadline to keep)."""
        chosen = DEFAULT_POLICY
        for valid_from, policy in self.versions:
            if valid_from <= ringing_at:
                chosen = policy
        return chosen

    def version(self, number: int) -> Policy:
        """The policy with that version number (the built-in one if it is unknown)."""
        if number == LEGACY_POLICY.version:
            return LEGACY_POLICY
        return next((policy for _from, policy in self.versions if policy.version == number),
                    DEFAULT_POLICY)

    @property
    def current(self) -> Policy:
        return self.versions[-1][1] if self.versions else DEFAULT_POLICY


def policy_book(conn: sqlite3.Connection) -> PolicyBook:
    rows = conn.execute(
        "SELECT version, valid_from, body FROM sla_policies ORDER BY valid_from, version")
    return PolicyBook(tuple((parse_sqlite_utc(valid_from), Policy.from_json(version, body))
                            for version, valid_from, body in rows))


def calendars(conn: sqlite3.Connection) -> Calendars:
    """The calendars with the override table; each policy version brings its own hours
    and zone (``Policy.hours``), so every desk counts a ticket the same way."""
    overrides = {date.fromisoformat(day): bool(working) for day, working in
                 conn.execute("SELECT day, working FROM sla_calendar_overrides")}
    from app.sla.holiday_years import entered_years

    return Calendars(BusinessHours(overrides=overrides, entered=entered_years(conn)))


def next_due(conn: sqlite3.Connection) -> datetime | None:
    """When the monitor must wake next (min over the index: one seek)."""
    row = conn.execute("SELECT min(next_due_ms) FROM sla_running").fetchone()
    return None if row is None or row[0] is None else from_ms(int(row[0]))


def anything_due(conn: sqlite3.Connection, now: datetime) -> bool:
    return conn.execute("SELECT 1 FROM sla_running WHERE next_due_ms <= ? LIMIT 1",
                        (to_ms(now),)).fetchone() is not None


def ticket_clocks(conn: sqlite3.Connection, ticket_id: str, now: datetime
                  ) -> list[TargetClock]:
    """Every SLA target of one ticket at ``now`` (the ticket view's panel), from history."""
    history = histories(conn, [ticket_id]).get(ticket_id)
    if history is None:
        return []
    policy = policy_book(conn).for_ticket(history.created_at)
    return clocks(history, policy, calendars(conn), now)
