"""The channels' HTTP routes on the sync server: the alert webhooks (authenticated by the
source's token) and the administration of sources and rules (``manage_channels``)."""

# No ``from __future__ import annotations``: FastAPI reads the annotations at definition.
import json
import weakref
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from app.domain.clock import Clock
from app.domain.roles import Capability, spec
from app.server.accounts import User
from app.server.channels import calls, chat, chat_page, rules, sources
from app.server.channels.batching import AlertBatcher
from app.server.channels.calls import CallEvent, ExtensionBody
from app.server.channels.chat_limits import ChatGate, ChatLimits, RateLimited, StreamSlots
from app.server.channels.lookups import Lookups
from app.server.channels.payloads import (
    AlertmanagerBody,
    Report,
    ZabbixBody,
    from_alertmanager,
    from_zabbix,
)
from app.server.channels.rules import RuleBook
from app.server.channels.sources import NewSource, SourceChange, SourceRefused, SourceView
from app.server.pokes import ChangeSignal

CALLS_CHANNEL = calls.CALLS_CHANNEL
CHATS_CHANNEL = chat.CHATS_CHANNEL

Errors = Callable[..., dict[int | str, dict[str, Any]]]
SourceId = Annotated[str, Path(min_length=1, max_length=36, pattern=r"^[0-9a-f-]+$")]
_source_token = HTTPBearer(auto_error=False, scheme_name="SourceToken",
                           description="the alert source's own token")


def install(app: FastAPI, engine: Engine, clock: Clock,
            current_user: Callable[..., User], errors: Errors,
            call_signal: ChangeSignal, chat_signal: ChangeSignal,
            chat_limits: ChatLimits | None = None) -> None:
    """The channels' routes; ``call_signal`` wakes the desks' long-polls for call events
    (the caller starts it with the app, on ``calls.CALLS_CHANNEL``)."""
    @app.exception_handler(SourceRefused)
    async def refused(_request: Request, error: SourceRefused) -> JSONResponse:
        retry = {"Retry-After": str(error.retry_after)} \
            if isinstance(error, RateLimited) else None
        return JSONResponse({"error": error.code, "message": error.message},
                            status_code=error.status, headers=retry)

    lookups = Lookups()
    _webhooks(app, engine, clock, errors, lookups)
    _administration(app, engine, clock, current_user, errors, lookups)
    _phone(app, engine, clock, current_user, errors, lookups, call_signal)
    limits = chat_limits or ChatLimits()
    _chat(app, engine, clock, current_user, errors, lookups, chat_signal,
          ChatGate(clock, limits), StreamSlots(limits))


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None or not credentials.credentials:
        raise SourceRefused(401, "unauthenticated", "an alert source posts with its token")
    return credentials.credentials


def _webhooks(app: FastAPI, engine: Engine, clock: Clock, errors: Errors,
              lookups: Lookups) -> None:
    Token = Annotated[HTTPAuthorizationCredentials | None, Depends(_source_token)]

    batcher = AlertBatcher(engine, clock, lookups)
    app.state.alert_batcher = batcher  # stopped with the app (app/server/api.py)

    def take(token: str, kind: str, read: Callable[[], list[Report]]) -> dict[str, Any]:
        # Posts waiting together share one transaction (app/server/channels/batching.py).
        return batcher.take(kind, token, read)

    @app.post("/v1/alerts/alertmanager", responses=errors(401, 409))
    def alertmanager(body: AlertmanagerBody, credentials: Token) -> dict[str, Any]:
        """Prometheus Alertmanager's webhook (``webhook_config`` with the source's token as
        ``http_config.authorization.credentials``)."""
        return take(_token(credentials), "alertmanager", lambda: from_alertmanager(body))

    @app.post("/v1/alerts/zabbix", responses=errors(401, 409))
    def zabbix(body: ZabbixBody, credentials: Token) -> dict[str, Any]:
        """A Zabbix webhook media type's post (docs/channels.md gives its script)."""
        return take(_token(credentials), "zabbix", lambda: from_zabbix(body))


def _administration(app: FastAPI, engine: Engine, clock: Clock,
                    current_user: Callable[..., User], errors: Errors,
                    lookups: Lookups) -> None:
    def admin(user: Annotated[User, Depends(current_user)]) -> User:
        if not user.may(Capability.MANAGE_CHANNELS):
            raise SourceRefused(403, "forbidden", "your role may not manage the channels")
        return user

    Admin = Annotated[User, Depends(admin)]

    @app.get("/v1/alerts/sources", responses=errors(401, 403))
    def list_sources(_user: Admin) -> list[SourceView]:
        with engine.connect() as conn:
            return sources.list_sources(conn)

    @app.post("/v1/alerts/sources", status_code=201, responses=errors(401, 403, 409))
    def create_source(body: NewSource, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.create_source(conn, clock, body)

    @app.put("/v1/alerts/sources/{source_id}", responses=errors(401, 403, 404))
    def change_source(source_id: SourceId, body: SourceChange, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.change_source(conn, source_id, body)

    @app.post("/v1/alerts/sources/{source_id}/token", responses=errors(401, 403, 404))
    def replace_token(source_id: SourceId, _user: Admin) -> SourceView:
        with engine.begin() as conn:
            return sources.replace_token(conn, source_id)

    @app.get("/v1/alerts/rules", responses=errors(401, 403))
    def read_rules(_user: Admin) -> RuleBook:
        with engine.connect() as conn:
            return RuleBook(rules=rules.read_rules(conn))

    @app.put("/v1/alerts/rules", responses=errors(401, 403, 409))
    def replace_rules(body: RuleBook, _user: Admin) -> RuleBook:
        with engine.begin() as conn:
            known = {s.id for s in sources.list_sources(conn)}
            unknown = {r.source_id for r in body.rules if r.source_id} - known
            if unknown:
                raise SourceRefused(409, "unknown_source",
                                    f"no alert source {sorted(unknown)[0]}")
            rules.replace_rules(conn, clock, body.rules)
            saved = RuleBook(rules=rules.read_rules(conn))
        lookups.forget_rules()  # after the commit: a concurrent alert cannot re-read the old
        return saved


Read = Callable[[str, int], tuple[list[dict[str, Any]], int]]


async def long_poll(signal: ChangeSignal, read: Read, login: str, after: int,
                    timeout: float) -> dict[str, Any]:
    """``read(login, after)`` now, or once more when ``signal`` fires within ``timeout``:
    the signal is taken before the first read, so an event committed in between wakes it."""
    waiting = signal.current()
    found, last = await run_in_threadpool(read, login, after)
    if not found and after >= 0 and timeout > 0 and await signal.wait(waiting, timeout):
        found, last = await run_in_threadpool(read, login, after)
    return {"events": found, "last": last}


def _phone(app: FastAPI, engine: Engine, clock: Clock, current_user: Callable[..., User],
           errors: Errors, lookups: Lookups, signal: ChangeSignal) -> None:
    Token = Annotated[HTTPAuthorizationCredentials | None, Depends(_source_token)]
    Seat = Annotated[User, Depends(current_user)]

    @app.post("/v1/calls/events", responses=errors(401, 409))
    def call_event(body: CallEvent, credentials: Token) -> dict[str, Any]:
        """A PBX's call event (a source of kind ``pbx``)."""
        with engine.begin() as conn:
            source = sources.locked_source(conn, _token(credentials), "pbx", lock=False)
            if source is None:
                raise SourceRefused(401, "unknown_source",
                                    "the token is not an active pbx source's")
            try:
                return calls.take_call(conn, clock, source, body, lookups)
            except LookupError as error:
                raise SourceRefused(409, "catalog_missing", str(error)) from None

    def _events(login: str, after: int) -> tuple[list[dict[str, Any]], int]:
        with engine.connect() as conn:
            return calls.events_for(conn, login, after)

    @app.get("/v1/calls/events", responses=errors(401))
    async def call_events(user: Seat,
                          after: Annotated[int, Query(ge=-1, le=2**53 - 1)] = -1,
                          timeout: Annotated[float, Query(ge=0, le=60)] = 25.0,
                          ) -> dict[str, Any]:
        """The signed-in seat's call events after ``after`` (-1: none, only the cursor to
        start from), waiting up to ``timeout`` seconds for one."""
        return await long_poll(signal, _events, user.login, after, timeout)

    @app.get("/v1/me/extension", responses=errors(401))
    def my_extension(user: Seat) -> ExtensionBody:
        with engine.connect() as conn:
            return ExtensionBody(extension=calls.extension_of(conn, user.login))

    @app.put("/v1/me/extension", responses=errors(401, 409))
    def set_my_extension(body: ExtensionBody, user: Seat) -> ExtensionBody:
        """The signed-in seat's phone extension: his desks are told of its calls."""
        try:
            with engine.begin() as conn:
                return ExtensionBody(extension=calls.set_extension(conn, user.login,
                                                                   body.extension))
        except calls.ExtensionTaken:
            raise SourceRefused(409, "extension_taken",
                                f"extension {body.extension} is another seat's") from None


ChatId = Annotated[str, Path(min_length=1, max_length=36, pattern=r"^[0-9a-f-]+$")]


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _chat(app: FastAPI, engine: Engine, clock: Clock, current_user: Callable[..., User],
          errors: Errors, lookups: Lookups, signal: ChangeSignal, gate: ChatGate,
          streams: StreamSlots) -> None:
    _chat_page(app, engine, clock, errors, lookups, signal, gate, streams)
    _chat_seats(app, engine, clock, current_user, errors, signal)


def _chat_page(app: FastAPI, engine: Engine, clock: Clock, errors: Errors, lookups: Lookups,
               signal: ChangeSignal, gate: ChatGate, streams: StreamSlots) -> None:
    """The requester's side: the page, starting a chat, messages, the page's stream."""
    ChatToken = Annotated[str, Header(alias="X-Chat-Token", min_length=1, max_length=100)]

    @app.get("/chat", include_in_schema=False)
    def requester_page() -> HTMLResponse:
        """The requester's chat page (no account: the chat's token is its key)."""
        return HTMLResponse(chat_page.PAGE, headers={"Cache-Control": "no-store"})

    @app.post("/v1/chat/start", status_code=201, responses=errors(409, 429))
    def start_chat(body: chat.ChatStart, request: Request) -> dict[str, str]:
        with engine.begin() as conn:
            gate.start(conn, _address(request))
            return chat.start(conn, clock, body, _address(request))

    @app.post("/v1/chat/{chat_id}/messages", responses=errors(404, 409, 429))
    def requester_message(chat_id: ChatId, body: chat.ChatText, token: ChatToken,
                          request: Request) -> dict[str, int]:
        with engine.begin() as conn:
            found = chat.requester_chat(conn, chat_id, token)
            gate.message(conn, _address(request), chat_id)  # a wrong token is not counted
            return {"seq": chat.requester_says(conn, clock, found, body, lookups,
                                               _address(request))}

    def _page_events(chat_id: str, token: str, after: int) -> list[dict[str, Any]]:
        with engine.begin() as conn:
            chat.requester_chat(conn, chat_id, token)
            return chat.page_events(conn, chat_id, after)

    @app.get("/v1/chat/{chat_id}/stream", include_in_schema=False)
    async def chat_stream(request: Request, chat_id: ChatId,
                          token: Annotated[str, Query(min_length=1, max_length=100)],
                          ) -> StreamingResponse:
        """Server-sent events of the chat for its page; a reconnect (Last-Event-ID)
        resumes after the last event the page had."""
        last = request.headers.get("last-event-id", "0")
        first = await run_in_threadpool(_page_events, chat_id, token,
                                        int(last) if last.isdigit() else 0)
        release = streams.open(chat_id, _address(request))  # a wrong token is not counted

        async def events() -> AsyncIterator[str]:
            try:
                async for event in follow():
                    yield event
            finally:
                release()

        async def follow() -> AsyncIterator[str]:
            found, after = first, 0
            while True:
                for event in found:
                    after = max(after, int(event["seq"]))
                    yield f"id: {event['seq']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"
                    if event["kind"] == "ended":
                        return
                if await request.is_disconnected():
                    return
                waiting = signal.current()
                found = await run_in_threadpool(_page_events, chat_id, token, after)
                if found:
                    continue
                if not await signal.wait(waiting, 5.0):
                    yield ": still here\n\n"  # keeps proxies from closing a quiet stream
                found = await run_in_threadpool(_page_events, chat_id, token, after)

        body = events()
        # A stream never iterated (the client gone before its first byte) runs no finally:
        # its release then comes when the response lets go of it.
        weakref.finalize(body, release)
        return StreamingResponse(body, media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store"})


def _chat_seats(app: FastAPI, engine: Engine, clock: Clock,
                current_user: Callable[..., User], errors: Errors,
                signal: ChangeSignal) -> None:
    """The seats' side: what their desks hear and read, and what they do."""
    Seat = Annotated[User, Depends(current_user)]

    def answering(user: Seat) -> User:
        """A seat's own account answers: the services' accounts (escalation, mail) work
        tickets through sync but take no conversation with a requester."""
        if not user.may(Capability.WORK_TICKETS) or not spec(user.role).assignable:
            raise SourceRefused(403, "forbidden", "only a seat's account answers chats")
        return user

    Answering = Annotated[User, Depends(answering)]

    def _desk_events(login: str, after: int) -> tuple[list[dict[str, Any]], int]:
        with engine.connect() as conn:
            return chat.desk_events(conn, login, after)

    @app.get("/v1/chats/events", responses=errors(401))
    async def chat_events(user: Seat,
                          after: Annotated[int, Query(ge=-1, le=2**53 - 1)] = -1,
                          timeout: Annotated[float, Query(ge=0, le=60)] = 25.0,
                          ) -> dict[str, Any]:
        """New chats, who accepted which, and the messages of the seat's own chats."""
        return await long_poll(signal, _desk_events, user.login, after, timeout)

    @app.get("/v1/chats/open", responses=errors(401))
    def open_chats(user: Seat) -> dict[str, Any]:
        """The chats waiting and the signed-in seat's own, with their conversations."""
        with engine.connect() as conn:
            return {"chats": chat.open_chats(conn, user.login)}

    @app.get("/v1/chats/{chat_id}", responses=errors(401, 404))
    def read_chat(chat_id: ChatId, _user: Seat) -> dict[str, Any]:
        """A chat and its whole conversation (a chat handed over: what was said before)."""
        with engine.connect() as conn:
            return chat.conversation(conn, chat_id=chat_id)

    @app.get("/v1/chats", responses=errors(401, 404))
    def ticket_chat(ticket_id: Annotated[str, Query(min_length=1, max_length=36,
                                                    pattern=r"^[0-9a-f-]+$")],
                    _user: Seat) -> dict[str, Any]:
        """The chat that opened the ticket, with its conversation (its ticket window)."""
        with engine.connect() as conn:
            return chat.conversation(conn, ticket_id=ticket_id)

    @app.post("/v1/chats/{chat_id}/accept", responses=errors(401, 403, 404, 409))
    def accept_chat(chat_id: ChatId, user: Answering) -> dict[str, int]:
        with engine.begin() as conn:
            return {"seq": chat.accept(conn, clock, chat.seat_chat(conn, chat_id), user)}

    @app.post("/v1/chats/{chat_id}/reply", responses=errors(401, 403, 404, 409))
    def reply_chat(chat_id: ChatId, body: chat.ChatText, user: Answering) -> dict[str, int]:
        with engine.begin() as conn:
            return {"seq": chat.seat_says(conn, clock, chat.seat_chat(conn, chat_id), user,
                                          body)}

    @app.post("/v1/chats/{chat_id}/transfer", responses=errors(401, 403, 404, 409))
    def transfer_chat(chat_id: ChatId, body: chat.ChatTransfer,
                      user: Answering) -> dict[str, int]:
        with engine.begin() as conn:
            return {"seq": chat.transfer(conn, clock, chat.seat_chat(conn, chat_id), user,
                                         body.login)}

    @app.post("/v1/chats/{chat_id}/end", responses=errors(401, 403, 404, 409))
    def end_chat(chat_id: ChatId, user: Answering) -> dict[str, int]:
        with engine.begin() as conn:
            return {"seq": chat.end(conn, clock, chat.seat_chat(conn, chat_id), user)}
