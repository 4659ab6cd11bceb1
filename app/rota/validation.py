"""Checks on what a supervisor or seat enters in the rota's editors, before it is stored.

Like the rule checker, these give data, not sentences: the UI words them in the seat's
language. An empty list means the input may be saved.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.rota.holidays import DayKind
from app.rota.model import Absence, Coverage, Limits, Preference, RotaStaff, ShiftType

# A leave of more than a year is a typing mistake, not a plan (maternity leave is 98+ days).
LONGEST_ABSENCE_DAYS = 366
# A code is typed in the grid as one key; digits already pick a shift by position.
SHIFT_CODE = re.compile(r"[A-Z]")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MINUTES_A_DAY = 24 * 60


class Invalid(StrEnum):
    # coverage
    NEGATIVE = "negative"
    SENIORS_ABOVE_HEADCOUNT = "seniors_above_headcount"
    SKILLS_WITHOUT_PEOPLE = "skills_without_people"
    UNKNOWN_SKILL = "unknown_skill"
    UNKNOWN_SHIFT = "unknown_shift"
    DUPLICATE_REQUIREMENT = "duplicate_requirement"
    MORE_THAN_STAFF = "more_than_staff"
    MORE_THAN_SENIORS = "more_than_seniors"
    # absences and wishes
    LAST_BEFORE_FIRST = "last_before_first"
    TOO_LONG = "too_long"
    OVERLAPS = "overlaps"
    ABSENT_THAT_DAY = "absent_that_day"
    DUPLICATE_WISH = "duplicate_wish"
    NOT_ALLOWED = "not_allowed"
    # shift types
    EMPTY_NAME = "empty_name"
    BAD_CODE = "bad_code"
    DUPLICATE_CODE = "duplicate_code"
    BAD_LENGTH = "bad_length"
    BAD_COLOUR = "bad_colour"
    SHIFT_IN_USE = "shift_in_use"
    NO_SHIFTS = "no_shifts"
    # personal limits and dated cover (issue 20)
    FEWEST_HOURS_ABOVE_MOST = "fewest_hours_above_most"
    FEWEST_DAYS_ABOVE_MOST = "fewest_days_above_most"
    HOURS_BEYOND_PERIOD = "hours_beyond_period"


@dataclass(frozen=True)
class Mistake:
    """One thing wrong with the input: what, and where (a shift, a kind of day)."""

    what: Invalid
    shift: str | None = None
    day_kind: DayKind | None = None
    data: dict[str, int | str] = field(default_factory=dict, compare=False, hash=False)


def check_coverage(coverage: Sequence[Coverage], shifts: Iterable[ShiftType],
                   staff: Sequence[RotaStaff], skills: Collection[str],
                   senior: Iterable[RotaStaff]) -> list[Mistake]:
    """Problems with a whole set of coverage requirements (``senior``: who counts as one)."""
    codes = {s.code for s in shifts}
    seniors = len(list(senior))
    found: list[Mistake] = []
    seen: set[tuple[str, DayKind]] = set()
    for need in coverage:
        where = (need.shift, need.day_kind)
        if need.shift not in codes:
            found.append(Mistake(Invalid.UNKNOWN_SHIFT, *where))
        if (need.shift, need.day_kind) in seen:
            found.append(Mistake(Invalid.DUPLICATE_REQUIREMENT, *where))
        seen.add((need.shift, need.day_kind))
        if need.headcount < 0 or need.seniors < 0:
            found.append(Mistake(Invalid.NEGATIVE, *where))
        elif need.seniors > need.headcount:
            found.append(Mistake(Invalid.SENIORS_ABOVE_HEADCOUNT, *where, data={
                "seniors": need.seniors, "headcount": need.headcount}))
        if need.headcount == 0 and need.skills:
            found.append(Mistake(Invalid.SKILLS_WITHOUT_PEOPLE, *where))
        for skill in sorted(need.skills - set(skills)):
            found.append(Mistake(Invalid.UNKNOWN_SKILL, *where, data={"skill": skill}))
        if need.headcount > len(staff):
            found.append(Mistake(Invalid.MORE_THAN_STAFF, *where, data={
                "headcount": need.headcount, "staff": len(staff)}))
        if 0 <= need.seniors <= need.headcount and need.seniors > seniors:
            found.append(Mistake(Invalid.MORE_THAN_SENIORS, *where, data={
                "seniors": need.seniors, "available": seniors}))
    return found


def check_absence(absence: Absence, existing: Iterable[Absence]) -> list[Mistake]:
    """Problems with a new absence given the person's stored ones."""
    if absence.last < absence.first:
        return [Mistake(Invalid.LAST_BEFORE_FIRST)]
    found = []
    days = (absence.last - absence.first).days + 1
    if days > LONGEST_ABSENCE_DAYS:
        found.append(Mistake(Invalid.TOO_LONG, data={"days": days,
                                                      "max": LONGEST_ABSENCE_DAYS}))
    for other in existing:
        if (other.staff_id == absence.staff_id and other.id != absence.id
                and other.first <= absence.last and absence.first <= other.last):
            found.append(Mistake(Invalid.OVERLAPS, data={
                "first": other.first.isoformat(), "last": other.last.isoformat()}))
    return found


def check_preference(wish: Preference, absences: Iterable[Absence],
                     existing: Iterable[Preference]) -> list[Mistake]:
    """Problems with a new wanted/unwanted day: the person is away, or already said so."""
    found = []
    if any(a.staff_id == wish.staff_id and a.covers(wish.day) for a in absences):
        found.append(Mistake(Invalid.ABSENT_THAT_DAY, data={"day": wish.day.isoformat()}))
    if any(p.staff_id == wish.staff_id and p.day == wish.day and p.shift == wish.shift
           for p in existing):
        found.append(Mistake(Invalid.DUPLICATE_WISH, wish.shift,
                             data={"day": wish.day.isoformat()}))
    return found


def check_shift_types(shifts: Sequence[ShiftType], in_use: Collection[str]) -> list[Mistake]:
    """Problems with the edited list of shift types; ``in_use``: codes the rota refers to
    (assignments, overrides), which must stay."""
    found: list[Mistake] = []
    if not shifts:
        found.append(Mistake(Invalid.NO_SHIFTS))
    seen: set[str] = set()
    for shift in shifts:
        if not SHIFT_CODE.fullmatch(shift.code):
            found.append(Mistake(Invalid.BAD_CODE, shift.code, data={"code": shift.code}))
        elif shift.code in seen:
            found.append(Mistake(Invalid.DUPLICATE_CODE, shift.code,
                                 data={"code": shift.code}))
        seen.add(shift.code)
        if not shift.name_zh.strip() or not shift.name_en.strip():
            found.append(Mistake(Invalid.EMPTY_NAME, shift.code))
        if not 0 < shift.minutes <= MINUTES_A_DAY:
            found.append(Mistake(Invalid.BAD_LENGTH, shift.code,
                                 data={"minutes": shift.minutes}))
        if not COLOUR.fullmatch(shift.color):
            found.append(Mistake(Invalid.BAD_COLOUR, shift.code, data={"colour": shift.color}))
    for code in sorted(set(in_use) - seen):
        found.append(Mistake(Invalid.SHIFT_IN_USE, code, data={"code": code}))
    return found


def check_limits(name: str, own: Limits, days: int) -> list[Mistake]:
    """What makes a person's own limits impossible over a period of ``days`` days; ``name``
    says whose (the message names them)."""
    found = []
    numbers = [v for v in (own.min_minutes, own.max_minutes, own.max_consecutive,
                           own.min_consecutive, own.min_days_off, own.max_weekends)
               if v is not None] + [most for _code, most in own.max_shifts]
    if any(v < 0 for v in numbers):
        found.append(Mistake(Invalid.NEGATIVE, data={"where": name}))
    if own.min_minutes is not None and own.max_minutes is not None \
            and own.min_minutes > own.max_minutes:
        found.append(Mistake(Invalid.FEWEST_HOURS_ABOVE_MOST, data={
            "name": name, "min": own.min_minutes // 60, "max": own.max_minutes // 60}))
    if own.min_minutes is not None and own.min_minutes > days * MINUTES_A_DAY:
        found.append(Mistake(Invalid.HOURS_BEYOND_PERIOD, data={
            "name": name, "min": own.min_minutes // 60, "days": days}))
    if own.min_consecutive is not None and own.max_consecutive is not None \
            and own.min_consecutive > own.max_consecutive:
        found.append(Mistake(Invalid.FEWEST_DAYS_ABOVE_MOST, data={
            "name": name, "min": own.min_consecutive, "max": own.max_consecutive}))
    return found


def check_dated_cover(rows: Sequence[Coverage], shifts: Iterable[ShiftType],
                      staff: Sequence[RotaStaff]) -> list[Mistake]:
    """Dated cover: like the cover by kind of day (``check_coverage``), one row per date
    and shift."""
    found = []
    codes = {s.code for s in shifts}
    seen: set[tuple[object, str]] = set()
    for row in rows:
        if row.day is None:
            continue
        where: dict[str, int | str] = {"where": f"{row.day}"}
        if row.shift not in codes:
            found.append(Mistake(Invalid.UNKNOWN_SHIFT, row.shift, data=where))
        if (row.day, row.shift) in seen:
            found.append(Mistake(Invalid.DUPLICATE_REQUIREMENT, row.shift, data=where))
        seen.add((row.day, row.shift))
        if min(row.headcount, row.seniors, row.under_weight, row.over_weight) < 0:
            found.append(Mistake(Invalid.NEGATIVE, row.shift, data=where))
        elif row.seniors > row.headcount:
            found.append(Mistake(Invalid.SENIORS_ABOVE_HEADCOUNT, row.shift, data={
                **where, "seniors": row.seniors, "headcount": row.headcount}))
        if row.headcount > len(staff):
            found.append(Mistake(Invalid.MORE_THAN_STAFF, row.shift, data={
                **where, "headcount": row.headcount, "staff": len(staff)}))
    return found
