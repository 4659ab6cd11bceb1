"""The level-1 emergencies in force, read with plain sqlite3 for the banner every desk
shows (ui/process/banner.py). Apart from app/process/reading.py: every start reads them,
and the readers of plans, verdicts and reviews (five dataclasses, ~7 ms to define) are
for pages and panels opened later."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import NamedTuple

from app.store.reading import parse_sqlite_utc


class Emergency(NamedTuple):
    """A level-1 emergency in force: every desk shows it until the ticket is resolved."""

    ticket_id: str
    number: str
    title: str
    plan: str
    expert: str
    declared_at: datetime


_EMERGENCIES = """
SELECT t.id, t.number, t.title, p.summary, coalesce(e.name, ''), p.saved_at
FROM process_plans p JOIN tickets t ON t.id = p.ticket_id
LEFT JOIN staff e ON e.id = p.expert_id
WHERE p.kind = 'emergency' AND p.deleted = 0 AND t.deleted = 0
  AND t.state NOT IN ('resolved', 'closed')
ORDER BY p.saved_at
"""


def emergencies(conn: sqlite3.Connection) -> list[Emergency]:
    return [Emergency(tid, number, title, plan, expert, parse_sqlite_utc(at))
            for tid, number, title, plan, expert, at in conn.execute(_EMERGENCIES)]
