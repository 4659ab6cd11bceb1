"""Where a desk keeps its refresh token: the OS keyring, never a file and never the password.

Where no keyring exists (a headless Linux box without a secret service) the token lives
only in memory: the seat signs in again at the next start.
"""

from __future__ import annotations

from typing import Protocol

SERVICE = "Seatdesk"


class TokenVault(Protocol):
    def load(self, account: str) -> str | None: ...
    def save(self, account: str, token: str) -> None: ...
    def forget(self, account: str) -> None: ...


class MemoryVault:
    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def load(self, account: str) -> str | None:
        return self._tokens.get(account)

    def save(self, account: str, token: str) -> None:
        self._tokens[account] = token

    def forget(self, account: str) -> None:
        self._tokens.pop(account, None)


# Where no keyring works, one memory for the whole process: the sign-in prompt, the setup
# walk-through, the sync loop and the accounts tab each open a vault, and must all find
# the token one of them saved (as they do in the OS keyring).
_PROCESS_MEMORY = MemoryVault()


class KeyringVault:
    """The OS keyring; falls back to the process's memory when the keyring cannot be used."""

    def __init__(self) -> None:
        self._fallback = _PROCESS_MEMORY

    def load(self, account: str) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICE, account)
        except KeyringError:
            return self._fallback.load(account)

    def save(self, account: str, token: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, account, token)
        except KeyringError:
            self._fallback.save(account, token)

    def forget(self, account: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.delete_password(SERVICE, account)
        except KeyringError:
            self._fallback.forget(account)
