"""Calendars the SLA clocks count in: round the clock (24x7) or business hours.

Business hours follow China's public holidays and make-up working days (调休) through
``app.rota.holidays`` (the same ``chinese_calendar`` data the rota uses), with an
administrator's override table on top. A year the official data does not cover falls
back to Monday-Friday and is *recorded* in ``flagged_years``: the desk shows the gap
instead of silently trusting a guess.

All arithmetic is on aware datetimes. Business hours are local wall-clock hours in the
calendar's zone, converted to UTC per day, so a zone with daylight saving keeps opening
at 09:00 local time while durations are counted in real (UTC) time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from app.rota.holidays import DayKind, day_kind, unknown_years
from app.sla.holiday_years import YearDays

ZERO = timedelta(0)
# A target can never need more than this many calendar days to elapse; a calendar with
# no working day in that span is a configuration error, not an endless loop.
MAX_DAYS = 800


class Calendar(Protocol):
    """Adds and measures durations in the calendar's counting time."""

    name: str

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The moment ``duration`` of counting time after ``start``."""
        ...

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """Counting time between ``start`` and ``end`` (zero if end <= start)."""
        ...


class RoundTheClock:
    """24x7: every second counts."""

    name = "24x7"

    def add(self, start: datetime, duration: timedelta) -> datetime:
        return start + duration

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        return max(ZERO, end - start)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("calendars need timezone-aware times")
    return moment.astimezone(UTC)


@dataclass
class BusinessHours:
    """Working days (China's calendar + overrides) from ``opens`` to ``closes`` local time.

    ``overrides`` maps a date to True (working) or False (closed) and wins over the
    official data; it is the administrator's table.
    """

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    opens: time = time(9, 0)
    closes: time = time(18, 0)
    overrides: Mapping[date, bool] = field(default_factory=dict)
    flagged_years: set[int] = field(default_factory=set)
    # Years an administrator entered from the State Council's notice (issue 16): they win
    # over the library's data and the Monday-Friday estimate.
    entered: Mapping[int, YearDays] = field(default_factory=dict)
    name: str = "business"
    _known: dict[int, bool] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.opens >= self.closes:
            raise ValueError("business hours must open before they close")

    def is_workday(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if (year := self.entered.get(day.year)) is not None:
            return year.is_workday(day)
        if day.year not in self._known:
            self._known[day.year] = not unknown_years([day])
        if not self._known[day.year]:
            self.flagged_years.add(day.year)
            return day.weekday() < 5
        return day_kind(day) is DayKind.WORKDAY

    def estimated(self, start: datetime, end: datetime) -> bool:
        """Whether counting from ``start`` to ``end`` goes through a year whose official
        days are known neither to the library nor to an administrator (an estimate)."""
        first = _aware(start).astimezone(self.zone).year
        last = _aware(end).astimezone(self.zone).year
        for year in range(first, last + 1):
            if year in self.entered:
                continue
            if year not in self._known:
                self._known[year] = not unknown_years([date(year, 6, 1)])
            if not self._known[year]:
                return True
        return False

    def _hours(self, day: date) -> tuple[datetime, datetime]:
        opens = datetime.combine(day, self.opens, self.zone).astimezone(UTC)
        closes = datetime.combine(day, self.closes, self.zone).astimezone(UTC)
        return opens, max(opens, closes)

    def _windows(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working windows (UTC) from the local day containing ``start`` onwards."""
        day = start.astimezone(self.zone).date()
        for offset in range(MAX_DAYS):
            current = day + timedelta(days=offset)
            if self.is_workday(current):
                yield self._hours(current)
        raise ValueError(f"no working day within {MAX_DAYS} days of {day}")

    def add(self, start: datetime, duration: timedelta) -> datetime:
        start = _aware(start)
        if duration < ZERO:
            raise ValueError("durations to add are not negative")
        remaining = duration
        for opens, closes in self._windows(start):
            begin = max(opens, start)
            if begin >= closes:
                continue
            if remaining == ZERO:
                return begin
            available = closes - begin
            if remaining <= available:
                return begin + remaining
            remaining -= available
        raise AssertionError("unreachable")  # pragma: no cover

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        start, end = _aware(start), _aware(end)
        total = ZERO
        if end <= start:
            return total
        day = start.astimezone(self.zone).date()
        last = end.astimezone(self.zone).date()
        while day <= last:
            if self.is_workday(day):
                opens, closes = self._hours(day)
                total += max(ZERO, min(closes, end) - max(opens, start))
            day += timedelta(days=1)
        return total


ROUND_THE_CLOCK = RoundTheClock()
