"""China's holidays and make-up working days; years without data are flagged."""

from __future__ import annotations

from datetime import date
from random import Random

import pytest

from app.rota.holidays import (
    CalendarUnknown,
    DayKind,
    day_kind,
    holiday_name,
    is_makeup_workday,
    unknown_years,
)
from app.rota.problem import RotaProblem
from app.rota.sample import sample_staff


def test_national_day_2026_and_its_makeup_working_days() -> None:
    assert day_kind(date(2026, 10, 1)) is DayKind.HOLIDAY
    assert day_kind(date(2026, 10, 7)) is DayKind.HOLIDAY
    assert holiday_name(date(2026, 10, 3)) == "National Day"
    assert day_kind(date(2026, 9, 20)) is DayKind.WORKDAY and is_makeup_workday(date(2026, 9, 20))
    assert is_makeup_workday(date(2026, 10, 10))
    assert day_kind(date(2026, 11, 28)) is DayKind.WEEKEND
    assert holiday_name(date(2026, 11, 28)) is None
    assert day_kind(date(2026, 11, 26)) is DayKind.WORKDAY


def test_years_without_data_are_flagged_not_guessed() -> None:
    assert unknown_years([date(2026, 12, 31), date(2027, 1, 1)]) == (2027,)
    with pytest.raises(CalendarUnknown) as raised:
        RotaProblem.for_period(date(2026, 12, 28), date(2027, 1, 3),
                               staff=sample_staff(Random(1)),
                               shifts=(), coverage=())
    assert raised.value.years == (2027,)
