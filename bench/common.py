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


def summary(values: Sequence[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 0.95), 1),
            "min": round(min(values), 1)}


def emit(figures: dict[str, object]) -> None:
    """The last line of every benchmark: its figures as one line of JSON."""
    print(json.dumps(figures, ensure_ascii=False))
