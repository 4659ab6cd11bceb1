"""Reading the escalation ledger (升级台账) with plain sqlite3: the lines a supervisor's desk
announces when they arrive from the server's escalation service."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.sla.escalation import Action
from app.store.reading import parse_sqlite_utc, sqlite_utc_text


@dataclass(frozen=True)
class LedgerLine:
    id: str
    ticket_id: str
    number: str
    kind: str
    threshold: str
    action: str
    at: datetime
    outcome: str


_LINES = """
SELECT e.id, e.ticket_id, t.number, e.kind, e.threshold, e.action, e.at, e.outcome
FROM sla_escalations e JOIN tickets t ON t.id = e.ticket_id
WHERE e.action = ? AND e.id > ? AND e.at >= ? ORDER BY e.id
"""


def newest_line(conn: sqlite3.Connection) -> str:
    """The id of the newest ledger line ("" when the ledger is empty); ids grow with time."""
    row = conn.execute("SELECT max(id) FROM sla_escalations").fetchone()
    return str(row[0]) if row and row[0] else ""


def supervisor_calls(conn: sqlite3.Connection, after: str, since: datetime) -> list[LedgerLine]:
    """"Notify the supervisor" lines newer than the line ``after`` and written since
    ``since`` (older ones are history: a desk that joins does not announce the past)."""
    rows = conn.execute(_LINES, (str(Action.NOTIFY_SUPERVISOR), after, sqlite_utc_text(since)))
    return [LedgerLine(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]), r[7])
            for r in rows]
