"""Improving a plan by large neighbourhood search (LNS) on the planner's own model.

CP-SAT's portfolio already runs LNS workers, but on a two-core desk its eight workers
share two cores and each neighbourhood gets little time. Here one neighbourhood at a time
is re-solved with all workers: every cell outside it is fixed to the best plan's value
(its variable's domain pinned in a copy of the model) and the plan itself is the hint.
Neighbourhoods alternate between a few people over the whole period (their limits and
runs) and everyone over a window of days (cover and successions).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from ortools.sat.python import cp_model

from app.rota.formulation import RotaModel

Values = dict[int, int]  # variable index -> value, for every cell of the best plan

# Seconds per neighbourhood: long enough for a few people's month to be solved to the
# end, short enough for dozens of tries a minute.
STEP_SECONDS = 3.0


class Stoppable(Protocol):
    """A solver that can be told to stop from another thread (CP-SAT; SCIP adapted)."""

    def stop_search(self) -> None: ...


@contextmanager
def stopping(solver: Stoppable, stop: Callable[[], bool]) -> Iterator[None]:
    """Stop ``solver`` within 50 ms of ``stop()`` turning true: solutions can be far apart,
    so a cancel must not wait for the next one."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if stop():
                solver.stop_search()
                return

    guard = threading.Thread(target=watch, daemon=True)
    guard.start()
    try:
        yield
    finally:
        done.set()
        guard.join()


def cell_values(rota: RotaModel, solver: cp_model.CpSolver) -> Values:
    return {var.index: int(solver.value(var)) for var in rota.cells.values()}


def improve(rota: RotaModel, values: Values, objective: float, deadline: float,
            workers: int, seed: int, stop: Callable[[], bool],
            better: Callable[[Values, float], None]) -> tuple[Values, float]:
    """Re-solve neighbourhoods of the plan ``values`` (cost ``objective``) until
    ``deadline`` (``time.perf_counter``) or ``stop()``; ``better`` hears each improvement.
    Returns the best plan's values and cost."""
    rng = random.Random(seed)
    p = rota.problem
    people, days = len(p.staff), len(p.days)
    by_cell = {(s, d): [] for s in range(people) for d in range(days)}  # type: dict[tuple[int, int], list[int]]
    for (s, d, _t), var in rota.cells.items():
        by_cell[s, d].append(var.index)
    size = 0.35  # share of the cells set free; grows when a neighbourhood proves optimal
    while not stop() and deadline - time.perf_counter() > 0.2:
        free = _neighbourhood(rng, people, days, size)
        trial = rota.model.clone()
        for cell, indexes in by_cell.items():
            for index in indexes:
                if cell not in free:  # a boolean's domain is [0, 1]: pin both ends
                    domain = trial.proto.variables[index].domain
                    domain[0] = domain[1] = values[index]
        trial.proto.clear_solution_hint()
        for index, value in values.items():
            trial.proto.solution_hint.vars.append(index)
            trial.proto.solution_hint.values.append(value)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = min(STEP_SECONDS,
                                                    deadline - time.perf_counter())
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = rng.randrange(1 << 16)
        with stopping(solver, stop):
            status = solver.solve(trial)
        if status == cp_model.OPTIMAL:
            size = min(0.6, size * 1.1)  # solved to the end: try a larger one
        elif status != cp_model.FEASIBLE:
            size = max(0.1, size * 0.9)
            continue
        else:
            size = max(0.1, size * 0.95)
        if solver.objective_value < objective - 1e-6:
            objective = solver.objective_value
            values = {index: int(solver.value(index_var(trial, index)))
                      for index in values}
            better(values, objective)
    return values, objective


def index_var(model: cp_model.CpModel, index: int) -> cp_model.IntVar:
    return model.get_bool_var_from_proto_index(index)


def _neighbourhood(rng: random.Random, people: int, days: int, size: float
                   ) -> set[tuple[int, int]]:
    """Cells set free: some people over the whole period, or everyone over some days."""
    if rng.random() < 0.5:
        count = max(1, round(people * size))
        chosen = rng.sample(range(people), count)
        return {(s, d) for s in chosen for d in range(days)}
    width = max(2, round(days * size))
    start = rng.randrange(max(1, days - width + 1))
    return {(s, d) for s in range(people) for d in range(start, start + width)}
