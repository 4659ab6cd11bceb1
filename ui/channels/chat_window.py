"""The chats inbox: every waiting chat (a new one is announced like a breach, with the
chime and the tray, and brings this window up without taking the focus) and the seat's
own, with the chosen one's conversation (``ChatPanel``: accept, answer with Enter, hand
over, end). A chat ticket's window shows the same conversation live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from ui.channels.chat_book import ChatBook
from ui.channels.chat_panel import ChatPanel, Colleagues


class ChatWindow(QWidget):
    def __init__(self, parent: QWidget | None, book: ChatBook,
                 colleagues: Colleagues) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("chat_window")
        self.setWindowTitle(self.tr("Chats"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.book = book
        self.chat_list = QListWidget(self, objectName="chat_list")
        self.panel = ChatPanel(book, colleagues, self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.chat_list, 1)
        layout.addWidget(self.panel, 2)
        self.chat_list.currentItemChanged.connect(lambda *_: self.panel.show_chat(
            self._current_id()))
        book.chat_changed.connect(self._list)
        self.resize(760, 480)

    def _current_id(self) -> str | None:
        item = self.chat_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    @Slot()
    def _list(self) -> None:
        """The waiting chats and the seat's own; another seat's and ended ones drop out."""
        current = self._current_id()
        self.chat_list.blockSignals(True)
        self.chat_list.clear()
        for chat in self.book.chats.values():
            if chat.state == "waiting" or self.book.mine(chat):
                state = self.tr("waiting") if chat.state == "waiting" else self.tr("yours")
                item = QListWidgetItem(f"{chat.name} · {chat.unit} — {state}")
                item.setData(Qt.ItemDataRole.UserRole, chat.id)
                self.chat_list.addItem(item)
                if chat.id == current:
                    self.chat_list.setCurrentItem(item)
        if self.chat_list.currentItem() is None and self.chat_list.count():
            self.chat_list.setCurrentRow(0)
        self.chat_list.blockSignals(False)
        if self._current_id() != self.panel.chat_id:  # else the panel follows it itself
            self.panel.show_chat(self._current_id())
