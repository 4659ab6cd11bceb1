"""What a plan run reports and returns, and the token that follows and stops it.

Kept apart from planner.py so the desk can hold a token and read results without
importing OR-Tools (and the pandas it loads) on the GUI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from app.rota.checker import Violation
from app.rota.model import Assignment


class PlanStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # a plan, not proven best (time limit or cancel)
    INFEASIBLE = "infeasible"  # the hard rules cannot all hold: see ``conflicts``
    NO_PLAN_YET = "no_plan_yet"  # stopped before a first plan was found


@dataclass(frozen=True)
class PlanProgress:
    """A report while solving: the best plan so far (or None), its score and the bound."""

    elapsed: float
    objective: float | None
    bound: float | None
    solutions: int
    plan: tuple[Assignment, ...] | None = None

    @property
    def gap(self) -> float | None:
        return relative_gap(self.objective, self.bound)


@dataclass(frozen=True)
class PlanResult:
    status: PlanStatus
    plan: tuple[Assignment, ...]
    objective: float | None
    bound: float | None
    elapsed: float
    first_feasible: float | None
    conflicts: tuple[Violation, ...] = ()
    history: tuple[PlanProgress, ...] = field(default=(), repr=False)

    @property
    def gap(self) -> float | None:
        return relative_gap(self.objective, self.bound)


class PlanToken(Protocol):
    """How the caller follows and stops a plan run."""

    def cancelled(self) -> bool: ...

    def report(self, progress: PlanProgress) -> None: ...


class PlanControl:
    """A thread-safe token: ``cancel()`` from any thread; reports go to ``listener``."""

    def __init__(self, listener: object = None) -> None:
        self._cancel = threading.Event()
        self._listener = listener

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, progress: PlanProgress) -> None:
        if callable(self._listener):
            self._listener(progress)


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """(objective - bound) / objective; 0 for a proven optimum, None without a plan."""
    if objective is None or bound is None:
        return None
    if objective <= 0:
        return 0.0
    return max(0.0, objective - bound) / objective
