"""Online chats on the desk: what the seat hears (new chats, who took which, his chats'
messages) and what he does (accept, answer, hand over, end), all through the server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.channels.calls import EventListener

if TYPE_CHECKING:
    from app.sync.client import ServerClient


@dataclass(frozen=True)
class ChatEvent:
    seq: int
    chat_id: str
    kind: str  # waiting | message | accepted | ended
    author: str  # "" the requester, else the seat's name
    body: str
    at: datetime
    name: str  # the requester's
    unit: str
    seat: str | None  # the login of the seat who has the chat now
    ticket_id: str | None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> ChatEvent:
        return cls(int(body["seq"]), str(body["chat_id"]), str(body["kind"]),
                   str(body["author"]), str(body["body"]),
                   datetime.fromisoformat(str(body["at"])), str(body.get("name", "")),
                   str(body.get("unit", "")), body.get("seat"), body.get("ticket_id"))


@dataclass(frozen=True)
class Conversation:
    """A chat as the server has it now, with every event so far."""

    chat_id: str
    name: str
    unit: str
    state: str  # waiting | accepted | ended
    seat: str | None
    ticket_id: str | None
    events: tuple[ChatEvent, ...]

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> Conversation:
        return cls(str(body["chat_id"]), str(body["name"]), str(body["unit"]),
                   str(body["state"]), body.get("seat"), body.get("ticket_id"),
                   tuple(ChatEvent.from_json(event) for event in body["events"]))


class ChatListener(EventListener):
    path = "/v1/chats/events"

    def parse(self, body: dict[str, Any]) -> ChatEvent:
        return ChatEvent.from_json(body)


def conversation(client: ServerClient, chat_id: str) -> Conversation:
    return Conversation.from_json(client.call("GET", f"/v1/chats/{chat_id}"))


def open_chats(client: ServerClient) -> list[Conversation]:
    """The chats waiting and this seat's own, as the server has them now."""
    return [Conversation.from_json(body)
            for body in client.call("GET", "/v1/chats/open")["chats"]]


def ticket_conversation(client: ServerClient, ticket_id: str) -> Conversation | None:
    """The chat that opened ``ticket_id`` (None: it came another way)."""
    from app.sync.client import Refused

    try:
        return Conversation.from_json(client.call("GET", "/v1/chats",
                                                  params={"ticket_id": ticket_id}))
    except Refused as refused:
        if refused.status == 404:
            return None
        raise


def accept(client: ServerClient, chat_id: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/accept")


def reply(client: ServerClient, chat_id: str, text: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/reply", json={"body": text})


def transfer(client: ServerClient, chat_id: str, login: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/transfer", json={"login": login})


def end(client: ServerClient, chat_id: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/end")
