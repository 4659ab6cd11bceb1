"""Checks of the rules issue 20 added: forbidden successions and each person's limits.

Their CP-SAT side is ``personal_constraints.py``; tests hold the two to each other.
Runs of days (worked or off) that touch the start or the end of the period are not held
to a minimum: they may go on in the neighbouring period, as the benchmark assumes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.rota.problem import RotaProblem
from app.rota.rules import Rule, RuleKind
from app.rota.violation import Cells, Violation, soft_cost


def _worked(problem: RotaProblem, cells: Cells, staff: str, day: date) -> bool:
    return any(not problem.shift(code).on_call for code in cells.get((staff, day), []))


def _successions(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    forbidden = problem.successions()
    if not forbidden:
        return []
    earlier: Cells = {}
    for item in problem.before:
        if item.day == problem.days[0] - timedelta(1):
            earlier.setdefault((item.staff_id, item.day), []).append(item.shift)
    found = []
    for (staff, day), codes in sorted(earlier.items()) + sorted(cells.items()):
        later_day = day + timedelta(1)
        for first in codes:
            for later in cells.get((staff, later_day), []):
                if (first, later) in forbidden:
                    found.append(Violation(rule.kind, rule.hard, staff, (day, later_day), later,
                                           {"after": first}, soft_cost(rule, 1)))
    return found


def _max_shifts(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    found = []
    for member in problem.staff:
        for code, most in member.limits.max_shifts:
            days = tuple(day for day in problem.days
                         if code in cells.get((member.id, day), []))
            if len(days) > most:
                found.append(Violation(rule.kind, rule.hard, member.id, days, code,
                                       {"count": len(days), "max": most},
                                       soft_cost(rule, len(days) - most)))
    return found


def _minutes(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    found = []
    for member in problem.staff:
        least, most = member.limits.min_minutes, member.limits.max_minutes
        if least is None and most is None:
            continue
        minutes = sum(problem.shift(code).minutes for day in problem.days
                      for code in cells.get((member.id, day), [])
                      if not problem.shift(code).on_call)
        if most is not None and minutes > most:
            found.append(Violation(rule.kind, rule.hard, member.id, (), None,
                                   {"minutes": minutes, "max": most},
                                   soft_cost(rule, -(-(minutes - most) // 60))))
        if least is not None and minutes < least:
            found.append(Violation(rule.kind, rule.hard, member.id, (), None,
                                   {"minutes": minutes, "min": least},
                                   soft_cost(rule, -(-(least - minutes) // 60))))
    return found


def _short_runs(problem: RotaProblem, rule: Rule, cells: Cells, working: bool
                ) -> list[Violation]:
    """Runs of worked (``working``) or free days, enclosed in the period, that are shorter
    than the person's minimum."""
    found = []
    for member in problem.staff:
        least = problem.limit(member, rule.kind)
        if not least:
            continue
        pattern = [_worked(problem, cells, member.id, day) == working for day in problem.days]
        start = None
        for index, inside in enumerate(pattern):
            if inside and start is None:
                start = index
            if not inside and start is not None:
                if start > 0 and index - start < least:
                    found.append(Violation(
                        rule.kind, rule.hard, member.id, problem.days[start:index], None,
                        {"days": index - start, "min": least},
                        soft_cost(rule, least - (index - start))))
                start = None
    return found


def _min_consecutive(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    return _short_runs(problem, rule, cells, working=True)


def _min_days_off(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    return _short_runs(problem, rule, cells, working=False)


def _weekends(problem: RotaProblem, rule: Rule, cells: Cells) -> list[Violation]:
    found = []
    weekends = problem.weekends()
    for member in problem.staff:
        most = problem.limit(member, rule.kind)
        if most is None:
            continue
        worked = [tuple(problem.days[i] for i in weekend) for weekend in weekends
                  if any(_worked(problem, cells, member.id, problem.days[i]) for i in weekend)]
        if len(worked) > most:
            found.append(Violation(rule.kind, rule.hard, member.id,
                                   tuple(day for days in worked for day in days), None,
                                   {"count": len(worked), "max": most},
                                   soft_cost(rule, len(worked) - most)))
    return found


PERSONAL_CHECKS: dict[RuleKind, Callable[[RotaProblem, Rule, Cells], list[Violation]]] = {
    RuleKind.FORBIDDEN_SUCCESSIONS: _successions,
    RuleKind.MAX_SHIFTS_OF_TYPE: _max_shifts,
    RuleKind.PERIOD_MINUTES: _minutes,
    RuleKind.MIN_CONSECUTIVE_DAYS: _min_consecutive,
    RuleKind.MIN_DAYS_OFF: _min_days_off,
    RuleKind.MAX_WEEKENDS: _weekends,
}
