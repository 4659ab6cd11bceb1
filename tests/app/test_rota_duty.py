"""Who is on duty at a moment: shifts crossing midnight, overrides before the rota."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.rota.defaults import DAY, EVENING, NIGHT, ON_CALL, SHIFTS
from app.rota.duty import on_duty_at, reserve
from app.rota.model import DESK_ZONE, Assignment, Override
from tests.app.rota_problems import LONG_NIGHT

D1, D2 = date(2026, 10, 1), date(2026, 10, 2)
ROTA = [Assignment(D1, "wang", DAY), Assignment(D1, "li", EVENING), Assignment(D2, "zhao", NIGHT),
        Assignment(D1, "chen", "L"), Assignment(D1, "sun", ON_CALL)]
SHIFT_TYPES = (*SHIFTS, LONG_NIGHT)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=DESK_ZONE)


def who(moment: datetime, overrides: list[Override] | None = None) -> list[tuple[str, str]]:
    return [(d.staff_id, d.shift) for d in on_duty_at(moment, SHIFT_TYPES, ROTA, overrides or [])
            if not d.on_call]


def test_the_day_shift_at_noon() -> None:
    assert who(local(D1, 12)) == [("wang", DAY)]


def test_a_night_crossing_midnight_is_found_on_both_sides() -> None:
    assert who(local(D1, 23, 30)) == [("li", EVENING), ("chen", "L")]
    # 01:00 on 2 October: the long night started on 1 October, the 00-08 night on the 2nd.
    assert who(local(D2, 1)) == [("chen", "L"), ("zhao", NIGHT)]
    assert who(local(D2, 8)) == [] and who(local(D2, 7, 59)) == [("chen", "L"), ("zhao", NIGHT)]


def test_a_utc_moment_is_read_in_beijing_time() -> None:
    # 2026-09-30 16:30 UTC is 00:30 on 1 October in Beijing: nobody is rostered then.
    assert who(datetime(2026, 9, 30, 16, 30, tzinfo=UTC)) == []
    assert on_duty_at(datetime(2026, 10, 1, 4, tzinfo=UTC), SHIFT_TYPES, ROTA, [])[0].start == \
        datetime(2026, 10, 1, 0, tzinfo=UTC)  # 08:00 Beijing


def test_overrides_come_before_the_published_rota_in_the_order_made() -> None:
    at = datetime(2026, 9, 30, tzinfo=UTC)
    swap = Override("o1", D1, DAY, "wang", "zhou", "sick", at)
    assert who(local(D1, 12), [swap]) == [("zhou", DAY)]
    back = Override("o2", D1, DAY, "zhou", "wang", "recovered", at + timedelta(hours=1))
    assert who(local(D1, 12), [back, swap]) == [("wang", DAY)]
    extra = Override("o3", D1, DAY, None, "qian", "incident", at)
    duty = on_duty_at(local(D1, 12), SHIFT_TYPES, ROTA, [extra])
    assert [(d.staff_id, d.override_id) for d in duty if not d.on_call] == [
        ("qian", "o3"), ("wang", None)]


def test_an_override_on_a_night_applies_after_midnight() -> None:
    cover = Override("o1", D1, "L", "chen", "zhou", "swap", datetime(2026, 9, 30, tzinfo=UTC))
    assert who(local(D2, 3), [cover]) == [("zhou", "L"), ("zhao", NIGHT)]


def test_on_call_is_the_days_emergency_reserve() -> None:
    duty = on_duty_at(local(D1, 12), SHIFT_TYPES, ROTA, [])
    assert [(d.staff_id, d.on_call) for d in duty] == [("wang", False), ("sun", True)]
    assert reserve(D1, SHIFT_TYPES, ROTA, []) == ["sun"]


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        on_duty_at(datetime(2026, 10, 1, 12), SHIFT_TYPES, ROTA, [])


def test_my_shifts_and_the_next_one_follow_overrides() -> None:
    from app.rota.duty import next_shift, reminder_due, shifts_of

    cover = Override("o1", D1, DAY, "wang", "zhao", "swap", datetime(2026, 9, 30, tzinfo=UTC))
    mine = shifts_of("zhao", [D1, D2], SHIFT_TYPES, ROTA, [cover])
    assert [(d.day, d.shift, d.override_id) for d in mine] == [(D1, DAY, "o1"), (D2, NIGHT, None)]
    assert shifts_of("wang", [D1, D2], SHIFT_TYPES, ROTA, [cover]) == []
    coming = next_shift("zhao", local(D1, 9), SHIFT_TYPES, ROTA, [cover])
    assert coming is not None and coming.start == local(D2, 0)  # the day shift has started
    assert reminder_due("zhao", local(D1, 23, 40), timedelta(minutes=30), SHIFT_TYPES, ROTA,
                        [cover]) == coming
    assert reminder_due("zhao", local(D1, 23), timedelta(minutes=30), SHIFT_TYPES, ROTA,
                        [cover]) is None
