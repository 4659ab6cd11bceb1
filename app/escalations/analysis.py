"""The ledger analysed (issue 17): how many escalations per rule, category and team, and
how long tickets took from an escalation to their resolution (percentiles, not averages).

Computed over the lines ``app.escalations.ledger.read_ledger`` gives for the chosen
filters, so the page's table and its analysis always describe the same lines."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.escalations.ledger import LedgerEntry

PERCENTILES = (50, 90, 95)


@dataclass(frozen=True)
class Spread:
    """Seconds from escalation to resolution over the lines whose ticket was resolved."""

    resolved: int
    unresolved: int
    percentiles: dict[int, float]  # percentile -> seconds (nearest rank)


@dataclass(frozen=True)
class LedgerAnalysis:
    total: int
    by_rule: list[tuple[str, int]]  # most first, then by name
    by_category: list[tuple[str, int]]
    by_team: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]
    to_resolution: Spread
    to_resolution_by_rule: dict[str, Spread]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..100) of sorted ``values``."""
    if not values:
        raise ValueError("no values")
    rank = max(1, math.ceil(share / 100 * len(values)))
    return values[rank - 1]


def spread(entries: Iterable[LedgerEntry]) -> Spread:
    times, unresolved = [], 0
    for entry in entries:
        seconds = entry.to_resolution_s
        if seconds is None:
            unresolved += 1
        else:
            times.append(seconds)
    times.sort()
    return Spread(len(times), unresolved,
                  {p: percentile(times, p) for p in PERCENTILES} if times else {})


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def analyse(entries: Sequence[LedgerEntry]) -> LedgerAnalysis:
    """Counts by rule, category, team and outcome; time to resolution overall and per rule.
    A line whose ticket nobody held and that has no group counts under team ""."""
    rules: dict[str, list[LedgerEntry]] = {}
    for entry in entries:
        rules.setdefault(entry.rule, []).append(entry)
    return LedgerAnalysis(
        total=len(entries),
        by_rule=_ranked(Counter(e.rule for e in entries)),
        by_category=_ranked(Counter(e.category for e in entries)),
        by_team=_ranked(Counter(e.team for e in entries)),
        by_outcome=_ranked(Counter(e.outcome for e in entries)),
        to_resolution=spread(entries),
        to_resolution_by_rule={rule: spread(lines) for rule, lines in rules.items()})
