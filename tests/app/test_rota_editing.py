"""Editing the rota's standing data: coverage, leave and wishes, shift types. What the
editors refuse, what they store (one transaction, tombstones), who may enter what, and
that the planner follows what was stored."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.rota.access import Editor, may_edit_absence
from app.rota.availability import (
    add_absence,
    add_preference,
    remove_absence,
    remove_preference,
)
from app.rota.checker import check
from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL, SHIFTS
from app.rota.holidays import DayKind
from app.rota.model import Absence, AbsenceKind, Coverage, Preference, ShiftType
from app.rota.planner import PlanControl, PlanStatus, plan_rota
from app.rota.reading import (
    load_absences,
    load_preferences,
    load_problem,
    load_setup,
    load_shifts,
    load_skills,
    shift_codes_in_use,
)
from app.rota.rules import RuleKind
from app.rota.validation import (
    Invalid,
    check_absence,
    check_coverage,
    check_preference,
    check_shift_types,
)
from app.rota.writing import save_coverage, save_shift_types
from app.store.database import Store
from tests.app.rota_problems import staff
from tests.conftest import T0

SUPERVISOR = Editor(supervises=True, staff_id=None)
DECEMBER = date(2026, 12, 1)


def whats(mistakes: list) -> list[Invalid]:  # type: ignore[type-arg]
    return [m.what for m in mistakes]


def test_coverage_checks_name_each_mistake() -> None:
    people = staff(12)
    seniors = [p for p in people if p.seniority.value >= 3]
    ok = Coverage(DAY, DayKind.WORKDAY, 3, frozenset({"network"}), 1)
    assert check_coverage([ok], SHIFTS, people, {"network"}, seniors) == []
    bad = [
        Coverage(DAY, DayKind.WORKDAY, -1, frozenset(), 0),
        Coverage(EVENING, DayKind.WORKDAY, 1, frozenset(), 2),
        Coverage(NIGHT, DayKind.WORKDAY, 0, frozenset({"network"}), 0),
        Coverage(ON_CALL, DayKind.WORKDAY, 13, frozenset({"cobol"}), 0),
        Coverage("Z", DayKind.WEEKEND, 1, frozenset(), 0),
        Coverage("Z", DayKind.WEEKEND, 1, frozenset(), 0),
        Coverage(DAY, DayKind.HOLIDAY, 12, frozenset(), len(seniors) + 1),
    ]
    found = check_coverage(bad, SHIFTS, people, {"network"}, seniors)
    assert whats(found) == [
        Invalid.NEGATIVE, Invalid.SENIORS_ABOVE_HEADCOUNT, Invalid.SKILLS_WITHOUT_PEOPLE,
        Invalid.UNKNOWN_SKILL, Invalid.MORE_THAN_STAFF, Invalid.UNKNOWN_SHIFT,
        Invalid.UNKNOWN_SHIFT, Invalid.DUPLICATE_REQUIREMENT, Invalid.MORE_THAN_SENIORS]
    assert found[1].shift == EVENING and found[1].day_kind is DayKind.WORKDAY


def test_absence_and_wish_checks() -> None:
    leave = Absence("p01", DECEMBER, DECEMBER + timedelta(4), AbsenceKind.LEAVE, "", "a1")
    assert whats(check_absence(replace(leave, last=DECEMBER - timedelta(1)), [])) == [
        Invalid.LAST_BEFORE_FIRST]
    assert whats(check_absence(replace(leave, last=DECEMBER + timedelta(400)), [])) == [
        Invalid.TOO_LONG]
    second = Absence("p01", DECEMBER + timedelta(4), DECEMBER + timedelta(6))
    assert whats(check_absence(second, [leave])) == [Invalid.OVERLAPS]
    assert check_absence(replace(second, staff_id="p02"), [leave]) == []
    wish = Preference("p01", DECEMBER + timedelta(2), True)
    assert whats(check_preference(wish, [leave], [])) == [Invalid.ABSENT_THAT_DAY]
    later = replace(wish, day=DECEMBER + timedelta(10))
    assert whats(check_preference(later, [leave], [later])) == [Invalid.DUPLICATE_WISH]
    assert check_preference(replace(later, shift=NIGHT), [leave], [later]) == []


def test_shift_type_checks() -> None:
    assert check_shift_types(SHIFTS, {DAY, NIGHT}) == []
    broken = (replace(SHIFTS[0], minutes=0), replace(SHIFTS[1], code="D"),
              replace(SHIFTS[2], code="1", name_en=" "), replace(SHIFTS[3], color="green"))
    assert whats(check_shift_types(broken, {EVENING})) == [
        Invalid.BAD_LENGTH, Invalid.DUPLICATE_CODE, Invalid.BAD_CODE, Invalid.EMPTY_NAME,
        Invalid.BAD_COLOUR, Invalid.SHIFT_IN_USE]
    assert whats(check_shift_types((), ())) == [Invalid.NO_SHIFTS]


def test_coverage_is_saved_in_one_go_and_unchanged_rows_keep_their_version(
        demo_copy: DataDir, demo_store: Store) -> None:
    clock = ManualClock(T0)
    reader = sqlite3.connect(demo_copy.database)
    before = load_setup(reader).coverage
    assert save_coverage(demo_store, clock, before) == 0
    raised = [replace(c, headcount=c.headcount + 2) if (c.shift, c.day_kind) == (
        DAY, DayKind.WORKDAY) else c for c in before if c.shift != ON_CALL
              or c.day_kind is not DayKind.HOLIDAY]
    assert save_coverage(demo_store, clock, raised) == 2  # one changed, one tombstoned
    after = {(c.shift, c.day_kind): c for c in load_setup(reader).coverage}
    assert after[DAY, DayKind.WORKDAY].headcount == 11
    assert (ON_CALL, DayKind.HOLIDAY) not in after
    versions = dict(reader.execute(
        "SELECT shift_code || day_kind, version FROM rota_coverage WHERE deleted = 0"))
    assert versions["Dworkday"] == 2 and versions["Eworkday"] == 1
    with pytest.raises(ValueError):
        save_coverage(demo_store, clock, [Coverage(DAY, DayKind.WORKDAY, 1, frozenset(), 2)])
    assert load_setup(reader).coverage == tuple(sorted(
        after.values(), key=lambda c: (c.shift, c.day_kind.value)))
    assert "network" in load_skills(reader)


def test_absences_and_wishes_are_stored_and_tombstoned_by_who_may(
        demo_copy: DataDir, demo_store: Store) -> None:
    clock = ManualClock(T0)
    reader = sqlite3.connect(demo_copy.database)
    me, other = (row[0] for row in reader.execute("SELECT id FROM staff ORDER BY login LIMIT 2"))
    seat = Editor(supervises=False, staff_id=me)
    leave = Absence(me, DECEMBER, DECEMBER + timedelta(2), AbsenceKind.LEAVE, " 年假 ")
    unavailable = replace(leave, kind=AbsenceKind.UNAVAILABLE)
    assert not may_edit_absence(seat, leave) and may_edit_absence(seat, unavailable)
    assert not may_edit_absence(seat, replace(unavailable, staff_id=other))
    assert not may_edit_absence(Editor(False, None), unavailable)
    with pytest.raises(PermissionError):
        add_absence(demo_store, clock, leave, seat)
    stored = add_absence(demo_store, clock, leave, SUPERVISOR)
    assert stored.note == "年假" and stored.id
    mine = add_absence(demo_store, clock, replace(unavailable, first=DECEMBER + timedelta(9),
                                                  last=DECEMBER + timedelta(9)), seat)
    assert {a.id for a in load_absences(reader, DECEMBER, DECEMBER + timedelta(30))
            if a.staff_id == me} == {stored.id, mine.id}
    with pytest.raises(PermissionError):
        remove_absence(demo_store, clock, stored, seat)  # leave is the supervisor's
    remove_absence(demo_store, clock, mine, seat)
    assert [a.id for a in load_absences(reader, DECEMBER, DECEMBER + timedelta(30))
            if a.staff_id == me] == [stored.id]
    wish = add_preference(demo_store, clock, Preference(me, DECEMBER + timedelta(5), False,
                                                        NIGHT), seat)
    with pytest.raises(PermissionError):
        add_preference(demo_store, clock, replace(wish, staff_id=other), seat)
    assert wish in load_preferences(reader, DECEMBER, DECEMBER + timedelta(30))
    remove_preference(demo_store, clock, wish, seat)
    assert wish not in load_preferences(reader, DECEMBER, DECEMBER + timedelta(30))


def test_shift_types_are_saved_in_order_and_a_removed_one_takes_its_coverage(
        demo_copy: DataDir, demo_store: Store) -> None:
    clock = ManualClock(T0)
    reader = sqlite3.connect(demo_copy.database)
    assert ON_CALL in shift_codes_in_use(reader)
    late = ShiftType("L", "晚班", "Late", time(12), 600, "#e0a0c0")
    edited = (replace(SHIFTS[0], name_en="Early", start=time(7, 30)), late, *SHIFTS[1:3])
    save_shift_types(demo_store, clock, edited)
    assert load_shifts(reader) == edited
    assert ON_CALL not in {c.shift for c in load_setup(reader).coverage}
    save_shift_types(demo_store, clock, (*edited, SHIFTS[3]))  # revived, same row
    assert load_shifts(reader)[-1] == SHIFTS[3]
    assert reader.execute("SELECT count(*) FROM rota_shift_types").fetchone()[0] == 5


def test_the_planner_follows_new_leave_and_a_raised_headcount(
        demo_copy: DataDir, demo_store: Store) -> None:
    """Stored edits reach the solver: a week in December (nothing fixed), planned with a
    deterministic work limit."""
    clock = ManualClock(T0)
    reader = sqlite3.connect(demo_copy.database)
    first, last = date(2026, 12, 7), date(2026, 12, 13)  # Monday to Sunday
    person = reader.execute("SELECT id FROM staff ORDER BY login LIMIT 1 OFFSET 5").fetchone()[0]
    add_absence(demo_store, clock, Absence(person, first, first + timedelta(3),
                                           AbsenceKind.LEAVE, "婚假"), SUPERVISOR)
    coverage = [replace(c, headcount=c.headcount + 2) if (c.shift, c.day_kind) == (
        NIGHT, DayKind.WORKDAY) else c for c in load_setup(reader).coverage]
    save_coverage(demo_store, clock, coverage)
    problem = load_problem(reader, first, last)
    assert problem.absent(person, first)
    result = plan_rota(problem, PlanControl(), time_limit=60, work_limit=2.0)
    assert result.status in (PlanStatus.OPTIMAL, PlanStatus.FEASIBLE), result.conflicts
    assert not [a for a in result.plan if a.staff_id == person and a.day <= first + timedelta(3)]
    nights = Counter(a.day for a in result.plan if a.shift == NIGHT)
    assert [nights[first + timedelta(n)] for n in range(5)] == [6] * 5  # was 4
    assert not [v for v in check(problem, result.plan) if v.hard]
    assert not [v for v in check(problem, result.plan) if v.rule is RuleKind.LEAVE]
