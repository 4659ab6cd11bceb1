"""Ticket queues: the seat's working list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.queues.page import QueuesPage

PAGE_ID = "queues"


def register(window: MainWindow, context: DeskContext) -> QueuesPage:
    """Add the queues to the main window."""
    page = QueuesPage(context, window)
    window.refresh_requested.connect(page.refresh)
    context.events.tickets_changed.connect(lambda _ids: page.refresh_soon())
    title = QCoreApplication.translate("QueuesPage", "Queues")
    window.add_page(Page(PAGE_ID, title, page, badge("#1f5fa8", "Q", 20)))
    return page
