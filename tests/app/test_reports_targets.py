"""Target figures on a desk whose times are known in advance (tests/app/reports_desk.py):
every count, share and percentile, the breakdowns, the drill-down, and agreement with
each ticket's SLA panel."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.reports import facts, reading
from app.reports.period import Filters, Period
from app.reports.targets import (
    BIN_EDGES,
    EMPTY,
    Dimension,
    Outcome,
    Outcomes,
    base_sql,
    breakdowns,
    dimension_sql,
    distribution,
    outcome_sql,
    outcomes,
    percentile,
    target_figures,
    ticket_ids,
    today_by_channel,
    totals,
)
from app.sla.clock import ClockState
from app.sla.policy import TargetKind
from app.sla.reading import ticket_clocks
from app.sla.running import to_ms
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.reports_desk import OPEN_FROM, START, TICKETS, levels, plan, write

DECEMBER = Period.month(2026, 12)
LATER = START + timedelta(days=20)  # every planned ticket is done or breached by then
K = TargetKind


@pytest.fixture
def known(demo_store: Store, demo_copy: DataDir) -> Iterator[tuple[sqlite3.Connection,
                                                                    dict[int, str]]]:
    clock = ManualClock(START)
    ids = write(demo_store, demo_copy, clock)
    assert levels(demo_copy, ids) == {3}  # so the budgets are 1 min / 60 min / 15 min
    conn = read_connection(demo_copy.database)
    yield conn, ids
    conn.close()


def test_shares_counts_and_percentiles_match_the_planned_times(known) -> None:
    conn, _ids = known
    figures = totals(conn, DECEMBER, LATER)
    planned = plan()
    first = figures[K.FIRST_RESPONSE]
    fr_times = sorted(float(p.first_response_s) for p in planned)
    assert first.met == sum(p.first_response_s <= 60 for p in planned) == 6
    assert first.missed == TICKETS - 6 and first.breached == first.running == 0
    assert first.share_met == pytest.approx(6 / TICKETS)
    assert (first.times.count, first.times.p50, first.times.p90, first.times.p95) == (
        TICKETS, percentile(fr_times, .5), percentile(fr_times, .9), percentile(fr_times, .95))
    assert first.times.p50 == 600.0 and first.times.p95 == 1140.0
    assert sum(first.times.bins) == TICKETS
    assert first.times.bins[0] == 2  # 10 s and 20 s are under 30 s
    resolution = figures[K.RESOLUTION]
    done = [p for p in planned if p.resolved_s is not None]
    assert resolution.met == sum(p.resolved_s <= 3600 for p in done if p.resolved_s)
    assert resolution.missed == sum(p.resolved_s > 3600 for p in done if p.resolved_s)
    assert resolution.breached == TICKETS - OPEN_FROM and resolution.running == 0
    res_times = sorted(float(p.resolved_s) for p in done if p.resolved_s)
    assert resolution.times.p90 == percentile(res_times, .9)
    assert resolution.times.mean == pytest.approx(sum(res_times) / len(res_times))
    pickup = figures[K.PICKUP]
    assert pickup.met == sum(p.first_response_s <= 900 for p in planned)
    assert K.UPDATE not in figures  # level 3 has no update cadence


def test_breakdowns_by_channel_hour_and_filters(known) -> None:
    conn, _ids = known
    planned = plan()
    by_channel = target_figures(conn, DECEMBER, LATER, by=Dimension.CHANNEL)
    for channel in ("phone", "chat"):
        mine = [p for p in planned if p.channel == channel]
        got = by_channel[channel][K.FIRST_RESPONSE]
        assert got.met + got.missed == len(mine)
        assert got.met == sum(p.first_response_s <= 60 for p in mine)
    chat_only = totals(conn, DECEMBER, LATER, Filters(channels=("chat",)))
    assert chat_only[K.FIRST_RESPONSE].met == by_channel["chat"][K.FIRST_RESPONSE].met
    by_hour = target_figures(conn, DECEMBER, LATER, by=Dimension.HOUR,
                             kinds=(K.FIRST_RESPONSE,))
    expected: dict[int, int] = {}
    for p in planned:
        hour = (p.created + timedelta(hours=8)).hour
        expected[hour] = expected.get(hour, 0) + 1
    assert {h: f[K.FIRST_RESPONSE].times.count for h, f in by_hour.items()} == expected
    assert totals(conn, DECEMBER, LATER, Filters(levels=(1,))) == {}


def test_every_figure_opens_down_to_its_tickets(known) -> None:
    conn, ids = known
    planned = plan()
    met = ticket_ids(conn, DECEMBER, LATER, K.FIRST_RESPONSE, (Outcome.MET,))
    assert met == [ids[p.index] for p in planned if p.first_response_s <= 60]
    breached = ticket_ids(conn, DECEMBER, LATER, K.RESOLUTION, (Outcome.BREACHED,))
    assert breached == [ids[i] for i in range(OPEN_FROM, TICKETS)]
    chat_missed = ticket_ids(conn, DECEMBER, LATER, K.FIRST_RESPONSE, (Outcome.MISSED,),
                             by=Dimension.CHANNEL, key="chat")
    assert chat_missed == [ids[p.index] for p in planned
                           if p.channel == "chat" and p.first_response_s > 60]


def test_a_report_never_disagrees_with_the_ticket_panel(known) -> None:
    conn, ids = known
    totals(conn, DECEMBER, LATER)
    outcome_of = {ClockState.MET: Outcome.MET, ClockState.MISSED: Outcome.MISSED,
                  ClockState.BREACHED: Outcome.BREACHED}
    for index in (0, 5, 6, 57, 99, OPEN_FROM, TICKETS - 1):
        for clock in ticket_clocks(conn, ids[index], LATER):
            expected = outcome_of.get(clock.state, Outcome.RUNNING)
            behind = ticket_ids(conn, DECEMBER, LATER, clock.kind, (expected,))
            assert ids[index] in behind, (index, clock.kind, clock.state)
            if clock.stopped_at is not None:
                row = conn.execute("SELECT elapsed_s FROM rep.target_facts WHERE ticket_id = ? "
                                   "AND kind = ?", (ids[index], str(clock.kind))).fetchone()
                assert row[0] == clock.elapsed.total_seconds()


def test_facts_follow_new_events_and_a_running_target_breaches_with_time(
        demo_store: Store, demo_copy: DataDir) -> None:
    clock = ManualClock(START)
    conn = read_connection(demo_copy.database)
    facts.refresh(conn, START)
    assert facts.refresh(conn, START) == 0  # nothing new: nothing recomputed
    from tests.app.reports_desk import write as write_all
    ids = write_all(demo_store, demo_copy, clock)
    assert facts.refresh(conn, clock.now()) == len(ids)
    open_one = ids[TICKETS - 1]
    created = plan()[-1].created
    early = created + timedelta(minutes=30)
    assert open_one in ticket_ids(conn, DECEMBER, early, K.RESOLUTION, (Outcome.RUNNING,))
    assert open_one in ticket_ids(conn, DECEMBER, created + timedelta(minutes=61),
                                  K.RESOLUTION, (Outcome.BREACHED,))
    conn.close()


def test_today_by_channel_for_the_wallboard(known) -> None:
    conn, ids = known
    last = plan()[-1]
    clock = ManualClock(last.created + timedelta(hours=2))
    today = today_by_channel(conn, clock, "Asia/Shanghai")
    day = (clock.now() + timedelta(hours=8)).date()
    mine = [p for p in plan() if (p.created + timedelta(hours=8)).date() == day]
    assert sum(c.first_response.times.count for c in today.values()
               if c.first_response) == len(mine)
    assert set(today) <= {"phone", "chat"}
    assert BIN_EDGES[0] == 30


def test_a_new_policy_version_recomputes_every_ticket(known) -> None:
    conn, ids = known
    totals(conn, DECEMBER, LATER)
    assert facts.refresh(conn, LATER) == 0
    from app.sla.policy import DEFAULT_POLICY, Policy, Rule
    # Two minutes for a first response, valid from before December: six more are met.
    looser = Policy(2, (*DEFAULT_POLICY.rules, Rule(K.FIRST_RESPONSE, 2, channel="phone"),
                        Rule(K.FIRST_RESPONSE, 2, channel="chat")))
    with sqlite3.connect(facts.facts_file(conn).with_name("seatdesk.sqlite3")) as writer:
        writer.execute("INSERT INTO sla_policies (version, valid_from, body) VALUES (?, ?, ?)",
                       (2, "2026-11-01 00:00:00.000000", looser.to_json()))
    assert facts.refresh(conn, LATER) > len(ids)  # every ticket, not only the changed ones
    first = totals(conn, DECEMBER, LATER)[K.FIRST_RESPONSE]
    assert first.met == sum(p.first_response_s <= 120 for p in plan()) == 12


@pytest.mark.parametrize("packed_below", [None, 64])
def test_every_breakdown_matches_a_row_by_row_count_of_the_facts(
        demo_copy: DataDir, monkeypatch: pytest.MonkeyPatch, packed_below: int | None) -> None:
    """The column-wise tally (app/reports/tally.py) against the plainest reading of the
    facts: one row at a time, grouped in a dict, on the demo desk's many seats, teams,
    categories and levels (and a filter), with running targets breached and not. With a
    small limit on the packed integers (app/reports/reading.py), every dimension's numbers
    travel in an integer of their own."""
    if packed_below is not None:
        monkeypatch.setattr(reading, "_LIMIT", packed_below)
    conn = read_connection(demo_copy.database)
    newest = conn.execute("SELECT max(created_at) FROM tickets").fetchone()[0]
    now = datetime.fromisoformat(newest).replace(tzinfo=UTC) - timedelta(hours=2)
    oldest = conn.execute("SELECT min(created_at) FROM tickets").fetchone()[0]
    period = Period(datetime.fromisoformat(oldest).date(), now.date() + timedelta(days=1))
    dims = (None, *Dimension)
    for filters in (Filters(), Filters(levels=(2, 3), channels=("phone", "email"))):
        found = breakdowns(conn, period, now, filters, dims)
        base, params = base_sql(period, filters)
        for by in dims:
            column = dimension_sql(by, period) if by is not None else "NULL"
            expected: dict[object, dict[TargetKind, list[object]]] = {}
            for kind, outcome, elapsed, key in conn.execute(
                    f"SELECT f.kind, {outcome_sql(to_ms(now) or 0)}, f.elapsed_s, {column} "
                    f"{base} ORDER BY f.elapsed_s", params):
                cell = expected.setdefault(key, {}).setdefault(TargetKind(kind), [0] * 4 + [[]])
                cell[list(Outcome).index(Outcome(outcome))] += 1  # type: ignore[operator]
                if elapsed is not None:
                    cell[4].append(elapsed)  # type: ignore[union-attr]
            assert set(found[by]) == set(expected), by
            for key, kinds in expected.items():
                assert list(found[by][key]) == sorted(kinds, key=list(TargetKind).index)
                for kind, (met, missed, breached, running, times) in kinds.items():
                    figures = found[by][key][kind]
                    assert (figures.met, figures.missed, figures.breached, figures.running) == (
                        met, missed, breached, running), (by, key, kind)
                    assert figures.times == (distribution(times) if times else EMPTY)
        # The trend's counts alone (SQL) are the same outcomes.
        assert outcomes(conn, period, now, filters) == {
            kind: Outcomes(kind, f.met, f.missed, f.breached, f.running)
            for kind, f in found[None][None].items()}
        assert found[Dimension.SEAT] and len(found[Dimension.CATEGORY]) > 3
        assert any(f.breached and f.running for kinds in found[None].values()
                   for f in kinds.values())
    conn.close()
