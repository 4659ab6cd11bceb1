"""The CP-SAT side of the rules issue 20 added: forbidden successions and each person's
limits (the checks are ``personal_checks.py``, with the same reading of each rule)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from ortools.sat.python import cp_model

from app.rota.rules import Rule, RuleKind

if TYPE_CHECKING:
    from app.rota.formulation import Expr, RotaModel


def _successions(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    index = {shift.code: t for t, shift in enumerate(p.shifts)}
    pairs = [(index[a], index[b]) for a, b in sorted(p.successions()) if b in index]
    for s in range(len(p.staff)):
        for d in range(len(p.days) - 1):
            for a, b in pairs:
                first, later = rota.x(s, d, a), rota.x(s, d + 1, b)
                if isinstance(first, int) and isinstance(later, int) and first + later <= 1:
                    continue
                rota._limit(rule, first + later, 1)
    # The shift published on the day before the period forbids its successors on day 0.
    staff = {m.id: s for s, m in enumerate(p.staff)}
    for item in p.before:
        if item.staff_id in staff and item.day == p.days[0] - timedelta(1):
            for before, after in sorted(p.successions()):
                if before == item.shift and after in index:
                    rota._limit(rule, rota.x(staff[item.staff_id], 0, index[after]), 0)


def _max_shifts(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    index = {shift.code: t for t, shift in enumerate(p.shifts)}
    for s, member in enumerate(p.staff):
        for code, most in member.limits.max_shifts:
            if code in index and most < len(p.days):
                rota._limit(rule, sum(rota.x(s, d, index[code]) for d in range(len(p.days))),
                            most)


def _minutes(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    for s, member in enumerate(p.staff):
        least, most = member.limits.min_minutes, member.limits.max_minutes
        if least is None and most is None:
            continue
        total = sum(shift.minutes * rota.x(s, d, t) for d in range(len(p.days))
                    for t, shift in enumerate(p.shifts) if not shift.on_call)
        if most is not None:
            rota._limit(rule, total, most, scale=60)
        if least is not None:
            rota._limit(rule, -total, -least, scale=60)


def _forbid(rota: RotaModel, rule: Rule, clause: list[tuple[Expr, bool]], cost: int) -> None:
    """At least one of ``clause`` (literal, wanted value) holds; soft: else ``cost``."""
    literals: list[Any] = []  # variables and their negations
    for term, wanted in clause:
        if isinstance(term, int):
            if bool(term) == wanted:
                return  # decided already: the clause holds
            continue
        var = cast(cp_model.IntVar, term)  # working() gives a boolean variable
        literals.append(var if wanted else var.Not())
    if rule.hard:
        rota.model.add_bool_or(literals)
        return
    broken = rota.model.new_bool_var("")
    rota.model.add_bool_or([*literals, broken])
    rota.penalties.append(cost * broken)


def _short_runs(rota: RotaModel, rule: Rule, working: bool) -> None:
    """No run of worked (``working``) or free days, enclosed in the period, shorter than
    the person's minimum: for each shorter length, the pattern edge-run-edge is forbidden."""
    p = rota.problem
    days = len(p.days)
    for s, member in enumerate(p.staff):
        least = p.limit(member, rule.kind)
        if not least:
            continue
        for length in range(1, least):
            for start in range(1, days - length):
                clause = [(rota.working(s, start - 1), working)]
                clause += [(rota.working(s, d), not working)
                           for d in range(start, start + length)]
                clause.append((rota.working(s, start + length), working))
                _forbid(rota, rule, clause, rule.weight * (least - length))


def _min_consecutive(rota: RotaModel, rule: Rule) -> None:
    _short_runs(rota, rule, working=True)


def _min_days_off(rota: RotaModel, rule: Rule) -> None:
    _short_runs(rota, rule, working=False)


def _weekends(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    weekends = p.weekends()
    for s, member in enumerate(p.staff):
        most = p.limit(member, rule.kind)
        if most is None or most >= len(weekends):
            continue
        worked: list[Expr] = []
        for weekend in weekends:
            terms = [rota.working(s, d) for d in weekend]
            free = [term for term in terms if not isinstance(term, int)]
            if any(isinstance(term, int) and term for term in terms) or not free:
                worked.append(int(any(terms)))
                continue
            var = rota.model.new_bool_var("")
            rota.model.add_max_equality(var, free)
            worked.append(var)
        rota._limit(rule, sum(worked), most)


PERSONAL_POSTS: tuple[tuple[RuleKind, Callable[[RotaModel, Rule], None]], ...] = (
    (RuleKind.FORBIDDEN_SUCCESSIONS, _successions),
    (RuleKind.MAX_SHIFTS_OF_TYPE, _max_shifts),
    (RuleKind.PERIOD_MINUTES, _minutes),
    (RuleKind.MIN_CONSECUTIVE_DAYS, _min_consecutive),
    (RuleKind.MIN_DAYS_OFF, _min_days_off),
    (RuleKind.MAX_WEEKENDS, _weekends),
)
