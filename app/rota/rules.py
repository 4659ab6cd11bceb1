"""The rota rules: each is hard (never broken by the planner) or soft (weighted penalty).

``value`` is the rule's parameter: hours of rest, days in a row, hours a week, or the
tolerated spread of a fairness count between the most and the least loaded person. For
the rules a person can have their own limit for (days in a row, days off in a row,
weekends), ``value`` is the desk's default and 0 means "no limit" where 0 would make no
sense as one; a person's own limit (``model.Limits``) wins.
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
    # Issue 20: the rules of the Curtois & Qu shift-scheduling benchmark.
    OVER_COVER = "over_cover"
    FORBIDDEN_SUCCESSIONS = "forbidden_successions"
    MAX_SHIFTS_OF_TYPE = "max_shifts_of_type"
    PERIOD_MINUTES = "period_minutes"
    MIN_CONSECUTIVE_DAYS = "min_consecutive_days"
    MIN_DAYS_OFF = "min_days_off"
    MAX_WEEKENDS = "max_weekends"


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
    # Off: more people than asked for stays impossible, as before issue 20. On and soft,
    # each extra person costs the weight (the benchmark's over-cover weight).
    Rule(RuleKind.OVER_COVER, hard=False, weight=1, enabled=False),
    Rule(RuleKind.FORBIDDEN_SUCCESSIONS, hard=True),
    Rule(RuleKind.MAX_SHIFTS_OF_TYPE, hard=True),
    Rule(RuleKind.PERIOD_MINUTES, hard=True),
    Rule(RuleKind.MIN_CONSECUTIVE_DAYS, hard=True, value=0),
    Rule(RuleKind.MIN_DAYS_OFF, hard=True, value=0),
    Rule(RuleKind.MAX_WEEKENDS, hard=True, value=0),
)
