"""Who is on duty at a moment: overrides first, then the published rota.

Dispatch asks this for "now"; the moment comes from the caller's Clock. A shift belongs
to the day it starts, so a night crossing midnight is looked up on the previous day too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.rota.model import DESK_ZONE, Assignment, Override, ShiftType


@dataclass(frozen=True)
class OnDuty:
    """A person working (or on call for) a shift that covers the moment asked about."""

    staff_id: str
    shift: str
    day: date
    start: datetime
    end: datetime
    on_call: bool
    override_id: str | None = None


def staffing(day: date, shift: str, published: Iterable[Assignment],
             overrides: Iterable[Override]) -> list[tuple[str, str | None]]:
    """(staff id, override id) working ``shift`` on ``day`` after applying the overrides in
    the order they were made."""
    people: list[tuple[str, str | None]] = [
        (a.staff_id, None) for a in published if a.day == day and a.shift == shift]
    for change in sorted((o for o in overrides if o.day == day and o.shift == shift),
                         key=lambda o: (o.created_at, o.id)):
        if change.absent_id is not None:
            people = [p for p in people if p[0] != change.absent_id]
        if change.cover_id is not None and all(p[0] != change.cover_id for p in people):
            people.append((change.cover_id, change.id))
    return people


def on_duty_at(moment: datetime, shifts: Sequence[ShiftType], published: Iterable[Assignment],
               overrides: Iterable[Override], zone: ZoneInfo = DESK_ZONE,
               include_on_call: bool = True) -> list[OnDuty]:
    """Everyone whose shift covers ``moment`` (timezone-aware), sorted by shift and id."""
    if moment.tzinfo is None:
        raise ValueError("on_duty_at needs a timezone-aware moment")
    published, overrides = list(published), list(overrides)
    local_day = moment.astimezone(zone).date()
    longest = max((s.minutes for s in shifts), default=0)
    days = [local_day - timedelta(n) for n in range(longest // 1440 + 2)]
    found = []
    for day in days:
        for shift in shifts:
            if shift.on_call and not include_on_call:
                continue
            start, end = shift.span(day, zone)
            if not start <= moment < end:
                continue
            for staff_id, override_id in staffing(day, shift.code, published, overrides):
                found.append(OnDuty(staff_id, shift.code, day, start, end, shift.on_call,
                                    override_id))
    return sorted(found, key=lambda d: (d.on_call, d.shift, d.staff_id))


def reserve(day: date, shifts: Sequence[ShiftType], published: Iterable[Assignment],
            overrides: Iterable[Override]) -> list[str]:
    """The emergency reserve (应急储备) of ``day``: people on its on-call shifts."""
    published, overrides = list(published), list(overrides)
    return [staff for shift in shifts if shift.on_call
            for staff, _ in staffing(day, shift.code, published, overrides)]


def shifts_of(staff_id: str, days: Sequence[date], shifts: Sequence[ShiftType],
              published: Iterable[Assignment], overrides: Iterable[Override],
              zone: ZoneInfo = DESK_ZONE) -> list[OnDuty]:
    """One person's shifts on ``days`` after overrides ("my shifts"), in time order."""
    published, overrides = list(published), list(overrides)
    found = []
    for day in days:
        for shift in shifts:
            for person, override_id in staffing(day, shift.code, published, overrides):
                if person == staff_id:
                    start, end = shift.span(day, zone)
                    found.append(OnDuty(person, shift.code, day, start, end, shift.on_call,
                                        override_id))
    return sorted(found, key=lambda d: d.start)


def next_shift(staff_id: str, moment: datetime, shifts: Sequence[ShiftType],
               published: Iterable[Assignment], overrides: Iterable[Override],
               zone: ZoneInfo = DESK_ZONE) -> OnDuty | None:
    """The person's first shift starting at or after ``moment`` within the next week."""
    first = moment.astimezone(zone).date() - timedelta(1)
    days = [first + timedelta(n) for n in range(9)]
    upcoming = [d for d in shifts_of(staff_id, days, shifts, published, overrides, zone)
                if d.start >= moment]
    return upcoming[0] if upcoming else None


def reminder_due(staff_id: str, moment: datetime, lead: timedelta,
                 shifts: Sequence[ShiftType], published: Iterable[Assignment],
                 overrides: Iterable[Override]) -> OnDuty | None:
    """The shift to remind the person of: it starts within ``lead`` from ``moment``."""
    coming = next_shift(staff_id, moment, shifts, published, overrides)
    return coming if coming is not None and coming.start - moment <= lead else None
