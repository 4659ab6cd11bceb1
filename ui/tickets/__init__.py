"""The read-only ticket list (until the queues feature replaces it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.tickets.page import TicketListPage

PAGE_ID = "tickets"


def register(window: MainWindow, context: DeskContext) -> None:
    """Add the ticket list to the main window."""
    page = TicketListPage(context, window)
    window.refresh_requested.connect(page.refresh)
    title = QCoreApplication.translate("TicketListPage", "Tickets")
    window.add_page(Page(PAGE_ID, title, page, badge("#1f5fa8", "T", 20)))
