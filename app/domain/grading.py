"""Request grading: urgency, impact scope and business importance give the handling level.

REQUIREMENTS.md section 3: the three factors are weighted (weights configurable) and the
weighted score, between 1 (all low) and 3 (all high), falls into one of three levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from app.domain.enums import Level, Rating


@dataclass(frozen=True)
class GradingWeights:
    """Weights of the three factors and the score thresholds of levels 1 and 2."""

    urgency: float = 0.4
    impact: float = 0.3
    importance: float = 0.3
    level_one_from: float = 2.5
    level_two_from: float = 1.8

    def __post_init__(self) -> None:
        weights = (self.urgency, self.impact, self.importance)
        if any(w < 0 for w in weights) or sum(weights) <= 0:
            raise ValueError("grading weights must be non-negative and not all zero")
        if not 1.0 <= self.level_two_from <= self.level_one_from <= 3.0:
            raise ValueError("thresholds must satisfy 1 <= level two <= level one <= 3")


class Grading(NamedTuple):
    """The three factors of one request."""

    urgency: Rating
    impact: Rating
    importance: Rating

    def score(self, weights: GradingWeights) -> float:
        total = weights.urgency + weights.impact + weights.importance
        weighted = (
            weights.urgency * self.urgency
            + weights.impact * self.impact
            + weights.importance * self.importance
        )
        return weighted / total

    def level(self, weights: GradingWeights) -> Level:
        score = self.score(weights)
        # A small tolerance so that 0.4*3 + 0.3*3 + 0.3*2 == 2.7 is not lost to float noise.
        if score + 1e-9 >= weights.level_one_from:
            return Level.ONE
        if score + 1e-9 >= weights.level_two_from:
            return Level.TWO
        return Level.THREE


class LevelOverrideError(ValueError):
    """A level differing from the computed one was given without a reason."""


def effective_level(
    grading: Grading, weights: GradingWeights, override: Level | None, reason: str
) -> Level:
    """The level a ticket gets: the computed one, or an override that carries a reason."""
    computed = grading.level(weights)
    if override is None or override == computed:
        return computed
    if not reason.strip():
        raise LevelOverrideError("overriding the computed level needs a reason")
    return override
