"""The desk's chats as the server told them: every chat this desk has heard of, with its
events by sequence number, shared by the chat window (the inbox) and the ticket windows
of chat tickets, so both show the same conversation.

Events come from the long-poll (``hear``) and from the server's whole conversations: of
the chats waiting and the seat's own when the desk connects (``fetch_open``), of a chat
handed to this seat or a chat ticket opened (``fetch``). A handed-over chat shows what was
said before, a chat that started before the desk connected is in its inbox, and an event
heard twice is shown once.

Signals:
    chat_changed(str): a chat's events, state or seat changed (its id).
    chat_arrived(str): a new chat is waiting (its id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.channels.chats import ChatEvent, Conversation
from ui import background

if TYPE_CHECKING:
    from app.sync.client import ServerClient


@dataclass
class Chat:
    id: str
    name: str
    unit: str
    ticket_id: str | None = None
    state: str = "waiting"  # waiting | accepted | ended
    seat: str | None = None  # the login of the seat who has it
    events: dict[int, ChatEvent] = field(default_factory=dict)

    def in_order(self) -> list[ChatEvent]:
        return [self.events[seq] for seq in sorted(self.events)]


class ChatBook(QObject):
    chat_changed = Signal(str)
    chat_arrived = Signal(str)

    def __init__(self, parent: QObject | None, login: Callable[[], str],
                 client: Callable[[], ServerClient | None]) -> None:
        super().__init__(parent)
        self.login, self.client = login, client
        self.chats: dict[str, Chat] = {}

    def mine(self, chat: Chat | None) -> bool:
        """Whether this desk's seat has ``chat`` now (and may answer, hand over, end)."""
        return chat is not None and chat.state == "accepted" and chat.seat == self.login()

    def for_ticket(self, ticket_id: str) -> Chat | None:
        found = [chat for chat in self.chats.values() if chat.ticket_id == ticket_id]
        return found[-1] if found else None

    @Slot(object)
    def hear(self, event: ChatEvent) -> None:
        known = event.chat_id in self.chats
        chat = self._chat(event.chat_id, event.name, event.unit)
        if event.seq in chat.events:
            return
        chat.events[event.seq] = event
        chat.ticket_id = event.ticket_id or chat.ticket_id
        handed_over = False
        if event.kind == "waiting":
            chat.state = "waiting"
        elif event.kind == "accepted":
            # Handed to this seat by another, or a chat this desk never heard of (it
            # connected after the other seat accepted it): either way its history is not
            # here.
            handed_over = event.seat == self.login() and (
                not known or (chat.state == "accepted" and chat.seat != event.seat))
            chat.state, chat.seat = "accepted", event.seat
        elif event.kind == "ended":
            chat.state = "ended"
        self.chat_changed.emit(chat.id)
        if event.kind == "waiting":
            self.chat_arrived.emit(chat.id)
        if handed_over:
            # What was said before it came to this seat went to the other seat's desk.
            self.fetch(chat_id=chat.id)

    def fetch(self, *, chat_id: str | None = None, ticket_id: str | None = None) -> None:
        """Ask the server for a chat's whole conversation (off the GUI thread); nothing
        when the desk is not connected or the ticket came another way."""
        from app.channels import chats

        def work(client: ServerClient) -> list[Conversation]:
            if chat_id is not None:
                return [chats.conversation(client, chat_id)]
            found = chats.ticket_conversation(client, str(ticket_id))
            return [found] if found is not None else []

        self._fetch(work)

    def fetch_open(self) -> None:
        """Ask for the chats waiting and this seat's own: a desk that has just connected
        (a seat coming on shift, a desk restarted) heard none of them."""
        from app.channels import chats

        self._fetch(chats.open_chats)

    def _fetch(self, work: Callable[[ServerClient], list[Conversation]]) -> None:
        client = self.client()
        if client is None:
            return
        from app.sync.client import Offline, Refused

        def job(_progress: object) -> list[Conversation]:
            try:
                return work(client)
            except (Offline, Refused):
                return []  # the live events still come; the timeline has the rest

        background.start(job, self, done=self.load)

    @Slot(object)
    def load(self, found: list[Conversation]) -> None:
        """Take the server's conversations: their events join those heard; their state
        only if no event heard since is newer."""
        for conversation in found:
            new = conversation.chat_id not in self.chats
            chat = self._chat(conversation.chat_id, conversation.name, conversation.unit)
            newest = max((e.seq for e in conversation.events), default=0)
            if newest >= max(chat.events, default=0):
                # else an event heard since is newer than this answer
                chat.state, chat.seat = conversation.state, conversation.seat
            chat.ticket_id = conversation.ticket_id or chat.ticket_id
            chat.events.update((event.seq, event) for event in conversation.events)
            self.chat_changed.emit(chat.id)
            if new and chat.state == "waiting":
                self.chat_arrived.emit(chat.id)

    def _chat(self, chat_id: str, name: str, unit: str) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = Chat(chat_id, name, unit)
        return chat
