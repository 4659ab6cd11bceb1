"""Administering accounts from the desk: list, create, reset a password, change a role,
disable and enable - the accounts tab's rules, whichever accounts the desk signs in with.

- ``LocalAccounts``: a standalone desk's own accounts (app/identity/accounts.py), written
  through the Store, so the audit recorder writes each change's line in its transaction
  under the signed-in administrator (a password is recorded as set, never its hash).
- ``ServerAccounts``: a connected desk's accounts are the server's; the server decides
  and audits (app/server/account_admin.py); its refusals come back as DeskError.

Both refuse an actor whose role may not manage accounts, a role the accounts page does not
hand out (the escalation service's), and disabling or demoting the last active account
that may manage accounts: nobody could manage accounts again without a command line.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.domain.clock import Clock
from app.domain.roles import Capability, assignable_roles, may
from app.identity.accounts import PASSWORD_MIN, Account, check_password
from app.identity.seat import SignedIn
from app.services.errors import DeskError, Problem

if TYPE_CHECKING:
    from app.store.database import Store
    from app.sync.client import ServerClient


class AccountBook(Protocol):
    """The accounts a desk administers (its own, or its server's)."""

    def listed(self) -> list[Account]: ...
    def create(self, login: str, name: str, role: str, password: str) -> None: ...
    def reset_password(self, login: str, password: str) -> None: ...
    def set_role(self, login: str, role: str) -> None: ...
    def set_active(self, login: str, active: bool) -> None: ...


def check_new_password(password: str, again: str) -> None:
    """A new password, typed twice: long enough, and the same both times."""
    check_password(password)
    if password != again:
        raise DeskError(Problem.PASSWORDS_DIFFER, "again")


def check_role(role: str) -> None:
    if role not in {str(row.role) for row in assignable_roles()}:
        raise DeskError(Problem.NOT_ALLOWED, "role")


def manages_accounts(role: str) -> bool:
    return may(role, Capability.MANAGE_ACCOUNTS)


def last_manager(accounts: Sequence[Account], login: str) -> bool:
    """True if ``login`` is the only active account, of those that can sign in (a password
    set, a staff member behind it), whose role may manage accounts."""
    managers = [a for a in accounts if a.active and a.has_password and a.staff_name
                and manages_accounts(a.role)]
    return [a.login for a in managers] == [login]


def _refuse_last(accounts: Sequence[Account], login: str, *, role: str | None = None,
                 active: bool | None = None) -> None:
    """Refuse a change that would leave nobody able to manage accounts."""
    demoted = role is not None and not manages_accounts(role)
    if (demoted or active is False) and last_manager(accounts, login):
        raise DeskError(Problem.LAST_ADMINISTRATOR, "role" if demoted else "active")


class LocalAccounts:
    """A standalone desk's own accounts, changed by ``actor`` (who must be the Store's
    author: the audit line names the person whose role was checked)."""

    def __init__(self, store: Store, database: Path, clock: Clock, actor: SignedIn) -> None:
        self._store, self._database, self._clock, self._actor = store, database, clock, actor

    def listed(self) -> list[Account]:
        from app.identity.accounts import listed

        with closing(sqlite3.connect(f"file:{self._database}?mode=ro", uri=True)) as conn:
            return listed(conn)

    def _allowed(self) -> None:
        if not self._actor.may(Capability.MANAGE_ACCOUNTS) \
                or self._store.author_id != self._actor.staff_id:
            raise DeskError(Problem.NOT_ALLOWED)

    def create(self, login: str, name: str, role: str, password: str) -> None:
        """An account for the staff member with ``login`` (``name`` is theirs already)."""
        from app.identity import accounts

        self._allowed()
        check_role(role)
        check_password(password)
        with self._store.unit_of_work() as session:
            accounts.create(session, self._clock, login, role, password)

    def reset_password(self, login: str, password: str) -> None:
        from app.identity import accounts

        self._allowed()
        with self._store.unit_of_work() as session:
            accounts.set_password(session, self._clock, login, password)

    def set_role(self, login: str, role: str) -> None:
        from app.identity import accounts

        self._allowed()
        check_role(role)
        _refuse_last(self.listed(), login, role=role)
        with self._store.unit_of_work() as session:
            accounts.set_role(session, login, role)

    def set_active(self, login: str, active: bool) -> None:
        from app.identity import accounts

        self._allowed()
        _refuse_last(self.listed(), login, active=active)
        with self._store.unit_of_work() as session:
            accounts.set_active(session, login, active)


# What the server's refusal codes mean on the desk (app/server/account_admin.py).
_SERVER_PROBLEMS = {
    "login_taken": Problem.LOGIN_TAKEN,
    "password_too_short": Problem.PASSWORD_TOO_SHORT,
    "forbidden": Problem.NOT_ALLOWED,
    "role_not_assignable": Problem.NOT_ALLOWED,
    "unknown_account": Problem.ACCOUNT_NOT_FOUND,
    "last_administrator": Problem.LAST_ADMINISTRATOR,
}


class ServerAccounts:
    """A connected desk's accounts: the server's, through ``client`` (signed in as the
    seat at the desk). Raises the client's ``Offline`` and ``SignInNeeded`` as they are;
    a refusal becomes DeskError. Never called on the GUI thread."""

    def __init__(self, client: ServerClient, actor: SignedIn) -> None:
        self._client, self._actor = client, actor

    def _refusal(self, error: Exception) -> DeskError:
        code = getattr(error, "code", "")
        detail = str(PASSWORD_MIN) if code == "password_too_short" else str(error)
        return DeskError(_SERVER_PROBLEMS.get(code, Problem.NOT_ALLOWED), None, detail)

    def _call(self, change: str, *args: object) -> object:
        from app.sync.client import Refused

        if not self._actor.may(Capability.MANAGE_ACCOUNTS):
            raise DeskError(Problem.NOT_ALLOWED)
        try:
            return getattr(self._client, change)(*args)
        except Refused as error:
            raise self._refusal(error) from error

    def listed(self) -> list[Account]:
        from app.sync.client import Refused

        try:
            found = self._client.list_accounts()
        except Refused as error:
            raise self._refusal(error) from error
        # Server accounts are made with a password; the server has no local staff join.
        return sorted((Account(a.login, a.login, a.role, a.active, True, a.name)
                       for a in found), key=lambda a: a.login)

    def create(self, login: str, name: str, role: str, password: str) -> None:
        check_role(role)
        check_password(password)
        self._call("create_account", login, name, role, password)

    def reset_password(self, login: str, password: str) -> None:
        check_password(password)
        self._call("reset_password", login, password)

    def set_role(self, login: str, role: str) -> None:
        check_role(role)
        self._call("set_role", login, role)

    def set_active(self, login: str, active: bool) -> None:
        self._call("set_active", login, active)
