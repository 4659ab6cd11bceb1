"""Before solving: is there enough staff at all? Names the days, shifts and rules.

CP-SAT can prove a rota impossible but not say why in a supervisor's terms; most
impossible rotas are simple shortages (not enough seniors on 1 October's night because
two are on leave), which counting finds instantly and precisely.
"""

from __future__ import annotations

from datetime import date

from app.rota.checker import Violation
from app.rota.model import RotaStaff
from app.rota.problem import RotaProblem
from app.rota.rules import RuleKind


def available(problem: RotaProblem, day: date, shift: str | None) -> list[RotaStaff]:
    """Who could work ``shift`` on ``day`` (any shift when None): not on leave if leave is a
    hard rule, and not fixed to something else."""
    leave = problem.rule(RuleKind.LEAVE)
    result = []
    for member in problem.staff:
        if leave is not None and leave.hard and problem.absent(member.id, day):
            continue
        key = (member.id, day)
        if key in problem.fixed:
            value = problem.fixed[key]
            if value is None or (shift is not None and value != shift):
                continue
        result.append(member)
    return result


def shortages(problem: RotaProblem) -> list[Violation]:
    """Coverage that cannot be met however the rota is drawn (empty if none found)."""
    coverage = problem.rule(RuleKind.COVERAGE)
    if coverage is None or not coverage.hard:
        return []
    one_a_day = problem.rule(RuleKind.ONE_SHIFT_PER_DAY)
    found: list[Violation] = []
    for day in problem.days:
        total_need = total_seniors = 0
        for shift in problem.shifts:
            need = problem.coverage_for(day, shift.code)
            if need is None:
                continue
            people = available(problem, day, shift.code)
            seniors = sum(1 for p in people if problem.is_senior(p))
            total_need += need.headcount
            total_seniors += need.seniors
            if len(people) < need.headcount:
                found.append(Violation(RuleKind.COVERAGE, True, None, (day,), shift.code,
                                       {"need": need.headcount, "available": len(people)}))
            if seniors < need.seniors:
                found.append(Violation(RuleKind.COVERAGE, True, None, (day,), shift.code,
                                       {"seniors": need.seniors, "available": seniors}))
            for skill in sorted(need.skills):
                if not any(skill in p.skills for p in people):
                    found.append(Violation(RuleKind.COVERAGE, True, None, (day,), shift.code,
                                           {"skill": skill, "available": 0}))
        if one_a_day is None or not one_a_day.hard:
            continue
        people = available(problem, day, None)
        if len(people) < total_need:
            found.append(Violation(RuleKind.ONE_SHIFT_PER_DAY, True, None, (day,), None,
                                   {"need": total_need, "available": len(people)}))
        seniors = sum(1 for p in people if problem.is_senior(p))
        if seniors < total_seniors:
            found.append(Violation(RuleKind.ONE_SHIFT_PER_DAY, True, None, (day,), None,
                                   {"seniors": total_seniors, "available": seniors}))
    return found
