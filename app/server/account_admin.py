"""The server's accounts, administered from a connected desk: list them, create one, change
its role, disable or enable it, reset its password.

Only an account whose role may ``MANAGE_ACCOUNTS`` does any of it (each function checks, so
no caller can forget). Every change writes an audit line into the row store in its own
transaction (entity ``audit_log``, pulled by every desk like any row) under the
administrator's staff member, with the changed fields before and after - never a password
or its hash. Disabling an account or resetting its password revokes its tokens: a departed
seat or a leaked password is cut off now, not when the access token runs out. The last
active account administrator can be neither disabled nor given a lesser role: nobody could
administer accounts again without the command line.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from sqlalchemy import Connection, Row, select, update
from sqlalchemy.exc import IntegrityError

from app.audit.recorder import REDACTED, Action, AuditKind
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.roles import ROLES, Capability, Role, assignable_roles, spec
from app.server.accounts import User, create_user, hash_password
from app.server.push import add_row
from app.server.roles import staff_id_of
from app.server.tables import tokens, users
from app.sync.entities import encode_value, entities

SUBJECT = "accounts"  # the audit lines' subject (app.server.roles.ACCOUNT_SUBJECTS)
# A staff member's login (letters, digits, ``._@-``), not starting with a dot: it is a path
# segment of the API, where "." and ".." would name another path.
LOGIN_PATTERN = r"^[A-Za-z0-9_@-][A-Za-z0-9._@-]*$"
NO_NUL = r"^[^\x00]*$"
PASSWORD_MIN = 8  # as create_user asks
_MANAGERS = tuple(str(row.role) for row in ROLES
                  if Capability.MANAGE_ACCOUNTS in row.capabilities)


class AccountRefused(Exception):
    """The change is not made; ``status``, ``code`` and ``message`` are the API's answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _given_by_hand(role: Role) -> Role:
    if not spec(role).assignable:
        raise ValueError(f"the role {role} is given with the command line only")
    return role


# A role an administrator may give (the schema lists only those): not the escalation
# service's, which is made with ``seatdesk-server create-user`` for the one service.
AssignableRole = Annotated[Role, AfterValidator(_given_by_hand), WithJsonSchema(
    {"type": "string", "enum": [str(row.role) for row in assignable_roles()]})]


class AccountView(BaseModel):
    """An account as the accounts page lists it."""

    model_config = ConfigDict(frozen=True)

    login: str
    name: str
    role: Role
    active: bool


class NewAccount(BaseModel):
    login: str = Field(min_length=1, max_length=80, pattern=LOGIN_PATTERN)
    name: str = Field(min_length=1, max_length=80, pattern=NO_NUL)
    role: AssignableRole
    password: str = Field(min_length=PASSWORD_MIN, max_length=256,
                          description="The initial password, at least 8 characters")


class RoleChange(BaseModel):
    role: AssignableRole


class ActiveChange(BaseModel):
    active: bool = Field(description="false disables the account and revokes its tokens")


class PasswordReset(BaseModel):
    password: str = Field(min_length=PASSWORD_MIN, max_length=256,
                          description="The new password; the account's tokens are revoked")


def list_accounts(conn: Connection, admin: User) -> list[AccountView]:
    """Every account, the escalation service's included, by login."""
    _require(admin)
    return [_view(row) for row in conn.execute(select(users).order_by(users.c.login))]


def create_account(conn: Connection, clock: Clock, admin: User,
                   new: NewAccount) -> AccountView:
    _require(admin)
    _assignable(new.role)
    try:
        with conn.begin_nested():
            create_user(conn, clock, new.login, new.name, new.role, new.password)
    except IntegrityError:
        raise AccountRefused(409, "login_taken",
                             f"an account with the login {new.login!r} exists") from None
    view = AccountView(login=new.login, name=new.name, role=new.role, active=True)
    _audit(conn, clock, admin, new.login, Action.CREATED, {}, view.model_dump(mode="json"))
    return view


def set_role(conn: Connection, clock: Clock, admin: User, login: str,
             role: Role) -> AccountView:
    """Give ``login`` another role; it counts from the account's next request."""
    _require(admin)
    _assignable(role)
    row = _account(conn, login)
    if row.role == role:
        return _view(row)
    if Capability.MANAGE_ACCOUNTS not in spec(role).capabilities:
        _keep_a_manager(conn, row)
    conn.execute(update(users).where(users.c.id == row.id).values(role=str(role)))
    _audit(conn, clock, admin, login, Action.CHANGED, {"role": row.role}, {"role": str(role)})
    return _view(_account(conn, login))


def set_active(conn: Connection, clock: Clock, admin: User, login: str,
               active: bool) -> AccountView:
    """Disable (and sign out everywhere) or enable ``login``."""
    _require(admin)
    row = _account(conn, login)
    if row.active == active:
        return _view(row)
    if not active:
        _keep_a_manager(conn, row)
        _revoke_tokens(conn, row.id)
    conn.execute(update(users).where(users.c.id == row.id).values(active=active))
    _audit(conn, clock, admin, login, Action.CHANGED, {"active": row.active},
           {"active": active})
    return _view(_account(conn, login))


def reset_password(conn: Connection, clock: Clock, admin: User, login: str,
                   password: str) -> AccountView:
    """Set a new password for ``login``; its tokens are revoked, so it signs in again."""
    _require(admin)
    if len(password) < PASSWORD_MIN:
        raise AccountRefused(422, "password_too_short",
                             f"a password needs at least {PASSWORD_MIN} characters")
    row = _account(conn, login)
    conn.execute(update(users).where(users.c.id == row.id)
                 .values(password_hash=hash_password(password)))
    _revoke_tokens(conn, row.id)
    _audit(conn, clock, admin, login, Action.PASSWORD_SET, {}, {"password": REDACTED})
    return _view(row)


def _require(admin: User) -> None:
    if not admin.may(Capability.MANAGE_ACCOUNTS):
        raise AccountRefused(403, "forbidden", "your role may not manage accounts")


def _assignable(role: Role) -> None:
    if not spec(role).assignable:
        raise AccountRefused(422, "role_not_assignable",
                             f"the role {role} is given with the command line only")


def _account(conn: Connection, login: str) -> Row[Any]:
    row = conn.execute(select(users).where(users.c.login == login)).first()
    if row is None:
        raise AccountRefused(404, "unknown_account", f"no account has the login {login!r}")
    return row


def _view(row: Row[Any]) -> AccountView:
    return AccountView(login=row.login, name=row.name, role=Role(row.role), active=row.active)


def _keep_a_manager(conn: Connection, leaving: Row[Any]) -> None:
    """Refuse to take the last active account administrator away. Every manager's row is
    locked, in one order: of two administrators demoting each other at once, the second
    waits, then finds the first no longer a manager and is refused."""
    managers = set(conn.execute(select(users.c.id).where(
        users.c.active, users.c.role.in_(_MANAGERS)).order_by(users.c.id)
        .with_for_update()).scalars())
    if managers == {leaving.id}:
        raise AccountRefused(409, "last_administrator",
                             "at least one active account must administer accounts")


def _revoke_tokens(conn: Connection, user_id: str) -> None:
    conn.execute(update(tokens).where(tokens.c.user_id == user_id, ~tokens.c.revoked)
                 .values(revoked=True))


def _audit(conn: Connection, clock: Clock, admin: User, login: str, action: Action,
           before: dict[str, Any], after: dict[str, Any]) -> None:
    """The audit line of an account change, written as a desk's line would be."""
    line = new_id(clock)
    add_row(conn, entities()["audit_log"], line, {
        "id": line, "at": encode_value(clock.now()), "actor_id": staff_id_of(conn, admin.login),
        "kind": str(AuditKind.ACCOUNTS), "subject": SUBJECT, "subject_id": login,
        "summary": str(action), "before": _json(before), "after": _json(after)},
        f"{admin.login}@server")


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)
