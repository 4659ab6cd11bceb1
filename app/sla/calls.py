"""The phone's answer target (issue 19): each call answered within the policy's rings.

A call is no ticket: it has no clock that runs on the desk (three rings are over before
any desk could count them), only an outcome the server recorded when it stopped ringing
(``phone_calls``, synced to every desk). A call answered after more rings than the policy
allows, or never answered (missed, or abandoned by the caller), missed its target: every
desk raises that once, as a breach of the call (``sla_notifications`` with ``call_id``), in
the notification centre and the tray, like a ticket's. The policy is the version in force
when the call rang, as a ticket's is the version in force when it was created.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.channels.records import PhoneCall, read_calls
from app.domain.clock import Clock
from app.sla.policy import TargetKind
from app.sla.reading import PolicyBook, policy_book
from app.sla.thresholds import BREACHED

if TYPE_CHECKING:
    from app.store.database import Store

# Calls that rang longer ago than this when a desk first sees them are history (a desk
# that joins pulls every call ever made): reported, not raised.
RAISED_WITHIN = timedelta(hours=24)
ANSWER = str(TargetKind.ANSWER)

def answer_limit(book: PolicyBook, call: PhoneCall) -> int | None:
    """The rings the call had (None: the policy of its day sets no answer target)."""
    return book.for_call(call.ringing_at).answer_rings()


@dataclass(frozen=True)
class CallMiss:
    """A call's missed answer target, raised just now."""

    notification_id: str
    call: PhoneCall
    limit: int


def unraised_misses(conn: sqlite3.Connection, now: datetime,
                    book: PolicyBook | None = None) -> list[tuple[PhoneCall, int]]:
    """Calls of the last ``RAISED_WITHIN`` that missed their answer target and have no
    notification yet, with the rings their policy allowed."""
    book = book or policy_book(conn)
    # Up to a day ahead too: the server's clock, which stamped the call, may run ahead.
    fresh = read_calls(conn, now - RAISED_WITHIN, now + RAISED_WITHIN,
                       " AND NOT EXISTS (SELECT 1 FROM sla_notifications n "
                       "WHERE n.call_id = c.id)")
    return [(call, limit) for call in fresh
            if (limit := answer_limit(book, call)) is not None and not call.within(limit)]


def raise_call_misses(store: Store, conn: sqlite3.Connection, clock: Clock,
                      book: PolicyBook | None = None) -> list[CallMiss]:
    """Raise each recent call's missed answer target once, as a breach (the unique
    constraint makes a second raise, after a restart or a resync, a no-op)."""
    from sqlalchemy.dialects.sqlite import insert

    from app.domain.ids import new_id
    from app.sla.tables import SlaNotificationRow

    now = clock.now()
    found = unraised_misses(conn, now, book)
    raised: list[CallMiss] = []
    if not found:
        return raised
    with store.unit_of_work() as session:
        for call, limit in found:
            notification_id = new_id(clock)
            result = session.execute(insert(SlaNotificationRow).values(
                id=notification_id, ticket_id=None, call_id=call.id, kind=ANSWER, window=0,
                threshold=BREACHED, due_at=call.missed_at(limit), raised_at=now)
                .on_conflict_do_nothing())
            if getattr(result, "rowcount", 0):
                raised.append(CallMiss(notification_id, call, limit))
    return raised
