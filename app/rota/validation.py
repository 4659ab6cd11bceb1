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
from app.rota.model import Absence, Coverage, Preference, RotaStaff, ShiftType

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
