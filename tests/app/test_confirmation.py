"""The end of the closed loop as it really happened: how the satisfaction rating was
collected, and the scheduled close of resolutions the requester never confirmed."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel, SatisfactionMethod
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.services.unconfirmed import close_unconfirmed_due, unconfirmed_due
from app.store.database import Store
from app.store.reading import read_connection
from app.store.ticket_detail import ticket_detail, timeline
from tests.app.helpers import first_id

TIMEOUT = timedelta(hours=72)


@pytest.fixture
def seat(demo_copy: DataDir) -> str:
    return first_id(demo_copy.database, "staff")


@pytest.fixture
def reader(demo_copy: DataDir) -> sqlite3.Connection:
    """The demo's own resolutions are set aside: only the test's tickets come due."""
    with sqlite3.connect(demo_copy.database) as conn:
        conn.execute("UPDATE tickets SET state = 'closed' WHERE state = 'resolved'")
    return read_connection(demo_copy.database)


def log(store: Store, data: DataDir, clock: ManualClock, seat: str, title: str) -> str:
    db = data.database
    draft = TicketDraft(title, "数据库服务器挂载的存储卷变为只读。", first_id(db, "requesters"),
                        Channel.PHONE, first_id(db, "ticket_types"), first_id(db, "categories"))
    return Intake(store, clock, GradingWeights(), seat).log(draft).id


def resolved(store: Store, data: DataDir, clock: ManualClock, seat: str,
             title: str = "存储卷只读") -> tuple[str, int]:
    flow = TicketFlow(store, clock, seat, TIMEOUT)
    ticket = log(store, data, clock, seat, title)
    return ticket, flow.resolve(ticket, flow.take(ticket, 1), solution="更换故障盘后重新挂载")


def test_the_rating_keeps_how_it_was_collected(demo_store: Store, demo_copy: DataDir,
                                               clock: ManualClock, seat: str,
                                               reader: sqlite3.Connection) -> None:
    flow = TicketFlow(demo_store, clock, seat, TIMEOUT)
    ticket, version = resolved(demo_store, demo_copy, clock, seat)
    version = flow.confirm(ticket, version, score=4, method=SatisfactionMethod.QUESTIONNAIRE,
                           comment="问卷回收")
    detail = ticket_detail(reader, ticket, "en")
    assert detail is not None
    assert (detail.satisfaction, detail.satisfaction_method) == (4, "questionnaire")
    (rating,) = [e for e in timeline(reader, ticket) if e.kind == "satisfaction"]
    assert rating.data["collected_by"] == "questionnaire" and rating.body == "问卷回收"
    # Reopened, the rating no longer stands, nor how it was taken.
    flow.reopen(ticket, version, "问题复现")
    detail = ticket_detail(reader, ticket, "en")
    assert detail is not None and (detail.satisfaction, detail.satisfaction_method) == (None, "")


def test_a_method_the_desk_does_not_know_is_refused(demo_store: Store, demo_copy: DataDir,
                                                   clock: ManualClock, seat: str) -> None:
    ticket, version = resolved(demo_store, demo_copy, clock, seat)
    with pytest.raises(ValueError, match="carrier_pigeon"):
        TicketFlow(demo_store, clock, seat).confirm(ticket, version, score=5,
                                                    method="carrier_pigeon")


def test_the_scheduled_close_follows_the_clock_and_the_timeout(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str,
        reader: sqlite3.Connection) -> None:
    early, _v = resolved(demo_store, demo_copy, clock, seat, "早的")
    clock.advance(timedelta(hours=10))
    late, _v = resolved(demo_store, demo_copy, clock, seat, "晚的")
    confirmed, version = resolved(demo_store, demo_copy, clock, seat, "确认的")
    TicketFlow(demo_store, clock, seat).confirm(confirmed, version, score=5,
                                               method=SatisfactionMethod.CALL_BACK)

    clock.advance(timedelta(hours=61, minutes=59))  # 71:59 after the early one
    assert close_unconfirmed_due(demo_store, reader, clock, TIMEOUT) == []
    clock.advance(timedelta(minutes=1))
    assert close_unconfirmed_due(demo_store, reader, clock, TIMEOUT) == [early]
    assert close_unconfirmed_due(demo_store, reader, clock, TIMEOUT) == []  # once
    # A shorter timeout (the administrator changed it) closes the later one too.
    assert close_unconfirmed_due(demo_store, reader, clock, timedelta(hours=24)) == [late]

    for ticket in (early, late):
        detail = ticket_detail(reader, ticket, "en")
        assert detail is not None and detail.state == "closed" and detail.closed_unconfirmed
        entry = timeline(reader, ticket)[-1]
        # By the system (no seat), saying why.
        assert (entry.kind, entry.actor) == ("state_changed", "")
        assert entry.data["unconfirmed"] is True and entry.data["to"] == "closed"
    assert timeline(reader, early)[-1].data["timeout_hours"] == 72
    assert timeline(reader, late)[-1].data["timeout_hours"] == 24
    row = reader.execute("SELECT actor_id, data FROM ticket_events WHERE ticket_id = ? "
                         "ORDER BY at DESC, rowid DESC LIMIT 1", (early,)).fetchone()
    assert row[0] is None and json.loads(row[1])["from"] == "resolved"
    detail = ticket_detail(reader, confirmed, "en")
    assert detail is not None and not detail.closed_unconfirmed


def test_a_ticket_changed_meanwhile_is_left_for_the_next_pass(
        demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str,
        reader: sqlite3.Connection) -> None:
    ticket, version = resolved(demo_store, demo_copy, clock, seat)
    clock.advance(TIMEOUT + timedelta(minutes=1))
    due = unconfirmed_due(reader, clock, TIMEOUT)
    assert due == [(ticket, version)]
    # The requester answers while the pass is on its way: the pass does not overwrite it.
    TicketFlow(demo_store, clock, seat).confirm(ticket, version, score=3,
                                               method=SatisfactionMethod.CALL_BACK)
    assert close_unconfirmed_due(demo_store, reader, clock, TIMEOUT) == []
    detail = ticket_detail(reader, ticket, "en")
    assert detail is not None and detail.satisfaction == 3 and not detail.closed_unconfirmed
