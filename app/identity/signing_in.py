"""Signing a seat in: with the desk's own accounts (standalone) or the server's (connected).

A connected desk asks the server; when the server cannot be reached it falls back to the
argon2id verifier (and the role) kept after that seat's last online sign-in on this desk
(app/sync/unlock.py), so a seat can start a shift during an outage. Runs off the GUI thread
when it may talk to the server.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from app.identity import passwords
from app.identity.seat import SignedIn, staff_of
from app.services.errors import DeskError, Problem

Check = Callable[[str, str], SignedIn]


def checker(database: Path, server_url: Callable[[], str],
            vault: Callable[[], object]) -> Check:
    """How this desk checks a password: the server's accounts when it is connected (asked
    at each sign-in: a desk may join a server meanwhile), else the desk's own."""
    def check(login: str, password: str) -> SignedIn:
        url = server_url()
        if url:
            return sign_in_to_server(database, url, vault(), login, password)
        with closing(sqlite3.connect(database)) as conn:
            return sign_in_locally(conn, login, password)

    return check


class SignInAhead:
    """A sign-in checked on a thread of its own while the desk goes on loading.

    Checking a password is argon2id (64 MiB, 3 passes: 0.1-0.2 s of C that releases the
    GIL) or a request to the server; an unattended start (``--login``) would otherwise
    wait for it before importing the desk's modules. Nothing of the seat's is shown or
    read before ``seat()`` returned it.
    """

    def __init__(self, check: Check, login: str, password: str) -> None:
        self._seat: SignedIn | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._check, args=(check, login, password),
                                        name="seatdesk-sign-in", daemon=True)
        self._thread.start()

    def _check(self, check: Check, login: str, password: str) -> None:
        try:
            self._seat = check(login, password)
        except Exception as error:  # noqa: BLE001 (raised again by seat(), in the caller)
            self._error = error

    def seat(self) -> SignedIn:
        """The checked seat, once the check is done; raises what the check raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._seat is not None
        return self._seat


def sign_in_locally(conn: sqlite3.Connection, login: str, password: str) -> SignedIn:
    """The seat for a local account; ``DeskError(SIGN_IN_REFUSED)`` when the login, the
    password or the account is wrong, or the account has no active staff member."""
    role = passwords.verify(conn, login.strip(), password)
    seat = None if role is None else staff_of(conn, login.strip(), role)
    if seat is None:
        raise DeskError(Problem.SIGN_IN_REFUSED, "password")
    return seat


def sign_in_to_server(database: Path, url: str, vault: object, login: str,
                      password: str) -> SignedIn:
    """The seat for a server account, online if the server answers, else offline against
    the verifier kept on this desk. Raises ``DeskError(SIGN_IN_REFUSED)``."""
    from app.store.database import Store
    from app.sync import state, unlock
    from app.sync.client import Offline, Refused

    login = login.strip()
    store = Store(database)
    try:
        try:
            account = unlock.sign_in(store, url, vault, login, password)  # type: ignore[arg-type]
            role, offline = account.role, False
            with store.unit_of_work() as session:
                state.write(session.connection(), _role_key(login), role)
        except Offline:
            with store.unit_of_work() as session:
                conn = session.connection()
                if not unlock.verify_offline(conn, login, password):
                    raise DeskError(Problem.SIGN_IN_REFUSED, "password") from None
                role, offline = state.read(conn, _role_key(login)), True
        except Refused:
            raise DeskError(Problem.SIGN_IN_REFUSED, "password") from None
    finally:
        store.close()
    with closing(sqlite3.connect(database)) as reader:
        seat = staff_of(reader, login, role, offline=offline)
    if seat is None:
        # Signed in, but this desk has not pulled the seat's staff row yet (a new desk
        # joining): the seat still signs in; its writes carry no staff id until the pull.
        seat = SignedIn(login, None, None, login, role, offline)
    return seat


def _role_key(login: str) -> str:
    return f"role:{login}"[:40]
