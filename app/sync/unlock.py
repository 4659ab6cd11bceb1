"""Unlocking the desk without the network: after one online sign-in the desk keeps an
argon2id verifier of the password (never the password), so a seat who locked the desk can
unlock it while the server is unreachable."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection

from app.store.database import Store
from app.sync import state
from app.sync.client import Account, ServerClient
from app.sync.tokens import TokenVault

_HASHER = PasswordHasher()


def _name(login: str) -> str:
    return f"verifier:{login}"[:40]


def remember(conn: Connection, login: str, password: str) -> None:
    """Keep a verifier after a successful online sign-in."""
    state.write(conn, _name(login), _HASHER.hash(password))


def verify_offline(conn: Connection, login: str, password: str) -> bool:
    verifier = state.read(conn, _name(login))
    if not verifier:
        return False
    try:
        return _HASHER.verify(verifier, password)
    except (VerificationError, InvalidHashError):
        return False


def forget(conn: Connection, login: str) -> None:
    state.write(conn, _name(login), "")


def sign_in(store: Store, url: str, vault: TokenVault, login: str, password: str) -> Account:
    """Sign in online and keep the verifier for unlocking offline later; raises the client's
    ``Offline`` or ``Refused``. Runs off the GUI thread (it talks to the server)."""
    client = ServerClient(url, vault)
    try:
        account = client.sign_in(login, password)
    finally:
        client.close()
    with store.unit_of_work() as session:
        remember(session.connection(), login, password)
    return account
