"""The rota as a CP-SAT model: one boolean per person, day and shift type.

Every rule becomes constraints through ``_limit``: a hard rule is posted as is, a soft
one gets a slack variable whose weighted sum is the objective. The checker (checker.py)
states the same rules over a finished plan; tests hold the two to each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ortools.sat.python import cp_model

from app.rota.model import Assignment
from app.rota.personal_constraints import PERSONAL_POSTS
from app.rota.problem import RotaProblem
from app.rota.rules import FAIRNESS, Rule, RuleKind

Cell = tuple[int, int, int]  # staff index, day index, shift index
Expr = cp_model.LinearExpr | int


@dataclass
class RotaModel:
    """The CP-SAT model of ``problem`` and the variables to read a plan back from."""

    problem: RotaProblem
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    cells: dict[Cell, cp_model.IntVar] = field(default_factory=dict)
    penalties: list[Expr] = field(default_factory=list)
    worked: dict[tuple[int, int], Expr] = field(default_factory=dict)

    def x(self, s: int, d: int, t: int) -> Expr:
        """The cell's variable, or 0 where the person cannot work that shift."""
        return self.cells.get((s, d, t), 0)

    def plan(self, value: cp_model.CpSolverSolutionCallback | cp_model.CpSolver
             ) -> list[Assignment]:
        p = self.problem
        return sorted(Assignment(p.days[d], p.staff[s].id, p.shifts[t].code)
                      for (s, d, t), var in self.cells.items() if value.boolean_value(var))

    def plan_from(self, values: dict[int, int]) -> list[Assignment]:
        """The plan in ``values`` (variable index -> value), as improvement keeps it."""
        p = self.problem
        return sorted(Assignment(p.days[d], p.staff[s].id, p.shifts[t].code)
                      for (s, d, t), var in self.cells.items() if values.get(var.index))

    def _limit(self, rule: Rule, expr: Expr, bound: int, scale: int = 1,
               weight: int = 0) -> None:
        """``expr <= bound``; for a soft rule each ``scale`` units over costs ``weight``
        (0: the rule's)."""
        weight = weight or rule.weight
        if isinstance(expr, int):  # cells fixed or impossible: decided before solving
            over = max(0, -(-(expr - bound) // scale))
            if over and rule.hard:
                self.model.add_bool_or([])  # fixed cells already break a hard rule
            elif over:
                self.penalties.append(weight * over)
            return
        if rule.hard:
            self.model.add(expr <= bound)
            return
        slack = self.model.new_int_var(0, 10_000, "")
        self.model.add(expr <= bound + scale * slack)
        self.penalties.append(weight * slack)

    def _at_least(self, rule: Rule, expr: Expr, bound: int, weight: int = 0) -> None:
        self._limit(rule, -expr, -bound, weight=weight)

    def shifts_worked(self, s: int, d: int) -> Expr:
        """How many working (not on-call) shifts person ``s`` has on day ``d``."""
        p = self.problem
        return sum(self.x(s, d, t) for t, shift in enumerate(p.shifts) if not shift.on_call)

    def working(self, s: int, d: int) -> Expr:
        """1 if person ``s`` works (not on call) on day ``d``, as one boolean (for rules
        stated as clauses); made on first use."""
        key = (s, d)
        if key not in self.worked:
            p = self.problem
            terms = [self.x(s, d, t) for t, shift in enumerate(p.shifts) if not shift.on_call]
            free = [term for term in terms if not isinstance(term, int)]
            one = p.rule(RuleKind.ONE_SHIFT_PER_DAY)
            if not free:
                self.worked[key] = 0
            elif len(free) == 1:
                self.worked[key] = free[0]
            else:
                var = self.model.new_bool_var("")
                if one is not None and one.hard:
                    self.model.add(var == sum(free))  # at most one of them anyway
                else:
                    self.model.add_max_equality(var, free)
                self.worked[key] = var
        return self.worked[key]


def build(problem: RotaProblem) -> RotaModel:
    """The whole model: variables, hard constraints, soft penalties as the objective."""
    rota = RotaModel(problem)
    _variables(rota)
    for kind, post in _POSTS:
        rule = problem.rule(kind)
        if rule is not None:
            post(rota, rule)
    if rota.penalties:
        rota.model.minimize(sum(rota.penalties))
    if problem.hint:
        # The last plan: a re-plan after a small change starts from it.
        hinted = {(a.staff_id, a.day, a.shift) for a in problem.hint}
        for (s, d, t), var in rota.cells.items():
            rota.model.add_hint(var, (problem.staff[s].id, problem.days[d],
                                      problem.shifts[t].code) in hinted)
    return rota


def _variables(rota: RotaModel) -> None:
    p = rota.problem
    leave = p.rule(RuleKind.LEAVE)
    type_rule = p.rule(RuleKind.MAX_SHIFTS_OF_TYPE)
    not_allowed = type_rule is not None and type_rule.hard
    for s, member in enumerate(p.staff):
        for d, day in enumerate(p.days):
            fixed = p.fixed.get((member.id, day), "") if (member.id, day) in p.fixed else ""
            for t, shift in enumerate(p.shifts):
                if (member.id, day) in p.fixed:
                    if fixed == shift.code:
                        var = rota.model.new_bool_var("")
                        rota.model.add(var == 1)
                        rota.cells[s, d, t] = var
                    continue
                if leave is not None and leave.hard and p.absent(member.id, day):
                    continue
                if not member.active:
                    continue  # deactivated: keeps only the shifts fixed above
                if not_allowed and member.limits.max_of(shift.code) == 0:
                    continue  # may not work this shift at all
                rota.cells[s, d, t] = rota.model.new_bool_var(f"x{s}_{d}_{t}")


def _one_per_day(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    for s in range(len(p.staff)):
        for d in range(len(p.days)):
            rota._limit(rule, sum(rota.x(s, d, t) for t in range(len(p.shifts))), 1)


def _leave(rota: RotaModel, rule: Rule) -> None:
    if rule.hard:
        return  # no variables were made for absent cells
    p = rota.problem
    for (s, d, _t), var in rota.cells.items():
        if p.absent(p.staff[s].id, p.days[d]):
            rota._limit(rule, var, 0)


def _coverage(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    for d, day in enumerate(p.days):
        for t, shift in enumerate(p.shifts):
            need = p.coverage_for(day, shift.code)
            if need is None:
                continue
            people = [rota.x(s, d, t) for s in range(len(p.staff))]
            rota._at_least(rule, sum(people), need.headcount, need.under_weight)
            over = p.rule(RuleKind.OVER_COVER)
            if over is not None:
                rota._limit(over, sum(people), need.headcount, weight=need.over_weight)
            else:
                # Without the over-cover rule more than asked for is no violation but
                # wastes hours: keep it exact unless fixed cells already put more there.
                fixed = sum(1 for m in p.staff if p.fixed.get((m.id, day)) == shift.code)
                rota.model.add(sum(people) <= max(need.headcount, fixed))
            seniors = [rota.x(s, d, t) for s, m in enumerate(p.staff) if p.is_senior(m)]
            rota._at_least(rule, sum(seniors), need.seniors)
            for skill in sorted(need.skills):
                able = [rota.x(s, d, t) for s, m in enumerate(p.staff) if skill in m.skills]
                rota._at_least(rule, sum(able), 1)


def _rest(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    index = {shift.code: t for t, shift in enumerate(p.shifts)}
    for first, later, offset in p.rest_conflicts(rule.value):
        for s in range(len(p.staff)):
            for d in range(len(p.days) - offset):
                a, b = rota.x(s, d, index[first]), rota.x(s, d + offset, index[later])
                if isinstance(a, int) and isinstance(b, int) and a + b <= 1:
                    continue
                rota._limit(rule, a + b, 1)
    # Shifts published just before the period still need their rest.
    days = {day: d for d, day in enumerate(p.days)}
    staff = {m.id: s for s, m in enumerate(p.staff)}
    conflicts = p.rest_conflicts(rule.value)
    for item in p.before:
        if item.staff_id not in staff:
            continue
        for first, later, offset in conflicts:
            target = days.get(item.day + timedelta(offset))
            if first == item.shift and target is not None:
                rota._limit(rule, rota.x(staff[item.staff_id], target, index[later]), 0)


def _minutes(rota: RotaModel, s: int, d: int) -> Expr:
    p = rota.problem
    return sum(shift.minutes * rota.x(s, d, t) for t, shift in enumerate(p.shifts)
               if not shift.on_call)


def _consecutive(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    for s, member in enumerate(p.staff):
        most = p.limit(member, rule.kind)
        if most is None:
            continue
        span = most + 1
        for start in range(len(p.days) - span + 1):
            rota._limit(rule, sum(rota.shifts_worked(s, d)
                                  for d in range(start, start + span)), most)
        # A run carried over from the previous period leaves fewer days for this one.
        for carried in range(1, min(p.run_before(member.id), most) + 1):
            head = min(span - carried, len(p.days))
            rota._limit(rule, sum(rota.shifts_worked(s, d) for d in range(head)),
                        most - carried)


def _hours(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    groups = p.weeks() if rule.kind is RuleKind.MAX_HOURS_WEEK else p.months()
    for s, member in enumerate(p.staff):
        cap = p.hours_cap(member, rule)
        for group in groups:
            rota._limit(rule, sum(_minutes(rota, s, d) for d in group), cap, scale=60)


def _fairness(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    pool = {m.id for m in p.fair_pool()}
    counts = []
    for s, member in enumerate(p.staff):
        if member.id not in pool:
            continue
        count = sum(rota.x(s, d, t) for d, day in enumerate(p.days)
                    for t, shift in enumerate(p.shifts) if p.counts_for(rule.kind, day, shift))
        counts.append(p.prior(member.id, rule.kind) + count)
    if len(counts) < 2:
        return
    top = rota.model.new_int_var(0, 10_000, "")
    low = rota.model.new_int_var(0, 10_000, "")
    for count in counts:
        rota.model.add(top >= count)
        rota.model.add(low <= count)
    rota._limit(rule, top - low, rule.value)


def _preferences(rota: RotaModel, rule: Rule) -> None:
    p = rota.problem
    staff = {m.id: s for s, m in enumerate(p.staff)}
    days = {day: d for d, day in enumerate(p.days)}
    for pref in p.preferences:
        if pref.staff_id not in staff or pref.day not in days:
            continue
        s, d = staff[pref.staff_id], days[pref.day]
        on = sum(rota.x(s, d, t) for t, shift in enumerate(p.shifts)
                 if pref.shift in (None, shift.code))
        if pref.wanted:
            rota._at_least(rule, on, 1, pref.weight)
        else:
            rota._limit(rule, on, 0, weight=pref.weight)


_POSTS = (
    (RuleKind.ONE_SHIFT_PER_DAY, _one_per_day),
    (RuleKind.LEAVE, _leave),
    (RuleKind.COVERAGE, _coverage),
    (RuleKind.MIN_REST, _rest),
    (RuleKind.MAX_CONSECUTIVE_DAYS, _consecutive),
    (RuleKind.MAX_HOURS_WEEK, _hours),
    (RuleKind.MAX_HOURS_MONTH, _hours),
    *((kind, _fairness) for kind in FAIRNESS),
    (RuleKind.PREFERENCES, _preferences),
    *PERSONAL_POSTS,
)
