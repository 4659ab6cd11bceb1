"""The notification centre's data: list, unread count, acknowledge, snooze.

Notifications are rows of ``sla_notifications`` (raised once by the monitor), so they
survive a restart; an acknowledged one never comes back, a snoozed one returns when its
snooze ends.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.store.reading import parse_sqlite_utc, sqlite_utc_text

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class Notice:
    id: str
    ticket_id: str
    number: str
    title: str
    kind: str
    threshold: str
    due_at: datetime
    raised_at: datetime
    read: bool


_LIVE = "n.acknowledged_at IS NULL AND (n.snoozed_until IS NULL OR n.snoozed_until <= ?)"


def notices(conn: sqlite3.Connection, now: datetime, limit: int = 500) -> list[Notice]:
    """Live notifications (not acknowledged, not snoozed), newest first."""
    rows = conn.execute(
        "SELECT n.id, n.ticket_id, t.number, t.title, n.kind, n.threshold, n.due_at, "
        "n.raised_at, n.read_at IS NOT NULL FROM sla_notifications n "
        f"JOIN tickets t ON t.id = n.ticket_id WHERE {_LIVE} "
        "ORDER BY n.raised_at DESC, n.id DESC LIMIT ?", (sqlite_utc_text(now), limit))
    return [Notice(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]),
                   parse_sqlite_utc(r[7]), bool(r[8])) for r in rows]


def unread_count(conn: sqlite3.Connection, now: datetime) -> int:
    return int(conn.execute(f"SELECT count(*) FROM sla_notifications n WHERE {_LIVE} "
                            "AND n.read_at IS NULL", (sqlite_utc_text(now),)).fetchone()[0])


def _set(store: Store, ids: Iterable[str], **values: datetime) -> None:
    # SQLAlchemy only on a write: the list itself is read at start-up (docs/architecture.md).
    from sqlalchemy import update

    from app.sla.tables import SlaNotificationRow

    chosen = list(ids)
    if not chosen:
        return
    with store.unit_of_work() as session:
        session.execute(update(SlaNotificationRow)
                        .where(SlaNotificationRow.id.in_(chosen)).values(**values))


def acknowledge(store: Store, ids: Iterable[str], now: datetime) -> None:
    _set(store, ids, acknowledged_at=now, read_at=now)


def snooze(store: Store, ids: Iterable[str], until: datetime) -> None:
    _set(store, ids, snoozed_until=until)


def mark_read(store: Store, ids: Iterable[str], now: datetime) -> None:
    _set(store, ids, read_at=now)
