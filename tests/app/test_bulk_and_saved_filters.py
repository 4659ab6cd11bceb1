from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.clock import ManualClock
from app.domain.enums import Channel, Level, TicketState
from app.paths import DataDir
from app.services.bulk import apply_to_each
from app.services.errors import DeskError, Problem
from app.services.saved_filters import (
    delete_filter,
    filter_from_json,
    filter_to_json,
    save_filter,
    saved_filters,
)
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.queues import QueueFilter, QueueReader, Seat, View
from app.store.reading import read_connection
from tests.app.helpers import first_id, one
from tests.conftest import T0


def test_bulk_close_applies_where_allowed_and_reports_the_rest(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock
) -> None:
    reader = read_connection(demo_copy.database)
    resolved = [r[0] for r in reader.execute(
        "SELECT id FROM tickets WHERE state='resolved' LIMIT 3")]
    open_one = reader.execute("SELECT id FROM tickets WHERE state='in_progress' LIMIT 1"
                              ).fetchone()[0]
    clock.advance(timedelta(days=30))  # past every confirmation timeout
    flow = TicketFlow(demo_store, clock, first_id(demo_copy.database, "staff"))
    result = apply_to_each(reader, [*resolved, open_one, "no-such-ticket"],
                           flow.close_unconfirmed)
    assert result.done == resolved
    assert [(tid, e.problem) for tid, e in result.refused] == [
        (open_one, Problem.ILLEGAL_TRANSITION), ("no-such-ticket", Problem.NOT_FOUND)]
    assert one(demo_copy.database, "SELECT state FROM tickets WHERE id=?", open_one) == \
        "in_progress"


def test_saved_filters_round_trip_and_tombstone(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock
) -> None:
    reader = read_connection(demo_copy.database)
    owner = first_id(demo_copy.database, "staff")
    filters = QueueFilter(levels=frozenset({Level.TWO, Level.THREE}), text="网络")
    filter_id = save_filter(demo_store, clock, owner, "一级网络", View.ALL, filters)
    [saved] = saved_filters(reader, owner)
    assert (saved.name, saved.view, saved.filters) == ("一级网络", View.ALL, filters)
    counted = QueueReader(reader, "zh_CN").count(saved.view, Seat(owner, None), saved.filters)
    assert counted > 0
    delete_filter(demo_store, clock, filter_id)
    assert saved_filters(reader, owner) == []
    assert one(demo_copy.database, "SELECT deleted FROM saved_filters WHERE id=?",
               filter_id) == "1"
    with pytest.raises(DeskError):
        save_filter(demo_store, clock, owner, "  ", View.ALL, filters)


@given(st.sampled_from(View), st.frozensets(st.sampled_from(TicketState)),
       st.frozensets(st.sampled_from(Level)), st.frozensets(st.sampled_from(Channel)),
       st.text(max_size=20), st.booleans())
def test_filter_json_round_trips(view: View, states: frozenset[TicketState],
                                 levels: frozenset[Level], channels: frozenset[Channel],
                                 text: str, dated: bool) -> None:
    filters = QueueFilter(states=states, levels=levels, channels=channels, text=text,
                          created_from=T0 if dated else None)
    assert filter_from_json(filter_to_json(view, filters)) == (view, filters)
