"""The phone's answer target in the reports (issue 19): the share of calls answered within
the policy's rings, per seat and per day, with the distribution of rings and seconds.

Read from the calls the server recorded (``phone_calls``, synced to every desk), not from
tickets: a call answered without a ticket counts, and so does one nobody answered. Each
call is judged by the policy version in force when it rang (``app.sla.calls``), as the
desks raised it. A call counts in the period it rang in; a missed or abandoned call is a
missed target. The call-back task's own target is a ticket's and comes from the target
facts like any other (``targets``). An answered call is "logged" when a phone ticket
names it in its creation (the seat's F8 on the call: ``app.services.intake``).
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.channels.records import ABANDONED, ANSWERED, rings_of, within
from app.reports.period import Filters, Period
from app.reports.targets import (
    ANY,
    Distribution,
    TargetFigures,
    distribution,
    target_figures,
)
from app.sla.policy import DEFAULT_POLICY, TargetKind
from app.sla.reading import PolicyBook, policy_book
from app.store.reading import sqlite_utc_text

# Ring bins of the answered calls: up to 1, 2, 3, 4, 5 rings, and more.
RING_EDGES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class PhoneFigures:
    """The calls of a group: how each ended and how long the answered ones rang."""

    calls: int
    judged: int  # calls with an answer target (its policy had one)
    within: int  # answered within their target
    late: int  # answered after more rings than their target allowed
    answered: int
    missed: int
    abandoned: int
    logged: int  # answered calls a ticket was logged for
    rings: tuple[int, ...]  # answered calls per ring bin (RING_EDGES, then beyond)
    seconds: Distribution  # seconds from the first ring to the answer

    @property
    def share_within(self) -> float | None:
        return self.within / self.judged if self.judged else None


@dataclass(frozen=True)
class PhoneReport:
    """The period's calls as a whole, per seat (staff id; "" an extension of nobody's) and
    per local day, the answer target's rings now, and the call-back target's figures."""

    totals: PhoneFigures
    by_seat: dict[str, PhoneFigures]
    by_day: dict[date, PhoneFigures]
    limit: int | None
    call_back: TargetFigures | None


@dataclass
class _Tally:
    """The figures of a group, counted call by call (each call's rings worked out once and
    added to every group it belongs to: the whole, its seat, its day)."""

    calls: int = 0
    judged: int = 0
    within: int = 0
    late: int = 0
    abandoned: int = 0
    logged: int = 0
    bins: list[int] = field(default_factory=lambda: [0] * (len(RING_EDGES) + 1))
    seconds: list[float] = field(default_factory=list)

    def add(self, outcome: str, limit: int | None, rings: float | None,
            seconds: float | None, logged: bool) -> None:
        self.calls += 1
        self.judged += limit is not None
        self.abandoned += outcome == ABANDONED
        if outcome != ANSWERED:
            return
        self.logged += logged
        self.seconds.append(max(0.0, seconds or 0.0))  # as PhoneCall.seconds
        self.bins[bisect_left(RING_EDGES, rings or 0.0)] += 1
        if limit is not None:
            inside = within(outcome, rings, limit)
            self.within += inside
            self.late += not inside

    def figures(self) -> PhoneFigures:
        answered = len(self.seconds)
        return PhoneFigures(self.calls, self.judged, self.within, self.late, answered,
                            self.calls - answered - self.abandoned, self.abandoned,
                            self.logged, tuple(self.bins), distribution(sorted(self.seconds)))


_CALLS = """
SELECT c.outcome, coalesce(c.seat_id, ''), date(c.ringing_at, ?), c.ringing_at, c.ring_ms,
       round((julianday(c.answered_at) - julianday(c.ringing_at)) * 86400.0, 3), c.call_id
FROM phone_calls c WHERE c.ringing_at >= ? AND c.ringing_at < ?{seats}
"""
# The calls named by the phone tickets created in the period: a ticket logged for a call
# was received when the call rang (its created_at), so it falls in the call's period.
_LOGGED = """
SELECT json_extract(e.data, '$.call_id') FROM tickets t
JOIN ticket_events e ON e.ticket_id = t.id AND e.kind = 'created'
WHERE t.created_at >= ? AND t.created_at < ? AND t.channel = 'phone' AND t.deleted = 0
  AND json_extract(e.data, '$.call_id') IS NOT NULL
"""


def _limits(book: PolicyBook) -> tuple[list[str], list[int | None]]:
    """The policy versions' starts (as SQLite stores times) and their answer rings, after
    the built-in one: a call takes the last version that started before it rang
    (``PolicyBook.for_call``), compared as text without making a datetime per call."""
    starts = [sqlite_utc_text(valid_from) for valid_from, _policy in book.versions]
    return starts, [DEFAULT_POLICY.answer_rings(),
                    *(policy.answer_rings() for _from, policy in book.versions)]


def _seat_filter(filters: Filters) -> tuple[str, tuple[str, ...]]:
    """The seats and teams chosen, as conditions on the call's seat. A call has no level,
    type or category (the ticket logged for it has): those choices leave the calls whole."""
    where = ""
    if filters.seat_ids:
        where += f" AND c.seat_id IN ({','.join('?' * len(filters.seat_ids))})"
    if filters.team_ids:
        where += (" AND c.seat_id IN (SELECT s.id FROM staff s WHERE s.team_id IN "
                  f"({','.join('?' * len(filters.team_ids))}))")
    return where, (*filters.seat_ids, *filters.team_ids)


def phone_report(conn: sqlite3.Connection, period: Period, now: datetime,
                 filters: Filters = ANY, refresh: bool = True,
                 targets: dict[TargetKind, TargetFigures] | None = None) -> PhoneReport:
    """The period's phone figures (see ``PhoneReport``). The rows are read as SQL gives
    them (seconds to answer and the local day computed there), each counted once into the
    whole, its seat and its day: a month of 20 000 calls in a few hundred ms. ``targets``:
    the period's target figures when the caller has them already (the Reports page's and
    the monthly report's analysis, under the same filters); the call-back's are read
    from them instead of again. The wallboard passes ``{}``: it shows no call-back."""
    book = policy_book(conn)
    whole = _Tally()
    seats: defaultdict[str, _Tally] = defaultdict(_Tally)
    days: defaultdict[str, _Tally] = defaultdict(_Tally)
    if not filters.channels or "phone" in filters.channels:
        starts, limits = _limits(book)
        where, chosen = _seat_filter(filters)
        offset = f"{period.utc_offset_hours():+.2f} hours"
        logged = {row[0] for row in conn.execute(_LOGGED, period.bounds())}
        for outcome, seat, day, rang, ring_ms, seconds, call_id in conn.execute(
                _CALLS.format(seats=where), (offset, *period.bounds(), *chosen)):
            limit = limits[bisect_right(starts, rang)]
            rings = rings_of(seconds, ring_ms)
            for tally in (whole, seats[seat], days[day]):
                tally.add(outcome, limit, rings, seconds, call_id in logged)
    if targets is None:  # the call-back targets alone: all kinds are a year's 330 000
        targets = target_figures(conn, period, now, filters, kinds=(TargetKind.CALL_BACK,),
                                 refresh=refresh).get(None, {})
    call_back = targets.get(TargetKind.CALL_BACK)
    return PhoneReport(whole.figures(), {k: v.figures() for k, v in seats.items()},
                       {date.fromisoformat(k): v.figures() for k, v in sorted(days.items())},
                       book.for_call(now).answer_rings(), call_back)


PHONE_HEADER = ["calls of", "calls", "with a target", "within target", "share within",
                "answered late", "not answered", "abandoned", "logged as tickets",
                *(f"up to {edge} rings" for edge in RING_EDGES),
                f"over {RING_EDGES[-1]} rings", "answer p50 s", "answer p90 s",
                "answer mean s"]


def _row(label: str, f: PhoneFigures) -> list[object]:
    share = None if f.share_within is None else round(f.share_within, 4)
    return [label, f.calls, f.judged, f.within, share, f.late, f.missed, f.abandoned,
            f.logged, *f.rings, f.seconds.p50, f.seconds.p90,
            None if f.seconds.mean is None else round(f.seconds.mean, 2)]


def phone_sheet(part: Any, report: PhoneReport | None, seat_names: dict[str, str]) -> None:
    """The monthly workbook's phone sheet: all calls, each seat, each day, then the
    call-back target (a report of an older version has no phone figures: headers only)."""
    if report is None:
        part.append(PHONE_HEADER)
        return
    part.append(["answer target, rings", report.limit])
    part.append(PHONE_HEADER)
    part.append(_row("all", report.totals))
    for key, f in sorted(report.by_seat.items()):
        part.append(_row(seat_names.get(key, key) or "-", f))
    for day, f in report.by_day.items():
        part.append(_row(day.isoformat(), f))
    cb = report.call_back
    part.append(["call back", "met", "missed", "breached", "running"])
    part.append(["", cb.met if cb else 0, cb.missed if cb else 0, cb.breached if cb else 0,
                 cb.running if cb else 0])
