"""Issue 16: causes of missed targets on the timeline, refused when incomplete, counted for
the reports (the newest cause of a target counts)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.sla.causes import Miss, MissedCause, cause_counts, record_cause
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id


def test_causes_are_recorded_refused_and_counted(demo_store: Store, demo_copy: DataDir,
                                                 clock: ManualClock) -> None:
    db = demo_copy.database
    ticket, other = [first_id(db, "tickets", f"number LIKE '%{n}'") for n in ("1", "2")]
    seat = first_id(db, "staff")
    reader = read_connection(db)
    before = reader.execute("SELECT count(*) FROM ticket_events").fetchone()[0]
    with pytest.raises(DeskError) as refused:
        record_cause(demo_store, clock, seat, ticket, Miss("resolution", 0, None),
                     MissedCause.OTHER, "  ")
    assert refused.value.problem is Problem.REASON_MISSING
    with pytest.raises(DeskError) as gone:
        record_cause(demo_store, clock, seat, "no-such-ticket", Miss("resolution", 0, None),
                     MissedCause.STAFFING)
    assert gone.value.problem is Problem.NOT_FOUND
    with pytest.raises(ValueError):
        record_cause(demo_store, clock, seat, ticket, Miss("resolution", 0, None), "bad luck")
    assert reader.execute("SELECT count(*) FROM ticket_events").fetchone()[0] == before
    start = clock.now()
    record_cause(demo_store, clock, seat, ticket, Miss("resolution", 0, None),
                 MissedCause.STAFFING)
    clock.advance(timedelta(minutes=5))  # corrected: the newest counts
    record_cause(demo_store, clock, seat, ticket, Miss("resolution", 0, None),
                 MissedCause.WAITING_ON_VENDOR, "备件未到")
    record_cause(demo_store, clock, seat, other, Miss("resolution", 0, None),
                 MissedCause.WAITING_ON_VENDOR)
    record_cause(demo_store, clock, seat, other, Miss("analysis", 0, None),
                 MissedCause.STAFFING)
    counts = cause_counts(reader, start, clock.now() + timedelta(seconds=1))
    assert counts == {"resolution": {"waiting_on_vendor": 2}, "analysis": {"staffing": 1}}
    assert cause_counts(reader, clock.now() + timedelta(hours=1),
                        clock.now() + timedelta(hours=2)) == {}
