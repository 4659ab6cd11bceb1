"""Small shared pieces of the benchmarks: percentiles and the final JSON line."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of a non-empty sample."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary(values: Sequence[float], digits: int = 1) -> dict[str, float]:
    """p50, p95 and min, rounded to ``digits`` (more where operations take under 1 ms: a
    ratio of two p95s rounded to 0.1 ms can be off by 2x there)."""
    return {"p50": round(statistics.median(values), digits),
            "p95": round(percentile(values, 0.95), digits), "min": round(min(values), digits)}


def emit(figures: dict[str, object]) -> None:
    """The last line of every benchmark: its figures as one line of JSON."""
    print(json.dumps(figures, ensure_ascii=False))
