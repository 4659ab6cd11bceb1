"""A desk whose report figures are known in advance: tickets written through the services
with chosen response and resolution times on a manual clock (tests/app/test_reports*.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.domain.clock import ManualClock
from app.domain.enums import Channel, SatisfactionMethod
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id, one

# 2026-12-01 00:00 in Beijing: after every demo ticket, so December holds only these.
START = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
TICKETS = 120
OPEN_FROM = 100  # tickets from this one on are left unresolved (their resolution breaches)
# The confirmations' comments, in turn, and the reason each is classified as (None: no
# comment, not counted): the questionnaire's pick first, then keywords, else "other".
COMMENTS: tuple[tuple[str, str | None], ...] = (
    ("", None),
    ("问卷评分 5/5；原因：处理及时。谢谢", "fast"),
    ("问卷评分 2/5；原因：处理太慢。不过工程师态度还行", "slow"),
    ("工程师很有耐心", "attitude"),
    ("Too slow, I waited all morning", "slow"),
    ("非常专业，一次就修好了", "skill"),
    ("Quick fix, thanks", "fast"),
    ("说的术语我听不懂", "unclear"),
    ("没什么", "other"),
    ("问卷评分 3/5；原因：其他", "other"),
    ("响应不及时", "slow"),
)


@dataclass(frozen=True)
class Planned:
    """One ticket as written: its times in seconds from creation."""

    index: int
    channel: Channel
    created: datetime
    first_response_s: int
    resolved_s: int | None
    score: int | None
    method: str
    comment: str = ""  # the requester's, with the confirmation (issue 17's reasons)


def plan() -> list[Planned]:
    planned = []
    moment = START
    for i in range(TICKETS):
        response = 10 * (i + 1)  # 10 s .. 20 min: met up to 60 s
        resolved = None if i >= OPEN_FROM else response + (10 + 20 * (i % 4)) * 60
        score = None if resolved is None or i % 3 == 0 else 1 + i % 5
        method = ("" if score is None else
                  SatisfactionMethod.CALL_BACK if i % 2 else SatisfactionMethod.QUESTIONNAIRE)
        comment = "" if score is None else COMMENTS[i % len(COMMENTS)][0]
        planned.append(Planned(i, Channel.CHAT if i % 2 else Channel.PHONE, moment, response,
                               resolved, score, str(method), comment))
        moment += timedelta(minutes=97)  # spreads them over hours and weekdays
    return planned


def write(store: Store, data: DataDir, clock: ManualClock) -> dict[int, str]:
    """Write the planned tickets; returns their ids by index."""
    db = data.database
    seat = first_id(db, "staff")
    fault = one(db, "SELECT id FROM ticket_types WHERE code = 'fault'")
    category = first_id(db, "categories")
    requester = first_id(db, "requesters")
    intake = Intake(store, clock, GradingWeights(), seat)
    flow = TicketFlow(store, clock, seat, timedelta(hours=72))
    ids = {}
    for p in plan():
        clock.set(p.created)
        logged = intake.log(TicketDraft(f"报表测试 {p.index}", "已知响应时间的工单", requester,
                                        p.channel, fault, category))
        ids[p.index] = logged.id
        clock.set(p.created + timedelta(seconds=p.first_response_s))
        version = flow.first_response(logged.id, flow.take(logged.id, 1))
        if p.resolved_s is None:
            continue
        clock.set(p.created + timedelta(seconds=p.resolved_s))
        version = flow.resolve(logged.id, version, solution="已处理")
        if p.score is not None:
            clock.advance(timedelta(minutes=1))
            flow.confirm(logged.id, version, score=p.score, method=p.method,
                         comment=p.comment)
    return ids


def levels(data: DataDir, ids: dict[int, str]) -> set[int]:
    with sqlite3.connect(data.database) as conn:
        marks = ",".join("?" * len(ids))
        return {row[0] for row in conn.execute(
            f"SELECT DISTINCT level FROM tickets WHERE id IN ({marks})", list(ids.values()))}


def written(store: Store, data: DataDir) -> Iterator[tuple[sqlite3.Connection, dict[int, str]]]:
    """The planned desk and a reading connection to it (a fixture's body: yield from it)."""
    ids = write(store, data, ManualClock(START))
    conn = read_connection(data.database)
    yield conn, ids
    conn.close()
