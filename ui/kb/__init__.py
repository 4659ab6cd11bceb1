"""The knowledge base: search, articles, editing, import/export, ticket suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page

if TYPE_CHECKING:
    from ui.kb.page import KnowledgePage

PAGE_ID = "kb"


class KnowledgePageHolder(QWidget):
    """Stands in for the page until it is first shown: its modules and first query stay
    off the start-up path (about 0.2 s)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.page: KnowledgePage | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> KnowledgePage:
        if self.page is None:
            from ui.kb.page import KnowledgePage

            self.page = KnowledgePage(self._context, self)
            self._layout.addWidget(self.page)
        return self.page

    @Slot(str)
    def on_page_changed(self, page_id: str) -> None:
        if page_id == PAGE_ID:
            self.ensure()

    @Slot()
    def refresh(self) -> None:
        if self.page is not None:
            self.page.refresh()


def register(window: MainWindow, context: DeskContext) -> None:
    """Add the knowledge-base page to the main window."""
    holder = KnowledgePageHolder(context, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    title = QCoreApplication.translate("KnowledgePage", "Knowledge base")
    window.add_page(Page(PAGE_ID, title, holder, badge("#558b2f", "K", 20)))
