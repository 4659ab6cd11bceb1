"""The seat signed in at this desk: the author of every write while it stays signed in."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.domain.roles import Capability, Role, may, spec
from app.store.queues import Seat


class SignedIn(NamedTuple):
    """An account and its staff member. ``offline`` when the password was checked against
    the verifier kept after an earlier online sign-in (the server could not be reached)."""

    login: str
    staff_id: str | None
    team_id: str | None
    name: str
    role: str
    offline: bool = False

    @property
    def seat(self) -> Seat:
        return Seat(self.staff_id, self.team_id)

    def may(self, capability: Capability) -> bool:
        return may(self.role, capability)

    def role_name(self, language: str) -> str:
        return spec(self.role).name(language)


NOBODY = SignedIn("", None, None, "", Role.AGENT.value)


def first_administrator(conn: sqlite3.Connection) -> SignedIn | None:
    """The first active administrator with a local account: who previews, screenshots and
    benchmarks act as (never a fallback for a real seat, who always signs in)."""
    row = conn.execute(
        "SELECT a.login, a.role FROM desk_accounts a JOIN staff s ON s.login = a.login "
        "AND s.deleted = 0 AND s.active = 1 WHERE a.active = 1 AND a.role = ? "
        "ORDER BY a.login LIMIT 1", (Role.ADMIN.value,)).fetchone()
    return None if row is None else staff_of(conn, row[0], row[1])


def staff_of(conn: sqlite3.Connection, login: str, role: str, *,
             offline: bool = False) -> SignedIn | None:
    """The signed-in seat for ``login``: None when no active staff member has that login
    (one staff member per account; a deactivated person cannot sign in)."""
    row = conn.execute("SELECT id, team_id, name FROM staff WHERE login = ? AND deleted = 0 "
                       "AND active = 1", (login,)).fetchone()
    if row is None:
        return None
    return SignedIn(login, row[0], row[1], row[2], role, offline)
