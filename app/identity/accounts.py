"""Local accounts of a standalone desk: argon2id hashes, roles from app.domain.roles.

A connected desk signs in with the server's accounts instead (app/identity/signing_in.py);
these exist so that a desk without a server still knows who sits at it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.roles import Role
from app.identity.passwords import HASHER as _HASHER
from app.identity.tables import DeskAccountRow
from app.services.errors import DeskError, Problem
from app.store.models import StaffRow

PASSWORD_MIN = 8


@dataclass(frozen=True)
class Account:
    """An account as the accounts page shows it (never its hash)."""

    id: str
    login: str
    role: str
    active: bool
    has_password: bool
    staff_name: str


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN:
        raise DeskError(Problem.PASSWORD_TOO_SHORT, "password", str(PASSWORD_MIN))


def create(session: Session, clock: Clock, login: str, role: Role | str,
           password: str | None = None) -> DeskAccountRow:
    """An account for the staff member with ``login`` (who must exist); without a password
    it cannot sign in until an administrator sets one."""
    if session.scalar(select(StaffRow.id).where(StaffRow.login == login,
                                                StaffRow.deleted.is_(False))) is None:
        raise DeskError(Problem.STAFF_NOT_FOUND, "login", login)
    if session.scalar(select(DeskAccountRow.id).where(DeskAccountRow.login == login)):
        raise DeskError(Problem.LOGIN_TAKEN, "login", login)
    Role(role)  # an unknown role is a programming error, not the seat's
    row = DeskAccountRow(id=new_id(clock), login=login, role=str(role), password_hash="",
                         active=True, created_at=clock.now())
    if password is not None:
        check_password(password)
        row.password_hash, row.password_set_at = _HASHER.hash(password), clock.now()
    session.add(row)
    return row


def _row(session: Session, login: str) -> DeskAccountRow:
    row = session.scalar(select(DeskAccountRow).where(DeskAccountRow.login == login))
    if row is None:
        raise DeskError(Problem.ACCOUNT_NOT_FOUND, "login", login)
    return row


def set_password(session: Session, clock: Clock, login: str, password: str) -> None:
    check_password(password)
    row = _row(session, login)
    row.password_hash, row.password_set_at = _HASHER.hash(password), clock.now()


def set_role(session: Session, login: str, role: Role | str) -> None:
    _row(session, login).role = str(Role(role))


def set_active(session: Session, login: str, active: bool) -> None:
    _row(session, login).active = active


def listed(conn: sqlite3.Connection) -> list[Account]:
    rows = conn.execute(
        "SELECT a.id, a.login, a.role, a.active, a.password_hash <> '', coalesce(s.name, '') "
        "FROM desk_accounts a LEFT JOIN staff s ON s.login = a.login AND s.deleted = 0 "
        "ORDER BY a.login")
    return [Account(r[0], r[1], r[2], bool(r[3]), bool(r[4]), r[5]) for r in rows]
