"""The knowledge base: search, articles, editing, import/export, ticket suggestions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "kb"


def register(window: MainWindow, context: DeskContext) -> PageHolder:
    """Add the knowledge-base page; it is built when first shown (about 0.2 s kept off
    start-up)."""
    def build(parent: QWidget) -> QWidget:
        from ui.kb.page import KnowledgePage

        return KnowledgePage(context, parent)

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    context.events.records_changed.connect(
        lambda names: holder.refresh() if any(n.startswith("kb_") for n in names) else None)
    title = QCoreApplication.translate("KnowledgePage", "Knowledge base")
    window.add_page(Page(PAGE_ID, title, holder, badge("#558b2f", "K", 20)))
    return holder
