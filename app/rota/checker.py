"""The rule checker: every violation of a plan, for live highlighting and for tests.

A violation carries data, not sentences: the UI turns it into words in the seat's language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from app.rota.model import Assignment
from app.rota.personal_checks import PERSONAL_CHECKS
from app.rota.problem import RotaProblem
from app.rota.rules import FAIRNESS, Rule, RuleKind
from app.rota.violation import Cells, Violation, soft_cost

__all__ = ["Violation", "check", "fair_counts", "hard_violations", "total_cost"]


def check(problem: RotaProblem, plan: Iterable[Assignment]) -> list[Violation]:
    """All violations of the enabled rules by ``plan`` (assignments outside the period are
    ignored)."""
    cells: dict[tuple[str, date], list[str]] = defaultdict(list)
    for item in plan:
        if item.day in problem.kinds:
            cells[item.staff_id, item.day].append(item.shift)
    found: list[Violation] = []
    for kind, rule_check in _CHECKS.items():
        rule = problem.rule(kind)
        if rule is not None:
            found += rule_check(problem, rule, cells)
    return found


def _one_per_day(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    return [Violation(rule.kind, rule.hard, staff, (day,), None, {"count": len(codes)})
            for (staff, day), codes in sorted(cells.items()) if len(codes) > 1]


def _leave(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    return [Violation(rule.kind, rule.hard, staff, (day,), codes[0])
            for (staff, day), codes in sorted(cells.items()) if problem.absent(staff, day)]


def _coverage(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    members = {m.id: m for m in problem.staff}
    on_shift: dict[tuple[date, str], list[str]] = defaultdict(list)
    for (staff, day), codes in cells.items():
        for code in codes:
            on_shift[day, code].append(staff)
    found = []
    for day in problem.days:
        for shift in problem.shifts:
            need = problem.coverage_for(day, shift.code)
            if need is None:
                continue
            people = [members[s] for s in on_shift.get((day, shift.code), []) if s in members]
            if len(people) < need.headcount:
                short = need.headcount - len(people)
                found.append(Violation(rule.kind, rule.hard, None, (day,), shift.code,
                                       {"need": need.headcount, "have": len(people)},
                                       soft_cost(rule, short, need.under_weight)))
            seniors = sum(1 for p in people if problem.is_senior(p))
            if seniors < need.seniors:
                found.append(Violation(rule.kind, rule.hard, None, (day,), shift.code,
                                       {"seniors": need.seniors, "have": seniors},
                                       soft_cost(rule, need.seniors - seniors)))
            for skill in sorted(need.skills):
                if not any(skill in p.skills for p in people):
                    found.append(Violation(rule.kind, rule.hard, None, (day,), shift.code,
                                           {"skill": skill}, soft_cost(rule, 1)))
    return found


def _over_cover(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    on_shift: dict[tuple[date, str], int] = defaultdict(int)
    for (_staff, day), codes in cells.items():
        for code in codes:
            on_shift[day, code] += 1
    found = []
    for day in problem.days:
        for shift in problem.shifts:
            need = problem.coverage_for(day, shift.code)
            have = on_shift.get((day, shift.code), 0)
            if need is not None and have > need.headcount:
                found.append(Violation(rule.kind, rule.hard, None, (day,), shift.code,
                                       {"need": need.headcount, "have": have},
                                       soft_cost(rule, have - need.headcount,
                                                 need.over_weight)))
    return found


def _rest(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    conflicts = set(problem.rest_conflicts(rule.value))
    found = []
    earlier: Cells = defaultdict(list)
    for item in problem.before:
        if item.day < problem.days[0]:
            earlier[item.staff_id, item.day].append(item.shift)
    for (staff, day), codes in sorted(earlier.items()) + sorted(cells.items()):
        for offset in (1, 2):
            later_day = problem.days[0].fromordinal(day.toordinal() + offset)
            for first in codes:
                for later in cells.get((staff, later_day), []):
                    if (first, later, offset) in conflicts:
                        found.append(Violation(rule.kind, rule.hard, staff, (day, later_day),
                                               later, {"hours": rule.value, "after": first},
                                               soft_cost(rule, 1)))
    return found


def _working(problem: RotaProblem, cells: Cells, staff: str, index: int) -> int:
    codes = cells.get((staff, problem.days[index]), [])
    return sum(problem.shift(code).minutes for code in codes if not problem.shift(code).on_call)


def _consecutive(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    found = []
    for member in problem.staff:
        most = problem.limit(member, rule.kind)
        if most is None:
            continue
        carried = problem.run_before(member.id)
        run: list[date] = [problem.days[0] - timedelta(n) for n in range(carried, 0, -1)]
        for index, day in enumerate((*problem.days, None)):
            if day is not None and _working(problem, cells, member.id, index):
                run.append(day)
                continue
            if len(run) > most and run[-1] >= problem.days[0]:
                found.append(Violation(rule.kind, rule.hard, member.id, tuple(run), None,
                                       {"days": len(run), "max": most},
                                       soft_cost(rule, len(run) - most)))
            run = []
    return found


def _hours(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    groups = problem.weeks() if rule.kind is RuleKind.MAX_HOURS_WEEK else problem.months()
    found = []
    for member in problem.staff:
        cap = problem.hours_cap(member, rule)
        for group in groups:
            minutes = sum(_working(problem, cells, member.id, i) for i in group)
            if minutes > cap:
                found.append(Violation(
                    rule.kind, rule.hard, member.id, tuple(problem.days[i] for i in group), None,
                    {"hours": minutes // 60, "max": cap // 60},
                    soft_cost(rule, -(-(minutes - cap) // 60))))
    return found


def fair_counts(problem: RotaProblem, kind: RuleKind, plan: Iterable[Assignment]
                ) -> dict[str, int]:
    """History plus this period's count for everyone in the fairness pool."""
    totals = {m.id: problem.prior(m.id, kind) for m in problem.fair_pool()}
    for item in plan:
        if item.staff_id in totals and item.day in problem.kinds and problem.counts_for(
                kind, item.day, problem.shift(item.shift)):
            totals[item.staff_id] += 1
    return totals


def _fairness(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    plan = [Assignment(day, staff, code) for (staff, day), codes in cells.items()
            for code in codes]
    totals = fair_counts(problem, rule.kind, plan)
    if not totals:
        return []
    most, least = max(totals.values()), min(totals.values())
    if most - least <= rule.value:
        return []
    # Name the people who make it unfair: the extreme farther from the average (both when
    # equally far), not everyone on the other side of a single outlier.
    mean = sum(totals.values()) / len(totals)
    sides = {most} if most - mean > mean - least else (
        {least} if mean - least > most - mean else {most, least})
    named = [(staff, count) for staff, count in sorted(totals.items()) if count in sides]
    # One penalty for the spread, shared by the people named (the first takes the rest).
    total = soft_cost(rule, most - least - rule.value)
    shares = [total // len(named) + (total % len(named) if i == 0 else 0)
              for i in range(len(named))]
    return [Violation(rule.kind, rule.hard, staff, (), None,
                      {"count": count, "least": least, "most": most, "max_spread": rule.value},
                      share) for (staff, count), share in zip(named, shares, strict=True)]


def _preferences(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    found = []
    for pref in problem.preferences:
        if pref.day not in problem.kinds:
            continue
        codes = cells.get((pref.staff_id, pref.day), [])
        matches = any(pref.shift in (None, code) for code in codes)
        if matches != pref.wanted:
            found.append(Violation(rule.kind, rule.hard, pref.staff_id, (pref.day,), pref.shift,
                                   {"wanted": int(pref.wanted)},
                                   soft_cost(rule, 1, pref.weight)))
    return found


_CHECKS = {
    RuleKind.ONE_SHIFT_PER_DAY: _one_per_day,
    RuleKind.COVERAGE: _coverage,
    RuleKind.LEAVE: _leave,
    RuleKind.MIN_REST: _rest,
    RuleKind.MAX_CONSECUTIVE_DAYS: _consecutive,
    RuleKind.MAX_HOURS_WEEK: _hours,
    RuleKind.MAX_HOURS_MONTH: _hours,
    **{kind: _fairness for kind in FAIRNESS},
    RuleKind.PREFERENCES: _preferences,
    RuleKind.OVER_COVER: _over_cover,
    **PERSONAL_CHECKS,
}


def total_cost(violations: Iterable[Violation]) -> int:
    return sum(v.cost for v in violations)


def hard_violations(problem: RotaProblem, plan: Iterable[Assignment]) -> list[Violation]:
    return [v for v in check(problem, plan) if v.hard]
