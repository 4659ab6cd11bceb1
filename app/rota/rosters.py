"""Planning by rosters (column generation), where cover is the only rule between people.

Each person's period is a *roster* that keeps every rule of their own: a small CP-SAT
model, the planner's formulation for that person alone with cover left out. A linear
program (``roster_master.py``) mixes rosters per person to meet the cover at least cost;
its prices of cover (duals) make the next roster of each person pay for itself where the
cover is short (pricing), until no roster improves the mix. The mix's cost is then a lower
bound far tighter than CP-SAT's own (1140.6 against ~735 on benchmark Instance 5, whose
best known plan costs 1143), and one roster per person chosen among all those met on the
way is usually the best plan or close to it. CP-SAT then starts from that plan.

Fairness rules count across people and are not priced: a problem with one on is left to
CP-SAT alone, as is one with hard cover (``decomposable``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from app.rota.formulation import RotaModel, build
from app.rota.improvement import stopping
from app.rota.problem import RotaProblem
from app.rota.rules import FAIRNESS, Rule, RuleKind

# A hard cover row's slack in the master: used only when the rosters found so far cannot
# meet it (the LP must stay feasible); CP-SAT holds the rule in the end.
HARD_COST = 100_000
# Pricing's objective is in integers: prices scaled by SCALE and rounded; the bound
# allows for the rounding.
SCALE = 10_000
# Longest a single person's pricing may take: one person's month solves in milliseconds.
PRICING_SECONDS = 2.0

Cell = tuple[int, int]  # day index, shift index
Prices = dict[Cell, float]  # one person's price of each cell


@dataclass(frozen=True)
class CoverRow:
    """``least`` ≤ people of ``people`` on (``day``, ``shift``) [≤ ``most``]; each one
    missing costs ``under``, each one over ``over``."""

    day: int
    shift: int
    people: frozenset[int]
    least: int
    under: int
    most: int | None = None
    over: int = 0


@dataclass(frozen=True)
class Roster:
    """Person ``person``'s whole period and what their own soft rules cost in it."""

    person: int
    cells: frozenset[Cell]
    cost: int


@dataclass
class RosterPool:
    """The rosters met while pricing, the master's cost and the proven lower bound."""

    rosters: list[Roster] = field(default_factory=list)
    value: float | None = None
    bound: float | None = None
    converged: bool = False


def decomposable(problem: RotaProblem) -> bool:
    """True when every rule but cover concerns one person at a time and cover is soft.

    With hard cover the rosters met while pricing seldom combine into a plan that meets
    every row (the desk's own week: 5 rows short), while CP-SAT finds one in seconds
    (``bench.rota``); pricing would only spend its share of the time.
    """
    cover = problem.rule(RuleKind.COVERAGE)
    return (len(problem.staff) > 1 and (cover is None or not cover.hard)
            and all(problem.rule(kind) is None for kind in FAIRNESS))


def _cost(rule: Rule, weight: int) -> int:
    return HARD_COST if rule.hard else (weight or rule.weight)


def cover_rows(problem: RotaProblem) -> list[CoverRow]:
    """The cover rules as rows over people, read as ``formulation._coverage`` reads them."""
    p = problem
    cover, over = p.rule(RuleKind.COVERAGE), p.rule(RuleKind.OVER_COVER)
    if cover is None:
        return []
    everyone = frozenset(range(len(p.staff)))
    seniors = frozenset(s for s, m in enumerate(p.staff) if p.is_senior(m))
    rows = []
    for d, day in enumerate(p.days):
        for t, shift in enumerate(p.shifts):
            need = p.coverage_for(day, shift.code)
            if need is None:
                continue
            if over is not None:
                most, extra = need.headcount, _cost(over, need.over_weight)
            else:  # more than asked is impossible, unless fixed cells put more there
                fixed = sum(1 for m in p.staff if p.fixed.get((m.id, day)) == shift.code)
                most, extra = max(need.headcount, fixed), HARD_COST
            rows.append(CoverRow(d, t, everyone, need.headcount,
                                 _cost(cover, need.under_weight), most, extra))
            if need.seniors:
                rows.append(CoverRow(d, t, seniors, need.seniors, _cost(cover, 0)))
            for skill in sorted(need.skills):
                able = frozenset(s for s, m in enumerate(p.staff) if skill in m.skills)
                rows.append(CoverRow(d, t, able, 1, _cost(cover, 0)))
    return rows


class _Collector(cp_model.CpSolverSolutionCallback):
    def __init__(self, rota: RotaModel, cost: cp_model.LinearExpr | int) -> None:
        super().__init__()
        self.rota, self.cost = rota, cost
        self.found: list[tuple[frozenset[Cell], int]] = []

    def on_solution_callback(self) -> None:
        cells = frozenset((d, t) for (_s, d, t), var in self.rota.cells.items()
                          if self.boolean_value(var))
        cost = self.cost if isinstance(self.cost, int) else int(self.value(self.cost))
        self.found.append((cells, cost))


class PersonPricing:
    """One person's rosters: the planner's model of that person alone, without cover."""

    def __init__(self, problem: RotaProblem, person: int) -> None:
        own = tuple(rule for rule in problem.rules
                    if rule.kind not in (RuleKind.COVERAGE, RuleKind.OVER_COVER))
        self.person = person
        self.rota = build(replace(problem, staff=(problem.staff[person],), rules=own,
                                  hint=()))
        self.cost: cp_model.LinearExpr | int = sum(self.rota.penalties)

    def price(self, prices: Prices, seconds: float, stop: Callable[[], bool]
              ) -> tuple[list[Roster], float | None]:
        """Rosters found on the way to the one of least cost minus ``prices`` (every one
        found: the master picks), and a lower bound on that difference (None: unknown)."""
        rota = self.rota
        terms: list[cp_model.LinearExpr | int] = [SCALE * self.cost]
        for (_s, d, t), var in rota.cells.items():
            price = round(SCALE * prices.get((d, t), 0.0))
            if price:
                terms.append(-price * var)
        rota.model.minimize(sum(terms))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        collector = _Collector(rota, self.cost)
        with stopping(solver, stop):
            status = solver.solve(rota.model, collector)
        rosters = [Roster(self.person, cells, cost) for cells, cost in collector.found]
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return rosters, None
        rounding = 0.5 * len(rota.cells) / SCALE  # each price off by at most half a unit
        return rosters, solver.best_objective_bound / SCALE - rounding
