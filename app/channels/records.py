"""Phone calls as the server recorded them (``phone_calls``, synced), read with plain
sqlite3: the notification centre lists them at start-up, so this module stays light."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import NamedTuple

from app.store.reading import parse_sqlite_utc, sqlite_utc_text

ANSWERED, MISSED, ABANDONED = "answered", "missed", "abandoned"

CALL_COLUMNS = ("c.id, c.call_id, c.extension, c.caller, c.seat_id, c.ringing_at, "
            "c.answered_at, c.ended_at, c.ring_ms, c.outcome, c.ticket_id")


def ring_ms_of(ring_seconds: float) -> int:
    """A PBX source's ring length as every call's record keeps it."""
    return round(ring_seconds * 1000)


def rings_of(seconds: float | None, ring_ms: int) -> float | None:
    """The rings a call took to be answered after ``seconds`` (2 decimals): one measure
    for the server's pop-up, the desks' raised misses and the reports."""
    if seconds is None or ring_ms <= 0:
        return None
    return round(max(0.0, seconds) * 1000 / ring_ms, 2)


def within(outcome: str, rings: float | None, limit: int) -> bool:
    """Whether a call met an answer target of ``limit`` rings."""
    return outcome == ANSWERED and rings is not None and rings <= limit


class PhoneCall(NamedTuple):
    """One call as the server recorded it when it stopped ringing."""

    id: str
    call_id: str
    extension: str
    caller: str
    seat_id: str | None
    ringing_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    ring_ms: int
    outcome: str  # answered | missed | abandoned
    ticket_id: str | None  # the call-back task of a call nobody answered

    @classmethod
    def of(cls, row: tuple[object, ...]) -> PhoneCall:
        def time(value: object) -> datetime | None:
            return parse_sqlite_utc(str(value)) if value is not None else None

        ringing = time(row[5])
        assert ringing is not None  # a column that is never empty
        return cls(str(row[0]), str(row[1]), str(row[2]), str(row[3]),
                   None if row[4] is None else str(row[4]), ringing, time(row[6]),
                   time(row[7]), int(str(row[8])), str(row[9]),
                   None if row[10] is None else str(row[10]))

    @property
    def seconds(self) -> float | None:
        """Seconds from the first ring to the answer (None: not answered)."""
        if self.answered_at is None:
            return None
        return max(0.0, (self.answered_at - self.ringing_at).total_seconds())

    @property
    def rings(self) -> float | None:
        """The rings it took, as the server measures them (2 decimals)."""
        return rings_of(self.seconds, self.ring_ms)

    def within(self, limit: int) -> bool:
        """Answered within ``limit`` rings."""
        return within(self.outcome, self.rings, limit)

    def missed_at(self, limit: int) -> datetime:
        """When the target was missed: the moment the last allowed ring ended."""
        return self.ringing_at + timedelta(milliseconds=self.ring_ms * limit)

    def limit_at(self, missed_at: datetime) -> int:
        """The rings allowed, from the moment ``missed_at`` gave (a notification's)."""
        if self.ring_ms <= 0:
            return 0
        return round((missed_at - self.ringing_at) / timedelta(milliseconds=self.ring_ms))


def read_calls(conn: sqlite3.Connection, since: datetime, until: datetime,
               where: str = "", args: tuple[object, ...] = ()) -> list[PhoneCall]:
    """The calls that rang in [since, until), in order."""
    rows = conn.execute(
        f"SELECT {CALL_COLUMNS} FROM phone_calls c WHERE c.ringing_at >= ? AND c.ringing_at < ?"
        f"{where} ORDER BY c.ringing_at, c.id",
        (sqlite_utc_text(since), sqlite_utc_text(until), *args))
    return [PhoneCall.of(row) for row in rows]


