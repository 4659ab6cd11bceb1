from __future__ import annotations

import sqlite3

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel, Level, Rating
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.services.intake import Intake, RequesterDraft, TicketDraft, missing_fields
from app.store.database import Store
from tests.app.helpers import first_id, one


def intake(store: Store, clock: ManualClock, data: DataDir) -> Intake:
    return Intake(store, clock, GradingWeights(), first_id(data.database, "staff"))


def draft(data: DataDir, **changes: object) -> TicketDraft:
    base = dict(title="VPN 无法连接", description="用户反映早上 9 点起无法登录 VPN。",
                requester_id=first_id(data.database, "requesters"), channel=Channel.PHONE,
                type_id=first_id(data.database, "ticket_types"),
                category_id=first_id(data.database, "categories"))
    base.update(changes)
    return TicketDraft(**base)  # type: ignore[arg-type]


def test_a_logged_ticket_gets_the_next_number_and_a_timeline(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock
) -> None:
    logged = intake(demo_store, clock, demo_copy).log(
        draft(demo_copy, urgency=Rating.HIGH, impact=Rating.HIGH, importance=Rating.HIGH))
    assert logged.number == "SD-000601"
    assert logged.level == Level.ONE
    assert one(demo_copy.database, "SELECT state FROM tickets WHERE id=?", logged.id) == "new"
    assert one(demo_copy.database, "SELECT kind FROM ticket_events WHERE ticket_id=?",
               logged.id) == "created"
    again = intake(demo_store, clock, demo_copy).log(draft(demo_copy))
    assert again.number == "SD-000602"


def test_completeness_names_what_is_missing(demo_copy: DataDir) -> None:
    empty = TicketDraft("", "", None, Channel.PHONE, None, None)
    assert missing_fields(empty) == ["title", "description", "requester", "type", "category"]
    alert = TicketDraft("CPU 告警", "", None, Channel.MONITORING, "t", "c")
    assert missing_fields(alert) == ["description"]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [({"title": "  "}, Problem.TITLE_MISSING), ({"title": "x" * 201}, Problem.TITLE_TOO_LONG),
     ({"requester_id": None}, Problem.REQUESTER_MISSING),
     ({"category_id": None}, Problem.CATEGORY_MISSING),
     ({"description": "y" * 20_001}, Problem.TEXT_TOO_LONG),
     ({"level_override": Level.ONE, "override_reason": " "}, Problem.OVERRIDE_REASON_MISSING)],
)
def test_bad_drafts_are_refused_and_nothing_is_written(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, changes: dict[str, object],
    problem: Problem,
) -> None:
    with pytest.raises(DeskError) as raised:
        intake(demo_store, clock, demo_copy).log(draft(demo_copy, **changes))
    assert raised.value.problem == problem
    with sqlite3.connect(demo_copy.database) as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone() == (600,)
        assert conn.execute("SELECT value FROM counters").fetchone() == (600,)


def test_override_with_a_reason_is_kept(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock
) -> None:
    logged = intake(demo_store, clock, demo_copy).log(
        draft(demo_copy, level_override=Level.ONE, override_reason="领导关注"))
    assert logged.level == Level.ONE
    assert one(demo_copy.database, "SELECT level_reason FROM tickets WHERE id=?",
               logged.id) == "领导关注"


@pytest.mark.parametrize(
    ("requester", "problem"),
    [(RequesterDraft("", "市财政局", "13800000000", ""), Problem.REQUESTER_NAME_MISSING),
     (RequesterDraft("张三", "市财政局", "", ""), Problem.CONTACT_MISSING),
     (RequesterDraft("张三", "市财政局", "12345678", ""), Problem.PHONE_INVALID),
     (RequesterDraft("张三", "市财政局", "", "zhang@"), Problem.EMAIL_INVALID)],
)
def test_requesters_need_a_name_and_a_valid_contact(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, requester: RequesterDraft,
    problem: Problem,
) -> None:
    with pytest.raises(DeskError) as raised:
        intake(demo_store, clock, demo_copy).add_requester(requester)
    assert raised.value.problem == problem


def test_a_new_requester_can_be_logged_against_at_once(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock
) -> None:
    desk = intake(demo_store, clock, demo_copy)
    requester = desk.add_requester(RequesterDraft("王小明", "市医保局", "010-66668888", ""))
    logged = desk.log(draft(demo_copy, requester_id=requester))
    assert one(demo_copy.database, "SELECT requester_id FROM tickets WHERE id=?",
               logged.id) == requester
