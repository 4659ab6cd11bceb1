"""Local accounts, signing in, the roles table and the audit log's automatic lines."""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import closing

import pytest
from sqlalchemy import select

from app.audit.recorder import AuditRecorder
from app.audit.tables import AuditRow
from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_PASSWORD
from app.domain.clock import ManualClock
from app.domain.roles import ROLES, Capability, Role, may, writer_of
from app.identity import accounts
from app.identity.seat import SignedIn
from app.identity.signing_in import SignInAhead, checker, sign_in_locally
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.models import CategoryRow, StaffRow


def test_every_role_is_one_row_and_tables_name_capabilities_not_roles() -> None:
    assert {spec.role for spec in ROLES} == set(Role)
    assert may(Role.ADMIN, Capability.MANAGE_ACCOUNTS)
    assert not may(Role.SUPERVISOR, Capability.MANAGE_ACCOUNTS)
    assert may(Role.SUPERVISOR, Capability.PLAN_ROTA)
    assert not may(Role.AGENT, Capability.PLAN_ROTA)
    assert may(Role.TECHNICAL_LEAD, Capability.VERIFY_RESOLUTIONS)
    assert not may(Role.AGENT, Capability.VERIFY_RESOLUTIONS)
    assert not may(Role.ADMIN, Capability.WRITE_LEDGER)  # only the escalation service
    assert not may("a role from a newer server", Capability.WORK_TICKETS)
    assert writer_of("categories") is Capability.MANAGE_CATALOG
    assert writer_of("desk_settings") is Capability.MANAGE_SETTINGS
    assert writer_of("rota_periods") is Capability.PLAN_ROTA
    assert writer_of("tickets") is Capability.WORK_TICKETS
    assert writer_of("audit_log") is None


def _reader(store: Store) -> sqlite3.Connection:
    return sqlite3.connect(store.path)


def test_a_demo_seat_signs_in_with_the_demo_password(demo_store: Store) -> None:
    with closing(_reader(demo_store)) as conn:
        admin = sign_in_locally(conn, DEMO_ADMIN, DEMO_PASSWORD)
        agent = sign_in_locally(conn, f" {DEMO_AGENT} ", DEMO_PASSWORD)
        with pytest.raises(DeskError) as refused:
            sign_in_locally(conn, DEMO_AGENT, "not the password")
        staff_id = conn.execute("SELECT id FROM staff WHERE login = ?",
                                (DEMO_AGENT,)).fetchone()[0]
    assert admin.may(Capability.MANAGE_SETTINGS) and not agent.may(Capability.MANAGE_SETTINGS)
    assert agent.staff_id == staff_id and agent.seat.staff_id == staff_id
    assert refused.value.problem is Problem.SIGN_IN_REFUSED


def test_a_sign_in_ahead_is_checked_while_the_desk_goes_on_loading(
        demo_store: Store) -> None:
    """An unattended start checks the password on a thread of its own: the caller goes on
    (importing the desk) and gets the seat, or the refusal, when it asks for it."""
    check = checker(demo_store.path, lambda: "", lambda: None)
    caller_went_on = threading.Event()

    def check_after_the_caller_went_on(login: str, password: str) -> SignedIn:
        assert caller_went_on.wait(10), "the check held the caller up"
        return check(login, password)

    ahead = SignInAhead(check_after_the_caller_went_on, DEMO_AGENT, DEMO_PASSWORD)
    caller_went_on.set()
    assert ahead.seat().login == DEMO_AGENT
    refused = SignInAhead(check, DEMO_AGENT, "not the password")
    with pytest.raises(DeskError) as raised:
        refused.seat()
    assert raised.value.problem is Problem.SIGN_IN_REFUSED


def test_a_disabled_account_or_a_deactivated_person_cannot_sign_in(
        demo_store: Store, clock: ManualClock) -> None:
    with demo_store.unit_of_work() as session:
        accounts.set_active(session, DEMO_AGENT, False)
    with closing(_reader(demo_store)) as conn, pytest.raises(DeskError):
        sign_in_locally(conn, DEMO_AGENT, DEMO_PASSWORD)
    with demo_store.unit_of_work() as session:
        accounts.set_active(session, DEMO_AGENT, True)
        session.scalars(select(StaffRow).where(StaffRow.login == DEMO_AGENT)).one().active = False
    with closing(_reader(demo_store)) as conn, pytest.raises(DeskError):
        sign_in_locally(conn, DEMO_AGENT, DEMO_PASSWORD)


def test_an_account_needs_its_staff_member_a_free_login_and_a_long_password(
        demo_store: Store, clock: ManualClock) -> None:
    with demo_store.unit_of_work() as session, pytest.raises(DeskError) as nobody:
        accounts.create(session, clock, "nobody", Role.AGENT, "long enough")
    with demo_store.unit_of_work() as session, pytest.raises(DeskError) as taken:
        accounts.create(session, clock, DEMO_AGENT, Role.AGENT, "long enough")
    with demo_store.unit_of_work() as session, pytest.raises(DeskError) as short:
        accounts.set_password(session, clock, DEMO_AGENT, "short")
    assert (nobody.value.problem, taken.value.problem, short.value.problem) == (
        Problem.STAFF_NOT_FOUND, Problem.LOGIN_TAKEN, Problem.PASSWORD_TOO_SHORT)
    with demo_store.unit_of_work() as session:
        accounts.set_password(session, clock, DEMO_AGENT, "a new password")
    with closing(_reader(demo_store)) as conn:
        assert sign_in_locally(conn, DEMO_AGENT, "a new password").login == DEMO_AGENT


def test_catalog_and_account_changes_leave_audit_lines_with_before_and_after(
        demo_store: Store, clock: ManualClock) -> None:
    AuditRecorder(demo_store, clock)
    with closing(_reader(demo_store)) as conn:
        admin = sign_in_locally(conn, DEMO_ADMIN, DEMO_PASSWORD)
    demo_store.author_id = admin.staff_id
    with demo_store.unit_of_work() as session:
        category = session.scalars(select(CategoryRow).order_by(CategoryRow.position)).first()
        assert category is not None
        old_name = category.name_en
        category.name_en = "Hosts and servers"
        accounts.set_password(session, clock, DEMO_AGENT, "another password")
    with demo_store.unit_of_work() as session:
        lines = session.scalars(select(AuditRow).order_by(AuditRow.subject)).all()
    assert [(line.kind, line.subject, line.summary) for line in lines] == [
        ("catalog", "categories", "changed"), ("accounts", "desk_accounts", "password_set")]
    assert {line.actor_id for line in lines} == {admin.staff_id}
    changed = lines[0]
    assert json.loads(changed.before) == {"name_en": old_name}
    assert json.loads(changed.after) == {"name_en": "Hosts and servers"}
    assert "another password" not in lines[1].after and "argon2" not in lines[1].after


def test_signing_in_locally_loads_neither_the_orm_nor_the_mail_readers() -> None:
    """Every start signs a seat in: the ORM (~200 ms of imports) and the mail readers wait
    until something needs them."""
    import os
    import subprocess
    import sys

    probe = ("import sys, app.identity.signing_in, ui.mail_in; "
             "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'app.mail'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"
