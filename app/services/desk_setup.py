"""Putting a new desk into service: the no-Qt part of the first-start walk-through.

Two ways, both ending with someone signed in:

- ``set_up_locally``: a standalone desk gets the reference catalog (if it has none yet),
  its name and time zone, and its first administrator - a staff member and a local
  account (argon2id), written in one transaction with their audit lines, the administrator
  as their author. It is refused on a desk that has accounts already: the walk-through is
  for a desk nobody can sign in to yet.
- ``join_server``: an empty desk signs in to a sync server and pulls everything; it then
  signs in with the server's accounts (there is no local administrator to make).

The demo desk is the third way; ``app.services.data_folder.seed`` writes it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from app.desk_settings import DEFAULT_TIME_ZONE, DESK_NAME_MAX
from app.domain.clock import Clock
from app.domain.enums import Seniority
from app.identity.seat import SignedIn, staff_of
from app.paths import DataDir
from app.services.errors import DeskError, Problem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.sync.client import Account
    from app.sync.tokens import TokenVault


@dataclass(frozen=True)
class DeskIdentity:
    """What the administrator calls the desk, and the time zone its clocks show."""

    name: str
    time_zone: str = DEFAULT_TIME_ZONE


@dataclass(frozen=True)
class FirstAdministrator:
    """The person who sets the desk up: a staff member with an administrator's account."""

    name: str
    login: str
    password: str
    phone: str = ""
    email: str = ""


@cache
def time_zones() -> tuple[str, ...]:
    """The IANA time zones this machine knows, sorted (the walk-through's list)."""
    from zoneinfo import available_timezones

    return tuple(sorted(zone for zone in available_timezones()
                        if "/" in zone and not zone.startswith(("Etc/", "SystemV/"))))


def check_desk(desk: DeskIdentity) -> DeskIdentity:
    """The desk's name trimmed; DeskError for a missing or long name, an unknown zone."""
    desk = replace(desk, name=desk.name.strip(), time_zone=desk.time_zone.strip())
    if not desk.name:
        raise DeskError(Problem.NAME_MISSING, "desk_name")
    if len(desk.name) > DESK_NAME_MAX:
        raise DeskError(Problem.TEXT_TOO_LONG, "desk_name", str(DESK_NAME_MAX))
    if desk.time_zone not in time_zones():
        raise DeskError(Problem.TIME_ZONE_UNKNOWN, "time_zone")
    return desk


def check_administrator(admin: FirstAdministrator, again: str) -> FirstAdministrator:
    """The administrator's fields trimmed (as a staff form trims them); DeskError naming
    the first field at fault. ``again`` is the password typed a second time."""
    from app.identity.administration import check_new_password
    from app.people.admin import StaffForm, check_staff

    form = check_staff(StaffForm(admin.name, admin.login, None, Seniority.ENGINEER.value,
                                 phone=admin.phone, email=admin.email))
    check_new_password(admin.password, again)
    return replace(admin, name=form.name, login=form.login, phone=form.phone,
                   email=form.email)


def set_up_locally(data: DataDir, clock: Clock, desk: DeskIdentity,
                   admin: FirstAdministrator) -> SignedIn:
    """Put a standalone desk into service; returns the administrator, signed in.

    Raises DeskError: a field at fault (nothing written), ``NOT_ALLOWED`` if the desk has
    accounts already, ``LOGIN_TAKEN`` if a staff member has the login."""
    from app.services.data_folder import needs_seed, seed

    desk = check_desk(desk)
    admin = check_administrator(admin, admin.password)
    if needs_seed(data):
        seed(data, clock, None)  # the catalog: its own transaction, as on every first start
    staff_id = _write_administrator(data, clock, desk, admin)
    with closing(sqlite3.connect(data.database)) as conn:
        seat = staff_of(conn, admin.login, "admin")
    assert seat is not None and seat.staff_id == staff_id
    return seat


def _write_administrator(data: DataDir, clock: Clock, desk: DeskIdentity,
                         admin: FirstAdministrator) -> str:
    """The staff row, the account and the desk's name and time zone, in one transaction,
    audited under the administrator; returns the staff id."""
    from sqlalchemy import func, select, text

    from app.audit.recorder import AuditRecorder
    from app.domain.enums import StaffStatus
    from app.domain.ids import new_id
    from app.domain.roles import Role
    from app.identity import accounts
    from app.identity.tables import DeskAccountRow
    from app.store.database import Store
    from app.store.models import StaffRow

    store = Store(data.database)
    try:
        staff_id = new_id(clock)
        store.author_id, store.author_login = staff_id, admin.login
        AuditRecorder(store, clock)
        with store.unit_of_work() as session:
            # The audit lines name the administrator, whose row this transaction writes:
            # the unit of work may insert a line before the row, so the check waits for
            # the commit (SQLite resets this at the end of the transaction).
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            if session.scalar(select(DeskAccountRow.id).limit(1)) is not None:
                raise DeskError(Problem.NOT_ALLOWED)
            if session.scalar(select(StaffRow.id).where(
                    func.lower(StaffRow.login) == admin.login.lower())) is not None:
                raise DeskError(Problem.LOGIN_TAKEN, "login", admin.login)
            now = clock.now()
            session.add(StaffRow(
                id=staff_id, name=admin.name, login=admin.login, team_id=None,
                seniority=Seniority.ENGINEER.value, status=StaffStatus.AVAILABLE.value,
                phone=admin.phone, email=admin.email, active=True, version=1, updated_at=now,
                deleted=False))
            accounts.create(session, clock, admin.login, Role.ADMIN, admin.password)
            write_desk_identity(session, clock, staff_id, desk)
    finally:
        store.close()
    return staff_id


def write_desk_identity(session: Session, clock: Clock, author_id: str | None,
                        desk: DeskIdentity) -> None:
    """The desk's name and time zone as desk-wide settings (app/desk_settings.py), in the
    caller's transaction (the role was checked by whoever made ``author_id`` the author)."""
    from app.desk_settings import checked, write

    write(session, clock, author_id, {"desk_name": checked("desk_name", desk.name),
                                      "time_zone": checked("time_zone", desk.time_zone)})


def join_server(data: DataDir, clock: Clock, url: str, vault: TokenVault, login: str,
                password: str) -> tuple[Account, SignedIn]:
    """Sign in to the server at ``url`` and pull everything into this (empty) desk.
    Returns the server's account and the seat signed in with it. Runs off the GUI thread.

    Raises the client's ``Offline`` or ``Refused``, or DeskError(NOT_ALLOWED) if the desk
    holds records of its own (app/sync/joining.py)."""
    from app.identity.signing_in import _role_key
    from app.store.database import Store
    from app.sync import state
    from app.sync.client import ServerClient
    from app.sync.joining import holds_own_records
    from app.sync.syncer import Syncer
    from app.sync.unlock import remember

    with closing(sqlite3.connect(data.database)) as reader:
        if holds_own_records(reader):
            raise DeskError(Problem.NOT_ALLOWED)
    store = Store(data.database)
    client = ServerClient(url, vault)
    try:
        account = client.sign_in(login, password)
        with store.unit_of_work() as session:
            # As at every online sign-in: the verifier and the role, so this seat can sign
            # in during an outage (app/identity/signing_in.py).
            remember(session.connection(), account.login, password)
            state.write(session.connection(), _role_key(account.login), account.role)
        Syncer(store, client, clock).sync_once()
    finally:
        client.close()
        store.close()
    with closing(sqlite3.connect(data.database)) as conn:
        seat = staff_of(conn, account.login, account.role)
    # A server account without a staff row yet (made with the command line) still signs
    # in; its writes carry no staff id until the row arrives (as app.identity.signing_in).
    return account, seat or SignedIn(account.login, None, None, account.name or account.login,
                                     account.role)
