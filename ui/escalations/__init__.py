"""The escalation ledger page (升级台账, issue 17): every escalation, filtered, exported and
analysed. Shown to roles that may read reports (``Capability.READ_REPORTS``), built when
first shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.roles import Capability
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "escalations"


def register(window: MainWindow, context: DeskContext,
             open_ticket: Callable[[str], object]) -> PageHolder:
    """Add the ledger page; a line activated on it goes to ``open_ticket``."""
    def build(parent: QWidget) -> QWidget:
        from ui.escalations.page import EscalationsPage

        page = EscalationsPage(context, parent)
        page.open_requested.connect(open_ticket)
        return page

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    title = QCoreApplication.translate("EscalationsPage", "Escalation ledger")
    window.add_page(Page(PAGE_ID, title, holder, badge("#6a1b9a", "E", 20)))

    def follow(_seat: object) -> None:
        window.set_page_visible(PAGE_ID, context.may(Capability.READ_REPORTS))

    follow(None)
    context.events.seat_changed.connect(follow)
    return holder
