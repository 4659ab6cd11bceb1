"""Accounts administered from an administrator's desk, over real HTTP against the real server:
what each change does to the account, its tokens and the audit log, and what is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app.server.tables import rows
from app.sync.client import Account, Refused, ServerClient, SignInNeeded
from app.sync.tokens import MemoryVault
from tests.sync.conftest import ADMIN, AGENT, ESCALATOR, OTHER_AGENT, PASSWORD, RunningServer

NEW_PASSWORD = "a fresh password 7"


def signed_in(server: RunningServer, login: str, password: str = PASSWORD) -> ServerClient:
    client = ServerClient(server.url, MemoryVault())
    client.sign_in(login, password)
    return client


@pytest.fixture
def admin(server: RunningServer) -> Iterator[ServerClient]:
    client = signed_in(server, ADMIN)
    yield client
    client.close()


def refusal(call: object, *args: object) -> tuple[int, str]:
    assert callable(call)
    with pytest.raises(Refused) as refused:
        call(*args)
    return refused.value.status, refused.value.code


def audit_lines(server: RunningServer) -> list[tuple[str | None, str, str, dict[str, object],
                                                     dict[str, object]]]:
    """(actor, account, action, before, after) of the server's account audit lines."""
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data).where(
            rows.c.entity == "audit_log", rows.c.data["kind"].astext == "accounts")
            .order_by(rows.c.seq)).scalars().all()
    return [(d["actor_id"], d["subject_id"], d["summary"], json.loads(d["before"]),
             json.loads(d["after"])) for d in found]


def test_an_administrator_lists_and_creates_accounts(server: RunningServer,
                                                      admin: ServerClient) -> None:
    listed = admin.list_accounts()
    assert [a.login for a in listed] == sorted(a.login for a in listed)
    assert Account(ESCALATOR, ESCALATOR.title(), "escalator", True) in listed
    created = admin.create_account("seat012", "张雪梅", "senior_reviewer", NEW_PASSWORD)
    assert created == Account("seat012", "张雪梅", "senior_reviewer", True)
    assert created in admin.list_accounts()
    newcomer = signed_in(server, "seat012", NEW_PASSWORD)
    assert newcomer.account == Account("seat012", "张雪梅", "senior_reviewer")
    newcomer.close()
    assert refusal(admin.create_account, "seat012", "重名", "agent", NEW_PASSWORD) == (
        409, "login_taken")
    # The escalation service's role is not handed out from a desk.
    assert refusal(admin.create_account, "seat013", "服务", "escalator", NEW_PASSWORD)[0] == 422
    assert audit_lines(server) == [
        (server.staff_id(ADMIN), "seat012", "created", {},
         {"login": "seat012", "name": "张雪梅", "role": "senior_reviewer", "active": True})]


def test_a_new_role_counts_from_the_accounts_next_request(server: RunningServer,
                                                          admin: ServerClient) -> None:
    seat = signed_in(server, AGENT)
    assert refusal(seat.list_accounts) == (403, "forbidden")
    assert admin.set_role(AGENT, "admin") == Account(AGENT, AGENT.title(), "admin", True)
    assert AGENT in {a.login for a in seat.list_accounts()}  # the same token, the new role
    assert admin.set_role(AGENT, "admin").role == "admin"  # unchanged: no second line
    assert refusal(admin.set_role, "nobody", "agent") == (404, "unknown_account")
    assert refusal(admin.set_role, AGENT, "escalator")[0] == 422
    assert audit_lines(server) == [
        (server.staff_id(ADMIN), AGENT, "changed", {"role": "agent"}, {"role": "admin"})]
    seat.close()


def test_disabling_an_account_signs_it_out_everywhere_until_enabled(
        server: RunningServer, admin: ServerClient) -> None:
    seat = signed_in(server, OTHER_AGENT)
    assert seat.pull(0, limit=1).changes
    assert admin.set_active(OTHER_AGENT, False).active is False
    with pytest.raises(SignInNeeded):  # access and refresh tokens are both revoked
        seat.pull(0, limit=1)
    assert refusal(seat.sign_in, OTHER_AGENT, PASSWORD) == (401, "login_refused")
    assert admin.set_active(OTHER_AGENT, True).active is True
    assert seat.sign_in(OTHER_AGENT, PASSWORD).login == OTHER_AGENT
    assert [(who, before, after) for _a, who, _s, before, after in audit_lines(server)] == [
        (OTHER_AGENT, {"active": True}, {"active": False}),
        (OTHER_AGENT, {"active": False}, {"active": True})]
    seat.close()


def test_a_reset_password_replaces_the_old_one_and_is_never_recorded(
        server: RunningServer, admin: ServerClient) -> None:
    seat = signed_in(server, AGENT)
    admin.reset_password(AGENT, NEW_PASSWORD)
    with pytest.raises(SignInNeeded):
        seat.pull(0, limit=1)
    assert refusal(seat.sign_in, AGENT, PASSWORD) == (401, "login_refused")
    assert seat.sign_in(AGENT, NEW_PASSWORD).login == AGENT
    [(_actor, who, action, before, after)] = audit_lines(server)
    assert (who, action, before) == (AGENT, "password_set", {})
    assert NEW_PASSWORD not in json.dumps(after) and "argon2" not in json.dumps(after)
    seat.close()


def test_the_last_account_administrator_stays(server: RunningServer,
                                              admin: ServerClient) -> None:
    assert refusal(admin.set_active, ADMIN, False) == (409, "last_administrator")
    assert refusal(admin.set_role, ADMIN, "supervisor") == (409, "last_administrator")
    admin.create_account("seat012", "张雪梅", "admin", NEW_PASSWORD)
    assert admin.set_role(ADMIN, "supervisor").role == "supervisor"
    # Now a supervisor: the same token may administer no more.
    assert refusal(admin.list_accounts) == (403, "forbidden")
