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


class ChatListener(EventListener):
    path = "/v1/chats/events"

    def parse(self, body: dict[str, Any]) -> ChatEvent:
        return ChatEvent.from_json(body)


def accept(client: ServerClient, chat_id: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/accept")


def reply(client: ServerClient, chat_id: str, text: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/reply", json={"body": text})


def transfer(client: ServerClient, chat_id: str, login: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/transfer", json={"login": login})


def end(client: ServerClient, chat_id: str) -> None:
    client.call("POST", f"/v1/chats/{chat_id}/end")
