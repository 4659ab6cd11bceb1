"""Auto-planning a period with CP-SAT, off whatever thread calls it.

``plan_rota`` is a plain function: progress and cancellation go through a token (the UI
adapts it to Qt signals; the benchmark records it). It reports every better plan with its
objective and the proven bound, and if the hard rules cannot all hold it says which rules
and days conflict instead of just failing.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace

from ortools.sat.python import cp_model

from app.rota.capacity import shortages
from app.rota.checker import Violation, hard_violations
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
from app.rota.rules import Rule

__all__ = ["PlanControl", "PlanProgress", "PlanResult", "PlanStatus", "PlanToken",
           "explain", "plan_rota", "relative_gap"]

# Weight of a hard rule when it is relaxed to find out which ones conflict.
RELAXED_WEIGHT = 1000
# Share of the time limit CP-SAT's own search gets before neighbourhood search takes over.
SEARCH_SHARE = 0.3


def default_workers() -> int:
    return max(8, os.cpu_count() or 1)


class _Watcher(cp_model.CpSolverSolutionCallback):
    def __init__(self, rota: RotaModel, token: PlanToken, started: float) -> None:
        super().__init__()
        self.rota, self.token, self.started = rota, token, started
        self.first: float | None = None
        self.solutions = 0
        self.bound: float | None = None
        self.history: list[PlanProgress] = []

    def on_solution_callback(self) -> None:
        elapsed = time.perf_counter() - self.started
        self.first = elapsed if self.first is None else self.first
        self.solutions += 1
        self.bound = self.best_objective_bound
        progress = PlanProgress(elapsed, self.objective_value, self.bound, self.solutions,
                                tuple(self.rota.plan(self)))
        self.history.append(replace(progress, plan=None))
        self.token.report(progress)
        if self.token.cancelled():
            self.stop_search()

    def on_bound(self, bound: float) -> None:
        self.bound = bound
        last = self.history[-1].objective if self.history else None
        elapsed = time.perf_counter() - self.started
        self.history.append(PlanProgress(elapsed, last, bound, self.solutions))
        self.token.report(PlanProgress(elapsed, last, bound, self.solutions))


def plan_rota(problem: RotaProblem, token: PlanToken, time_limit: float = 30.0,
              workers: int | None = None, seed: int = 0,
              work_limit: float | None = None, improve: bool = False) -> PlanResult:
    """Plan ``problem`` within ``time_limit`` seconds; hard rules hold in any plan returned.

    Fixed cells (published past days, manual edits) are kept as they are. ``work_limit``
    (CP-SAT deterministic time, one worker) gives the same plan on any machine: demo data.
    With ``improve``, CP-SAT's own search gets ``SEARCH_SHARE`` of the time (or until its
    first plan); a plan it has not proven optimal by then is improved by large
    neighbourhood search for the rest (``improvement.py``). Off by default: on the
    benchmark it did worse than CP-SAT's own search (docs/rota.md).
    """
    started = time.perf_counter()
    short = shortages(problem)
    if short:
        return PlanResult(PlanStatus.INFEASIBLE, (), None, None,
                          time.perf_counter() - started, None, tuple(short))
    improving = improve and work_limit is None
    switch = started + time_limit * SEARCH_SHARE if improving else None
    status, watcher, solver, rota = _solve(problem, token, time_limit, workers, seed, started,
                                           work_limit, switch)
    elapsed = time.perf_counter() - started
    if status == cp_model.INFEASIBLE:
        conflicts = explain(problem, token, max(1.0, min(10.0, time_limit - elapsed)), workers)
        return PlanResult(PlanStatus.INFEASIBLE, (), None, None,
                          time.perf_counter() - started, None, tuple(conflicts))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return PlanResult(PlanStatus.NO_PLAN_YET, (), None, watcher.bound, elapsed, None,
                          history=tuple(watcher.history))
    objective = solver.objective_value if rota.penalties else 0.0
    bound = solver.best_objective_bound if rota.penalties else 0.0
    plan = tuple(rota.plan(solver))
    if improving and status == cp_model.FEASIBLE and not token.cancelled():
        plan, objective = _improve(rota, solver, watcher, token, started + time_limit,
                                   workers, seed, objective, bound)
        elapsed = time.perf_counter() - started
    return PlanResult(PlanStatus.OPTIMAL if status == cp_model.OPTIMAL else PlanStatus.FEASIBLE,
                      plan, objective, bound, elapsed, watcher.first,
                      history=tuple(watcher.history))


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
           switch: float | None = None
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
    watcher = _Watcher(rota, token, started)
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
