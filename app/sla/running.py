"""The monitor's index rows as the queue countdowns read them (``sla_running``).

Kept apart from ``reading`` so that painting the first page of a queue does not import
the clock engine, the policies and China's holiday calendar.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import NamedTuple

# Tables whose rows change every open ticket's deadlines: the policy book and the calendar.
# When sync brings one, the monitor recomputes every open ticket (a version may be valid
# from the past).
POLICY_TABLES = frozenset({"sla_policies", "sla_calendar_overrides", "sla_holiday_years"})


def to_ms(moment: datetime | None) -> int | None:
    return None if moment is None else round(moment.timestamp() * 1000)


def from_ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


def chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    """Pieces small enough for one ``IN (...)`` list."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


class RunningTarget(NamedTuple):
    """A row of the monitor's index, as the queue countdowns show it."""

    ticket_id: str
    kind: str
    state: str
    paused: bool
    budget_s: int
    at_risk_ms: int | None
    deadline_ms: int | None
    estimated: bool = False  # counted through a year without official holiday data


def running_for(conn: sqlite3.Connection,
                ticket_ids: Iterable[str]) -> dict[str, list[RunningTarget]]:
    """The running targets of the given tickets (for the rows a view shows)."""
    result: dict[str, list[RunningTarget]] = {}
    for chunk in chunks(list(ticket_ids)):
        rows = conn.execute(
            "SELECT ticket_id, kind, state, paused, budget_s, at_risk_ms, deadline_ms, "
            f"estimated FROM sla_running WHERE ticket_id IN ({','.join('?' * len(chunk))})",
            chunk)
        for row in rows:
            result.setdefault(row[0], []).append(RunningTarget(
                row[0], row[1], row[2], bool(row[3]), row[4], row[5], row[6], bool(row[7])))
    return result
