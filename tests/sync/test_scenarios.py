"""The named sync scenarios of the sync issue, over real HTTP against the real server and
PostgreSQL, each desk on its own SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from functools import partialmethod
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.enums import Channel, TicketState
from app.domain.grading import GradingWeights
from app.domain.numbers import is_provisional
from app.server.tables import rows
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import NoteKind, TicketFlow
from app.store.models import CategoryRow, RequesterRow, TicketRow
from app.sync import syncer as syncer_module
from app.sync.client import Offline, ServerClient
from app.sync.protocol import CONFLICTS
from app.sync.syncer import Syncer, SyncReport
from tests.sync.conftest import AGENT, OTHER_AGENT, Desk, RunningServer

MakeDesk = Callable[..., Desk]


def one(desk: Desk, sql: str, *params: object) -> Any:
    with sqlite3.connect(desk.data.database) as conn:
        row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def log_ticket(desk: Desk, title: str = "存储卷只读") -> tuple[str, str]:
    requester = one(desk, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    kind = one(desk, "SELECT id FROM ticket_types ORDER BY id LIMIT 1")
    category = one(desk, "SELECT id FROM categories ORDER BY id LIMIT 1")
    logged = Intake(desk.store, desk.clock, GradingWeights(), desk.staff_id).log(TicketDraft(
        title, "数据库服务器挂载的存储卷变为只读。", requester, Channel.PHONE, kind, category))
    return logged.id, logged.number


def edit_requester(desk: Desk, requester_id: str, **values: str) -> None:
    with desk.store.unit_of_work() as session:
        row = session.get(RequesterRow, requester_id)
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)


def server_count(server: RunningServer, entity: str) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(rows)
                                .where(rows.c.entity == entity)).scalar_one())


def test_a_new_desk_pulls_the_whole_desk(make_desk: MakeDesk, demo_desk: Any) -> None:
    desk = make_desk()
    with sqlite3.connect(demo_desk.database) as demo:
        expected = demo.execute("SELECT count(*), max(number) FROM tickets").fetchone()
    assert (one(desk, "SELECT count(*) FROM tickets"),
            one(desk, "SELECT max(number) FROM tickets")) == expected
    # Quick search works on pulled tickets: their text was indexed as they arrived.
    assert one(desk, "SELECT count(*) FROM ticket_search") == expected[0]


def test_a_ticket_logged_on_one_desk_reaches_the_other_with_its_final_number(
        make_desk: MakeDesk) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    ticket_id, number = log_ticket(a)
    assert not is_provisional(number)  # numbered from the block leased at the first sync
    TicketFlow(a.store, a.clock, a.staff_id).note(ticket_id, NoteKind.INTERNAL, "已联系存储厂商")
    assert one(a, "SELECT count(*) FROM sync_outbox") == 3  # ticket, created event, note
    a.syncer.sync_once()
    assert one(a, "SELECT count(*) FROM sync_outbox") == 0
    b.syncer.sync_once()
    assert one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) == number
    assert one(b, "SELECT count(*) FROM ticket_events WHERE ticket_id = ?", ticket_id) == 2
    # Pulled rows are written in exactly the text form the desk's own writes use.
    stored = "SELECT created_at || '|' || deleted FROM tickets WHERE id = ?"
    assert one(b, stored, ticket_id) == one(a, stored, ticket_id)


def test_different_fields_edited_offline_on_two_desks_both_survive(make_desk: MakeDesk) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    requester = one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    edit_requester(a, requester, phone="13900000001")
    edit_requester(b, requester, email="new@gov.cn")
    a.syncer.sync_once()
    b.syncer.sync_once()
    a.syncer.sync_once()
    for desk in (a, b):
        assert one(desk, "SELECT phone || ' ' || email FROM requesters WHERE id = ?",
                   requester) == "13900000001 new@gov.cn"
        assert one(desk, "SELECT count(*) FROM sync_conflicts") == 0


def test_same_field_server_order_wins_and_the_loser_is_logged_on_both_desks(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    requester = one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    edit_requester(a, requester, phone="13900000001")
    edit_requester(b, requester, phone="13900000002")
    a.syncer.sync_once()
    b.syncer.sync_once()  # applied after a's: b's value wins, a's is the loser
    a.syncer.sync_once()
    for desk in (a, b):
        assert one(desk, "SELECT phone FROM requesters WHERE id = ?", requester) == "13900000002"
        assert one(desk, "SELECT lost || ' ' || kept || ' ' || lost_by FROM sync_conflicts "
                         "WHERE field = 'phone'") == (
            f'"13900000001" "13900000002" {AGENT}@{a.syncer.desk_id}')
    assert server_count(server, CONFLICTS) == 1
    assert a.syncer.status().conflicts == 1  # counted in the status bar until seen
    a.syncer.mark_conflicts_seen()
    assert a.syncer.status().conflicts == 0


def test_an_illegal_state_move_keeps_the_server_state(make_desk: MakeDesk) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    ticket_id, _ = log_ticket(a)
    a.syncer.sync_once()
    b.syncer.sync_once()
    staff = one(a, "SELECT id FROM staff ORDER BY login LIMIT 1")
    flow_a, flow_b = TicketFlow(a.store, a.clock, a.staff_id), TicketFlow(b.store, b.clock,
                                                                          b.staff_id)
    version = flow_a.assign(ticket_id, one(a, "SELECT version FROM tickets WHERE id = ?",
                                           ticket_id), staff)
    flow_a.resolve(ticket_id, version, solution="重新挂载")
    # resolved -> closed on desk a
    flow_a.confirm(ticket_id, version + 1, score=5, method="call_back")
    version_b = one(b, "SELECT version FROM tickets WHERE id = ?", ticket_id)
    flow_b.resolve(ticket_id, version_b, solution="已解决")  # new -> resolved on desk b
    a.syncer.sync_once()
    b.syncer.sync_once()
    a.syncer.sync_once()
    for desk in (a, b):
        assert one(desk, "SELECT state FROM tickets WHERE id = ?", ticket_id) == str(
            TicketState.CLOSED)
        assert one(desk, "SELECT lost FROM sync_conflicts WHERE field = 'state'") == '"resolved"'


def test_a_desk_killed_between_commit_and_answer_creates_no_duplicate(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk()
    ticket_id, _ = log_ticket(a)
    before, events = server_count(server, "tickets"), server_count(server, "ticket_events")
    sent = a.syncer._pending()
    a.client.push(a.syncer.desk_id, sent)  # the server commits; the desk "dies" unanswered
    assert one(a, "SELECT count(*) FROM sync_outbox") == len(sent)
    report = SyncReport()
    a.syncer.push(report)  # after the restart the same mutations go again
    assert report.pushed == len(sent) and report.rejected == 0
    assert server_count(server, "tickets") == before + 1
    assert server_count(server, "ticket_events") == events + 1
    assert one(a, "SELECT count(*) FROM sync_outbox") == 0
    with server.engine.connect() as conn:
        assert conn.execute(select(rows.c.version).where(
            rows.c.entity == "tickets", rows.c.key == ticket_id)).scalar_one() == 1


def test_a_restarted_server_mid_push_loses_nothing(make_desk: MakeDesk,
                                                   server: RunningServer) -> None:
    a = make_desk()
    first, _ = log_ticket(a, "第一张")
    server.stop()
    second, _ = log_ticket(a, "第二张")
    with pytest.raises(Offline):
        a.syncer.sync_once()
    assert one(a, "SELECT count(*) FROM sync_outbox WHERE status = 'pending'") == 4
    server.start(server.port)
    a.syncer.sync_once()
    with server.engine.connect() as conn:
        keys = set(conn.execute(select(rows.c.key).where(rows.c.entity == "tickets",
                                                         rows.c.key.in_([first, second]))
                                ).scalars())
    assert keys == {first, second}


def test_an_expired_token_is_renewed_mid_sync(make_desk: MakeDesk, server: RunningServer,
                                              server_clock: Any) -> None:
    a = make_desk()
    log_ticket(a)
    server_clock.advance(timedelta(minutes=20))  # the 15-minute access token has expired
    report = a.syncer.sync_once()
    assert report.pushed == 2 and report.rejected == 0


def test_a_desk_offline_for_a_day_catches_up_and_numbers_provisionally(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    server.stop()
    numbers = [log_ticket(a, f"离线工单{i}")[1] for i in range(55)]  # more than the lease
    a.clock.advance(timedelta(days=1))
    assert sum(is_provisional(n) for n in numbers) == 5
    server.start(server.port)
    a.syncer.sync_once()
    b.syncer.sync_once()
    finals = {r[0] for r in sqlite3.connect(b.data.database).execute(
        "SELECT number FROM tickets WHERE title LIKE '离线工单%'")}
    assert len(finals) == 55 and not any(is_provisional(n) for n in finals)
    # The desk that logged them now shows the final numbers too.
    assert one(a, "SELECT count(*) FROM tickets WHERE number LIKE 'SD-P%'") == 0


def test_a_change_the_role_may_not_make_is_rejected_with_the_reason_and_kept(
        make_desk: MakeDesk) -> None:
    a = make_desk(AGENT)
    category = one(a, "SELECT id FROM categories ORDER BY id LIMIT 1")
    name = one(a, "SELECT name_zh FROM categories WHERE id = ?", category)
    with a.store.unit_of_work() as session:
        row = session.get(CategoryRow, category)
        assert row is not None
        row.name_zh = "改名"
    report = a.syncer.sync_once()
    # The change and its audit line: no line on the server says it was made.
    assert (report.pushed, report.rejected) == (0, 2)
    with sqlite3.connect(a.data.database) as conn:
        assert dict(conn.execute("SELECT entity, reason FROM sync_outbox "
                                 "WHERE status = 'rejected'").fetchall()) == {
            "categories": "your role may not change categories",
            "audit_log": "your role may not record changes of categories"}
    # The desk shows the server's truth again; the rejected edit waits for the seat.
    assert one(a, "SELECT name_zh FROM categories WHERE id = ?", category) == name
    assert a.syncer.status().rejected == 2


def test_sort_copies_follow_pulled_tickets_and_renamed_requesters(make_desk: MakeDesk) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    assert one(b, "SELECT count(*) FROM tickets t JOIN requesters r ON r.id = t.requester_id "
                  "WHERE t.requester_sort != r.name") == 0
    assert one(b, "SELECT count(*) FROM tickets t JOIN categories c ON c.id = t.category_id "
                  "WHERE t.category_sort_en != c.name_en") == 0
    assert one(b, "SELECT count(*) FROM tickets t JOIN ticket_types y ON y.id = t.type_id "
                  "WHERE t.type_sort_zh != y.name_zh OR t.type_sort_en != y.name_en") == 0
    assert one(b, "SELECT count(*) FROM tickets t LEFT JOIN staff s ON s.id = t.assignee_id "
                  "WHERE t.assignee_sort != coalesce(s.name, '')") == 0
    assert one(b, "SELECT count(*) FROM tickets WHERE assignee_sort != ''") > 0
    requester = one(a, "SELECT requester_id FROM tickets WHERE requester_id IS NOT NULL "
                       "ORDER BY id LIMIT 1")
    edit_requester(a, requester, name="阿尔法测试", unit="测试局")
    a.syncer.sync_once()
    b.syncer.sync_once()
    assert one(b, "SELECT DISTINCT requester_sort || '|' || unit_sort FROM tickets "
                  "WHERE requester_id = ?", requester) == "阿尔法测试|测试局"
    # A pulled assignment refiles the ticket under its new assignee.
    ticket_id, _number = log_ticket(a)
    a.syncer.sync_once()
    b.syncer.sync_once()
    assert one(b, "SELECT assignee_sort FROM tickets WHERE id = ?", ticket_id) == ""
    staff_id, staff_name = one(a, "SELECT id || '|' || name FROM staff ORDER BY login "
                                  "LIMIT 1 OFFSET 3").split("|")
    TicketFlow(a.store, a.clock, a.staff_id).assign(ticket_id, 1, staff_id)
    a.syncer.sync_once()
    b.syncer.sync_once()
    assert one(b, "SELECT assignee_sort FROM tickets WHERE id = ?", ticket_id) == staff_name


def test_a_ticket_edited_after_its_events_arrives_in_a_later_page(
        make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited ticket has a later change sequence than its events, so a desk pulling
    them gets the events' page before the ticket's. Found by the sync benchmark: a desk
    joining after 4000 edits failed its first sync on a foreign key."""
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    ticket_id, _number = log_ticket(a)
    with a.store.unit_of_work() as session:
        row = session.get(TicketRow, ticket_id)
        assert row is not None
        row.level_reason = "edited after its events were written"
    a.syncer.sync_once()
    # Pages of one row: the ticket's created event comes a page before the ticket.
    monkeypatch.setattr(ServerClient, "pull", partialmethod(ServerClient.pull, limit=1))
    b.syncer.sync_once()
    assert one(b, "SELECT level_reason FROM tickets WHERE id = ?", ticket_id) == \
        "edited after its events were written"
    assert one(b, "SELECT count(*) FROM ticket_events WHERE ticket_id = ?", ticket_id) == 1
    with sqlite3.connect(b.data.database) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


BATCH = 200


def test_batches_overlap_and_a_failed_record_sends_them_again_only_acknowledged(
        make_desk: MakeDesk, server: RunningServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syncer_module, "MAX_PUSH", BATCH)  # three batches of the demo desk
    a = make_desk()
    with a.store.unit_of_work() as session:
        tickets = session.query(TicketRow).order_by(TicketRow.id).limit(BATCH * 2 + 100)
        edited = {ticket.id: f"batch edit {i}" for i, ticket in enumerate(tickets)}
        for ticket in session.query(TicketRow).filter(TicketRow.id.in_(edited)):
            ticket.level_reason = edited[ticket.id]
    assert len(edited) == BATCH * 2 + 100

    def server_rows() -> dict[str, tuple[str, int]]:
        with server.engine.connect() as conn:
            return {key: (data.get("level_reason"), version) for key, data, version in
                    conn.execute(select(rows.c.key, rows.c.data, rows.c.version).where(
                        rows.c.entity == "tickets", rows.c.key.in_(edited)))}

    before = server_rows()
    recorded = Syncer._record
    calls: list[int] = []

    def dies_on_the_second_answer(self: Syncer, results: Any, report: SyncReport) -> None:
        calls.append(len(results))
        if len(calls) == 2:
            raise OSError("disk full")
        recorded(self, results, report)

    monkeypatch.setattr(Syncer, "_record", dies_on_the_second_answer)
    with pytest.raises(OSError):
        a.syncer.push(SyncReport())
    # The third batch went out while the second answer was being recorded.
    assert {key: reason for key, (reason, _v) in server_rows().items()} == edited
    assert one(a, "SELECT count(*) FROM sync_outbox") == BATCH + 100
    monkeypatch.setattr(Syncer, "_record", recorded)
    report = SyncReport()
    a.syncer.push(report)
    assert (report.pushed, report.rejected) == (BATCH + 100, 0)
    assert one(a, "SELECT count(*) FROM sync_outbox") == 0
    # Each edit applied once: one version more than before, not two.
    assert {key: version for key, (_r, version) in server_rows().items()} == {
        key: version + 1 for key, (_r, version) in before.items()}
