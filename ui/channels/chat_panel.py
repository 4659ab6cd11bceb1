"""One chat's live conversation and what the seat does with it: accept, answer (Enter),
hand over to a colleague, end. The chat window shows it for the chat chosen in its inbox,
a chat ticket's window for its own chat (``ui/desk.py`` wires that).

Everything goes through the server (app/channels/chats.py) off the GUI thread; what is
shown is what the server's events said (``ChatBook``), so two seats never see different
versions of a chat.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.channels import chats
from ui import background
from ui.channels.chat_book import Chat, ChatBook

if TYPE_CHECKING:
    from app.sync.client import ServerClient

Colleagues = Callable[[], list[tuple[str, str]]]  # (login, name) of the seats to hand to


class ChatPanel(QWidget):
    def __init__(self, book: ChatBook, colleagues: Colleagues,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_panel")
        self.book, self._colleagues = book, colleagues
        self.chat_id: str | None = None
        self._ticket_id: str | None = None  # a ticket window's: its chat, once known
        self.status = QLabel(self, objectName="chat_status")
        self.status.setWordWrap(True)
        self.conversation = QTextBrowser(self, objectName="conversation")
        self.reply = QLineEdit(self, objectName="reply")
        self.reply.setPlaceholderText(self.tr("Answer, then Enter"))
        self.accept_button = QPushButton(self.tr("Accept"), self, objectName="accept")
        self.send_button = QPushButton(self.tr("Send"), self, objectName="send")
        self.transfer_button = QPushButton(self.tr("Hand over…"), self, objectName="transfer")
        self.end_button = QPushButton(self.tr("End"), self, objectName="end")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.conversation, 1)
        row = QHBoxLayout()
        row.addWidget(self.reply, 1)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        for button in (self.accept_button, self.transfer_button, self.end_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.accept_button.clicked.connect(self.accept)
        self.send_button.clicked.connect(self.send)
        self.reply.returnPressed.connect(self.send)
        self.transfer_button.clicked.connect(self.transfer)
        self.end_button.clicked.connect(self.end)
        book.chat_changed.connect(self._changed)
        self.show_chat(None)

    def chat(self) -> Chat | None:
        return self.book.chats.get(self.chat_id) if self.chat_id else None

    def show_chat(self, chat_id: str | None) -> None:
        self.chat_id = chat_id
        self.refresh()

    def follow_ticket(self, ticket_id: str) -> None:
        """Show the chat of ``ticket_id`` as soon as the desk knows it."""
        self._ticket_id = ticket_id
        found = self.book.for_ticket(ticket_id)
        self.show_chat(found.id if found else None)

    @Slot(str)
    def _changed(self, chat_id: str) -> None:
        if chat_id == self.chat_id:
            self.refresh()
        elif self._ticket_id is not None and self.chat_id is None:
            found = self.book.chats.get(chat_id)
            if found is not None and found.ticket_id == self._ticket_id:
                self.show_chat(chat_id)

    def refresh(self) -> None:
        chat = self.chat()
        mine = self.book.mine(chat)
        self.accept_button.setEnabled(chat is not None and chat.state == "waiting")
        for widget in (self.reply, self.send_button, self.transfer_button, self.end_button):
            widget.setEnabled(mine)
        if chat is None:
            self.status.setText(self.tr("No chat waiting") if self._ticket_id is None
                                else self.tr("The live chat shows here when the desk is "
                                             "connected to the server."))
            self.conversation.clear()
            return
        who = f"{chat.name} · {chat.unit}" if chat.unit else chat.name
        self.status.setText(who if self._ticket_id is None
                            else self.tr("Live chat: %1").replace("%1", who))
        self.conversation.setHtml("".join(self._line(chat, event)
                                          for event in chat.in_order()))
        bar = self.conversation.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest line in view, as in any chat

    def _line(self, chat: Chat, event: chats.ChatEvent) -> str:
        if event.kind == "message":
            return (f"<p><b>{html.escape(event.author or chat.name)}</b>: "
                    f"{html.escape(event.body)}</p>")
        if event.kind == "accepted":
            note = self.tr("%1 is answering").replace("%1", event.author)
        elif event.kind == "ended":
            note = self.tr("The chat has ended")
        else:
            return ""
        return f"<p style='color:#607d8b'>{html.escape(note)}</p>"

    # --- what the seat does ------------------------------------------------------------
    def _run(self, work: Callable[[ServerClient], Any]) -> None:
        client = self.book.client()
        if client is None:
            self.status.setText(self.tr("Chats need the server"))
            return
        from app.sync.client import Offline, Refused, SignInNeeded
        from ui.server_refusals import refusal_text

        def job(_progress: object) -> str:
            try:
                work(client)
            except (Refused, Offline, SignInNeeded) as error:
                return refusal_text(error)
            return ""

        background.start(job, self, done=lambda text: self.status.setText(str(text))
                         if text else None)

    @Slot()
    def accept(self) -> None:
        chat = self.chat()
        if chat is not None:
            self._run(lambda client: chats.accept(client, chat.id))

    @Slot()
    def send(self) -> None:
        chat, text = self.chat(), self.reply.text().strip()
        if chat is not None and text:
            self.reply.clear()
            self._run(lambda client: chats.reply(client, chat.id, text))

    @Slot()
    def transfer(self) -> None:
        """Ask which colleague takes the chat (a non-blocking dialog, ``hand_over``)."""
        chat = self.chat()
        if chat is None:
            return
        me = self.book.login()
        choices = {f"{name} ({login})": login for login, name in self._colleagues()
                   if login != me}
        dialog = QInputDialog(self, objectName="hand_over")
        dialog.setWindowTitle(self.tr("Hand over"))
        dialog.setLabelText(self.tr("The seat who takes this chat:"))
        dialog.setComboBoxItems(list(choices))
        dialog.setComboBoxEditable(True)  # a login not on this desk's list yet
        dialog.textValueSelected.connect(lambda text: self._hand_over(
            chat.id, choices.get(text, text.strip())))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _hand_over(self, chat_id: str, login: str) -> None:
        if login:
            self._run(lambda client: chats.transfer(client, chat_id, login))

    @Slot()
    def end(self) -> None:
        chat = self.chat()
        if chat is not None:
            self._run(lambda client: chats.end(client, chat.id))
