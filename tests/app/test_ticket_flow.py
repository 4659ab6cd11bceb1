from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import LinkKind, NoteKind, TicketFlow
from app.store.database import Store
from tests.app.helpers import first_id, one


@pytest.fixture
def seat(demo_copy: DataDir) -> str:
    return first_id(demo_copy.database, "staff")


@pytest.fixture
def new_ticket(demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str) -> str:
    db = demo_copy.database
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE, first_id(db, "ticket_types"),
                        first_id(db, "categories"))
    return Intake(demo_store, clock, GradingWeights(), seat).log(draft).id


def state(data: DataDir, ticket_id: str) -> str:
    return one(data.database, "SELECT state FROM tickets WHERE id=?", ticket_id)


def timeline(data: DataDir, ticket_id: str) -> list[tuple[str, dict[str, object]]]:
    with sqlite3.connect(data.database) as conn:
        rows = conn.execute("SELECT kind, data FROM ticket_events WHERE ticket_id=? "
                            "ORDER BY at, rowid", (ticket_id,)).fetchall()
    return [(kind, json.loads(data)) for kind, data in rows]


def test_the_whole_loop_with_versions_and_timeline(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    flow = TicketFlow(demo_store, clock, seat)
    version = flow.first_response(new_ticket, 1)
    version = flow.take(new_ticket, version)
    assert state(demo_copy, new_ticket) == "assigned"
    version = flow.start(new_ticket, version)
    version = flow.pend(new_ticket, version, vendor=True, reason="等待存储厂商备件")
    assert state(demo_copy, new_ticket) == "pending_vendor"
    version = flow.start(new_ticket, version)
    clock.advance(timedelta(minutes=30))
    version = flow.resolve(new_ticket, version, solution="更换故障盘后重新挂载", cause="磁盘故障")
    version = flow.confirm(new_ticket, version, score=5, method="call_back", comment="满意")
    assert state(demo_copy, new_ticket) == "closed"
    assert one(demo_copy.database, "SELECT satisfaction FROM tickets WHERE id=?",
               new_ticket) == "5"
    version = flow.reopen(new_ticket, version, "问题复现")
    assert state(demo_copy, new_ticket) == "assigned"
    assert version == 9
    changes = [(d["from"], d["to"]) for kind, d in timeline(demo_copy, new_ticket)
               if kind == "state_changed"]
    assert changes == [("new", "assigned"), ("assigned", "in_progress"),
                       ("in_progress", "pending_vendor"), ("pending_vendor", "in_progress"),
                       ("in_progress", "resolved"), ("resolved", "closed"),
                       ("closed", "assigned")]


def test_a_stale_version_is_refused_so_two_windows_cannot_overwrite(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    first_window = TicketFlow(demo_store, clock, seat)
    second_window = TicketFlow(demo_store, clock, seat)
    first_window.take(new_ticket, 1)
    with pytest.raises(DeskError) as raised:
        second_window.resolve(new_ticket, 1, solution="已处理")
    assert raised.value.problem == Problem.STALE
    assert state(demo_copy, new_ticket) == "assigned"


def test_illegal_transitions_and_missing_texts_are_refused(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    flow = TicketFlow(demo_store, clock, seat)
    with pytest.raises(DeskError) as raised:
        flow.confirm(new_ticket, 1, score=4, method="call_back")
    assert raised.value.problem == Problem.ILLEGAL_TRANSITION
    with pytest.raises(DeskError) as raised:
        flow.pend(new_ticket, 1, vendor=False, reason=" ")
    assert raised.value.problem == Problem.REASON_MISSING
    with pytest.raises(DeskError) as raised:
        flow.resolve(new_ticket, 1, solution="")
    assert raised.value.problem == Problem.SOLUTION_MISSING
    assert one(demo_copy.database, "SELECT version FROM tickets WHERE id=?", new_ticket) == "1"


def test_unconfirmed_close_only_after_the_timeout(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    flow = TicketFlow(demo_store, clock, seat, confirmation_timeout=timedelta(hours=72))
    version = flow.resolve(new_ticket, flow.take(new_ticket, 1), solution="已恢复")
    clock.advance(timedelta(hours=71))
    with pytest.raises(DeskError) as raised:
        flow.close_unconfirmed(new_ticket, version)
    assert raised.value.problem == Problem.CONFIRMATION_PENDING
    clock.advance(timedelta(hours=2))
    flow.close_unconfirmed(new_ticket, version)
    assert one(demo_copy.database, "SELECT closed_unconfirmed FROM tickets WHERE id=?",
               new_ticket) == "1"


def test_notes_and_links_go_on_the_timeline(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    flow = TicketFlow(demo_store, clock, seat)
    flow.note(new_ticket, NoteKind.WORK_LOG, "排查存储链路", minutes=25)
    other = first_id(demo_copy.database, "tickets", f"id != '{new_ticket}'")
    flow.link(new_ticket, other, LinkKind.DUPLICATE_OF)
    kinds = [kind for kind, _ in timeline(demo_copy, new_ticket)]
    assert kinds == ["created", "work_log", "comment"]
    with pytest.raises(DeskError):
        flow.link(new_ticket, new_ticket, LinkKind.RELATED)


def test_edits_are_validated_listed_and_recompute_the_level(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    from app.domain.enums import Level, Rating
    from app.domain.grading import GradingWeights
    from app.services.intake import TicketEdits

    db = demo_copy.database
    flow = TicketFlow(demo_store, clock, seat)
    base = TicketEdits("存储卷只读（已确认）", "数据库服务器挂载的存储卷变为只读。",
                       first_id(db, "ticket_types"), first_id(db, "categories"),
                       Rating.HIGH, Rating.HIGH, Rating.HIGH)
    with pytest.raises(DeskError) as raised:
        flow.edit(new_ticket, 1, TicketEdits(**{**base.__dict__, "title": ""}), GradingWeights())
    assert raised.value.problem == Problem.TITLE_MISSING
    version = flow.edit(new_ticket, 1, base, GradingWeights())
    assert one(db, "SELECT level FROM tickets WHERE id=?", new_ticket) == str(int(Level.ONE))
    entries = timeline(demo_copy, new_ticket)
    edited = [d for kind, d in entries if kind == "edited"][0]
    assert set(edited["changed"]) == {"title", "urgency", "impact", "importance", "level"}
    assert [d for kind, d in entries if kind == "level_changed"] == [{"from": 3, "to": 1}]
    with pytest.raises(DeskError) as raised:
        flow.edit(new_ticket, version - 1, base, GradingWeights())
    assert raised.value.problem == Problem.STALE


def test_merging_a_duplicate_keeps_both_histories(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    flow = TicketFlow(demo_store, clock, seat)
    master = first_id(demo_copy.database, "tickets", f"id != '{new_ticket}'")
    before = len(timeline(demo_copy, master))
    flow.merge(new_ticket, 1, master)
    assert state(demo_copy, new_ticket) == "closed"
    assert one(demo_copy.database, "SELECT kind FROM ticket_links WHERE ticket_id=?",
               new_ticket) == "duplicate_of"
    assert len(timeline(demo_copy, master)) == before + 1
    assert [k for k, _ in timeline(demo_copy, new_ticket)][0] == "created"


def test_new_and_edited_tickets_are_found_by_their_words(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    from app.domain.enums import Rating
    from app.domain.grading import GradingWeights
    from app.services.intake import TicketEdits
    from app.store.queues import QueueFilter, QueueReader, Seat, Sort, View
    from app.store.reading import read_connection

    reader = QueueReader(read_connection(demo_copy.database), "zh_CN")

    def found(text: str) -> bool:
        page = reader.page(View.ALL, Seat(None, None), QueueFilter(text=text), Sort(), None,
                           700)
        return new_ticket in {item.id for item in page}

    assert found("只读") and found("挂载")
    db = demo_copy.database
    TicketFlow(demo_store, clock, seat).edit(new_ticket, 1, TicketEdits(
        "磁阵控制器告警 ORA-27072", "存储控制器双活切换失败。", first_id(db, "ticket_types"),
        first_id(db, "categories"), Rating.LOW, Rating.LOW, Rating.LOW), GradingWeights())
    assert found("控制器") and found("ORA-27072") and found("27072")
    assert not found("挂载")


def sorted_by(data: DataDir, ticket_id: str) -> tuple[str, ...]:
    """The names the ticket carries for the queues' sorting."""
    with sqlite3.connect(data.database) as conn:
        return tuple(conn.execute(
            "SELECT requester_sort, unit_sort, category_sort_zh, category_sort_en, "
            "type_sort_zh, type_sort_en, assignee_sort FROM tickets WHERE id=?",
            (ticket_id,)).fetchone())


def names_of(data: DataDir, ticket_id: str) -> tuple[str, ...]:
    with sqlite3.connect(data.database) as conn:
        return tuple(conn.execute(
            "SELECT r.name, r.unit, c.name_zh, c.name_en, y.name_zh, y.name_en, "
            "coalesce(s.name, '') FROM tickets t JOIN requesters r ON r.id = t.requester_id "
            "JOIN categories c ON c.id = t.category_id JOIN ticket_types y "
            "ON y.id = t.type_id LEFT JOIN staff s ON s.id = t.assignee_id WHERE t.id=?",
            (ticket_id,)).fetchone())


def test_sort_names_follow_the_requester_and_each_new_category(
    demo_store: Store, demo_copy: DataDir, clock: ManualClock, seat: str, new_ticket: str
) -> None:
    from app.domain.enums import Rating
    from app.services.intake import TicketEdits

    db = demo_copy.database
    logged_with = names_of(demo_copy, new_ticket)
    assert sorted_by(demo_copy, new_ticket) == logged_with
    flow = TicketFlow(demo_store, clock, seat)
    edited_to = first_id(db, "categories", "code = 'storage'")
    other_type = first_id(db, "ticket_types", "code = 'maintenance'")
    version = flow.edit(new_ticket, 1, TicketEdits(
        "存储卷只读", "数据库服务器挂载的存储卷变为只读。", other_type,
        edited_to, Rating.LOW, Rating.LOW, Rating.LOW), GradingWeights())
    after_edit = sorted_by(demo_copy, new_ticket)
    assert after_edit == names_of(demo_copy, new_ticket)
    assert after_edit[2:6] != logged_with[2:6]  # the category's and the type's names
    version = flow.take(new_ticket, version)
    taken = sorted_by(demo_copy, new_ticket)
    assert taken == names_of(demo_copy, new_ticket) and taken[-1] != ""  # the seat's name
    version = flow.start(new_ticket, version)
    flow.resolve(new_ticket, version, solution="重新挂载", category_id=first_id(
        db, "categories", "code = 'network'"))
    after_resolve = sorted_by(demo_copy, new_ticket)
    assert after_resolve == names_of(demo_copy, new_ticket) and after_resolve != after_edit
