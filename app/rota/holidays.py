"""China's public holidays and make-up working days (调休), from ``chinese_calendar``.

The same package backs the SLA engine's business calendar. It only knows the years the
State Council has announced; a day outside them is reported as unknown rather than
guessed, so a supervisor planning next year sees the gap instead of a wrong rota.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

import chinese_calendar

if TYPE_CHECKING:
    from app.sla.holiday_years import YearDays

# Years an administrator entered from the State Council's notice (issue 16,
# ``app.sla.holiday_years``, synced): they win over the library, and a year the library
# does not know yet is known once entered.
Entered = Mapping[int, "YearDays"]


class DayKind(StrEnum):
    """How a calendar day is staffed: coverage requirements differ per kind."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"


class CalendarUnknown(ValueError):
    """The holiday calendar has no data for some years."""

    def __init__(self, years: tuple[int, ...]) -> None:
        super().__init__(f"no holiday data for {', '.join(map(str, years))}")
        self.years = years


def day_kind(day: date, entered: Entered | None = None) -> DayKind:
    """Workday (including a make-up Saturday), weekend, or public holiday."""
    if entered and (year := entered.get(day.year)) is not None:
        if day in year.holidays:
            return DayKind.HOLIDAY
        if day in year.workdays or day.weekday() < 5:
            return DayKind.WORKDAY
        return DayKind.WEEKEND
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if on_holiday and name is not None:
        return DayKind.HOLIDAY
    return DayKind.WEEKEND if on_holiday else DayKind.WORKDAY


def holiday_name(day: date) -> str | None:
    """The English name of the public holiday on ``day`` (e.g. "National Day"), if any."""
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    return str(name) if on_holiday and name is not None else None


def is_makeup_workday(day: date) -> bool:
    """A Saturday or Sunday that is a working day (调休)."""
    return day.weekday() >= 5 and day_kind(day) is DayKind.WORKDAY


def unknown_years(days: Iterable[date], entered: Entered | None = None) -> tuple[int, ...]:
    """The years among ``days`` the calendar has no data for (nor an administrator)."""
    missing: set[int] = set()
    for year in sorted({day.year for day in days} - set(entered or ())):
        try:
            chinese_calendar.get_holiday_detail(date(year, 6, 1))
        except NotImplementedError:
            missing.add(year)
    return tuple(sorted(missing))


def day_kinds(days: Iterable[date], entered: Entered | None = None) -> dict[date, DayKind]:
    """Kinds of all ``days``; raises CalendarUnknown if any year is not covered."""
    listed = list(days)
    missing = unknown_years(listed, entered)
    if missing:
        raise CalendarUnknown(missing)
    return {day: day_kind(day, entered) for day in listed}


def provisional_kinds(days: Iterable[date]) -> dict[date, DayKind]:
    """Weekday/weekend only, for *showing* days of a year the calendar does not cover.

    Never used for planning: the page says the calendar is missing and disables auto-plan.
    """
    return {day: DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY for day in days}
