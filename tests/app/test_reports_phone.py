"""The phone figures of the reports on a desk whose calls are known in advance
(tests/app/phone_desk.py): the share answered within 3 rings, per seat and per day, the
rings and seconds of the answers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.reports.period import Filters, Period
from app.reports.phone import phone_report
from app.sla.admin import save_policy
from app.sla.policy import DEFAULT_POLICY, Policy, Rule, TargetKind
from app.store.database import Store
from tests.app.phone_desk import START, write_calls

DECEMBER = Period.month(2026, 12)


@pytest.fixture
def calls_desk(demo_store: Store, demo_copy: DataDir) -> Iterator[tuple[sqlite3.Connection,
                                                                        tuple[str, str]]]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        first, second = (row[0] for row in conn.execute(
            "SELECT id FROM staff ORDER BY id LIMIT 2"))
        write_calls(demo_store, (first, second))
        yield conn, (first, second)


def test_the_share_within_3_rings_and_how_the_calls_ended(calls_desk) -> None:
    conn, _seats = calls_desk
    report = phone_report(conn, DECEMBER, START + timedelta(days=3))
    total = report.totals
    assert report.limit == 3
    assert (total.calls, total.judged, total.answered, total.within, total.late,
            total.missed, total.abandoned) == (30, 30, 24, 18, 6, 3, 3)
    assert total.share_within == pytest.approx(0.6)
    assert total.rings == (6, 6, 6, 3, 3, 0)
    seconds = total.seconds
    assert (seconds.count, seconds.p50, seconds.p90, seconds.mean) == (24, 7, 22, 10.125)


def test_per_seat_and_per_day(calls_desk) -> None:
    conn, (first, second) = calls_desk
    report = phone_report(conn, DECEMBER, START + timedelta(days=3))
    a, b = report.by_seat[first], report.by_seat[second]
    assert (a.calls, a.within, a.late, a.missed, a.abandoned) == (12, 8, 2, 1, 1)
    assert (b.calls, b.within, b.late, b.missed, b.abandoned) == (18, 10, 4, 2, 2)
    assert a.share_within == pytest.approx(8 / 12)
    one, two = report.by_day[date(2026, 12, 1)], report.by_day[date(2026, 12, 2)]
    assert (one.calls, one.within, two.calls, two.within) == (24, 15, 6, 3)
    # A seat's filter keeps that seat's calls; a channel filter without the phone, none.
    mine = phone_report(conn, DECEMBER, START, Filters(seat_ids=(first,))).totals
    assert (mine.calls, mine.within) == (12, 8)
    # A team's filter keeps the calls its seats took.
    [team] = conn.execute("SELECT team_id FROM staff WHERE id = ?", (first,)).fetchone()
    both = conn.execute("SELECT count(*) FROM staff WHERE id IN (?, ?) AND team_id = ?",
                        (first, second, team)).fetchone()[0]
    theirs = phone_report(conn, DECEMBER, START, Filters(team_ids=(team,))).totals
    assert theirs.calls == (30 if both == 2 else 12)
    assert phone_report(conn, DECEMBER, START, Filters(team_ids=("no-such-team",))
                        ).totals.calls == 0
    assert phone_report(conn, DECEMBER, START, Filters(channels=("email",))).totals.calls == 0
    assert phone_report(conn, Period.month(2026, 11), START).totals.calls == 0


def test_each_call_is_judged_by_the_version_in_force_when_it_rang(calls_desk,
                                                                  demo_store: Store) -> None:
    """A 2-ring version saved at noon of 1 December (Beijing): calls 12-29 rang under it."""
    conn, _seats = calls_desk
    rules = tuple(r for r in DEFAULT_POLICY.rules if r.kind is not TargetKind.ANSWER)
    save_policy(demo_store, ManualClock(START + timedelta(hours=12)), None,
                Policy(0, (*rules, Rule(TargetKind.ANSWER, 2, channel="phone"))), [])
    report = phone_report(conn, DECEMBER, START + timedelta(days=3))
    assert (report.totals.within, report.totals.late, report.limit) == (14, 10, 2)


def test_answered_calls_logged_as_tickets(calls_desk, demo_store: Store,
                                          demo_copy: DataDir) -> None:
    """Tickets logged with F8 name their call: two answered calls of the first seat get
    one each; a ticket naming a missed call, or a phone ticket naming none, counts not."""
    from app.domain.enums import Channel
    from app.domain.grading import GradingWeights
    from app.services.intake import Intake, TicketDraft
    from tests.app.helpers import first_id

    conn, (first, _second) = calls_desk
    db = demo_copy.database
    draft = TicketDraft("来电", "电话登记", first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types"), first_id(db, "categories"))
    clock = ManualClock(START + timedelta(days=2))
    intake = Intake(demo_store, clock, GradingWeights(), first)
    for call in (0, 1, 9):  # 9 was missed
        intake.log(draft, received_at=START + timedelta(hours=call), call_id=f"pbx-{call}")
    intake.log(draft, received_at=START + timedelta(hours=2))
    report = phone_report(conn, DECEMBER, START + timedelta(days=3))
    assert report.totals.logged == 2
    assert (report.by_seat[first].logged, report.by_day[date(2026, 12, 1)].logged) == (2, 2)
    assert phone_report(conn, Period.month(2026, 11), START).totals.logged == 0
