"""Issue 17: the requesters' comments classified into the questionnaire's reasons, on the
desk with planned confirmations and comments (tests/app/reports_desk.py)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.domain.enums import Channel
from app.domain.questionnaire import REASONS
from app.mail.answers import _comment
from app.paths import DataDir
from app.reports.period import Filters, Period
from app.reports.satisfaction_reasons import classify, reason_ticket_ids, reasons
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.reports_desk import COMMENTS, START, plan, written

DECEMBER = Period.month(2026, 12)
LATER = START + timedelta(days=20)
EXPECTED = dict(COMMENTS)


@pytest.fixture
def known(demo_store: Store, demo_copy: DataDir) -> Iterator[tuple[sqlite3.Connection,
                                                                    dict[int, str]]]:
    yield from written(demo_store, demo_copy)


def test_the_counts_per_reason_match_the_planned_comments(known) -> None:
    conn, ids = known
    rated = [p for p in plan() if p.score is not None]
    expected = Counter(EXPECTED[p.comment] for p in rated if EXPECTED[p.comment])
    figures = reasons(conn, DECEMBER, LATER)
    assert list(figures.counts) == list(REASONS)
    assert figures.counts == {code: expected.get(code, 0) for code in REASONS}
    assert figures.rated == len(rated)
    assert figures.commented == sum(1 for p in rated if p.comment) < len(rated)
    assert all(figures.counts[code] for code in ("fast", "slow", "attitude", "skill",
                                                 "unclear", "other"))
    for code in REASONS:
        assert reason_ticket_ids(conn, DECEMBER, LATER, code) == [
            ids[p.index] for p in rated if EXPECTED[p.comment] == code]
    # Filters narrow it like the other figures: phone tickets are the even ones.
    phone = reasons(conn, DECEMBER, LATER, Filters(channels=(str(Channel.PHONE),)))
    assert phone.counts["slow"] == sum(1 for p in rated if p.channel is Channel.PHONE
                                       and EXPECTED[p.comment] == "slow")
    # Another month holds none of them.
    assert reasons(conn, Period.month(2026, 10), LATER).commented == 0


@pytest.mark.parametrize("code", list(REASONS))
def test_the_questionnaires_pick_decides(code: str) -> None:
    # Whatever the requester adds: "slow" keywords under a "kind" pick stay "kind".
    assert classify(_comment({"score": 3, "reason": code, "comment": "等了很久"})) == code


@pytest.mark.parametrize(("comment", "reason"), [
    ("处理得太慢了", "slow"), ("等了两天才有人来", "slow"), ("It was too slow", "slow"),
    ("态度很好", "attitude"), ("非常耐心", "attitude"), ("very kind engineer", "attitude"),
    ("很专业", "skill"), ("great skill", "skill"),
    ("处理很及时", "fast"), ("很快就好了", "fast"), ("quick response", "fast"),
    ("解释得不清楚", "unclear"), ("听不懂他说什么", "unclear"),
    ("the answer was unclear", "unclear"),
    ("问卷评分 4/5", "other"), ("好", "other"), ("   ", None), ("", None),
])
def test_keywords_classify_a_free_comment(comment: str, reason: str | None) -> None:
    assert classify(comment) == reason


def test_facts_kept_before_the_reasons_are_rebuilt_with_them(known, demo_copy: DataDir
                                                             ) -> None:
    conn, _ids = known
    counted = reasons(conn, DECEMBER, LATER)
    conn.execute("ALTER TABLE rep.ticket_facts DROP COLUMN reason")  # an older file
    conn.commit()
    again = read_connection(demo_copy.database)
    try:
        assert reasons(again, DECEMBER, LATER) == counted
    finally:
        again.close()
