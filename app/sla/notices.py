"""The notification centre's data: list, unread count, acknowledge, snooze.

Notifications are rows of ``sla_notifications`` (raised once by the monitor), so they
survive a restart; an acknowledged one never comes back, a snoozed one returns when its
snooze ends.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from app.channels.records import CALL_COLUMNS, PhoneCall
from app.store.reading import parse_sqlite_utc, sqlite_utc_text

if TYPE_CHECKING:
    from app.store.database import Store


class Notice(NamedTuple):
    """A ticket's threshold, or a phone call's missed answer target (``call`` set; its
    ``ticket_id`` is the call-back task's, empty for a call answered late)."""

    id: str
    ticket_id: str
    number: str
    title: str
    kind: str
    threshold: str
    due_at: datetime
    raised_at: datetime
    read: bool
    call: PhoneCall | None = None


_LIVE = "n.acknowledged_at IS NULL AND (n.snoozed_until IS NULL OR n.snoozed_until <= ?)"


class NoticeFilter(NamedTuple):
    """Which notifications the seat looks at: tickets assigned to ``assignee``, or held by
    ``team`` (either set narrows the list), and only breaches."""

    assignee: str | None = None
    team: str | None = None
    breaches_only: bool = False


EVERYTHING = NoticeFilter()


def notices(conn: sqlite3.Connection, now: datetime, limit: int = 500,
            chosen: NoticeFilter = EVERYTHING) -> list[Notice]:
    """Live notifications (not acknowledged, not snoozed), newest first by the moment each
    threshold fell due: the time the list shows. The moment the monitor raised it is no
    order to show (a desk started after a night raises hundreds in one pass, in no order),
    but it picks the page: the ``limit`` raised last, read along the index without a sort
    of every live notification, then put in the order of their times."""
    where, args = [_LIVE], [sqlite_utc_text(now)]
    if chosen.assignee is not None:
        # A call is the seat's whose extension rang.
        where.append("coalesce(t.assignee_id, c.seat_id) = ?")
        args.append(chosen.assignee)
    if chosen.team is not None:
        where.append("t.team_id = ?")
        args.append(chosen.team)
    if chosen.breaches_only:
        # The SQL of thresholds.is_breach: the deadline or a point after it.
        where.append("(n.threshold = 'breached' OR n.threshold LIKE 'due+%')")
    rows = conn.execute(
        "SELECT n.id, coalesce(n.ticket_id, c.ticket_id, ''), coalesce(t.number, ''), "
        "coalesce(t.title, ''), n.kind, n.threshold, n.due_at, n.raised_at, "
        f"n.read_at IS NOT NULL, c.id IS NOT NULL, {CALL_COLUMNS} FROM sla_notifications n "
        "LEFT JOIN tickets t ON t.id = n.ticket_id "
        "LEFT JOIN phone_calls c ON c.id = n.call_id "
        f"WHERE (t.id IS NOT NULL OR c.id IS NOT NULL) AND {' AND '.join(where)} "
        "ORDER BY n.raised_at DESC, n.id DESC LIMIT ?", (*args, limit))
    page = [Notice(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]),
                   parse_sqlite_utc(r[7]), bool(r[8]), PhoneCall.of(r[10:]) if r[9] else None)
            for r in rows]
    page.sort(key=lambda n: (n.due_at, n.number, n.id), reverse=True)
    return page


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
