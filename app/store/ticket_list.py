"""The ticket list read model: rows for a table view, fetched a page at a time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.enums import Channel, Level, TicketState
from app.store.reading import parse_sqlite_utc


@dataclass(frozen=True)
class TicketListItem:
    """One line of a ticket list, already joined with the names it shows."""

    id: str
    number: str
    title: str
    level: Level
    state: TicketState
    channel: Channel
    type_name: str
    type_color: str
    type_icon: str
    category_name: str
    category_color: str
    requester: str
    unit: str
    assignee: str
    created_at: datetime


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended (keyset pagination: no OFFSET scans)."""

    created_at: str
    id: str


_SELECT = """
SELECT t.id, t.number, t.title, t.level, t.state, t.channel,
       ty.{name}, ty.color, ty.icon, c.{name}, c.color,
       coalesce(r.name, ''), coalesce(r.unit, ''), coalesce(s.name, ''), t.created_at
FROM tickets t
JOIN ticket_types ty ON ty.id = t.type_id
JOIN categories c ON c.id = t.category_id
LEFT JOIN requesters r ON r.id = t.requester_id
LEFT JOIN staff s ON s.id = t.assignee_id
WHERE t.deleted = 0 {after}
ORDER BY t.created_at DESC, t.id DESC
LIMIT ?
"""


class TicketList:
    """All live tickets, newest first."""

    def __init__(self, conn: sqlite3.Connection, language: str) -> None:
        self._conn = conn
        self._name = "name_zh" if language.startswith("zh") else "name_en"

    def count(self) -> int:
        # count(*) without a WHERE walks the smallest index; the partial index of
        # tombstones keeps the subtraction cheap (a filtered count scans the table).
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM tickets)"
            " - (SELECT count(*) FROM tickets INDEXED BY ix_tickets_tombstones WHERE deleted = 1)"
        ).fetchone()
        return int(row[0])

    def page(self, after: PageKey | None, limit: int
             ) -> tuple[list[TicketListItem], PageKey | None]:
        """Up to ``limit`` items after ``after``; the key to continue from, or None at the end."""
        params: list[object] = []
        after_sql = ""
        if after is not None:
            after_sql = "AND (t.created_at, t.id) < (?, ?)"
            params += [after.created_at, after.id]
        sql = _SELECT.format(name=self._name, after=after_sql)
        rows = self._conn.execute(sql, [*params, limit]).fetchall()
        items = [_item(row) for row in rows]
        key = PageKey(rows[-1][14], rows[-1][0]) if len(rows) == limit else None
        return items, key


def _item(row: tuple[Any, ...]) -> TicketListItem:
    return TicketListItem(
        id=str(row[0]), number=str(row[1]), title=str(row[2]), level=Level(row[3]),
        state=TicketState(row[4]), channel=Channel(row[5]), type_name=str(row[6]),
        type_color=str(row[7]), type_icon=str(row[8]), category_name=str(row[9]),
        category_color=str(row[10]), requester=str(row[11]), unit=str(row[12]),
        assignee=str(row[13]), created_at=parse_sqlite_utc(str(row[14])),
    )
