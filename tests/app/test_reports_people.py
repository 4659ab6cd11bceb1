"""Response-time analysis, seats, channels and satisfaction on the desk with planned times."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.paths import DataDir
from app.reports import facts
from app.reports.analysis import response_analysis
from app.reports.people import channels, satisfaction, satisfaction_ticket_ids, seats
from app.reports.period import Filters, Period, Span
from app.reports.satisfaction_reasons import reasons
from app.reports.targets import Dimension
from app.reports.ticket_rows import ticket_rows
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


def test_per_ticket_sections_match_a_row_by_row_count(known) -> None:
    """Seats, teams, channels, satisfaction and reasons, added up from one statement's
    combinations (app/reports/ticket_rows.py), against the facts counted one ticket at a
    time on the demo desk with the planned tickets (many seats and teams; scores, methods
    and comments; a filter too)."""
    conn, _ids = known
    newest = conn.execute("SELECT max(created_at) FROM tickets").fetchone()[0]
    now = max(datetime.fromisoformat(newest).replace(tzinfo=UTC), LATER)
    oldest = conn.execute("SELECT min(created_at) FROM tickets").fetchone()[0]
    period = Period(datetime.fromisoformat(oldest).date(), now.date() + timedelta(days=1))
    facts.refresh(conn, now)
    for filters in (Filters(), Filters(levels=(2, 3), channels=("phone", "chat"))):
        rows = ticket_rows(conn, period, filters)
        where, params = filters.sql()
        tickets = conn.execute(
            "SELECT t.assignee_id, coalesce(t.team_id, ''), t.channel, t.state, t.reopened, "
            "t.satisfaction, t.satisfaction_method, t.closed_unconfirmed, t.reason "
            f"FROM rep.ticket_facts t WHERE t.created_ms >= ? AND t.created_ms < ?{where}",
            [*period.bounds_ms(), *params]).fetchall()
        for by, column in ((Dimension.SEAT, 0), (Dimension.TEAM, 1)):
            found = {s.key: s for s in seats(conn, period, now, filters, by, {}, rows)}
            held = [t for t in tickets if t[0] is not None]
            assert set(found) == {t[column] for t in held}
            for key, figures in found.items():
                mine = [t for t in held if t[column] == key]
                scores = [t[5] for t in mine if t[5] is not None]
                assert (figures.taken, figures.resolved, figures.reopened, figures.rated) == (
                    len(mine), sum(t[3] in ("resolved", "closed") for t in mine),
                    sum(t[4] for t in mine), len(scores))
                assert figures.satisfaction == (sum(scores) / len(scores) if scores else None)
        volumes = [(c.channel, c.volume, c.rated) for c in channels(conn, period, now, filters,
                                                                     {}, rows)]
        assert sorted(volumes) == sorted(
            (name, sum(t[2] == name for t in tickets),
             sum(t[2] == name and t[5] is not None for t in tickets))
            for name in {t[2] for t in tickets})
        assert [v for _c, v, _r in volumes] == sorted((v for _c, v, _r in volumes), reverse=True)
        sat = satisfaction(conn, period, now, filters, rows)
        rated = [t for t in tickets if t[5] is not None]
        assert sat.scores == {s: sum(t[5] == s for t in rated)
                              for s in sorted({t[5] for t in rated})}
        assert sat.by_method == {m: {s: sum(t[6] == m and t[5] == s for t in rated)
                                     for s in sorted({t[5] for t in rated if t[6] == m})}
                                 for m in sorted({t[6] for t in rated})}
        closed = [t for t in tickets if t[3] == "closed"]
        assert (sat.closed, sat.unconfirmed) == (len(closed), sum(t[7] for t in closed))
        why = reasons(conn, period, now, filters, rows)
        assert why.rated == len(rated) and (filters.levels or len(rated) > 5)
        assert why.counts == {code: sum(t[8] == code for t in rated) for code in why.counts}
