from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.enums import Level, Rating
from app.domain.grading import Grading, GradingWeights, LevelOverrideError, effective_level

DEFAULT = GradingWeights()
ratings = st.sampled_from(Rating)


@pytest.mark.parametrize(
    ("urgency", "impact", "importance", "level"),
    [
        (Rating.HIGH, Rating.HIGH, Rating.HIGH, Level.ONE),
        (Rating.HIGH, Rating.HIGH, Rating.MEDIUM, Level.ONE),  # 2.7
        (Rating.MEDIUM, Rating.MEDIUM, Rating.MEDIUM, Level.TWO),  # 2.0
        (Rating.HIGH, Rating.LOW, Rating.LOW, Level.TWO),  # 1.8, on the threshold
        (Rating.MEDIUM, Rating.LOW, Rating.LOW, Level.THREE),  # 1.4
        (Rating.LOW, Rating.LOW, Rating.LOW, Level.THREE),
    ],
)
def test_default_weights_grade_like_the_customer_expects(
    urgency: Rating, impact: Rating, importance: Rating, level: Level
) -> None:
    assert Grading(urgency, impact, importance).level(DEFAULT) == level


def test_weights_are_configurable() -> None:
    grading = Grading(Rating.LOW, Rating.LOW, Rating.HIGH)
    assert grading.level(DEFAULT) == Level.THREE
    importance_only = GradingWeights(urgency=0, impact=0, importance=1)
    assert grading.level(importance_only) == Level.ONE


@given(ratings, ratings, ratings, ratings)
def test_raising_a_factor_never_lowers_the_severity(
    urgency: Rating, impact: Rating, importance: Rating, raised: Rating
) -> None:
    base = Grading(urgency, impact, importance)
    higher = Grading(max(urgency, raised), impact, importance)
    assert higher.level(DEFAULT) <= base.level(DEFAULT)  # Level.ONE is the most severe


@pytest.mark.parametrize(
    "weights",
    [dict(urgency=-1), dict(urgency=0, impact=0, importance=0),
     dict(level_one_from=1.5, level_two_from=2.0), dict(level_one_from=3.5)],
)
def test_nonsense_weights_are_refused(weights: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        GradingWeights(**weights)


def test_override_needs_a_reason() -> None:
    grading = Grading(Rating.LOW, Rating.LOW, Rating.LOW)
    assert effective_level(grading, DEFAULT, None, "") == Level.THREE
    assert effective_level(grading, DEFAULT, Level.THREE, "") == Level.THREE
    with pytest.raises(LevelOverrideError):
        effective_level(grading, DEFAULT, Level.ONE, "   ")
    assert effective_level(grading, DEFAULT, Level.ONE, "minister's office") == Level.ONE
