"""Auto-planning a period with CP-SAT, off whatever thread calls it.

``plan_rota`` is a plain function: progress and cancellation go through a token (the UI
adapts it to Qt signals; the benchmark records it). It reports every better plan with its
objective and the proven bound, and if the hard rules cannot all hold it says which rules
and days conflict instead of just failing.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace

from ortools.sat.python import cp_model

from app.rota.capacity import shortages
from app.rota.checker import Violation, check, hard_violations, total_cost
from app.rota.formulation import RotaModel, build
from app.rota.improvement import Values, cell_values, improve, stopping
from app.rota.model import Assignment
from app.rota.problem import RotaProblem
from app.rota.progress import (
    PlanControl,
    PlanProgress,
    PlanResult,
    PlanStatus,
    PlanToken,
    relative_gap,
)
from app.rota.roster_master import plan_by_rosters
from app.rota.rosters import decomposable
from app.rota.rules import Rule

__all__ = ["PlanControl", "PlanProgress", "PlanResult", "PlanStatus", "PlanToken",
           "explain", "plan_rota", "relative_gap"]

# Weight of a hard rule when it is relaxed to find out which ones conflict.
RELAXED_WEIGHT = 1000
# Share of the time limit CP-SAT's own search gets before neighbourhood search takes over.
SEARCH_SHARE = 0.3
# Shares of the time limit for pricing rosters and for choosing one per person; CP-SAT
# has the rest (at least a quarter), starting from the rosters' plan.
PRICING_SHARE = 0.5
CHOOSING_SHARE = 0.75
# CP-SAT alone first, for this share of the time: a plan to show at once, and small or
# easy problems (the desk's week with soft cover: 0.1 s) proven before any pricing.
OPENING_SHARE = 0.1


def default_workers() -> int:
    return max(8, os.cpu_count() or 1)


class _Watcher(cp_model.CpSolverSolutionCallback):
    def __init__(self, rota: RotaModel, token: PlanToken, started: float,
                 known: _Best | None = None) -> None:
        super().__init__()
        self.rota, self.token, self.started = rota, token, started
        self.first: float | None = None
        self.solutions = 0
        self.bound: float | None = None
        self.history: list[PlanProgress] = []
        self.shown: tuple[Assignment, ...] | None = None
        # The plan reported already (CP-SAT's opening run, the rosters'): only better plans
        # are news, and the rosters' bound holds for this search too.
        self.best = known.cost if known else None
        self.floor = known.bound if known else None
        if known is not None:
            self.first, self.history = known.first, list(known.history)
            self.solutions = len(known.history)

    def floored(self, bound: float) -> float:
        return bound if self.floor is None else max(bound, self.floor)

    def on_solution_callback(self) -> None:
        elapsed = time.perf_counter() - self.started
        self.first = elapsed if self.first is None else self.first
        if self.best is not None and self.objective_value >= self.best:
            return
        self.best = self.objective_value
        self.solutions += 1
        self.bound = self.floored(self.best_objective_bound)
        self.shown = tuple(self.rota.plan(self))
        progress = PlanProgress(elapsed, self.objective_value, self.bound, self.solutions,
                                self.shown)
        self.history.append(replace(progress, plan=None))
        self.token.report(progress)
        if self.token.cancelled():
            self.stop_search()

    def plan(self, solver: cp_model.CpSolver) -> tuple[Assignment, ...]:
        """The solver's plan, or the one last shown if it is as good: CP-SAT may end on
        another plan of the same cost, which was never reported, and the seat must get
        the plan they saw."""
        if self.shown is not None and self.best is not None and (
                self.best <= solver.objective_value):
            return self.shown
        return tuple(self.rota.plan(solver))

    def on_bound(self, bound: float) -> None:
        bound = self.floored(bound)
        if bound == self.bound:
            return
        self.bound = bound
        last = self.history[-1].objective if self.history else None
        elapsed = time.perf_counter() - self.started
        self.history.append(PlanProgress(elapsed, last, bound, self.solutions))
        self.token.report(PlanProgress(elapsed, last, bound, self.solutions))


def plan_rota(problem: RotaProblem, token: PlanToken, time_limit: float = 30.0,
              workers: int | None = None, seed: int = 0,
              work_limit: float | None = None, improve: bool = False,
              rosters: bool = True) -> PlanResult:
    """Plan ``problem`` within ``time_limit`` seconds; hard rules hold in any plan returned.

    Fixed cells (published past days, manual edits) are kept as they are. ``work_limit``
    (CP-SAT deterministic time, one worker) gives the same plan on any machine: demo data.
    With ``rosters`` (the default), a problem whose only rule between people is soft
    cover gets ``OPENING_SHARE`` of the time for CP-SAT (small ones end there, proven),
    then is planned by rosters (``rosters.py``: a bound and a plan, often the best one)
    and CP-SAT goes on from the better plan. With ``improve``, CP-SAT's own search gets
    ``SEARCH_SHARE`` of the time (or until its first plan); a plan it has not proven
    optimal by then is improved by large neighbourhood search for the rest
    (``improvement.py``). Off by default: on the benchmark it did worse than CP-SAT's own
    search (docs/rota.md).
    """
    started = time.perf_counter()
    short = shortages(problem)
    if short:
        return PlanResult(PlanStatus.INFEASIBLE, (), None, None,
                          time.perf_counter() - started, None, tuple(short))
    improving = improve and work_limit is None
    if rosters and not improving and work_limit is None and decomposable(problem):
        return _plan_with_rosters(problem, token, started, time_limit, workers, seed)
    switch = started + time_limit * SEARCH_SHARE if improving else None
    solved = _solve(problem, token, time_limit, workers, seed, started, work_limit, switch)
    return _finish(problem, token, solved, started, time_limit, workers, seed, improving)


@dataclass
class _Best:
    """The best plan before CP-SAT's last run, with its history; only better is news."""

    plan: tuple[Assignment, ...]
    cost: float
    bound: float | None
    first: float | None
    history: list[PlanProgress]


def _plan_with_rosters(problem: RotaProblem, token: PlanToken, started: float,
                       time_limit: float, workers: int | None, seed: int) -> PlanResult:
    opening = _solve(problem, token, time_limit * OPENING_SHARE, workers, seed, started)
    status, watcher, solver, rota = opening
    if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE) or token.cancelled():
        return _finish(problem, token, opening, started, time_limit, workers, seed, False)
    best = None
    if status == cp_model.FEASIBLE:
        best = _Best(watcher.plan(solver), solver.objective_value,
                     solver.best_objective_bound, watcher.first, watcher.history)
    best = _by_rosters(problem, token, started, time_limit, best)
    if best is not None and best.bound is not None and best.cost <= best.bound:
        return PlanResult(PlanStatus.OPTIMAL, best.plan, best.cost, best.bound,
                          time.perf_counter() - started, best.first,
                          history=tuple(best.history))  # proven: nothing left to find
    if best is not None:
        problem = replace(problem, hint=best.plan)
    solved = _solve(problem, token, time_limit, workers, seed, started, known=best)
    return _finish(problem, token, solved, started, time_limit, workers, seed, False, best)


def _finish(problem: RotaProblem, token: PlanToken,
            solved: tuple[cp_model.CpSolverStatus, _Watcher, cp_model.CpSolver, RotaModel],
            started: float, time_limit: float, workers: int | None, seed: int,
            improving: bool, known: _Best | None = None) -> PlanResult:
    """The result of CP-SAT's (last) run, or of the plan ``known`` before it if better."""
    status, watcher, solver, rota = solved
    elapsed = time.perf_counter() - started
    if status == cp_model.INFEASIBLE:
        conflicts = explain(problem, token, max(1.0, min(10.0, time_limit - elapsed)), workers)
        return PlanResult(PlanStatus.INFEASIBLE, (), None, None,
                          time.perf_counter() - started, None, tuple(conflicts))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if known is not None:
            return PlanResult(PlanStatus.FEASIBLE, known.plan, known.cost, watcher.bound,
                              elapsed, known.first, history=tuple(watcher.history))
        return PlanResult(PlanStatus.NO_PLAN_YET, (), None, watcher.bound, elapsed, None,
                          history=tuple(watcher.history))
    objective = solver.objective_value if rota.penalties else 0.0
    bound = watcher.floored(solver.best_objective_bound) if rota.penalties else 0.0
    plan = watcher.plan(solver)
    if improving and status == cp_model.FEASIBLE and not token.cancelled():
        plan, objective = _improve(rota, solver, watcher, token, started + time_limit,
                                   workers, seed, objective, bound)
        elapsed = time.perf_counter() - started
    if known is not None and known.cost <= objective:
        plan, objective = known.plan, known.cost  # nothing better: the plan shown
    optimal = status == cp_model.OPTIMAL or objective <= bound
    return PlanResult(PlanStatus.OPTIMAL if optimal else PlanStatus.FEASIBLE,
                      plan, objective, bound, elapsed, watcher.first,
                      history=tuple(watcher.history))


def _by_rosters(problem: RotaProblem, token: PlanToken, started: float, time_limit: float,
                best: _Best | None) -> _Best | None:
    """The better of ``best`` and the rosters' plan (``rosters.py``, reported if better),
    with the better bound. The rosters' plan is left out if pricing or the choice gave
    none in their share of the time, or if it breaks a hard rule."""
    found = plan_by_rosters(problem, started + time_limit * PRICING_SHARE,
                            started + time_limit * CHOOSING_SHARE, token.cancelled)
    if found is None:
        return best
    checked = check(problem, found.plan)
    bounds = [b for b in (found.bound, best.bound if best else None) if b is not None]
    bound = max(bounds) if bounds else None
    if any(violation.hard for violation in checked):
        return None if best is None else _with_bound(best, bound, token, started)
    # A roster's cost is that of the solution it came with, which may carry slack: the
    # checker's is exact (and what CP-SAT's objective is for this plan).
    cost = total_cost(checked)
    if best is not None and best.cost <= cost:
        return _with_bound(best, bound, token, started)
    history = best.history if best else []
    progress = PlanProgress(time.perf_counter() - started, cost, bound, len(history) + 1,
                            found.plan)
    token.report(progress)
    history.append(replace(progress, plan=None))
    return _Best(found.plan, cost, bound, best.first if best else progress.elapsed, history)


def _with_bound(best: _Best, bound: float | None, token: PlanToken, started: float) -> _Best:
    """``best`` under the rosters' bound; a better bound is news (the plan shown stays),
    as CP-SAT's are: the seat sees the gap close when the rosters prove the plan."""
    if bound is None or bound == best.bound:
        return best
    progress = PlanProgress(time.perf_counter() - started, best.cost, bound,
                            len(best.history))
    token.report(progress)
    return replace(best, bound=bound, history=[*best.history, progress])


def _improve(rota: RotaModel, solver: cp_model.CpSolver, watcher: _Watcher, token: PlanToken,
             deadline: float, workers: int | None, seed: int, objective: float,
             bound: float) -> tuple[tuple[Assignment, ...], float]:
    """Large neighbourhood search from CP-SAT's best plan until ``deadline``."""
    def better(values: Values, cost: float) -> None:
        watcher.solutions += 1
        progress = PlanProgress(time.perf_counter() - watcher.started, cost, bound,
                                watcher.solutions, tuple(rota.plan_from(values)))
        watcher.history.append(replace(progress, plan=None))
        token.report(progress)

    values, objective = improve(rota, cell_values(rota, solver), objective, deadline,
                                workers or default_workers(), seed, token.cancelled, better)
    return tuple(rota.plan_from(values)), objective


def _solve(problem: RotaProblem, token: PlanToken, time_limit: float, workers: int | None,
           seed: int, started: float, work_limit: float | None = None,
           switch: float | None = None, known: _Best | None = None
           ) -> tuple[cp_model.CpSolverStatus, _Watcher, cp_model.CpSolver, RotaModel]:
    """CP-SAT on the whole model; with ``switch`` (a ``perf_counter`` time) it stops there
    if it has a plan, else at its first plan after it (neighbourhood search goes on)."""
    rota = build(problem)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit - (time.perf_counter() - started))
    solver.parameters.num_workers = workers or default_workers()
    solver.parameters.random_seed = seed
    if work_limit is not None:
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = work_limit
    watcher = _Watcher(rota, token, started, known)
    solver.best_bound_callback = watcher.on_bound

    def stop() -> bool:
        return token.cancelled() or (switch is not None and watcher.first is not None
                                     and time.perf_counter() >= switch)

    with stopping(solver, stop):
        status = solver.solve(rota.model, watcher)
    return status, watcher, solver, rota


class _Quiet:
    def __init__(self, outer: PlanToken) -> None:
        self._outer = outer

    def cancelled(self) -> bool:
        return self._outer.cancelled()

    def report(self, progress: PlanProgress) -> None:
        pass


def explain(problem: RotaProblem, token: PlanToken, time_limit: float,
            workers: int | None = None) -> list[Violation]:
    """Which hard rules conflict, on which days: solve with every hard rule made soft
    (heavily weighted) and list the hard rules the least-bad plan still breaks."""
    relaxed = replace(problem, rules=tuple(
        Rule(r.kind, False, RELAXED_WEIGHT if r.hard else r.weight, r.value, r.enabled)
        for r in problem.rules))
    status, _watcher, solver, rota = _solve(relaxed, _Quiet(token), time_limit, workers, 0,
                                            time.perf_counter())
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return []
    return hard_violations(problem, rota.plan(solver))
