"""The desk's HTTP client of the sync server (``requests``): timeouts on every call, one
silent token refresh on expiry, and errors the runner can act on.

Never called on the GUI thread.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import orjson
import requests
from urllib3.exceptions import ProtocolError

from app.sync.feed import FeedEvent, parse
from app.sync.protocol import MAX_PAGE, Mutation, MutationResult, PullPage
from app.sync.tokens import TokenVault

CONNECT_TIMEOUT = 3.05
READ_TIMEOUT = 15.0
STREAM_LIFETIME = 55.0  # seconds a change-feed stream lasts (the server's default)
STREAM_SILENCE = 35.0  # seconds without a byte (heartbeats come every 15) = a dead stream


class Offline(Exception):
    """The server cannot be reached (or answered 5xx): try again later."""


class SignInNeeded(Exception):
    """No valid token: the seat must sign in."""


class Refused(Exception):
    """The server refused the request itself (4xx); the message is the server's."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code = status, code


@dataclass(frozen=True)
class Account:
    login: str
    name: str
    role: str
    active: bool = True

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Account:
        return cls(str(body["login"]), str(body["name"]), str(body["role"]),
                   bool(body.get("active", True)))


class ServerClient:
    def __init__(self, base_url: str, vault: TokenVault, *, login: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self._vault = vault
        self._http = requests.Session()
        self._poke_http = requests.Session()  # the feed's (or poke's) own connection
        self._renewing = threading.Lock()  # refresh tokens are single-use
        self._access: str | None = None
        self._streaming: requests.Response | None = None  # the feed's open stream
        self.login_name = login
        self.account: Account | None = None

    @property
    def vault(self) -> TokenVault:
        """Where the seats' refresh tokens are kept (one per login and server)."""
        return self._vault

    def has_token(self) -> bool:
        """Whether this seat can call the server without signing in (a token in memory or
        in the vault; the server may still refuse it)."""
        return self._access is not None or bool(
            self.login_name and self._vault.load(self._vault_key()))

    def signed_in_as(self, login: str) -> ServerClient:
        """A client of the same server for another seat (its own token from the vault)."""
        return ServerClient(self.base_url, self._vault, login=login)

    def close(self) -> None:
        self._http.close()
        self._poke_http.close()

    # -- transport ---------------------------------------------------------------------
    def _send(self, method: str, path: str, *, timeout: float = READ_TIMEOUT,
              auth: bool = True, http: requests.Session | None = None, **kwargs: Any) -> Any:
        response = self._request(method, path, timeout=timeout, auth=auth, http=http,
                                 **kwargs)
        if response.status_code >= 500:
            raise Offline(f"server answered {response.status_code}")
        try:
            # orjson: decoding the pages of an initial sync was a sixth of its time.
            body = orjson.loads(response.content)
        except ValueError as error:
            raise Offline("the server's answer is not JSON") from error
        if response.status_code >= 400:
            raise Refused(response.status_code, str(body.get("error", "")),
                          str(body.get("message", "")))
        return body

    def _request(self, method: str, path: str, *, timeout: float, auth: bool,
                 http: requests.Session | None, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self._access}"} if auth and self._access else {}
        for attempt in (1, 2):
            try:
                return (http or self._http).request(
                    method, self.base_url + path, headers=headers,
                    timeout=(CONNECT_TIMEOUT, timeout), **kwargs)
            except requests.ConnectionError as error:
                # A kept-alive connection the server closed as the request left: nothing
                # was answered, so asking once more on a new connection is safe (a pushed
                # batch that did arrive gets the outcome it had).
                if attempt == 1 and error.args and isinstance(error.args[0], ProtocolError):
                    continue
                raise Offline(str(error)) from error
            except requests.RequestException as error:
                raise Offline(str(error)) from error
        raise AssertionError("unreachable")

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        if self._access is None:
            self._renew()
        try:
            return self._send(method, path, **kwargs)
        except Refused as error:
            if error.status != 401:
                raise
        self._renew()  # the access token expired mid-sync: renew once and retry
        return self._send(method, path, **kwargs)

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """A signed-in call of a feature's own endpoint (``app.channels.client`` shapes the
        channels' calls), with the same renewal, ``Refused`` and ``Offline`` as the rest."""
        return self._call(method, path, **kwargs)

    # -- accounts ----------------------------------------------------------------------
    def _signed_in(self, body: dict[str, Any]) -> Account:
        self._access = str(body["access_token"])
        self.account = Account.from_json(body["user"])
        self.login_name = self.account.login
        self._vault.save(self._vault_key(), str(body["refresh_token"]))
        return self.account

    def _vault_key(self) -> str:
        return f"{self.login_name}@{self.base_url}"

    def sign_in(self, login: str, password: str) -> Account:
        self.login_name = login
        body = self._send("POST", "/v1/login", auth=False,
                          json={"login": login, "password": password})
        return self._signed_in(body)

    def _renew(self) -> None:
        with self._renewing:
            self._renew_locked()

    def _renew_locked(self) -> None:
        refresh = self._vault.load(self._vault_key()) if self.login_name else None
        if not refresh:
            raise SignInNeeded("sign in to the server")
        try:
            body = self._send("POST", "/v1/refresh", auth=False,
                              json={"refresh_token": refresh})
        except Refused as error:
            self._vault.forget(self._vault_key())
            raise SignInNeeded(str(error)) from error
        self._signed_in(body)

    def sign_out(self) -> None:
        refresh = self._vault.load(self._vault_key())
        self._vault.forget(self._vault_key())
        if refresh:
            try:  # with the access token: the server revokes it too
                self._send("POST", "/v1/logout", json={"refresh_token": refresh})
            except (Offline, Refused):
                pass  # the token expires on its own; signing out locally is what matters
        self._access, self.account = None, None

    # -- account administration (an administrator's desk; Refused 403 for other roles) ---
    def list_accounts(self) -> list[Account]:
        return [Account.from_json(a) for a in self._call("GET", "/v1/accounts")]

    def create_account(self, login: str, name: str, role: str, password: str) -> Account:
        """A new account with an initial password (Refused 409 if the login is taken)."""
        return Account.from_json(self._call("POST", "/v1/accounts", json={
            "login": login, "name": name, "role": role, "password": password}))

    def set_role(self, login: str, role: str) -> Account:
        return Account.from_json(self._call("PUT", f"/v1/accounts/{_segment(login)}/role",
                                            json={"role": role}))

    def set_active(self, login: str, active: bool) -> Account:
        """Disable (the account's tokens are revoked) or enable ``login``."""
        return Account.from_json(self._call("PUT", f"/v1/accounts/{_segment(login)}/active",
                                            json={"active": active}))

    def reset_password(self, login: str, password: str) -> Account:
        """A new password for ``login``; its tokens are revoked, so it signs in again."""
        return Account.from_json(self._call(
            "PUT", f"/v1/accounts/{_segment(login)}/password", json={"password": password}))

    # -- sync --------------------------------------------------------------------------
    def health(self) -> bool:
        return bool(self._send("GET", "/v1/health", auth=False).get("status") == "ok")

    def push(self, desk_id: str, mutations: list[Mutation], *,
             incarnation: str = "") -> list[MutationResult]:
        body = self._call("POST", "/v1/push", json={
            "desk_id": desk_id, "incarnation": incarnation,
            "mutations": [m.to_json() for m in mutations]})
        return [MutationResult.from_json(r) for r in body["results"]]

    def pull(self, cursor: int, limit: int = MAX_PAGE) -> PullPage:
        return PullPage.from_json(self._call("GET", "/v1/pull",
                                             params={"cursor": cursor, "limit": limit}))

    def poke(self, cursor: int, timeout: float = 25.0) -> bool:
        body = self._call("GET", "/v1/poke", params={"cursor": cursor, "timeout": timeout},
                          timeout=timeout + READ_TIMEOUT, http=self._poke_http)
        return bool(body["changed"])

    def stream(self, cursor: int, lifetime: float = STREAM_LIFETIME) -> Iterator[FeedEvent]:
        """The server's change feed from ``cursor`` until the server ends the stream (after
        about ``lifetime`` s). ``Refused`` 404 from a server without one (then poke)."""
        if self._access is None:
            self._renew()
        response = self._open_stream(cursor, lifetime)
        if response.status_code == 401:
            response.close()
            self._renew()
            response = self._open_stream(cursor, lifetime)
        self._streaming = response
        with response:
            if response.status_code >= 500:
                raise Offline(f"server answered {response.status_code}")
            if response.status_code >= 400:
                try:
                    body = orjson.loads(response.content)
                except ValueError:
                    body = {}
                raise Refused(response.status_code, str(body.get("error", "")),
                              str(body.get("message", "")))
            try:
                # chunk_size None: each event as soon as its chunk arrives, not per 512 bytes.
                yield from parse(response.iter_lines(chunk_size=None))  # type: ignore[call-overload]
            except (requests.RequestException, OSError, ValueError, AttributeError) as error:
                # The others: the stream was closed under its reader (``hang_up``).
                raise Offline(str(error)) from error
            finally:
                self._streaming = None

    def hang_up(self) -> None:
        """End the open stream now (from another thread: the desk is stopping).

        The socket is shut down before the response is closed: closing a socket does not
        wake a thread blocked reading it, which then waited for the server's next
        heartbeat, and a closing desk (or a test's teardown) waited ~15 s for it."""
        streaming = self._streaming
        if streaming is None:
            return
        connection = getattr(streaming.raw, "connection", None)
        sock = getattr(connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # closed meanwhile: nothing is blocked on it
                pass
        streaming.close()

    def _open_stream(self, cursor: int, lifetime: float) -> requests.Response:
        return self._request("GET", "/v1/stream", timeout=STREAM_SILENCE, auth=True,
                             http=self._poke_http, stream=True,
                             params={"cursor": cursor, "timeout": lifetime})

    def lease_numbers(self, desk_id: str, count: int, *,
                      incarnation: str = "") -> tuple[int, int]:
        body = self._call("POST", "/v1/numbers/lease", json={
            "desk_id": desk_id, "incarnation": incarnation, "count": count})
        return int(body["first"]), int(body["last"])


def _segment(login: str) -> str:
    return quote(login, safe="")
