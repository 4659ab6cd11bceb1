"""Issue 14: seats take turns at one desk, and each seat's changes reach the server under
that seat's account and its own desk id - over real HTTP against the real server."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from app.server.tables import desks, rows, users
from app.services.ticket_flow import NoteKind, TicketFlow
from app.sync.client import ServerClient
from tests.sync.conftest import AGENT, OTHER_AGENT, PASSWORD, Desk, RunningServer
from tests.sync.test_scenarios import edit_requester, log_ticket, one

MakeDesk = Callable[..., Desk]


def switch_seat(desk: Desk, server: RunningServer, login: str) -> None:
    """What a shift change does (ui/context.py, ui/sync): the new seat authors every write
    and the sync loop follows it."""
    desk.store.author_id, desk.store.author_login = server.staff_id(login), login
    desk.syncer.follow_seat(login)


def sign_in_here(desk: Desk, server: RunningServer, login: str) -> None:
    """An online sign-in at this desk (app/sync/unlock.py): the token goes to its vault."""
    client = ServerClient(server.url, desk.client.vault)
    client.sign_in(login, PASSWORD)
    client.close()


def server_row(server: RunningServer, entity: str, key: str) -> Any:
    with server.engine.connect() as conn:
        return conn.execute(select(rows.c.data, rows.c.field_versions).where(
            rows.c.entity == entity, rows.c.key == key)).one()


def registered(server: RunningServer) -> dict[str, str]:
    """Desk id → login of the account it is bound to."""
    with server.engine.connect() as conn:
        return {r.desk_id: r.login for r in conn.execute(
            select(desks.c.desk_id, users.c.login).join(users, users.c.id == desks.c.user_id))}


def test_each_seats_offline_changes_arrive_under_that_seats_account(
        make_desk: MakeDesk, server: RunningServer) -> None:
    desk = make_desk(AGENT)
    sign_in_here(desk, server, OTHER_AGENT)  # earlier in the day: B's token is on this desk
    requester = one(desk, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    server.stop()
    edit_requester(desk, requester, phone="13900000001")  # seat A, offline
    ticket, _ = log_ticket(desk, "A 记录的工单")
    a_desk_id = desk.syncer.desk_id
    switch_seat(desk, server, OTHER_AGENT)  # seat B takes the desk (signed in offline)
    edit_requester(desk, requester, email="b@gov.cn")
    TicketFlow(desk.store, desk.clock, server.staff_id(OTHER_AGENT)).note(
        ticket, NoteKind.INTERNAL, "B 接手")
    b_desk_id = desk.syncer.desk_id
    assert a_desk_id != b_desk_id
    with sqlite3.connect(desk.data.database) as conn:
        assert dict(conn.execute("SELECT login, count(*) FROM sync_outbox GROUP BY login")
                    .fetchall()) == {AGENT: 3, OTHER_AGENT: 2}
    server.start(server.port)  # the connection comes back
    report = desk.syncer.sync_once()
    assert (report.pushed, report.rejected) == (5, 0)
    assert one(desk, "SELECT count(*) FROM sync_outbox") == 0
    data, versions = server_row(server, "requesters", requester)
    assert (data["phone"], data["email"]) == ("13900000001", "b@gov.cn")
    assert versions["phone"][1] == f"{AGENT}@{a_desk_id}"
    assert versions["email"][1] == f"{OTHER_AGENT}@{b_desk_id}"
    assert server_row(server, "tickets", ticket).field_versions[""][1] == (
        f"{AGENT}@{a_desk_id}")
    assert registered(server)[a_desk_id] == AGENT
    assert registered(server)[b_desk_id] == OTHER_AGENT
    with server.engine.connect() as conn:
        note = conn.execute(select(rows.c.data, rows.c.field_versions).where(
            rows.c.entity == "ticket_events", rows.c.data["body"].astext == "B 接手")).one()
    assert note.data["actor_id"] == server.staff_id(OTHER_AGENT)
    assert note.field_versions[""][1] == f"{OTHER_AGENT}@{b_desk_id}"


def test_a_seat_without_a_token_waits_and_so_does_what_depends_on_it(
        make_desk: MakeDesk, server: RunningServer) -> None:
    desk = make_desk(AGENT)
    requester = one(desk, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    ticket, _ = log_ticket(desk, "A 离开前记录")
    sign_in_here(desk, server, OTHER_AGENT)
    switch_seat(desk, server, OTHER_AGENT)
    desk.client.sign_out()  # seat A signed out as it left: no token of A's on this desk
    TicketFlow(desk.store, desk.clock, server.staff_id(OTHER_AGENT)).note(
        ticket, NoteKind.INTERNAL, "B 的备注")  # names A's ticket: waits with it
    edit_requester(desk, requester, email="b@gov.cn")  # independent: goes now
    report = desk.syncer.sync_once()
    assert (report.pushed, report.rejected) == (1, 0)
    assert report.waiting == {AGENT}
    status = desk.syncer.status()
    assert (status.pending, status.rejected) == (3, 0)
    assert server_row(server, "requesters", requester).data["email"] == "b@gov.cn"
    sign_in_here(desk, server, AGENT)  # A comes back and signs in (on any seat switch)
    report = desk.syncer.sync_once()
    assert (report.pushed, report.rejected) == (3, 0) and not report.waiting
    assert server_row(server, "tickets", ticket).data["title"] == "A 离开前记录"


def test_pulls_follow_the_seat_signed_in(make_desk: MakeDesk, server: RunningServer) -> None:
    desk = make_desk(AGENT)
    sign_in_here(desk, server, OTHER_AGENT)
    switch_seat(desk, server, OTHER_AGENT)
    assert desk.syncer.client.login_name == OTHER_AGENT
    log_ticket(desk, "B 的工单")
    desk.syncer.sync_once()  # B pulls and leases numbers under B's desk id
    with server.engine.connect() as conn:
        leased = set(conn.execute(select(desks.c.desk_id).join(
            users, users.c.id == desks.c.user_id).where(users.c.login == OTHER_AGENT))
            .scalars())
    assert desk.syncer.desk_id in leased
    switch_seat(desk, server, AGENT)
    assert desk.syncer.client.login_name == AGENT
    assert desk.syncer.sync_once().rejected == 0
