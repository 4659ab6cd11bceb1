from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from random import Random

import pytest

from app.domain.clock import ManualClock
from app.domain.ids import id_time, new_id, seeded_id, uuid7_at
from app.domain.numbers import ticket_number


def test_ids_are_version_7_with_the_clock_time(clock: ManualClock) -> None:
    identifier = new_id(clock)
    parsed = uuid.UUID(identifier)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert id_time(identifier) == int(clock.now().timestamp() * 1000)


def test_ids_sort_by_creation_time(clock: ManualClock) -> None:
    ids = []
    for _ in range(50):
        ids.append(new_id(clock))
        clock.advance(timedelta(milliseconds=3))
    assert sorted(ids) == ids
    assert len(set(ids)) == 50


def test_seeded_ids_repeat_with_the_seed(clock: ManualClock) -> None:
    first = [seeded_id(clock.now(), Random(7)) for _ in range(3)]
    again = [seeded_id(clock.now(), Random(7)) for _ in range(3)]
    assert first == again
    assert seeded_id(clock.now(), Random(8)) != first[0]


def test_uuid7_rejects_times_before_the_epoch() -> None:
    with pytest.raises(ValueError):
        uuid7_at(datetime(1960, 1, 1, tzinfo=UTC), 0)


def test_manual_clock_moves_only_forward(clock: ManualClock) -> None:
    start = clock.now()
    assert clock.advance(timedelta(minutes=1)) == start + timedelta(minutes=1)
    with pytest.raises(ValueError):
        clock.advance(timedelta(seconds=-1))
    with pytest.raises(ValueError):
        ManualClock(datetime(2026, 1, 1))


def test_ticket_numbers_are_padded_and_widen() -> None:
    assert ticket_number(42) == "SD-000042"
    assert ticket_number(1_234_567) == "SD-1234567"
    with pytest.raises(ValueError):
        ticket_number(0)
