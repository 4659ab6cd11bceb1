"""Online chats (issue 19): a requester opens a chat on the server's chat page, a seat
accepts it on his desk, and the conversation is the ticket's timeline.

The requester gives name, unit and contact and gets the chat's token (the page keeps it,
so a reload keeps the conversation). The first message opens the ticket (channel chat,
created at that message: the 1-minute first response runs from it) for the requester with
that phone or e-mail, or a new one. Each later message is a timeline entry: the
requester's by the system, a seat's under his staff member, the first marked as the first
response. Every message and change is a ``chat_events`` row numbered from a counter row
locked until commit (cursors never skip one), and a NOTIFY on ``seatdesk_chats`` wakes the
page's stream and the desks' long-polls.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Connection, Row, insert, select, text, update

from app.domain.clock import Clock
from app.domain.enums import Channel, EventKind, TicketState
from app.domain.ids import new_id
from app.server.accounts import User
from app.server.channels.lookups import Lookups
from app.server.channels.sources import SourceRefused
from app.server.channels.tables import chat_events, chats
from app.server.channels.writes import RowWrites, locked_tickets, write_rows_and_poke
from app.server.roles import staff_id_of
from app.server.tables import counters, rows, users
from app.sync.entities import encode_value

CHATS_CHANNEL = "seatdesk_chats"
AUTHOR = "chat@server"
CHAT_TYPE, CHAT_CATEGORY = "consultation", "service_desk"
TEXT = r"^[^\x00]*$"


class ChatStart(BaseModel):
    name: str = Field(min_length=1, max_length=80, pattern=r"^[^\x00]*\S[^\x00]*$")
    unit: str = Field(default="", max_length=120, pattern=TEXT)
    contact: str = Field(min_length=3, max_length=120, pattern=TEXT,
                         description="a phone number or an e-mail address")


class ChatText(BaseModel):
    body: str = Field(min_length=1, max_length=2000, pattern=r"^[^\x00]*\S[^\x00]*$")


class ChatTransfer(BaseModel):
    login: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_@.-]+$")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(conn: Connection, clock: Clock, body: ChatStart, address: str = "") -> dict[str, str]:
    chat_id, token = new_id(clock), secrets.token_urlsafe(24)
    conn.execute(insert(chats).values(
        id=chat_id, token_hash=token_hash(token), name=body.name.strip(),
        unit=body.unit.strip(), contact=body.contact.strip(), state="waiting",
        created_at=clock.now()))
    _event(conn, clock, chat_id, "waiting", "", body.name.strip(), address)
    return {"chat_id": chat_id, "token": token}


def requester_chat(conn: Connection, chat_id: str, token: str) -> Row[Any]:
    """The chat, locked, if ``token`` is its token (else 404: nothing is told)."""
    found = conn.execute(select(chats).where(chats.c.id == chat_id).with_for_update()).first()
    if found is None or not secrets.compare_digest(found.token_hash, token_hash(token)):
        raise SourceRefused(404, "unknown_chat", "no such chat")
    return found


def seat_chat(conn: Connection, chat_id: str) -> Row[Any]:
    found = conn.execute(select(chats).where(chats.c.id == chat_id).with_for_update()).first()
    if found is None:
        raise SourceRefused(404, "unknown_chat", "no such chat")
    return found


def requester_says(conn: Connection, clock: Clock, chat: Row[Any], body: ChatText,
                   lookups: Lookups, address: str = "") -> int:
    if chat.state == "ended":
        raise SourceRefused(409, "chat_ended", "this chat has ended")
    text_ = body.body.strip()
    writes = RowWrites(AUTHOR)
    ticket_id = chat.ticket_id
    if ticket_id is None:
        ticket_id = _open_ticket(conn, clock, chat, text_, lookups, writes)
        conn.execute(update(chats).where(chats.c.id == chat.id).values(ticket_id=ticket_id))
    else:
        _entry(writes, clock, ticket_id, None, text_, {"chat": "requester"})
    write_rows_and_poke(conn, writes.prepared(conn))
    return _event(conn, clock, chat.id, "message", "", text_, address)


def seat_says(conn: Connection, clock: Clock, chat: Row[Any], user: User,
              body: ChatText) -> int:
    _own(chat, user)
    text_ = body.body.strip()
    writes = RowWrites(f"{user.login}@server")
    if chat.ticket_id is not None:
        data: dict[str, Any] = {"chat": "seat", "visibility": "to_requester"}
        if not chat.answered:
            data["first_response"] = True
            stored = locked_tickets(conn, [chat.ticket_id]).get(chat.ticket_id)
            if stored is not None and stored.data.get("first_response_at") is None:
                now = encode_value(clock.now())
                writes.update("tickets", chat.ticket_id, stored,
                              {"first_response_at": now, "updated_at": now})
        _entry(writes, clock, chat.ticket_id, staff_id_of(conn, user.login), text_, data)
        conn.execute(update(chats).where(chats.c.id == chat.id).values(answered=True))
    write_rows_and_poke(conn, writes.prepared(conn))
    return _event(conn, clock, chat.id, "message", user.name, text_)


def accept(conn: Connection, clock: Clock, chat: Row[Any], user: User) -> int:
    if chat.state != "waiting":
        raise SourceRefused(409, "chat_taken", "another seat has accepted this chat")
    conn.execute(update(chats).where(chats.c.id == chat.id)
                 .values(state="accepted", seat=user.login))
    return _event(conn, clock, chat.id, "accepted", user.name, "")


def transfer(conn: Connection, clock: Clock, chat: Row[Any], user: User, login: str) -> int:
    _own(chat, user)
    name = conn.execute(select(users.c.name).where(users.c.login == login,
                                                   users.c.active)).scalar()
    if name is None:
        raise SourceRefused(404, "unknown_account", f"no active account {login!r}")
    conn.execute(update(chats).where(chats.c.id == chat.id).values(seat=login))
    return _event(conn, clock, chat.id, "accepted", str(name), "")


def end(conn: Connection, clock: Clock, chat: Row[Any], user: User | None) -> int:
    if user is not None:
        _own(chat, user)
    conn.execute(update(chats).where(chats.c.id == chat.id).values(state="ended"))
    return _event(conn, clock, chat.id, "ended", user.name if user else "", "")


def _own(chat: Row[Any], user: User) -> None:
    if chat.state != "accepted" or chat.seat != user.login:
        raise SourceRefused(409, "not_your_chat", "accept the chat first")


def _open_ticket(conn: Connection, clock: Clock, chat: Row[Any], first: str,
                 lookups: Lookups, writes: RowWrites) -> str:
    type_id = lookups.catalog_id(conn, "ticket_types", CHAT_TYPE)
    category_id = lookups.catalog_id(conn, "categories", CHAT_CATEGORY)
    if type_id is None or category_id is None:
        raise SourceRefused(409, "catalog_missing", "the desk has no ticket types")
    now = encode_value(clock.now())
    requester = _requester(conn, clock, chat, writes, now)
    ticket_id = new_id(clock)
    writes.insert("tickets", {
        "id": ticket_id, "number": "SD-P-chat", "title": f"在线咨询 Chat: {chat.name}"[:200],
        "description": first, "requester_id": requester, "channel": str(Channel.CHAT),
        "type_id": type_id, "category_id": category_id, "urgency": 1, "impact": 1,
        "importance": 1, "level": 3, "level_reason": "", "state": str(TicketState.NEW),
        "pending_reason": "", "assignee_id": None, "team_id": None, "created_at": now,
        "first_response_at": None, "resolved_at": None, "closed_at": None, "solution": "",
        "cause": "", "satisfaction": None, "satisfaction_method": "",
        "closed_unconfirmed": False, "updated_at": now, "deleted": False}, numbered=True)
    _entry(writes, clock, ticket_id, None, first, {"channel": str(Channel.CHAT), "level": 3,
                                                   "chat": "requester"},
           kind=EventKind.CREATED)
    return ticket_id


def _requester(conn: Connection, clock: Clock, chat: Row[Any], writes: RowWrites,
               now: str) -> str:
    """The requester with this contact (phone or e-mail), else a new one."""
    contact = chat.contact
    field = "email" if "@" in contact else "phone"
    found = conn.execute(select(rows.c.key).where(
        rows.c.entity == "requesters", ~rows.c.deleted,
        rows.c.data[field].astext == contact).limit(1)).scalar()
    if found is not None:
        return str(found)
    requester_id = new_id(clock)
    writes.insert("requesters", {
        "id": requester_id, "name": chat.name, "unit": chat.unit,
        "phone": contact if field == "phone" and re.fullmatch(r"[0-9+ -]{3,40}", contact)
        else "", "email": contact if field == "email" else "", "merged_into": None,
        "updated_at": now, "deleted": False})
    return requester_id


def _entry(writes: RowWrites, clock: Clock, ticket_id: str, actor: str | None, body: str,
           data: dict[str, Any], kind: EventKind = EventKind.COMMENT) -> None:
    writes.insert("ticket_events", {
        "id": new_id(clock), "ticket_id": ticket_id, "at": encode_value(clock.now()),
        "actor_id": actor, "kind": str(kind), "body": body,
        "data": json.dumps(data, ensure_ascii=False)})


def _event(conn: Connection, clock: Clock, chat_id: str, kind: str, author: str,
           body: str, address: str = "") -> int:
    seq = int(conn.execute(update(counters).where(counters.c.name == "chat_event")
                           .values(value=counters.c.value + 1)
                           .returning(counters.c.value)).scalar_one())
    conn.execute(insert(chat_events).values(seq=seq, chat_id=chat_id, kind=kind,
                                            author=author, body=body, at=clock.now(),
                                            address=address[:64]))
    conn.execute(text(f"NOTIFY {CHATS_CHANNEL}"))
    return seq


def _json(row: Row[Any], chat: Row[Any] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"seq": row.seq, "chat_id": row.chat_id, "kind": row.kind,
                             "author": row.author, "body": row.body,
                             "at": encode_value(row.at)}
    if chat is not None:
        found |= {"name": chat.name, "unit": chat.unit, "ticket_id": chat.ticket_id,
                  "seat": chat.seat}
    return found


def page_events(conn: Connection, chat_id: str, after: int) -> list[dict[str, Any]]:
    """What the requester's page shows after ``after``."""
    return [_json(row) for row in conn.execute(
        select(chat_events).where(chat_events.c.chat_id == chat_id,
                                  chat_events.c.seq > after).order_by(chat_events.c.seq))]


def conversation(conn: Connection, chat_id: str | None = None,
                 ticket_id: str | None = None) -> dict[str, Any]:
    """A chat (by its id, or the newest of a ticket's) with all its events: what a seat's
    desk shows when a chat is handed to it or its ticket is opened (404: none)."""
    found = conn.execute(select(chats).where(
        chats.c.id == chat_id if chat_id is not None else chats.c.ticket_id == ticket_id)
        .order_by(chats.c.created_at.desc()).limit(1)).first()
    if found is None:
        raise SourceRefused(404, "unknown_chat", "no such chat")
    return _conversation(conn, found)


def open_chats(conn: Connection, login: str, limit: int = 100) -> list[dict[str, Any]]:
    """The chats waiting and the seat's own, oldest first, with their conversations: what a
    desk that connects (a seat coming on shift, a desk restarted) has not heard."""
    return [_conversation(conn, found) for found in conn.execute(
        select(chats).where((chats.c.state == "waiting")
                            | ((chats.c.state == "accepted") & (chats.c.seat == login)))
        .order_by(chats.c.created_at).limit(limit))]


def _conversation(conn: Connection, found: Row[Any]) -> dict[str, Any]:
    return {"chat_id": found.id, "name": found.name, "unit": found.unit,
            "state": found.state, "seat": found.seat, "ticket_id": found.ticket_id,
            "events": [_json(row, found) for row in conn.execute(
                select(chat_events).where(chat_events.c.chat_id == found.id)
                .order_by(chat_events.c.seq))]}


def desk_events(conn: Connection, login: str, after: int) -> tuple[list[dict[str, Any]], int]:
    """What a seat's desk hears after ``after``: every chat's waiting, accepted and ended
    events (who took which), the messages of chats nobody has yet (to decide whether to
    take one) and of his own. ``after`` < 0: only the cursor."""
    newest = int(conn.execute(select(counters.c.value).where(
        counters.c.name == "chat_event")).scalar_one())
    if after < 0:
        return [], newest
    found = conn.execute(
        select(chat_events, chats.c.name, chats.c.unit, chats.c.ticket_id, chats.c.seat)
        .join(chats, chats.c.id == chat_events.c.chat_id)
        .where(chat_events.c.seq > after, chat_events.c.seq <= newest)
        .order_by(chat_events.c.seq)).all()
    heard = [_json(row, row) for row in found
             if row.kind in ("waiting", "accepted", "ended") or row.seat in (None, login)]
    return heard, newest
