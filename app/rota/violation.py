"""A broken rota rule as data (the UI turns it into words in the seat's language)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.rota.rules import Rule, RuleKind

# A plan as the checks read it: (staff id, day) -> the shift codes worked that day.
Cells = dict[tuple[str, date], list[str]]


@dataclass(frozen=True)
class Violation:
    """One broken rule: who (None for the desk as a whole), which days, which shift."""

    rule: RuleKind
    hard: bool
    staff_id: str | None
    days: tuple[date, ...]
    shift: str | None = None
    data: dict[str, int | str] = field(default_factory=dict, compare=False, hash=False)
    # What a soft violation adds to the plan's penalty (weight times how far over); 0 for
    # a hard one, which is not a cost but a plan that must not be.
    cost: int = field(default=0, compare=False)


def soft_cost(rule: Rule, units: int, weight: int = 0) -> int:
    """The penalty of breaking soft ``rule`` by ``units`` (``weight`` 0: the rule's)."""
    return 0 if rule.hard else (weight or rule.weight) * units
