"""Sync row encoding: what travels as JSON comes back as the same column values, and new
rows written from server data use exactly the text SQLAlchemy writes for a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, text

from app.store.types import UTCDateTime
from app.sync.entities import UnknownField, encode_value, entities, sqlite_time

moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                       timezones=st.sampled_from([UTC, timezone(timedelta(hours=8)),
                                                  timezone(timedelta(hours=-5))]))


@given(moments)
def test_fast_time_text_matches_what_sqlalchemy_stores(moment: datetime) -> None:
    engine = create_engine("sqlite://")
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True),
                  Column("at", UTCDateTime))
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table).values(id=1, at=moment))
        stored = conn.execute(text("SELECT at FROM t")).scalar_one()
    assert sqlite_time(encode_value(moment)) == stored
    assert sqlite_time(moment.isoformat()) == stored  # a non-UTC zone takes the slow path


@given(moments)
def test_a_ticket_time_round_trips_through_json(moment: datetime) -> None:
    tickets = entities()["tickets"]
    decoded = tickets.decode({"created_at": encode_value(moment)})["created_at"]
    assert decoded == moment and decoded.tzinfo == UTC


def test_bad_values_and_unknown_fields_are_refused() -> None:
    tickets = entities()["tickets"]
    with pytest.raises(UnknownField, match="no field 'salary'"):
        tickets.decode({"salary": 1})
    with pytest.raises(UnknownField, match="level: not an integer"):
        tickets.decode({"level": "1"})
    with pytest.raises(UnknownField, match="created_at: a time without its zone"):
        tickets.decode({"created_at": "2026-11-26T02:00:00"})
    with pytest.raises(UnknownField, match="title: longer than 200"):
        tickets.decode({"title": "x" * 201})
