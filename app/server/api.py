"""The sync server's HTTP API (FastAPI). Every endpoint but health and login needs a bearer
access token; errors answer ``{"error": code, "message": text}`` with a fitting status."""

# No ``from __future__ import annotations`` here: FastAPI reads the endpoint annotations
# at definition time, and they name the per-app ``current_user`` dependency (a closure).
import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.clock import Clock, SystemClock
from app.server import account_admin, accounts, numbers, questionnaire_routes
from app.server.account_admin import (
    AccountRefused,
    AccountView,
    ActiveChange,
    NewAccount,
    PasswordReset,
    RoleChange,
)
from app.server.accounts import User
from app.server.channels import routes as channels
from app.server.channels.chat_limits import ChatLimits
from app.server.desks import DeskRefused, register
from app.server.feed import LIFETIME, ChangeFeed
from app.server.inputs import Body, BodyLimit
from app.server.pokes import ChangeSignal
from app.server.pull import changes_json, newest_seq, pull_json
from app.server.push import push
from app.sync.entities import entities
from app.sync.protocol import MAX_BODY, MAX_PAGE, MAX_PUSH, PROTOCOL, Mutation

log = logging.getLogger("seatdesk.server")
POKE_TIMEOUT = 25.0


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class ErrorBody(BaseModel):
    """Every error answer: a stable code for programs, a sentence for people."""

    error: str
    message: str


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Documented error answers, so the OpenAPI schema (and the fuzzer reading it) knows
    them; 422 replaces FastAPI's default, which has another shape than ours."""
    return {status: {"model": ErrorBody, "description": _ERROR_TEXT[status]}
            for status in statuses}


_ERROR_TEXT = {400: "The request's body cannot be read",
               401: "Not signed in, or the token or password was refused",
               403: "The account may not do this: its role does not allow it, or the desk "
                    "id belongs to another account",
               404: "No such account or alert source",
               409: "The change conflicts with the accounts, alert sources or catalog as "
                    "they are",
               413: "The request is larger than the server takes",
               422: "The request does not have the documented shape",
               429: "Too many failed sign-ins for this name lately",
               503: "The database cannot be reached"}
_SIGNED_IN = _errors(401)


# PostgreSQL text cannot hold NUL: refused here, as a bad request, not as a database error.
NO_NUL = r"^[^\x00]*$"
# Cursors and mutation ids fit PostgreSQL's bigint with room to spare, and stay exact in
# any JSON reader (2^53): a larger one is a bad request, not a database error.
BIGINT = 2**53 - 1


class LoginBody(Body):
    login: str = Field(min_length=1, max_length=80, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=256)


class RefreshBody(Body):
    refresh_token: str = Field(min_length=1, max_length=200)


class MutationBody(BaseModel):
    id: int = Field(ge=1, le=BIGINT)
    entity: str = Field(max_length=40, pattern=NO_NUL)
    key: str = Field(min_length=1, max_length=120, pattern=NO_NUL)
    op: str = Field(pattern="^(put|delete)$")
    patch: dict[str, Any] = Field(default_factory=dict)
    base_version: int = Field(ge=0, le=BIGINT)


class PushBody(Body):
    desk_id: str = Field(min_length=1, max_length=36, pattern=NO_NUL)
    # The desk's incarnation (new after a restore from a backup); "" from older desks.
    incarnation: str = Field(default="", max_length=36, pattern=NO_NUL)
    mutations: list[MutationBody] = Field(max_length=MAX_PUSH)

    @field_validator("mutations")
    @classmethod
    def _increasing(cls, mutations: list[MutationBody]) -> list[MutationBody]:
        # The server answers a desk's mutations in its order, once each: a repeated or
        # backwards id inside one push has no one meaning.
        if any(b.id <= a.id for a, b in zip(mutations, mutations[1:], strict=False)):
            raise ValueError("mutation ids must increase within a push")
        return mutations


class LeaseBody(Body):
    desk_id: str = Field(min_length=1, max_length=36, pattern=NO_NUL)
    incarnation: str = Field(default="", max_length=36, pattern=NO_NUL)
    count: int = Field(ge=1, le=numbers.MAX_BLOCK)


def _tokens_json(user: User, tokens: accounts.Tokens) -> dict[str, Any]:
    return {"access_token": tokens.access, "refresh_token": tokens.refresh,
            "expires_at": tokens.access_expires_at.isoformat(),
            "user": {"id": user.id, "login": user.login, "name": user.name,
                     "role": str(user.role)}}


def create_app(engine: Engine, clock: Clock | None = None, *,
               listen_dsn: str | None = None,
               chat_limits: ChatLimits | None = None) -> FastAPI:
    """The API over ``engine``; ``listen_dsn`` turns on LISTEN/NOTIFY pokes and the change
    feed's streams; ``chat_limits`` is the chat page's rate limit (else the defaults)."""
    clock = clock or SystemClock()
    signal = ChangeSignal()
    call_signal = ChangeSignal(channels.CALLS_CHANNEL)
    chat_signal = ChangeSignal(channels.CHATS_CHANNEL)

    def read_changes(cursor: int, limit: int) -> tuple[str, int, bool]:
        with engine.connect() as conn:
            return changes_json(conn, cursor, limit)

    feed = ChangeFeed(signal, read_changes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        entities()  # imports every synced table's module now, not in the first push
        if listen_dsn:
            signal.start(listen_dsn)
            call_signal.start(listen_dsn)
            feed.start(await asyncio.to_thread(_newest_of, engine))
            chat_signal.start(listen_dsn)
        yield
        await asyncio.to_thread(_app.state.alert_batcher.stop)
        await feed.stop()
        signal.stop()
        call_signal.stop()
        chat_signal.stop()

    app = FastAPI(title="Seatdesk sync server", version=str(PROTOCOL), lifespan=lifespan,
                  responses=_errors(400, 413, 422, 503))
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.state.signal = signal
    app.state.feed = feed
    _install_limits_and_errors(app)
    current_user = _bearer(engine, clock)
    _account_routes(app, engine, clock, current_user)
    _account_admin_routes(app, engine, clock, current_user)
    _sync_routes(app, engine, clock, current_user, signal)
    channels.install(app, engine, clock, current_user, _errors, call_signal,
                     chat_signal, chat_limits)
    _feed_route(app, feed, current_user)
    questionnaire_routes.install(app, engine, clock, current_user, ApiError, _errors)
    return app


def _newest_of(engine: Engine) -> int:
    with engine.connect() as conn:
        return newest_seq(conn)


def _install_limits_and_errors(app: FastAPI) -> None:
    @app.middleware("http")
    async def limits(request: Request,
                     call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return _error(413, "too_large", f"requests are limited to {MAX_BODY} bytes")
        started = time.perf_counter()
        response = await call_next(request)
        log.info("%s %s %s %.1fms", request.method, request.url.path, response.status_code,
                 (time.perf_counter() - started) * 1000)
        return response

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(AccountRefused)
    async def account_refused(_request: Request, error: AccountRefused) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        # Starlette's own refusals (an unreadable body, a body over the limit while it is
        # read, an unknown path) in the API's shape, not as {"detail": ...}.
        code = _HTTP_CODES.get(error.status_code, "http_error")
        message = (f"requests are limited to {MAX_BODY} bytes" if error.status_code == 413
                   else str(error.detail))
        return _error(error.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(PoolTimeout)
    async def overloaded(_request: Request, _failure: PoolTimeout) -> JSONResponse:
        # Every pooled connection stayed busy for the pool's timeout: the desk backs off
        # and comes back, rather than waiting longer here (back-pressure).
        return _error(503, "busy", "the server is busy; retry later",
                      headers={"Retry-After": "5"})

    @app.exception_handler(OperationalError)
    async def database_down(_request: Request, _failure: OperationalError) -> JSONResponse:
        return _error(503, "database_unavailable", "the database cannot be reached")


_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
               413: "too_large"}
Credentials = HTTPAuthorizationCredentials | None


def _bearer(engine: Engine, clock: Clock) -> Callable[[Credentials], User]:
    # Declared as a security scheme, so the OpenAPI schema says how to authenticate.
    scheme = HTTPBearer(auto_error=False)

    def current_user(credentials: Annotated[Credentials, Depends(scheme)]) -> User:
        if credentials is None or not credentials.credentials:
            raise ApiError(401, "unauthenticated", "sign in first")
        # Autocommit: a token check is one read (and once per token one write), and a
        # BEGIN/COMMIT of its own doubled its round trips on every request.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            user = accounts.authenticate(conn, clock, credentials.credentials)
        if user is None:
            raise ApiError(401, "token_expired", "the access token is unknown or expired")
        return user

    return current_user


def _account_routes(app: FastAPI, engine: Engine, clock: Clock,
                    current_user: Callable[[Credentials], User]) -> None:
    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "protocol": PROTOCOL}

    @app.post("/v1/login", responses=_errors(401, 429))
    def login(body: LoginBody) -> dict[str, Any]:
        try:
            with engine.begin() as conn:
                user, tokens = accounts.login(conn, clock, body.login, body.password)
        except accounts.LoginRefused:
            with engine.begin() as conn:
                accounts.record_failure(conn, clock, body.login)
            raise ApiError(401, "login_refused", "wrong user name or password") from None
        except accounts.TooManyFailures:
            raise ApiError(429, "too_many_failures",
                           "too many failed sign-ins; wait 15 minutes") from None
        return _tokens_json(user, tokens)

    @app.post("/v1/refresh", responses=_SIGNED_IN)
    def refresh(body: RefreshBody) -> dict[str, Any]:
        with engine.begin() as conn:
            renewed = accounts.refresh(conn, clock, body.refresh_token)
        if renewed is None:
            raise ApiError(401, "refresh_refused", "sign in again")
        return _tokens_json(*renewed)

    @app.post("/v1/logout")
    def logout(body: RefreshBody, request: Request) -> dict[str, Any]:
        """Signs out: every token of that sign-in is revoked, access tokens included, and
        the access token the request carries (optional: an expired one must not stop a
        seat from signing out, so no security scheme is declared)."""
        scheme, _, access = request.headers.get("authorization", "").partition(" ")
        with engine.begin() as conn:
            accounts.logout(conn, body.refresh_token,
                            access if scheme.lower() == "bearer" and access else None)
        return {"status": "ok"}

    @app.get("/v1/me", responses=_SIGNED_IN)
    def me(user: Annotated[User, Depends(current_user)]) -> dict[str, Any]:
        return {"id": user.id, "login": user.login, "name": user.name, "role": str(user.role)}


AccountLogin = Annotated[str, Path(min_length=1, max_length=80,
                                   pattern=account_admin.LOGIN_PATTERN)]


def _account_admin_routes(app: FastAPI, engine: Engine, clock: Clock,
                          current_user: Callable[[Credentials], User]) -> None:
    """Accounts administered from a desk (app/server/account_admin.py decides and audits)."""
    Admin = Annotated[User, Depends(current_user)]

    @app.get("/v1/accounts", responses=_errors(401, 403))
    def list_accounts(user: Admin) -> list[AccountView]:
        with engine.connect() as conn:
            return account_admin.list_accounts(conn, user)

    @app.post("/v1/accounts", status_code=201, responses=_errors(401, 403, 409))
    def create_account(body: NewAccount, user: Admin) -> AccountView:
        with engine.begin() as conn:
            return account_admin.create_account(conn, clock, user, body)

    @app.put("/v1/accounts/{login}/role", responses=_errors(401, 403, 404, 409))
    def set_role(login: AccountLogin, body: RoleChange, user: Admin) -> AccountView:
        with engine.begin() as conn:
            return account_admin.set_role(conn, clock, user, login, body.role)

    @app.put("/v1/accounts/{login}/active", responses=_errors(401, 403, 404, 409))
    def set_active(login: AccountLogin, body: ActiveChange, user: Admin) -> AccountView:
        with engine.begin() as conn:
            return account_admin.set_active(conn, clock, user, login, body.active)

    @app.put("/v1/accounts/{login}/password", responses=_errors(401, 403, 404))
    def reset_password(login: AccountLogin, body: PasswordReset, user: Admin) -> AccountView:
        with engine.begin() as conn:
            return account_admin.reset_password(conn, clock, user, login, body.password)


def _sync_routes(app: FastAPI, engine: Engine, clock: Clock,
                 current_user: Callable[[Credentials], User], signal: ChangeSignal) -> None:
    @app.post("/v1/push", responses=_errors(401, 403))
    def push_mutations(body: PushBody,
                       user: Annotated[User, Depends(current_user)]) -> Response:
        mutations = [Mutation(m.id, m.entity, m.key, m.op, m.patch,  # type: ignore[arg-type]
                              m.base_version) for m in body.mutations]
        try:
            with engine.begin() as conn:
                outcome = push(conn, clock, user, body.desk_id, mutations, body.incarnation)
        except DeskRefused as error:
            raise ApiError(403, "desk_taken", str(error)) from None
        # Encoded here with orjson: FastAPI's own encoder walked every value of the 500 rows
        # an answer carries and took a third of a push's time.
        return Response(orjson.dumps({"results": [r.to_json() for r in outcome.results],
                                      "last_mutation_id": outcome.last_mutation_id}),
                        media_type="application/json")

    @app.get("/v1/pull", responses=_SIGNED_IN)
    def pull_changes(user: Annotated[User, Depends(current_user)],
                     cursor: Annotated[int, Query(ge=0, le=BIGINT)] = 0,
                     limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
                     ) -> Response:
        with engine.connect() as conn:
            page = pull_json(conn, cursor, limit)
        return Response(page, media_type="application/json")

    @app.get("/v1/poke", responses=_SIGNED_IN)
    async def poke(user: Annotated[User, Depends(current_user)],
                   cursor: Annotated[int, Query(ge=0, le=BIGINT)] = 0,
                   timeout: Annotated[float, Query(ge=0, le=60)] = POKE_TIMEOUT,
                   ) -> dict[str, Any]:
        """The long-poll of desks before the change feed (kept for them): answers at once
        when the server is past ``cursor`` (with the newest cursor), else when the next
        change commits or after ``timeout`` seconds."""
        event = signal.current()
        newest = await run_in_threadpool(_newest_of, engine)
        if newest != cursor:
            return {"changed": True, "cursor": newest}
        return {"changed": await signal.wait(event, timeout)}

    @app.post("/v1/numbers/lease", responses=_errors(401, 403))
    def lease(body: LeaseBody, user: Annotated[User, Depends(current_user)]) -> dict[str, Any]:
        try:
            with engine.begin() as conn:
                register(conn, clock, user, body.desk_id, body.incarnation, lock=False)
                first, last = numbers.lease(conn, clock, body.desk_id, body.count)
        except DeskRefused as error:
            raise ApiError(403, "desk_taken", str(error)) from None
        return {"first": first, "last": last}


_STREAM_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"description": "Server-sent events: `changes` (the rows after `after`, up to "
                         "`cursor`), `changed` (pull up to `cursor`), comments as heartbeats",
          "content": {"text/event-stream": {"schema": {"type": "string"}}}},
    **_errors(401, 503)}


def _feed_route(app: FastAPI, feed: ChangeFeed,
                current_user: Callable[[Credentials], User]) -> None:
    @app.get("/v1/stream", response_class=StreamingResponse, responses=_STREAM_ANSWER)
    async def stream(user: Annotated[User, Depends(current_user)],
                     cursor: Annotated[int, Query(ge=0, le=BIGINT)] = 0,
                     timeout: Annotated[float, Query(ge=0, le=60)] = LIFETIME,
                     ) -> Response:
        """The change feed from ``cursor`` for about ``timeout`` seconds (app/server/feed.py);
        the desk then opens the next one with the cursor it has reached."""
        subscriber = feed.subscribe(cursor)
        if subscriber is None:
            return _error(503, "busy", "too many desks on this server process; retry later",
                          headers={"Retry-After": "5"})
        return StreamingResponse(feed.events(subscriber, timeout),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache",
                                          "X-Accel-Buffering": "no"})


def _error(status: int, code: str, message: str, *,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status,
                        headers=headers)
