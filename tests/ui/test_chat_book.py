"""The desk's chats as heard (ui/channels/chat_book.py): an event heard twice counts once,
a conversation fetched after a newer event does not undo it, a chat handed to this seat
is the seat's, and the panel and inbox show the same chat."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from app.channels.chats import ChatEvent, Conversation
from ui.channels.chat_book import ChatBook
from ui.channels.chat_window import ChatWindow

AT = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def event(seq: int, kind: str, author: str = "", body: str = "",
          seat: str | None = None) -> ChatEvent:
    return ChatEvent(seq, "c1", kind, author, body, AT, "李明", "市财政局", seat, "t1")


def test_events_heard_twice_or_fetched_late_are_shown_once_and_in_order(
        qtbot: QtBot) -> None:
    book = ChatBook(None, lambda: "seat010", lambda: None)
    window = ChatWindow(None, book, list)
    qtbot.addWidget(window)
    with qtbot.waitSignal(book.chat_arrived) as arrived:
        book.hear(event(1, "waiting"))
    assert arrived.args == ["c1"]
    book.hear(event(2, "message", body="VPN 连不上"))
    book.hear(event(2, "message", body="VPN 连不上"))  # a long-poll retried
    book.hear(event(3, "accepted", "姜凤英", seat="seat010"))
    book.hear(event(5, "ended", "姜凤英", seat="seat010"))
    # The conversation as the server had it before the end arrives late: the end stays.
    book.load([Conversation("c1", "李明", "市财政局", "accepted", "seat010", "t1", (
        event(1, "waiting"), event(2, "message", body="VPN 连不上"),
        event(3, "accepted", "姜凤英", seat="seat010"),
        event(4, "message", "姜凤英", "请重启")))])
    chat = book.chats["c1"]
    assert [e.seq for e in chat.in_order()] == [1, 2, 3, 4, 5]
    assert chat.state == "ended" and book.for_ticket("t1") is chat
    assert window.chat_list.count() == 0  # an ended chat leaves the inbox


def test_a_chat_handed_to_this_seat_is_his_and_in_his_inbox(qtbot: QtBot) -> None:
    book = ChatBook(None, lambda: "seat011", lambda: None)
    window = ChatWindow(None, book, list)
    qtbot.addWidget(window)
    book.hear(event(1, "waiting"))
    book.hear(event(2, "accepted", "Seat010", seat="seat010"))
    assert window.chat_list.count() == 0 and not book.mine(book.chats["c1"])
    book.hear(event(3, "accepted", "Seat011", seat="seat011"))  # handed over
    assert book.mine(book.chats["c1"])
    assert window.chat_list.item(0).text() == "李明 · 市财政局 — yours"
    assert window.panel.reply.isEnabled() and not window.panel.accept_button.isEnabled()
    assert "Seat011 is answering" in window.panel.conversation.toPlainText()


def test_a_chat_handed_to_this_seat_brings_what_was_said_before(qtbot: QtBot) -> None:
    """Handed over from a colleague, or from a chat this desk never heard of (it connected
    after the colleague accepted): the seat's desk asks for the whole conversation."""
    for heard_before in (True, False):
        book, fetched = fetching_book()
        if heard_before:
            book.hear(event(1, "waiting"))
            book.hear(event(2, "accepted", "Seat010", seat="seat010"))
        assert fetched == []
        book.hear(event(3, "accepted", "Seat011", seat="seat011"))
        assert fetched == ["c1"]
        book.hear(event(4, "message", "Seat011", "请稍候"))
        assert fetched == ["c1"]  # once
    accepting, asked = fetching_book()
    accepting.hear(event(1, "waiting"))
    accepting.hear(event(2, "accepted", "Seat011", seat="seat011"))  # its own accept
    assert asked == []


def fetching_book() -> tuple[ChatBook, list[str | None]]:
    """seat011's book, recording the conversations it asks the server for."""
    book = ChatBook(None, lambda: "seat011", lambda: None)
    fetched: list[str | None] = []

    def fetch(*, chat_id: str | None = None, ticket_id: str | None = None) -> None:
        fetched.append(chat_id)

    book.fetch = fetch  # type: ignore[method-assign]
    return book, fetched
