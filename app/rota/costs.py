"""Why a plan costs what it costs: the soft rules' penalties per person.

The checker prices each soft violation (``Violation.cost``); this sums them per person
and rule, so a supervisor sees that, say, a third of the cost is one person's wishes.
Cover has no person: it is the desk's row (``staff_id`` None).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.rota.rules import RuleKind
from app.rota.violation import Violation


@dataclass(frozen=True)
class PersonCosts:
    """One row: whose (None: the desk's cover), cost per rule, and the violations."""

    staff_id: str | None
    by_rule: dict[RuleKind, int]
    violations: tuple[Violation, ...] = field(default=(), compare=False)

    @property
    def total(self) -> int:
        return sum(self.by_rule.values())


def costs_by_person(violations: Iterable[Violation]) -> list[PersonCosts]:
    """Rows of the soft violations with a cost, the dearest first (ties by id, the desk's
    row first)."""
    rows: dict[str | None, dict[RuleKind, int]] = {}
    found: dict[str | None, list[Violation]] = {}
    for v in violations:
        if v.hard or not v.cost:
            continue
        by_rule = rows.setdefault(v.staff_id, {})
        by_rule[v.rule] = by_rule.get(v.rule, 0) + v.cost
        found.setdefault(v.staff_id, []).append(v)
    result = [PersonCosts(staff, by_rule, tuple(found[staff]))
              for staff, by_rule in rows.items()]
    return sorted(result, key=lambda row: (-row.total, row.staff_id or ""))


def rules_with_cost(rows: Iterable[PersonCosts]) -> list[RuleKind]:
    """The rules that cost something, in the rules' own order (the table's columns)."""
    used = {kind for row in rows for kind in row.by_rule}
    return [kind for kind in RuleKind if kind in used]
