"""Issue 15: no silent loss of a refused change, no desk stuck, no seat writing as another,
no 500 - each item over real HTTP against the real server and PostgreSQL.

Item 7 (author and owner fields bound to the account) is tests/sync/test_role_boundaries.py.
"""

from __future__ import annotations

import http.client
import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.audit.recorder import AuditRecorder
from app.domain.ids import new_id
from app.domain.numbers import is_provisional
from app.paths import DataDir
from app.rota.writing import add_override
from app.server.tables import desks, outcomes, rows
from app.store.database import Store
from app.store.models import CategoryRow, TicketRow
from app.sync.client import ServerClient
from app.sync.outbox import OutboxWriter
from app.sync.protocol import MAX_BODY
from app.sync.syncer import Syncer
from app.sync.tokens import MemoryVault
from tests.sync.conftest import ADMIN, AGENT, OTHER_AGENT, PASSWORD, Desk, RunningServer
from tests.sync.test_scenarios import log_ticket, one

MakeDesk = Callable[..., Desk]


def _signed_in(server: RunningServer, login: str = AGENT) -> dict[str, Any]:
    answer = requests.post(f"{server.url}/v1/login", timeout=10,
                           json={"login": login, "password": PASSWORD})
    assert answer.status_code == 200
    return dict(answer.json())


def _bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _push(server: RunningServer, headers: dict[str, str], desk_id: str,
          mutations: list[dict[str, Any]]) -> requests.Response:
    return requests.post(f"{server.url}/v1/push", headers=headers, timeout=10,
                         json={"desk_id": desk_id, "mutations": mutations})


def _server_row(server: RunningServer, entity: str, key: str) -> tuple[dict[str, Any], int]:
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data, rows.c.version).where(
            rows.c.entity == entity, rows.c.key == key)).first()
    assert found is not None
    return dict(found.data), int(found.version)


def _rename_category(desk: Desk, category: str, name: str) -> None:
    with desk.store.unit_of_work() as session:
        row = session.get(CategoryRow, category)
        assert row is not None
        row.name_zh = name


# -- 1 -----------------------------------------------------------------------------------
def test_a_refused_change_whose_answer_was_lost_is_refused_again_and_the_desk_converges(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk(AGENT)
    category = one(a, "SELECT id FROM categories ORDER BY id LIMIT 1")
    name = one(a, "SELECT name_zh FROM categories WHERE id = ?", category)
    _rename_category(a, category, "改名")  # an agent may not: refused
    sent = a.syncer._pending()
    results = a.client.push(a.syncer.desk_id, sent, incarnation=a.syncer.incarnation)
    assert {r.status for r in results} == {"rejected"}  # ... and the answer is lost
    report = a.syncer.sync_once()
    assert (report.pushed, report.rejected) == (0, len(sent))
    assert one(a, "SELECT count(*) FROM sync_outbox WHERE status = 'rejected'") == len(sent)
    assert one(a, "SELECT reason FROM sync_outbox WHERE entity = 'categories'") == (
        "your role may not change categories")
    assert one(a, "SELECT name_zh FROM categories WHERE id = ?", category) == name
    assert _server_row(server, "categories", category)[0]["name_zh"] == name


# -- 2 -----------------------------------------------------------------------------------
def test_an_answer_naming_a_row_the_desk_has_not_pulled_does_not_stick_the_desk(
        make_desk: MakeDesk, server: RunningServer) -> None:
    agent = make_desk(AGENT)
    admin = make_desk(ADMIN)
    ticket = one(agent, "SELECT id FROM tickets ORDER BY id LIMIT 1")
    category = new_id(admin.clock)
    with admin.store.unit_of_work() as session:
        session.add(CategoryRow(id=category, code="storage-new", name_zh="存储新", name_en="New",
                                color="#336699", icon="", skill="", position=99,
                                owner_id=None, retired=False, version=1,
                                updated_at=admin.clock.now(), deleted=False))
        session.flush()
        row = session.get(TicketRow, ticket)
        assert row is not None
        row.category_id = category
    admin.syncer.sync_once()
    with agent.store.unit_of_work() as session:  # the agent edits the ticket, not yet pulled
        row = session.get(TicketRow, ticket)
        assert row is not None
        row.level_reason = "客户要求加急"
    report = agent.syncer.sync_once()  # its answer names the category new to this desk
    assert report.pushed == 1 and report.rejected == 0
    assert one(agent, "SELECT category_id FROM tickets WHERE id = ?", ticket) == category
    assert one(agent, "SELECT code FROM categories WHERE id = ?", category) == "storage-new"
    with sqlite3.connect(agent.data.database) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert agent.syncer.sync_once().pushed == 0  # and the next round is an ordinary one


# -- 3 -----------------------------------------------------------------------------------
def test_discarding_a_refused_new_row_removes_it(make_desk: MakeDesk) -> None:
    a = make_desk(AGENT)
    override = add_override(a.store, a.clock, date(2026, 12, 1), "D", a.staff_id, None,
                            "看病", author_id=a.staff_id)
    report = a.syncer.sync_once()
    assert report.rejected >= 1  # only supervisors record overrides
    refused = one(a, "SELECT id FROM sync_outbox WHERE entity = 'rota_overrides'")
    assert one(a, "SELECT count(*) FROM rota_overrides WHERE id = ?", override.id) == 1
    a.syncer.discard(refused)
    assert one(a, "SELECT count(*) FROM rota_overrides WHERE id = ?", override.id) == 0
    assert one(a, "SELECT count(*) FROM sync_outbox WHERE entity = 'rota_overrides'") == 0


def test_discarding_a_refused_edit_keeps_the_servers_row(make_desk: MakeDesk) -> None:
    a = make_desk(AGENT)
    category = one(a, "SELECT id FROM categories ORDER BY id LIMIT 1")
    name = one(a, "SELECT name_zh FROM categories WHERE id = ?", category)
    _rename_category(a, category, "改名")
    a.syncer.sync_once()
    a.syncer.discard(one(a, "SELECT id FROM sync_outbox WHERE entity = 'categories'"))
    assert one(a, "SELECT name_zh FROM categories WHERE id = ?", category) == name


# -- 4 -----------------------------------------------------------------------------------
def _backup(desk: Desk, to: Path) -> None:
    with sqlite3.connect(desk.data.database) as source, sqlite3.connect(to) as copy:
        source.backup(copy)


def _restore(desk: Desk, backup: Path) -> Desk:
    """The desk's folder put back from ``backup``, the desk started again on it."""
    desk.store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{desk.data.database}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, desk.data.database)
    store = Store(desk.data.database)
    store.author_id, store.author_login = desk.staff_id, desk.login
    AuditRecorder(store, desk.clock)
    OutboxWriter(store, desk.clock)
    return Desk(desk.data, store, desk.client, Syncer(store, desk.client, desk.clock),
                desk.clock, desk.login, desk.staff_id)


def test_a_desk_restored_from_its_backup_starts_anew_and_loses_nothing(
        make_desk: MakeDesk, server: RunningServer, tmp_path: Path) -> None:
    a = make_desk(AGENT)
    backup = tmp_path / "backup.db"
    _backup(a, backup)
    lost, lost_number = log_ticket(a, "备份之后")  # pushed, then the desk's disk dies
    a.syncer.sync_once()
    old_desk_id = a.syncer.desk_id
    a = _restore(a, backup)
    ticket, number = log_ticket(a, "恢复之后")  # the same mutation ids, the same number
    assert number == lost_number
    report = a.syncer.sync_once()
    assert report.restored and report.rejected == 0
    assert a.syncer.desk_id != old_desk_id
    assert one(a, "SELECT count(*) FROM sync_outbox") == 0
    data, _ = _server_row(server, "tickets", ticket)
    assert data["title"] == "恢复之后" and not is_provisional(data["number"])
    assert data["number"] != lost_number
    assert one(a, "SELECT number FROM tickets WHERE id = ?", ticket) == data["number"]
    assert one(a, "SELECT number FROM tickets WHERE id = ?", lost) == lost_number
    assert a.syncer.sync_once().pulled == 0  # nothing stuck: the next round is quiet
    with server.engine.connect() as conn:
        assert conn.execute(select(desks.c.retired).where(
            desks.c.desk_id == old_desk_id)).scalar_one()


# -- 5 -----------------------------------------------------------------------------------
def test_a_lost_reply_to_a_token_refresh_does_not_sign_the_desk_out(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk(AGENT)
    vault_key = f"{AGENT}@{server.url}"
    spent = a.client.vault.load(vault_key)
    assert spent
    renewed = requests.post(f"{server.url}/v1/refresh", json={"refresh_token": spent},
                            timeout=10)
    assert renewed.status_code == 200  # the server renewed; the desk never heard it
    a.client._access = None  # its access token ran out meanwhile
    log_ticket(a)
    report = a.syncer.sync_once()
    assert report.pushed == 2
    assert a.client.vault.load(vault_key) not in (None, spent)
    # Once what the repeated refresh issued is used, the old token is spent for good.
    again = requests.post(f"{server.url}/v1/refresh", json={"refresh_token": spent},
                          timeout=10)
    assert again.status_code == 401
    # And what the first (unheard) refresh issued was revoked by the repeat.
    unheard = requests.get(f"{server.url}/v1/me", headers=_bearer(renewed.json()), timeout=10)
    assert unheard.status_code == 401


# -- 6 -----------------------------------------------------------------------------------
def test_a_desk_id_belongs_to_the_account_that_registered_it(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk(AGENT)
    requester = one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    log_ticket(a)
    a.syncer.sync_once()  # a's desk id is now registered to a's account
    other = _bearer(_signed_in(server, OTHER_AGENT))
    data, version = _server_row(server, "requesters", requester)
    hijack = _push(server, other, a.syncer.desk_id, [
        {"id": 10**9, "entity": "requesters", "key": requester, "op": "put",
         "patch": {"phone": "13000000000"}, "base_version": version}])
    assert hijack.status_code == 403 and hijack.json()["error"] == "desk_taken"
    lease = requests.post(f"{server.url}/v1/numbers/lease", headers=other, timeout=10,
                          json={"desk_id": a.syncer.desk_id, "count": 5})
    assert lease.status_code == 403
    assert _server_row(server, "requesters", requester)[0]["phone"] == data["phone"]
    ticket, _ = log_ticket(a, "照常")  # a's own writes are still taken
    report = a.syncer.sync_once()
    assert report.pushed == 2 and report.rejected == 0
    assert _server_row(server, "tickets", ticket)[0]["title"] == "照常"


# -- 8 -----------------------------------------------------------------------------------
def test_a_row_naming_a_row_the_server_does_not_have_is_refused(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk(AGENT)
    event = {"id": "ev-orphan", "ticket_id": "no-such-ticket", "at": "2026-11-26T02:00:00+00:00",
             "actor_id": a.staff_id, "kind": "comment", "body": "孤儿", "data": "{}"}
    answer = _push(server, _bearer(_signed_in(server)), "desk-refs", [
        {"id": 1, "entity": "ticket_events", "key": "ev-orphan", "op": "put", "patch": event,
         "base_version": 0}])
    [result] = answer.json()["results"]
    assert result["status"] == "rejected"
    assert result["reason"] == ("ticket_events: ticket_id names a row of tickets that the "
                                "server does not have")
    with server.engine.connect() as conn:
        assert conn.execute(select(rows.c.key).where(rows.c.key == "ev-orphan")).first() is None


def test_a_row_naming_one_written_earlier_in_the_same_push_is_taken(
        make_desk: MakeDesk, server: RunningServer) -> None:
    a = make_desk(AGENT)
    log_ticket(a)  # the ticket and its "created" entry, in one push
    report = a.syncer.sync_once()
    assert (report.pushed, report.rejected) == (2, 0)


# -- 9 -----------------------------------------------------------------------------------
@pytest.mark.parametrize("with_bearer", [True, False], ids=["with-bearer", "refresh-only"])
def test_signing_out_revokes_the_access_token(server: RunningServer,
                                              with_bearer: bool) -> None:
    tokens = _signed_in(server)
    assert requests.get(f"{server.url}/v1/me", headers=_bearer(tokens),
                        timeout=10).status_code == 200
    out = requests.post(f"{server.url}/v1/logout", timeout=10,
                        headers=_bearer(tokens) if with_bearer else {},
                        json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 200
    me = requests.get(f"{server.url}/v1/me", headers=_bearer(tokens), timeout=10)
    assert me.status_code == 401 and me.json()["error"] == "token_expired"
    refresh = requests.post(f"{server.url}/v1/refresh", timeout=10,
                            json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401


# -- 10 ----------------------------------------------------------------------------------
def _raw_push(server: RunningServer, headers: dict[str, str], body: bytes
              ) -> requests.Response:
    return requests.post(f"{server.url}/v1/push", data=body, timeout=10,
                         headers={**headers, "Content-Type": "application/json"})


def test_a_lone_surrogate_is_a_bad_request(server: RunningServer) -> None:
    headers = _bearer(_signed_in(server))
    body = (b'{"desk_id": "desk-s", "mutations": [{"id": 1, "entity": "requesters", '
            b'"key": "r-s", "op": "put", "patch": {"name": "\\ud800"}, "base_version": 0}]}')
    answer = _raw_push(server, headers, body)
    assert answer.status_code == 422
    assert answer.json()["error"] == "invalid_request"
    assert "surrogate" in answer.json()["message"]
    login = requests.post(f"{server.url}/v1/login", timeout=10, data=b'{"login": "a\\udfff", '
                          b'"password": "x"}', headers={"Content-Type": "application/json"})
    assert login.status_code == 422 and set(login.json()) == {"error", "message"}


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"])
def test_a_time_beyond_the_calendar_is_refused_not_a_server_error(
        make_desk: MakeDesk, server: RunningServer, at: str) -> None:
    a = make_desk(AGENT)
    ticket = one(a, "SELECT id FROM tickets ORDER BY id LIMIT 1")
    answer = _push(server, _bearer(_signed_in(server)), "desk-t", [
        {"id": 1, "entity": "ticket_events", "key": "ev-edge", "op": "put", "patch": {
            "id": "ev-edge", "ticket_id": ticket, "at": at, "actor_id": a.staff_id,
            "kind": "comment", "body": "", "data": "{}"}, "base_version": 0}])
    assert answer.status_code == 200
    [result] = answer.json()["results"]
    assert result["status"] == "rejected" and result["reason"].startswith("at: ")


def test_an_unreadable_body_is_answered_in_the_apis_shape(server: RunningServer) -> None:
    headers = _bearer(_signed_in(server))
    answer = _raw_push(server, headers, b'{"desk_id": "\xff"}')  # not UTF-8
    assert answer.status_code == 400
    assert set(answer.json()) == {"error", "message"}
    assert answer.json()["error"] == "bad_request"
    broken = _raw_push(server, headers, b'{"desk_id": ')
    assert broken.status_code == 422 and broken.json()["error"] == "invalid_request"
    nowhere = requests.get(f"{server.url}/v1/nowhere", timeout=10)
    assert nowhere.status_code == 404 and nowhere.json()["error"] == "not_found"


# -- 11 ----------------------------------------------------------------------------------
def test_a_chunked_body_past_the_limit_is_refused_while_it_is_read(
        server: RunningServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    connection.putrequest("POST", "/v1/login")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Transfer-Encoding", "chunked")  # no length announced
    connection.endheaders()
    chunk = b"x" * (256 * 1024)
    sent = 0
    try:
        while sent <= MAX_BODY + len(chunk):  # a little past the limit, then wait
            connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sent += len(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server stopped reading: what we want, the answer is waiting
    answer = connection.getresponse()
    assert answer.status == 413
    assert json.loads(answer.read())["error"] == "too_large"
    connection.close()
    assert requests.get(f"{server.url}/v1/health", timeout=10).json()["status"] == "ok"


# -- 12 ----------------------------------------------------------------------------------
def test_a_base_version_beyond_the_servers_is_refused(make_desk: MakeDesk,
                                                      server: RunningServer) -> None:
    a = make_desk(AGENT)
    requester = one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    headers = _bearer(_signed_in(server))
    huge = _push(server, headers, "desk-b", [
        {"id": 1, "entity": "requesters", "key": requester, "op": "put",
         "patch": {"phone": "13000000001"}, "base_version": 10**30}])
    assert huge.status_code == 422 and huge.json()["error"] == "invalid_request"
    _, version = _server_row(server, "requesters", requester)
    ahead = _push(server, headers, "desk-b", [
        {"id": 1, "entity": "requesters", "key": requester, "op": "put",
         "patch": {"phone": "13000000001"}, "base_version": version + 5}])
    [result] = ahead.json()["results"]
    assert result["status"] == "rejected"
    assert result["reason"] == (f"requesters: base version {version + 5} is ahead of the "
                                f"server's version {version}")


@pytest.mark.parametrize("ids", [[1, 1], [2, 1]], ids=["repeated", "backwards"])
def test_mutation_ids_must_increase_within_a_push(make_desk: MakeDesk, server: RunningServer,
                                                  ids: list[int]) -> None:
    a = make_desk(AGENT)
    requester = one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1")
    _, version = _server_row(server, "requesters", requester)
    answer = _push(server, _bearer(_signed_in(server)), "desk-i", [
        {"id": number, "entity": "requesters", "key": requester, "op": "put",
         "patch": {"phone": f"1300000000{n}"}, "base_version": version}
        for n, number in enumerate(ids)])
    assert answer.status_code == 422
    assert "mutation ids must increase within a push" in answer.json()["message"]
    assert _server_row(server, "requesters", requester)[1] == version


# -- outcomes are kept only as long as a desk may ask -----------------------------------
def test_outcomes_below_what_the_desk_recorded_are_forgotten(make_desk: MakeDesk,
                                                             server: RunningServer) -> None:
    a = make_desk(AGENT)
    for i in range(3):
        log_ticket(a, f"第{i}张")
        a.syncer.sync_once()
    with server.engine.connect() as conn:
        kept = conn.execute(select(outcomes.c.mutation_id).where(
            outcomes.c.desk_id == a.syncer.desk_id)).scalars().all()
    # Two per ticket; the first push's are gone once the third push began above them.
    assert len(kept) == 4


def test_a_copied_desk_is_told_apart_from_its_original_and_both_arrive(
        make_desk: MakeDesk, server: RunningServer, tmp_path: Path) -> None:
    """Two copies of one folder: the second to push reuses the first's ids with other
    content, is told to retry, and comes back under a new desk id; nothing is lost."""
    a = make_desk(AGENT)
    data = DataDir(tmp_path / "copy")
    data.root.mkdir()
    _backup(a, data.database)
    first, _ = log_ticket(a, "原件")
    a.syncer.sync_once()
    store = Store(data.database)
    store.author_id, store.author_login = a.staff_id, a.login
    OutboxWriter(store, a.clock)
    client = ServerClient(server.url, MemoryVault())
    client.sign_in(AGENT, PASSWORD)
    copy = Desk(data, store, client, Syncer(store, client, a.clock), a.clock, a.login,
                a.staff_id)
    try:
        second, _ = log_ticket(copy, "副本")
        report = copy.syncer.sync_once()
        assert report.restored and report.rejected == 0
        assert copy.syncer.desk_id != a.syncer.desk_id
        for ticket, title in ((first, "原件"), (second, "副本")):
            assert _server_row(server, "tickets", ticket)[0]["title"] == title
            assert one(copy, "SELECT title FROM tickets WHERE id = ?", ticket) == title
        # The original is told too (its desk id is retired) and carries on under a new one.
        third, _ = log_ticket(a, "原件之后")
        assert a.syncer.sync_once().restored
        assert _server_row(server, "tickets", third)[0]["title"] == "原件之后"
    finally:
        copy.close()


def test_a_heard_refresh_spends_its_token_once_the_new_one_is_used(
        server: RunningServer) -> None:
    tokens = _signed_in(server)
    renewed = requests.post(f"{server.url}/v1/refresh", timeout=10,
                            json={"refresh_token": tokens["refresh_token"]}).json()
    assert requests.get(f"{server.url}/v1/me", headers=_bearer(renewed),
                        timeout=10).status_code == 200
    assert requests.post(f"{server.url}/v1/refresh", timeout=10,
                         json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_a_lone_surrogate_in_a_new_accounts_password_is_a_bad_request(
        server: RunningServer) -> None:
    """A guard: pydantic refuses it in every constrained text field (as the account
    bodies' are); a push's patch values have no constraint, hence ``inputs.Body``."""
    body = (b'{"login": "newseat", "name": "New", "role": "agent", '
            b'"password": "long enough \\udc80"}')
    answer = requests.post(f"{server.url}/v1/accounts", data=body, timeout=10, headers={
        **_bearer(_signed_in(server, ADMIN)), "Content-Type": "application/json"})
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request"
