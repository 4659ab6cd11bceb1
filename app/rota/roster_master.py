"""The master side of planning by rosters (``rosters.py``): a linear program mixing each
person's rosters to meet the cover, the pricing loop around it, and the integer choice of
one roster per person.

GLOP (in OR-Tools' wheel) solves the linear master and gives the prices; SCIP (in the same
wheel) picks the rosters: on the benchmark it proves the best choice among ~900 rosters of
Instance 5 in about 4 s, where CP-SAT on the same choice stays hundreds of points above it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.linear_solver import pywraplp

from app.rota.improvement import stopping
from app.rota.model import Assignment
from app.rota.problem import RotaProblem
from app.rota.rosters import (
    PRICING_SECONDS,
    Cell,
    CoverRow,
    PersonPricing,
    Prices,
    Roster,
    RosterPool,
    cover_rows,
)


class LinearMaster:
    """min cost of the rosters mixed + cover missed or exceeded; a mix of rosters sums to
    one per person."""

    def __init__(self, people: int, rows: list[CoverRow]) -> None:
        self.lp = pywraplp.Solver.CreateSolver("GLOP")
        self.rows = rows
        inf = self.lp.infinity()
        objective = self.lp.Objective()
        self.convex = [self.lp.Constraint(1, 1) for _ in range(people)]
        self.least: list[pywraplp.Constraint] = []
        self.most: list[pywraplp.Constraint | None] = []
        self.at: dict[Cell, list[int]] = {}
        for n, row in enumerate(rows):
            self.at.setdefault((row.day, row.shift), []).append(n)
            self.least.append(self._row(row.least, inf, 1, row.under))
            self.most.append(None if row.most is None
                             else self._row(-inf, row.most, -1, row.over))
        objective.SetMinimization()
        self.seen: set[tuple[int, frozenset[Cell]]] = set()

    def _row(self, low: float, high: float, sign: int, cost: int) -> pywraplp.Constraint:
        row = self.lp.Constraint(low, high)
        slack = self.lp.NumVar(0, self.lp.infinity(), "")
        row.SetCoefficient(slack, sign)
        self.lp.Objective().SetCoefficient(slack, cost)
        return row

    def add(self, roster: Roster) -> bool:
        """Add ``roster`` as a column; False if it is there already."""
        key = (roster.person, roster.cells)
        if key in self.seen:
            return False
        self.seen.add(key)
        column = self.lp.NumVar(0, self.lp.infinity(), "")
        self.convex[roster.person].SetCoefficient(column, 1)
        for n in self._rows_of(roster):
            self.least[n].SetCoefficient(column, 1)
            most = self.most[n]
            if most is not None:
                most.SetCoefficient(column, 1)
        self.lp.Objective().SetCoefficient(column, roster.cost)
        return True

    def _rows_of(self, roster: Roster) -> list[int]:
        return [n for cell in roster.cells for n in self.at.get(cell, ())
                if roster.person in self.rows[n].people]

    def solve(self) -> tuple[float, list[Prices], list[float]] | None:
        """The master's cost, each person's prices of the cells and each person's dual of
        "one roster"; None if some person has no roster yet."""
        if self.lp.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        prices: list[Prices] = [{} for _ in self.convex]
        for n, row in enumerate(self.rows):
            most = self.most[n]
            dual = self.least[n].dual_value() + (0.0 if most is None else most.dual_value())
            if abs(dual) < 1e-9:
                continue
            for person in row.people:
                cell = (row.day, row.shift)
                prices[person][cell] = prices[person].get(cell, 0.0) + dual
        return (self.lp.Objective().Value(), prices,
                [row.dual_value() for row in self.convex])

    @staticmethod
    def reduced_cost(roster: Roster, prices: Prices, dual: float) -> float:
        return roster.cost - sum(prices.get(cell, 0.0) for cell in roster.cells) - dual


def generate(problem: RotaProblem, deadline: float, stop: Callable[[], bool]) -> RosterPool:
    """Price rosters until none improves the master, ``deadline`` (``perf_counter``) or
    ``stop()``; every roster met is kept for the integer choice."""
    people = [PersonPricing(problem, s) for s in range(len(problem.staff))]
    master = LinearMaster(len(people), cover_rows(problem))
    pool = RosterPool()
    prices: list[Prices] = [{} for _ in people]
    duals = [0.0] * len(people)
    while not stop() and time.perf_counter() < deadline:
        added, improvement = 0, 0.0
        for person in people:
            left = deadline - time.perf_counter()
            if left <= 0 or stop():
                return pool
            s = person.person
            rosters, least = person.price(prices[s], min(PRICING_SECONDS, left), stop)
            for roster in rosters:  # the first round takes any: a start for everyone
                if (pool.value is None
                        or master.reduced_cost(roster, prices[s], duals[s]) < -1e-6) \
                        and master.add(roster):
                    pool.rosters.append(roster)
                    added += 1
            improvement += -math.inf if least is None else min(0.0, least - duals[s])
        if pool.value is not None and improvement > -math.inf:
            # Lagrangian bound: the master's cost plus each person's best improvement.
            pool.bound = max(pool.bound or -math.inf, pool.value + improvement)
        if pool.value is not None and not added:
            pool.converged = True
            return pool
        solved = master.solve()
        if solved is None:
            return pool  # someone has no roster: their own hard rules cannot hold
        pool.value, prices, duals = solved
    return pool


class _Interrupt:
    """``stopping`` stops a solver through ``stop_search``; SCIP's is ``InterruptSolve``."""

    def __init__(self, solver: pywraplp.Solver) -> None:
        self.solver = solver

    def stop_search(self) -> None:
        self.solver.InterruptSolve()


def choose(problem: RotaProblem, rosters: list[Roster], seconds: float,
           stop: Callable[[], bool]) -> tuple[list[Roster], float] | None:
    """One roster per person from ``rosters``, least cost with the cover (SCIP, at most
    ``seconds``); None if it found no choice."""
    mip = pywraplp.Solver.CreateSolver("SCIP")
    picks = [mip.BoolVar("") for _ in rosters]
    terms = [roster.cost * pick for roster, pick in zip(rosters, picks, strict=True)]
    for person in range(len(problem.staff)):
        mip.Add(mip.Sum([pick for roster, pick in zip(rosters, picks, strict=True)
                         if roster.person == person]) == 1)
    for row in cover_rows(problem):
        on = mip.Sum([pick for roster, pick in zip(rosters, picks, strict=True)
                      if roster.person in row.people and (row.day, row.shift) in roster.cells])
        short = mip.NumVar(0, mip.infinity(), "")
        mip.Add(on + short >= row.least)
        terms.append(row.under * short)
        if row.most is not None:
            extra = mip.NumVar(0, mip.infinity(), "")
            mip.Add(on - extra <= row.most)
            terms.append(row.over * extra)
    mip.Minimize(mip.Sum(terms))
    mip.SetTimeLimit(max(1, int(seconds * 1000)))
    with stopping(_Interrupt(mip), stop):
        status = mip.Solve()
    if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        return None
    chosen = [roster for roster, pick in zip(rosters, picks, strict=True)
              if pick.solution_value() > 0.5]
    return chosen, round(mip.Objective().Value())


@dataclass(frozen=True)
class RosterPlan:
    plan: tuple[Assignment, ...]
    cost: float
    bound: float | None  # proven lower bound on any plan's cost (None: not proven)


def plan_by_rosters(problem: RotaProblem, priced_by: float, chosen_by: float,
                    stop: Callable[[], bool]) -> RosterPlan | None:
    """Rosters priced until ``priced_by``, one per person chosen until ``chosen_by``
    (``perf_counter`` times); None if that gives no plan."""
    pool = generate(problem, priced_by, stop)
    if not pool.rosters or pool.value is None or stop():
        return None
    picked = choose(problem, pool.rosters, chosen_by - time.perf_counter(), stop)
    if picked is None:
        return None
    chosen, cost = picked
    p = problem
    plan = tuple(sorted(Assignment(p.days[d], p.staff[r.person].id, p.shifts[t].code)
                        for r in chosen for d, t in r.cells))
    bound = None if pool.bound is None else math.ceil(pool.bound - 1e-6)
    return RosterPlan(plan, cost, bound)
