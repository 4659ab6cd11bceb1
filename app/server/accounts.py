"""Accounts on the sync server: argon2id password hashes, short-lived access tokens with a
refresh token, roles, and a cap on failed logins.

Tokens are random and opaque; only their SHA-256 is stored, so a leaked database holds no
usable token, and any server instance can check a token another one issued. The tokens of
one sign-in share a family: signing out revokes the family, access tokens included. A
refresh token stays good after its refresh until something issued for it is used, so a
desk that never heard a refresh's answer repeats it instead of being signed out.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.roles import Capability, Role, may
from app.server.tables import login_failures, tokens, users

ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=30)
FAILED_LOGIN_WINDOW = timedelta(minutes=15)
FAILED_LOGIN_LIMIT = 10  # per login name within the window
_HASHER = PasswordHasher()  # argon2id with the library's current defaults


class LoginRefused(Exception):
    """Wrong user name or password (never says which)."""


class TooManyFailures(Exception):
    """Too many failed logins for this name lately."""


@dataclass(frozen=True)
class User:
    id: str
    login: str
    name: str
    role: Role

    def may(self, capability: Capability) -> bool:
        return may(self.role, capability)


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str
    access_expires_at: datetime


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def create_user(conn: Connection, clock: Clock, login: str, name: str, role: Role,
                password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    user_id = new_id(clock)
    conn.execute(insert(users).values(
        id=user_id, login=login, name=name, role=str(role), password_hash=hash_password(password),
        active=True, created_at=clock.now()))
    return user_id


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(conn: Connection, clock: Clock, user_id: str, *, family: str | None = None,
           parent: str | None = None) -> Tokens:
    now = clock.now()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    family = family or _digest(refresh)
    conn.execute(insert(tokens), [
        {"token_hash": _digest(access), "user_id": user_id, "kind": "access",
         "expires_at": now + ACCESS_LIFETIME, "family": family, "parent": parent},
        {"token_hash": _digest(refresh), "user_id": user_id, "kind": "refresh",
         "expires_at": now + REFRESH_LIFETIME, "family": family, "parent": parent},
    ])
    conn.execute(delete(tokens).where(tokens.c.expires_at < now))
    return Tokens(access, refresh, now + ACCESS_LIFETIME)


def login(conn: Connection, clock: Clock, name: str, password: str) -> tuple[User, Tokens]:
    now = clock.now()
    failures = conn.execute(select(func.count()).select_from(login_failures).where(
        login_failures.c.login == name, login_failures.c.at > now - FAILED_LOGIN_WINDOW)
    ).scalar_one()
    if failures >= FAILED_LOGIN_LIMIT:
        raise TooManyFailures(name)
    row = conn.execute(select(users).where(users.c.login == name, users.c.active)).first()
    try:
        if row is None:
            raise VerificationError
        _HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginRefused(name) from None
    if _HASHER.check_needs_rehash(row.password_hash):
        conn.execute(update(users).where(users.c.id == row.id)
                     .values(password_hash=hash_password(password)))
    user = User(row.id, row.login, row.name, Role(row.role))
    return user, _issue(conn, clock, row.id)


def record_failure(conn: Connection, clock: Clock, name: str) -> None:
    """Count a failed sign-in; in its own transaction, as the sign-in's own rolls back."""
    conn.execute(insert(login_failures).values(login=name, at=clock.now()))


def _holder(conn: Connection, clock: Clock, token: str, kind: str, *,
            lock: bool = False) -> Row[Any] | None:
    query = (select(users, tokens.c.expires_at, tokens.c.used, tokens.c.spent,
                    tokens.c.family)
             .join(tokens, tokens.c.user_id == users.c.id)
             .where(tokens.c.token_hash == _digest(token), tokens.c.kind == kind,
                    ~tokens.c.revoked, users.c.active))
    row = conn.execute(query.with_for_update(of=tokens) if lock else query).first()
    if row is None or row.expires_at <= clock.now():
        return None
    return row


def _user(row: Row[Any]) -> User:
    return User(row.id, row.login, row.name, Role(row.role))


def authenticate(conn: Connection, clock: Clock, access_token: str) -> User | None:
    """The user an access token belongs to, or None when it is unknown or expired."""
    row = _holder(conn, clock, access_token, "access")
    if row is None:
        return None
    if not row.used:  # from now on the refresh that issued it cannot be repeated
        conn.execute(update(tokens).where(tokens.c.token_hash == _digest(access_token))
                     .values(used=True))
    return _user(row)


def refresh(conn: Connection, clock: Clock, refresh_token: str) -> tuple[User, Tokens] | None:
    """New tokens for a valid refresh token, which is spent. A spent one is taken again as
    long as nothing issued for it was used (the desk never heard the answer): what was
    issued then is revoked and new tokens are issued."""
    row = _holder(conn, clock, refresh_token, "refresh", lock=True)
    if row is None:
        return None
    digest = _digest(refresh_token)
    if row.spent:
        issued = conn.execute(select(tokens.c.used, tokens.c.spent)
                              .where(tokens.c.parent == digest, ~tokens.c.revoked)).all()
        if any(token.used or token.spent for token in issued):
            return None
        conn.execute(update(tokens).where(tokens.c.parent == digest).values(revoked=True))
    else:
        conn.execute(update(tokens).where(tokens.c.token_hash == digest).values(spent=True))
    user = _user(row)
    return user, _issue(conn, clock, user.id, family=row.family or digest, parent=digest)


def logout(conn: Connection, refresh_token: str, access_token: str | None = None) -> None:
    """Revoke every token of the sign-in ``refresh_token`` belongs to, and the access token
    the request came with."""
    digest = _digest(refresh_token)
    family = conn.execute(select(tokens.c.family).where(tokens.c.token_hash == digest)
                          ).scalar_one_or_none()
    revoked = [tokens.c.token_hash == digest]
    if family is not None:
        revoked.append(tokens.c.family == family)
    if access_token:
        revoked.append(tokens.c.token_hash == _digest(access_token))
    conn.execute(update(tokens).where(or_(*revoked)).values(revoked=True))
