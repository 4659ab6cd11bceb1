"""A benchmark instance as a rota problem, every section mapped onto the model exactly.

Day 0 is Monday 1 January 2024 (the instances start on a Monday); days are workdays or
weekends by the calendar, without a holiday calendar. Shift types have no start time in
the benchmark and its rotation rule replaces the minimum rest, so the rules are the
benchmark's: the staff section's limits hard, days off hard (unavailability), cover and
requests soft with each row's own weight, over-cover soft.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta

from app.domain.enums import Seniority
from app.rota.holidays import DayKind
from app.rota.model import (
    Absence,
    AbsenceKind,
    Assignment,
    Coverage,
    Limits,
    Preference,
    RotaStaff,
    ShiftType,
)
from app.rota.nrp.instance import NrpInstance
from app.rota.problem import RotaProblem
from app.rota.rules import Rule, RuleKind

FIRST_DAY = date(2024, 1, 1)
COLORS = ("#f6d365", "#8fc1e3", "#6c5b9e", "#9ccc9c", "#e39b8f", "#c9c9c9")

RULES: tuple[Rule, ...] = (
    Rule(RuleKind.ONE_SHIFT_PER_DAY, hard=True),
    Rule(RuleKind.LEAVE, hard=True),
    Rule(RuleKind.COVERAGE, hard=False, weight=1),
    Rule(RuleKind.OVER_COVER, hard=False, weight=1),
    Rule(RuleKind.PREFERENCES, hard=False, weight=1),
    Rule(RuleKind.FORBIDDEN_SUCCESSIONS, hard=True),
    Rule(RuleKind.MAX_SHIFTS_OF_TYPE, hard=True),
    Rule(RuleKind.PERIOD_MINUTES, hard=True),
    Rule(RuleKind.MAX_CONSECUTIVE_DAYS, hard=True),
    Rule(RuleKind.MIN_CONSECUTIVE_DAYS, hard=True),
    Rule(RuleKind.MIN_DAYS_OFF, hard=True),
    Rule(RuleKind.MAX_WEEKENDS, hard=True),
)


def to_problem(instance: NrpInstance) -> RotaProblem:
    days = tuple(FIRST_DAY + timedelta(n) for n in range(instance.horizon))
    kinds = {day: DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY for day in days}
    shifts = tuple(
        ShiftType(s.id, s.id, s.id, time(8), s.minutes, COLORS[n % len(COLORS)],
                  not_followed_by=frozenset(s.not_followed_by))
        for n, s in enumerate(instance.shifts))
    staff = tuple(
        RotaStaff(m.id, m.id, Seniority.ENGINEER, limits=Limits(
            max_shifts=m.max_shifts, min_minutes=m.min_minutes, max_minutes=m.max_minutes,
            max_consecutive=m.max_consecutive, min_consecutive=m.min_consecutive,
            min_days_off=m.min_days_off, max_weekends=m.max_weekends))
        for m in instance.staff)
    coverage = tuple(
        Coverage(c.shift, kinds[days[c.day]], c.requirement, frozenset(), 0, days[c.day],
                 c.under_weight, c.over_weight)
        for c in instance.cover)
    absences = tuple(Absence(staff_id, days[day], days[day], AbsenceKind.UNAVAILABLE)
                     for staff_id, day in instance.days_off)
    # The model reads a weight of 0 as "the rule's": a request of weight 0 costs nothing
    # in the benchmark, so it is left out.
    preferences = tuple(
        Preference(r.staff, days[r.day], wanted, r.shift, weight=r.weight)
        for wanted, requests in ((True, instance.on_requests), (False, instance.off_requests))
        for r in requests if r.weight)
    return RotaProblem(days=days, staff=staff, shifts=shifts, coverage=coverage, kinds=kinds,
                       rules=RULES, absences=absences, preferences=preferences)


def triples(problem: RotaProblem, plan: Iterable[Assignment]) -> list[tuple[str, int, str]]:
    """A plan as the benchmark's (staff id, day index, shift id)."""
    index = {day: n for n, day in enumerate(problem.days)}
    return [(a.staff_id, index[a.day], a.shift) for a in plan if a.day in index]
