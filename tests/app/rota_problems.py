"""Small planning problems for the rota tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from app.domain.enums import Seniority
from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL, SHIFTS
from app.rota.holidays import DayKind
from app.rota.model import Coverage, RotaStaff, ShiftType
from app.rota.problem import RotaProblem
from app.rota.rules import DEFAULT_RULES, RuleKind

MONDAY = date(2026, 11, 2)
SUNDAY = date(2026, 11, 8)


def staff(count: int = 12) -> tuple[RotaStaff, ...]:
    return tuple(
        RotaStaff(f"p{n:02d}", f"person {n}",
                  Seniority.SENIOR_EXPERT if n % 3 == 0 else Seniority.ENGINEER,
                  frozenset({"network"} if n % 4 == 0 else {"service_desk"}))
        for n in range(count))


def small_coverage() -> tuple[Coverage, ...]:
    return tuple(
        Coverage(code, kind, head, frozenset(skills), seniors)
        for kind in DayKind
        for code, head, seniors, skills in ((DAY, 2, 1, ("network",)), (EVENING, 1, 1, ()),
                                            (NIGHT, 1, 0, ()), (ON_CALL, 1, 0, ())))


def week(first: date = MONDAY, last: date = SUNDAY, **parts: object) -> RotaProblem:
    values: dict[str, object] = {"staff": staff(), "shifts": SHIFTS,
                                 "coverage": small_coverage()}
    values.update(parts)
    return RotaProblem.for_period(first, last, **values)


def with_rule(problem: RotaProblem, kind: RuleKind, **changes: object) -> RotaProblem:
    rules = tuple(replace(r, **changes) if r.kind is kind else r for r in problem.rules)  # type: ignore[arg-type]
    return replace(problem, rules=rules)


def only_rules(problem: RotaProblem, *kinds: RuleKind) -> RotaProblem:
    return replace(problem, rules=tuple(r for r in DEFAULT_RULES if r.kind in kinds))


LONG_NIGHT = ShiftType("L", "长夜班", "Long night", time(20), 720, "#333366")
