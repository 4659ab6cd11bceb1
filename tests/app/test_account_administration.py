"""Administering a standalone desk's accounts without Qt: who may, the last administrator,
and the audit lines each change leaves (a password recorded as set, never its hash)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta

import pytest

from app.audit.recorder import AuditRecorder
from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_PASSWORD, DEMO_SUPERVISOR
from app.domain.clock import ManualClock
from app.domain.roles import Role
from app.identity.administration import LocalAccounts, check_new_password, last_manager
from app.identity.passwords import verify
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.store.database import Store
from tests.conftest import seat_of


@pytest.fixture
def audited(demo_copy: DataDir, clock: ManualClock) -> Iterator[Store]:
    store = Store(demo_copy.database)
    AuditRecorder(store, clock)
    yield store
    store.close()


def book(store: Store, data: DataDir, clock: ManualClock, actor: SignedIn) -> LocalAccounts:
    store.author_id, store.author_login = actor.staff_id, actor.login
    return LocalAccounts(store, data.database, clock, actor)


def test_an_administrator_creates_resets_changes_and_disables_accounts(
        audited: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    admin = seat_of(demo_copy, DEMO_ADMIN)
    accounts = book(audited, demo_copy, clock, admin)
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        conn.execute("DELETE FROM desk_accounts WHERE login = 'seat020'")
        conn.commit()
    for change in (
            lambda: accounts.create("seat020", "", Role.TECHNICAL_LEAD.value, "first password"),
            lambda: accounts.reset_password(DEMO_AGENT, "a new password"),
            lambda: accounts.set_role(DEMO_AGENT, Role.SUPERVISOR.value),
            lambda: accounts.set_active(DEMO_SUPERVISOR, False)):
        change()
        clock.advance(timedelta(minutes=1))
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        assert verify(conn, "seat020", "first password") == Role.TECHNICAL_LEAD.value
        assert verify(conn, DEMO_AGENT, DEMO_PASSWORD) is None
        assert verify(conn, DEMO_AGENT, "a new password") == Role.SUPERVISOR.value
        assert verify(conn, DEMO_SUPERVISOR, DEMO_PASSWORD) is None
        lines = conn.execute("SELECT actor_id, kind, summary, before, after FROM audit_log "
                             "ORDER BY at, id").fetchall()
    assert [(kind, summary) for _a, kind, summary, _b, _after in lines] == [
        ("accounts", "created"), ("accounts", "password_set"), ("accounts", "changed"),
        ("accounts", "changed")]
    assert {actor for actor, *_rest in lines} == {admin.staff_id}
    text = json.dumps(lines, ensure_ascii=False)
    assert "a new password" not in text and "argon2" not in text
    assert json.loads(lines[2][3]) == {"role": "agent"}
    assert json.loads(lines[2][4]) == {"role": "supervisor"}


def test_roles_without_managing_accounts_are_refused(
        audited: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    for login in (DEMO_SUPERVISOR, DEMO_AGENT):
        accounts = book(audited, demo_copy, clock, seat_of(demo_copy, login))
        with pytest.raises(DeskError) as refused:
            accounts.reset_password(DEMO_ADMIN, "taken over")
        assert refused.value.problem is Problem.NOT_ALLOWED
    # The actor must be the Store's author: the audit line names whose role was checked.
    accounts = LocalAccounts(audited, demo_copy.database, clock, seat_of(demo_copy, DEMO_ADMIN))
    audited.author_id = seat_of(demo_copy, DEMO_AGENT).staff_id
    with pytest.raises(DeskError):
        accounts.set_role(DEMO_AGENT, Role.ADMIN.value)
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_the_last_administrator_cannot_disable_or_demote_their_account(
        audited: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    admin = seat_of(demo_copy, DEMO_ADMIN)
    accounts = book(audited, demo_copy, clock, admin)
    assert last_manager(accounts.listed(), DEMO_ADMIN)
    for change in (lambda: accounts.set_active(DEMO_ADMIN, False),
                   lambda: accounts.set_role(DEMO_ADMIN, Role.SUPERVISOR.value)):
        with pytest.raises(DeskError) as refused:
            change()
        assert refused.value.problem is Problem.LAST_ADMINISTRATOR
    accounts.set_role(DEMO_ADMIN, Role.ADMIN.value)  # no demotion: allowed
    # With a second administrator the first may step down.
    accounts.set_role(DEMO_SUPERVISOR, Role.ADMIN.value)
    assert not last_manager(accounts.listed(), DEMO_ADMIN)
    accounts.set_role(DEMO_ADMIN, Role.AGENT.value)
    assert last_manager(accounts.listed(), DEMO_SUPERVISOR)


def test_the_escalation_service_role_is_not_handed_out_here(
        audited: Store, demo_copy: DataDir, clock: ManualClock) -> None:
    accounts = book(audited, demo_copy, clock, seat_of(demo_copy, DEMO_ADMIN))
    with pytest.raises(DeskError) as refused:
        accounts.set_role(DEMO_AGENT, Role.ESCALATOR.value)
    assert refused.value.problem is Problem.NOT_ALLOWED


def test_a_new_password_is_typed_twice() -> None:
    check_new_password("long enough", "long enough")
    with pytest.raises(DeskError) as differ:
        check_new_password("long enough", "long enougH")
    assert differ.value.problem is Problem.PASSWORDS_DIFFER
    with pytest.raises(DeskError) as short:
        check_new_password("short", "short")
    assert short.value.problem is Problem.PASSWORD_TOO_SHORT
