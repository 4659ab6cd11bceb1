"""The rota rules: each is hard (never broken by the planner) or soft (weighted penalty).

``value`` is the rule's parameter: hours of rest, days in a row, hours a week, or the
tolerated spread of a fairness count between the most and the least loaded person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RuleKind(StrEnum):
    ONE_SHIFT_PER_DAY = "one_shift_per_day"
    COVERAGE = "coverage"
    LEAVE = "leave"
    MIN_REST = "min_rest"
    MAX_CONSECUTIVE_DAYS = "max_consecutive_days"
    MAX_HOURS_WEEK = "max_hours_week"
    MAX_HOURS_MONTH = "max_hours_month"
    FAIR_NIGHTS = "fair_nights"
    FAIR_WEEKENDS = "fair_weekends"
    FAIR_HOLIDAYS = "fair_holidays"
    PREFERENCES = "preferences"


FAIRNESS = (RuleKind.FAIR_NIGHTS, RuleKind.FAIR_WEEKENDS, RuleKind.FAIR_HOLIDAYS)


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    hard: bool
    weight: int = 1
    value: int = 0
    enabled: bool = True


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(RuleKind.ONE_SHIFT_PER_DAY, hard=True),
    Rule(RuleKind.COVERAGE, hard=True),
    Rule(RuleKind.LEAVE, hard=True),
    Rule(RuleKind.MIN_REST, hard=True, value=11),
    Rule(RuleKind.MAX_CONSECUTIVE_DAYS, hard=True, value=6),
    Rule(RuleKind.MAX_HOURS_WEEK, hard=True, value=48),
    Rule(RuleKind.MAX_HOURS_MONTH, hard=True, value=184),
    Rule(RuleKind.FAIR_NIGHTS, hard=False, weight=10, value=1),
    Rule(RuleKind.FAIR_WEEKENDS, hard=False, weight=5, value=1),
    Rule(RuleKind.FAIR_HOLIDAYS, hard=False, weight=8, value=1),
    Rule(RuleKind.PREFERENCES, hard=False, weight=3),
)
