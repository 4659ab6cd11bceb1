"""A live chat in the ticket window and handed over between two real desks over the real
server (issue 19): the seat accepts in the chat window, answers in the chat ticket's
window with Enter, clicks Hand over and chooses a colleague; the colleague's desk gets
the chat with what was said before, and the requester's next message; he answers and
ends it, and the first seat's ticket window shows it ended."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from tests.sync.conftest import OTHER_AGENT, PASSWORD, RunningServer
from tests.sync.test_chat import say, start, stream
from tests.sync.test_sync_ui import connect, fresh_desk, new_desk
from ui import sound
from ui.announce import Announcer
from ui.channels import PhoneDesk
from ui.channels.chat_panel import ChatPanel
from ui.desk import Desk
from ui.status import Connection

__all__ = ["fresh_desk"]


@pytest.fixture
def second_desk(qtbot: QtBot, tmp_path: Path, server: RunningServer) -> Iterator[Desk]:
    desk = new_desk(qtbot, tmp_path / "colleague")
    yield desk
    desk.close()


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """No tray or sound here (ui/announce.py and ui/sound.py have their own tests)."""
    monkeypatch.setattr(Announcer, "announce", lambda *_args, **_kw: None)

    class Chime:
        def __init__(self, _parent: object = None) -> None:
            pass

        def play(self) -> None:
            pass

    monkeypatch.setattr(sound, "Chime", Chime)


def online(qtbot: QtBot, desk: Desk, server: RunningServer, login: str) -> PhoneDesk:
    connect(qtbot, desk, server.url, PASSWORD, login)
    qtbot.waitUntil(lambda: desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    qtbot.waitUntil(lambda: phone.status.text() == "☎ Calls: listening", timeout=10_000)
    return phone


def hand_over(qtbot: QtBot, panel: ChatPanel, colleague: str) -> None:
    """Click Hand over…, choose the colleague in the list, OK."""
    qtbot.mouseClick(panel.transfer_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QInputDialog, "hand_over")
    assert dialog is not None and dialog.isVisible()
    choices = dialog.findChild(QComboBox)
    assert choices is not None
    [wanted] = [n for n in range(choices.count()) if f"({colleague})" in choices.itemText(n)]
    choices.setCurrentIndex(wanted)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def text_of(panel: ChatPanel) -> str:
    return panel.conversation.toPlainText()


def test_a_chat_answered_in_its_ticket_window_and_handed_to_a_colleague(
        qtbot: QtBot, fresh_desk: Desk, second_desk: Desk, server: RunningServer) -> None:
    desk, colleague = fresh_desk, second_desk
    phone = online(qtbot, desk, server, "seat010")
    other = online(qtbot, colleague, server, OTHER_AGENT)
    chat = start(server)
    assert say(server, chat, "VPN 连不上").status_code == 200
    inbox = phone.chat_window
    qtbot.waitUntil(lambda: inbox.chat_list.count() == 1, timeout=10_000)
    qtbot.mouseClick(inbox.panel.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(inbox.panel.reply.isEnabled, timeout=10_000)

    # The chat's ticket, pulled by the desk's sync, opens with the live chat beside it.
    ticket_id = phone.chat_book.chats[chat["chat_id"]].ticket_id
    assert ticket_id is not None
    qtbot.waitUntil(lambda: desk.context.reader.execute(
        "SELECT 1 FROM tickets WHERE id = ?", (ticket_id,)).fetchone() is not None,
        timeout=15_000)
    window = desk.tickets.open(ticket_id)
    panel = window.findChild(ChatPanel, "ticket_chat")
    assert panel is not None
    qtbot.waitUntil(lambda: "VPN 连不上" in text_of(panel), timeout=10_000)
    assert panel.status.text() == "Live chat: 李明 · 市财政局"
    panel.reply.insert("请重启客户端")  # as an input method commits it (QTest types ASCII)
    qtbot.keyClick(panel.reply, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "请重启客户端" in text_of(inbox.panel), timeout=10_000)
    assert [e["body"] for e in stream(server, chat, 4)][3] == "请重启客户端"

    # Handed over by clicking and choosing the colleague: his desk has it, and what was
    # said before (it went to the first seat's desk only).
    hand_over(qtbot, panel, OTHER_AGENT)
    theirs = other.chat_window
    qtbot.waitUntil(lambda: theirs.chat_list.count() == 1
                    and theirs.chat_list.item(0).text().endswith("yours"), timeout=10_000)
    qtbot.waitUntil(theirs.panel.reply.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: "请重启客户端" in text_of(theirs.panel), timeout=10_000)
    qtbot.waitUntil(lambda: not panel.reply.isEnabled(), timeout=10_000)
    assert inbox.chat_list.count() == 0  # no longer the first seat's
    assert not panel.transfer_button.isEnabled() and not panel.end_button.isEnabled()

    # The requester's next message reaches the colleague; he answers and ends.
    assert say(server, chat, "重启了还是不行").status_code == 200
    qtbot.waitUntil(lambda: "重启了还是不行" in text_of(theirs.panel), timeout=10_000)
    theirs.panel.reply.insert("我远程帮您看一下")
    qtbot.keyClick(theirs.panel.reply, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "我远程帮您看一下" in text_of(theirs.panel), timeout=10_000)
    qtbot.mouseClick(theirs.panel.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "The chat has ended" in text_of(panel), timeout=10_000)
    events = stream(server, chat, 8)
    assert [(e["kind"], e["author"]) for e in events] == [
        ("waiting", ""), ("message", ""), ("accepted", "Seat010"), ("message", "Seat010"),
        ("accepted", "Seat011"), ("message", ""), ("message", "Seat011"), ("ended", "Seat011")]


def test_a_desk_that_connects_finds_the_chats_already_waiting(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer) -> None:
    """A seat coming on shift (or a desk restarted) is told of the chats that started before
    his desk listened, with what the requester wrote."""
    chat = start(server)
    assert say(server, chat, "VPN 连不上").status_code == 200
    phone = online(qtbot, fresh_desk, server, "seat010")
    inbox = phone.chat_window
    qtbot.waitUntil(lambda: inbox.isVisible() and inbox.chat_list.count() == 1,
                    timeout=10_000)
    assert inbox.chat_list.item(0).text() == "李明 · 市财政局 — waiting"
    assert "VPN 连不上" in text_of(inbox.panel)
    assert inbox.panel.accept_button.isEnabled()
