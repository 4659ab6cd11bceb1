"""Response-time analysis, seats, channels and satisfaction on the desk with planned times."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.paths import DataDir
from app.reports.analysis import response_analysis
from app.reports.people import channels, satisfaction, satisfaction_ticket_ids, seats
from app.reports.period import Filters, Period, Span
from app.reports.targets import Dimension
from app.sla.policy import TargetKind
from app.store.database import Store
from tests.app.helpers import first_id
from tests.app.reports_desk import OPEN_FROM, START, TICKETS, plan, written

DECEMBER = Period.month(2026, 12)
LATER = START + timedelta(days=20)


@pytest.fixture
def known(demo_store: Store, demo_copy: DataDir) -> Iterator[tuple[sqlite3.Connection,
                                                                    dict[int, str]]]:
    yield from written(demo_store, demo_copy)


def test_heat_map_and_trend(known) -> None:
    conn, _ids = known
    analysis = response_analysis(conn, DECEMBER, LATER)
    expected: dict[tuple[int, int], list[int]] = {}
    for p in plan():
        local = p.created + timedelta(hours=8)
        expected.setdefault((local.weekday(), local.hour), []).append(p.first_response_s)
    assert {k: c.count for k, c in analysis.heat.items()} == {k: len(v) for k, v in
                                                                expected.items()}
    for key, times in expected.items():
        assert analysis.heat[key].mean_s == pytest.approx(sum(times) / len(times))
        assert analysis.heat[key].met == sum(t <= 60 for t in times)
    first = next(t for t in analysis.trend if t.kind is TargetKind.FIRST_RESPONSE)
    assert first.current is not None and first.current.met == 6
    assert set(analysis.breakdowns[Dimension.CHANNEL]) == {"phone", "chat"}
    assert DECEMBER.previous() == Period.month(2026, 11)
    week = Period.of(Span.WEEK, DECEMBER.first)
    assert week.previous().last == week.first - timedelta(days=1)


def test_seats_channels_and_satisfaction(known, demo_copy: DataDir) -> None:
    conn, ids = known
    planned = plan()
    seat = first_id(demo_copy.database, "staff")
    mine = next(s for s in seats(conn, DECEMBER, LATER) if s.key == seat)
    assert mine.taken == TICKETS and mine.resolved == OPEN_FROM and mine.reopened == 0
    rated = [p.score for p in planned if p.score is not None]
    assert mine.rated == len(rated)
    assert mine.satisfaction == pytest.approx(sum(rated) / len(rated))
    assert mine.targets[TargetKind.FIRST_RESPONSE].met == 6
    by_channel = {c.channel: c for c in channels(conn, DECEMBER, LATER)}
    assert by_channel["chat"].volume == by_channel["phone"].volume == TICKETS // 2
    chat_fr = by_channel["chat"].first_response
    assert chat_fr is not None
    assert chat_fr.met == sum(p.first_response_s <= 60 for p in planned if p.channel == "chat")
    sat = satisfaction(conn, DECEMBER, LATER)
    assert sat.rated == len(rated)
    for score in range(1, 6):
        assert sat.scores.get(score, 0) == rated.count(score)
    assert sum(sat.by_method.get("call_back", {}).values()) == sum(
        1 for p in planned if p.method == "call_back")
    assert sat.closed == len(rated) and sat.unconfirmed == 0
    assert satisfaction_ticket_ids(conn, DECEMBER, LATER, score=5) == [
        ids[p.index] for p in planned if p.score == 5]


def test_reviews_sent_back_count_per_seat_and_list_their_tickets(
        known, demo_copy: DataDir) -> None:
    """Issue 17's seat figures: the level-3 reviews (issue 16) that sent a result back."""
    from app.reports.people import sent_back_ticket_ids

    conn, ids = known
    seat = first_id(demo_copy.database, "staff")
    first, second = ids[0], ids[1]
    with sqlite3.connect(demo_copy.database) as writer:
        for n, (ticket, approved) in enumerate(((first, 0), (first, 0), (second, 1))):
            writer.execute(
                "INSERT INTO process_reviews (id, ticket_id, reviewer_id, at, approved, "
                "findings) VALUES (?, ?, ?, ?, ?, ?)",
                (f"01900000-0000-7000-8000-{n:012d}", ticket, seat,
                 "2026-12-20 08:00:00.000000", approved, "" if approved else "no root cause"))
    writer.close()
    mine = next(s for s in seats(conn, DECEMBER, LATER) if s.key == seat)
    assert mine.sent_back == 2  # two reviews sent it back; the approval is not counted
    assert sent_back_ticket_ids(conn, DECEMBER, Filters(), Dimension.SEAT, seat) == [first]
    teams = seats(conn, DECEMBER, LATER, by=Dimension.TEAM)
    assert sum(t.sent_back for t in teams) == 2
