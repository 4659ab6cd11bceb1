"""Business calendars: China's holidays and make-up days, DST, round trips (Hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sla.calendar import ROUND_THE_CLOCK, BusinessHours

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def local(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)  # type: ignore[misc]


def test_business_hours_skip_the_night_and_the_weekend() -> None:
    cal = BusinessHours()
    friday_5pm = local(SH, 2026, 11, 27, 17, 0)
    # One hour left on Friday, the rest on Monday morning.
    assert cal.add(friday_5pm, timedelta(hours=3)) == local(SH, 2026, 11, 30, 11, 0)
    assert cal.elapsed(friday_5pm, local(SH, 2026, 11, 30, 11, 0)) == timedelta(hours=3)


def test_national_day_is_skipped_and_the_make_up_saturday_counts() -> None:
    cal = BusinessHours()
    # 2024-09-30 (Monday) 17:00 + 2 h: Oct 1-7 are holidays, Oct 8 (Tue) is next.
    assert cal.add(local(SH, 2024, 9, 30, 17, 0), timedelta(hours=2)) == \
        local(SH, 2024, 10, 8, 10, 0)
    # Saturday 2024-10-12 is a make-up working day (调休).
    assert cal.is_workday(date(2024, 10, 12))
    assert cal.add(local(SH, 2024, 10, 11, 17, 0), timedelta(hours=2)) == \
        local(SH, 2024, 10, 12, 10, 0)
    # Sunday 2024-09-29 too.
    assert cal.elapsed(local(SH, 2024, 9, 29, 0, 0), local(SH, 2024, 9, 29, 23, 0)) == \
        timedelta(hours=9)


def test_spring_festival_make_up_day_and_holiday_in_2026() -> None:
    cal = BusinessHours()
    assert cal.is_workday(date(2026, 2, 14))  # Saturday, 调休
    assert not cal.is_workday(date(2026, 2, 16))  # Spring Festival holiday (Monday)


def test_a_year_without_official_data_is_flagged_not_silently_guessed() -> None:
    cal = BusinessHours()
    assert cal.flagged_years == set()
    cal.add(local(SH, 2026, 12, 31, 17, 0), timedelta(hours=3))
    assert cal.flagged_years == {2027}
    # The fallback is Monday-Friday (2027-01-01 is a Friday; with data it would be a holiday).
    assert cal.is_workday(date(2027, 1, 1))


def test_overrides_win_over_official_data() -> None:
    cal = BusinessHours(overrides={date(2026, 11, 27): False, date(2026, 11, 28): True})
    assert cal.add(local(SH, 2026, 11, 26, 17, 0), timedelta(hours=2)) == \
        local(SH, 2026, 11, 28, 10, 0)


def test_year_boundary_and_midnight() -> None:
    cal = BusinessHours()
    # 2025-12-31 (Wed) 17:30 + 1 h: Jan 1 2026 is New Year's Day, Jan 2 Friday is a
    # holiday too, Jan 4 (Sunday) is a make-up working day in 2026.
    result = cal.add(local(SH, 2025, 12, 31, 17, 30), timedelta(hours=1))
    assert result.astimezone(SH).time() == time(9, 30)
    assert cal.is_workday(result.astimezone(SH).date())
    assert result.astimezone(SH).date() > date(2026, 1, 1)
    assert ROUND_THE_CLOCK.add(local(SH, 2025, 12, 31, 23, 59), timedelta(minutes=2)) == \
        local(SH, 2026, 1, 1, 0, 1)


def test_business_hours_in_a_zone_with_daylight_saving() -> None:
    cal = BusinessHours(zone=NY, overrides={date(2026, 3, 9): True, date(2026, 3, 6): True})
    # Friday 2026-03-06 17:00 EST + 2 h -> Monday 10:00 EDT (clocks went forward Sunday).
    end = cal.add(local(NY, 2026, 3, 6, 17, 0), timedelta(hours=2))
    assert end == local(NY, 2026, 3, 9, 10, 0)
    assert end.astimezone(UTC).hour == 14  # EDT is UTC-4
    assert cal.elapsed(local(NY, 2026, 3, 6, 17, 0), end) == timedelta(hours=2)


moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 12, 20),
                       timezones=st.just(UTC))
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=60))
zones = st.sampled_from([SH, NY, ZoneInfo("UTC")])


@settings(max_examples=150, deadline=None)
@given(moments, durations, zones)
def test_add_then_measure_round_trips(start: datetime, duration: timedelta,
                                      zone: ZoneInfo) -> None:
    cal = BusinessHours(zone=zone)
    end = cal.add(start, duration)
    assert end >= start
    assert cal.elapsed(start, end) == duration
    if duration:
        # Nothing earlier would do: a second less does not reach the duration.
        assert cal.elapsed(start, end - timedelta(seconds=1)) < duration


@settings(max_examples=150, deadline=None)
@given(moments, durations, durations)
def test_adding_is_monotonic_and_additive(start: datetime, a: timedelta,
                                          b: timedelta) -> None:
    cal = BusinessHours()
    assert cal.add(start, a) <= cal.add(start, a + b)
    assert cal.add(cal.add(start, a), b) == cal.add(start, a + b) or b == timedelta(0)


@settings(max_examples=100, deadline=None)
@given(moments, moments)
def test_measuring_splits_at_any_point(a: datetime, b: datetime) -> None:
    cal = BusinessHours()
    start, end = min(a, b), max(a, b)
    middle = start + (end - start) / 2
    assert cal.elapsed(start, end) == cal.elapsed(start, middle) + cal.elapsed(middle, end)
    assert ROUND_THE_CLOCK.elapsed(start, end) == end - start
