"""Reading the escalation ledger (升级台账) with plain sqlite3: the lines a supervisor's desk
announces when they arrive from the server's escalation service."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import NamedTuple

from app.sla.escalation import Action
from app.store.reading import parse_sqlite_utc


class LedgerLine(NamedTuple):
    id: str
    ticket_id: str
    number: str
    kind: str
    threshold: str
    action: str
    at: datetime
    outcome: str
    owner_id: str | None = None  # who must follow the ticket (schema 0008)


_LINES = """
SELECT e.id, e.ticket_id, t.number, e.kind, e.threshold, e.action, e.at, e.outcome,
       e.owner_id
FROM sla_escalations e JOIN tickets t ON t.id = e.ticket_id
WHERE e.id > ? ORDER BY e.id
"""


def newest_line(conn: sqlite3.Connection) -> str:
    """The id of the newest ledger line ("" when the ledger is empty); ids grow with time."""
    row = conn.execute("SELECT max(id) FROM sla_escalations").fetchone()
    return str(row[0]) if row and row[0] else ""


def lines_after(conn: sqlite3.Connection, after: str) -> list[LedgerLine]:
    """Ledger lines newer than the line ``after``, oldest first."""
    return [LedgerLine(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]), r[7], r[8])
            for r in conn.execute(_LINES, (after,))]


def supervisor_calls(lines: list[LedgerLine], since: datetime) -> list[LedgerLine]:
    """The "notify the supervisor" lines among ``lines`` written since ``since``: older
    ones are history (a desk that joins, or was off for hours, does not announce the past;
    its own notification centre holds the breaches it raised itself)."""
    return [line for line in lines
            if line.action == Action.NOTIFY_SUPERVISOR and line.at >= since]


def followed_by(lines: list[LedgerLine], staff_id: str | None,
                since: datetime) -> list[LedgerLine]:
    """The lines among ``lines`` written since ``since`` that name ``staff_id`` as the
    person who must follow the ticket (issue 16): his desk tells him, once per ticket."""
    if staff_id is None:
        return []
    seen: set[str] = set()
    mine = []
    for line in lines:
        if line.owner_id == staff_id and line.at >= since and line.ticket_id not in seen:
            seen.add(line.ticket_id)
            mine.append(line)
    return mine
