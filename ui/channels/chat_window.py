"""The seat's chats: every waiting chat (a new one is announced like a breach, with the
chime and the tray, and brings this window up without taking the focus), and the seat's
own conversations: accept, answer (Enter), hand over to another seat, end.

Everything goes through the server (app/channels/chats.py) off the GUI thread; the
conversation shown is what the server's events said, so two seats never see different
versions of a chat.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.channels.chats import ChatEvent
from ui import background

if TYPE_CHECKING:
    from app.sync.client import ServerClient


@dataclass
class Chat:
    id: str
    name: str
    unit: str
    state: str = "waiting"
    seat: str | None = None
    lines: list[tuple[str, str]] = field(default_factory=list)  # (author, text)


class ChatWindow(QWidget):
    """Signals: ``chat_arrived(str)`` (a new waiting chat's id)."""

    chat_arrived = Signal(str)

    def __init__(self, parent: QWidget | None, login: Callable[[], str],
                 client: Callable[[], ServerClient | None]) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("chat_window")
        self.setWindowTitle(self.tr("Chats"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._login, self._client = login, client
        self.chats: dict[str, Chat] = {}
        self.chat_list = QListWidget(self, objectName="chat_list")
        self.conversation = QTextBrowser(self, objectName="conversation")
        self.status = QLabel(self, objectName="chat_status")
        self.reply = QLineEdit(self, objectName="reply")
        self.reply.setPlaceholderText(self.tr("Answer, then Enter"))
        self.accept_button = QPushButton(self.tr("Accept"), self, objectName="accept")
        self.send_button = QPushButton(self.tr("Send"), self, objectName="send")
        self.transfer_button = QPushButton(self.tr("Hand over…"), self, objectName="transfer")
        self.end_button = QPushButton(self.tr("End"), self, objectName="end")
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.conversation, 1)
        row = QHBoxLayout()
        row.addWidget(self.reply, 1)
        row.addWidget(self.send_button)
        right.addLayout(row)
        row = QHBoxLayout()
        for button in (self.accept_button, self.transfer_button, self.end_button):
            row.addWidget(button)
        row.addStretch(1)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.chat_list, 1)
        layout.addLayout(right, 2)
        self.chat_list.currentItemChanged.connect(lambda *_: self._show_current())
        self.accept_button.clicked.connect(self.accept)
        self.send_button.clicked.connect(self.send)
        self.reply.returnPressed.connect(self.send)
        self.transfer_button.clicked.connect(self.transfer)
        self.end_button.clicked.connect(self.end)
        self.resize(760, 480)
        self._show_current()

    # --- what the server says ----------------------------------------------------------
    @Slot(object)
    def hear(self, event: ChatEvent) -> None:
        chat = self.chats.get(event.chat_id)
        if chat is None:
            chat = self.chats[event.chat_id] = Chat(event.chat_id, event.name, event.unit)
        if event.kind == "waiting":
            chat.state = "waiting"
            self.chat_arrived.emit(chat.id)
        elif event.kind == "accepted":
            chat.state, chat.seat = "accepted", event.seat
            chat.lines.append(("", self.tr("%1 is answering").replace("%1", event.author)))
        elif event.kind == "ended":
            chat.state = "ended"
            chat.lines.append(("", self.tr("The chat has ended")))
        else:
            chat.lines.append((event.author or chat.name, event.body))
        self._list()

    def _list(self) -> None:
        current = self.current()
        self.chat_list.blockSignals(True)
        self.chat_list.clear()
        mine = self._login()
        for chat in self.chats.values():
            if chat.state == "ended" or (chat.state == "accepted" and chat.seat != mine):
                continue  # another seat's, or over
            state = self.tr("waiting") if chat.state == "waiting" else self.tr("yours")
            item = QListWidgetItem(f"{chat.name} · {chat.unit} — {state}")
            item.setData(Qt.ItemDataRole.UserRole, chat.id)
            self.chat_list.addItem(item)
            if current is not None and chat.id == current.id:
                self.chat_list.setCurrentItem(item)
        if self.chat_list.currentItem() is None and self.chat_list.count():
            self.chat_list.setCurrentRow(0)
        self.chat_list.blockSignals(False)
        self._show_current()

    def current(self) -> Chat | None:
        item = self.chat_list.currentItem()
        return self.chats.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _show_current(self) -> None:
        chat = self.current()
        mine = chat is not None and chat.state == "accepted" and chat.seat == self._login()
        self.accept_button.setEnabled(chat is not None and chat.state == "waiting")
        for widget in (self.reply, self.send_button, self.transfer_button, self.end_button):
            widget.setEnabled(mine)
        if chat is None:
            self.status.setText(self.tr("No chat waiting"))
            self.conversation.clear()
            return
        self.status.setText(f"{chat.name} · {chat.unit}")
        self.conversation.setHtml("".join(
            f"<p><b>{html.escape(author)}</b>: {html.escape(text)}</p>" if author
            else f"<p style='color:#607d8b'>{html.escape(text)}</p>"
            for author, text in chat.lines))

    # --- what the seat does ------------------------------------------------------------
    def _run(self, work: Callable[[ServerClient], Any]) -> None:
        client = self._client()
        if client is None:
            self.status.setText(self.tr("Chats need the server"))
            return
        from app.sync.client import Offline, Refused

        def job(_progress: object) -> str:
            try:
                work(client)
            except Refused as refused:
                return self.tr("The server refused it: %1").replace("%1", refused.message)
            except Offline:
                return self.tr("The server cannot be reached; try again later.")
            return ""

        background.start(job, self, done=lambda text: self.status.setText(str(text))
                         if text else None)

    @Slot()
    def accept(self) -> None:
        from app.channels import chats

        chat = self.current()
        if chat is not None:
            self._run(lambda client: chats.accept(client, chat.id))

    @Slot()
    def send(self) -> None:
        from app.channels import chats

        chat, text = self.current(), self.reply.text().strip()
        if chat is not None and text:
            self.reply.clear()
            self._run(lambda client: chats.reply(client, chat.id, text))

    @Slot()
    def transfer(self) -> None:
        from app.channels import chats

        chat = self.current()
        if chat is None:
            return
        login, ok = QInputDialog.getText(self, self.tr("Hand over"),
                                         self.tr("The login of the seat who takes it:"))
        if ok and login.strip():
            self._run(lambda client: chats.transfer(client, chat.id, login.strip()))

    @Slot()
    def end(self) -> None:
        from app.channels import chats

        chat = self.current()
        if chat is not None:
            self._run(lambda client: chats.end(client, chat.id))
