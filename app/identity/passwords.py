"""Checking a local account's password: argon2id over plain sqlite3.

Kept apart from app.identity.accounts (which edits accounts through SQLAlchemy) because
every start of a standalone desk signs a seat in: this path must not load the ORM.
"""

from __future__ import annotations

import sqlite3

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()  # argon2id with the library's current defaults


def verify(conn: sqlite3.Connection, login: str, password: str) -> str | None:
    """The role of ``login`` if ``password`` is its password and the account is active."""
    row = conn.execute("SELECT password_hash, role FROM desk_accounts WHERE login = ? "
                       "AND active = 1", (login,)).fetchone()
    if row is None or not row[0]:
        return None
    try:
        HASHER.verify(row[0], password)
    except (VerificationError, InvalidHashError):
        return None
    return str(row[1])

