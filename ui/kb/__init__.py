"""The knowledge base: search, articles, editing, import/export, ticket suggestions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page

PAGE_ID = "kb"


def register(window: MainWindow, context: DeskContext) -> None:
    """Add the knowledge-base page to the main window."""
    from ui.kb.page import KnowledgePage

    page = KnowledgePage(context, window)
    window.refresh_requested.connect(page.refresh)
    title = QCoreApplication.translate("KnowledgePage", "Knowledge base")
    window.add_page(Page(PAGE_ID, title, page, badge("#558b2f", "K", 20)))
