"""Official holidays of a year the holiday library does not know yet (issue 16).

``chinese_calendar`` knows China's public holidays and make-up working days (调休) only up
to the years it was released with. An administrator enters a year's State Council notice
once - by pasting it, or lists of dates - and the days are kept in ``sla_holiday_years``
(synced: every desk and the escalation service count business hours with them). A year
neither the library nor this table knows is *estimated*: Monday to Friday, marked so on
every deadline that falls in it (``estimated``).

Parsing accepts the notice as published (sentences naming days "放假" and days "上班", with
"1月1日", "2月15日至2月23日", "至23日", parenthesised weekdays) and plain dates
("2027-01-01", "2027/1/1", ranges "2027-02-15 ~ 2027-02-23").
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.clock import Clock
    from app.store.database import Store


@dataclass(frozen=True)
class YearDays:
    """One year's closed public holidays and make-up working days."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    notice: str = ""

    def is_workday(self, day: date) -> bool:
        if day in self.holidays:
            return False
        return day in self.workdays or day.weekday() < 5


class YearProblem(StrEnum):
    NO_HOLIDAYS = "no_holidays"
    OUTSIDE_YEAR = "outside_year"  # detail: the day
    BOTH = "both"  # a day both closed and working; detail: the day
    WORKDAY_ON_WEEKDAY = "workday_on_weekday"  # make-up days are weekend days; detail: day
    UNREADABLE = "unreadable"  # detail: the text that is no date


@dataclass(frozen=True)
class YearIssue:
    problem: YearProblem
    detail: str = ""


class YearInvalid(ValueError):
    def __init__(self, issues: list[YearIssue]) -> None:
        super().__init__(", ".join(f"{i.problem}:{i.detail}" for i in issues))
        self.issues = issues


_PARENS = re.compile(r"[（(][^）)]*[）)]")
# A date never starts inside a number ("27-01-01" is not read out of "2027-01-01").
_ISO = r"(?<!\d)(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
_DAY = re.compile(_ISO)
_RANGE = re.compile(_ISO + r"\s*(?:至|到|~|～|—|–|\.\.|-{1,2}(?=\s*\d))\s*"
                    r"(?:(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*日?")


def _make(year: int, month: str, day: str) -> date:
    return date(year, int(month), int(day))


def dates_in(text: str, year: int) -> tuple[list[date], list[str]]:
    """Every day ``text`` names (ranges expanded), and the pieces that named no valid day."""
    found: list[date] = []
    bad: list[str] = []
    text = _PARENS.sub("", text)
    rest = text
    for match in _RANGE.finditer(text):
        y1, m1, d1, y2, m2, d2 = match.groups()
        try:
            first = _make(int(y1 or year), m1, d1)
            last = _make(int(y2 or y1 or year), m2 or m1, d2)
        except ValueError:
            bad.append(match.group(0).strip())
            continue
        if last < first:
            bad.append(match.group(0).strip())
            continue
        found += [first + timedelta(n) for n in range((last - first).days + 1)]
        rest = rest.replace(match.group(0), " ", 1)
    for match in _DAY.finditer(rest):
        y, m, d = match.groups()
        try:
            found.append(_make(int(y or year), m, d))
        except ValueError:
            bad.append(match.group(0).strip())
    return found, bad


def parse_notice(text: str, year: int) -> tuple[list[date], list[date], list[str]]:
    """A pasted notice: (holidays, make-up working days, unreadable pieces). A sentence
    saying "上班" (work) names working days; every other day named is a holiday."""
    holidays: list[date] = []
    workdays: list[date] = []
    bad: list[str] = []
    for sentence in re.split(r"[。；;\n]", text):
        days, wrong = dates_in(sentence, year)
        bad += wrong
        (workdays if "上班" in sentence else holidays).extend(days)
    return sorted(set(holidays)), sorted(set(workdays)), bad


def check(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> list[YearIssue]:
    """Everything wrong with a year's days, all at once."""
    closed, working = set(holidays), set(workdays)
    issues: list[YearIssue] = []
    if not closed:
        issues.append(YearIssue(YearProblem.NO_HOLIDAYS))
    for day in sorted(closed | working):
        if day.year != year:
            issues.append(YearIssue(YearProblem.OUTSIDE_YEAR, day.isoformat()))
    issues += [YearIssue(YearProblem.BOTH, d.isoformat()) for d in sorted(closed & working)]
    issues += [YearIssue(YearProblem.WORKDAY_ON_WEEKDAY, d.isoformat())
               for d in sorted(working) if d.weekday() < 5]
    return issues


def _days(text: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(d) for d in text.split(",") if d)


def entered_years(conn: sqlite3.Connection) -> dict[int, YearDays]:
    """Every year an administrator entered."""
    try:
        rows = conn.execute("SELECT year, holidays, workdays, notice FROM sla_holiday_years")
        return {int(y): YearDays(int(y), _days(h), _days(w), n or "") for y, h, w, n in rows}
    except sqlite3.OperationalError:  # a data folder not migrated to 0008 yet
        return {}


def library_knows(year: int) -> bool:
    from app.rota.holidays import unknown_years

    return not unknown_years([date(year, 6, 1)])


def unknown_years(conn: sqlite3.Connection, days: Iterable[date]) -> tuple[int, ...]:
    """The years among ``days`` that neither the library nor an administrator covers."""
    entered = entered_years(conn)
    return tuple(sorted({d.year for d in days if d.year not in entered
                         and not library_knows(d.year)}))


def save_year(store: Store, clock: Clock, author_id: str | None, year: int,
              holidays: Iterable[date], workdays: Iterable[date], notice: str = "") -> None:
    """Write (or replace) a year's days; ``YearInvalid`` before touching anything."""
    closed, working = sorted(set(holidays)), sorted(set(workdays))
    issues = check(year, closed, working)
    if issues:
        raise YearInvalid(issues)
    from app.sla.tables import SlaHolidayYearRow

    with store.unit_of_work() as session:
        row = session.get(SlaHolidayYearRow, year)
        if row is None:
            row = SlaHolidayYearRow(year=year)
            session.add(row)
        row.holidays = ",".join(d.isoformat() for d in closed)
        row.workdays = ",".join(d.isoformat() for d in working)
        row.notice = notice.strip()
        row.author_id = author_id
        row.saved_at = clock.now()
