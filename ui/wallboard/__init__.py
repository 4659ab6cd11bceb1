"""The shift supervisor's wallboard (issue 17): live counts of the desk's open work, SLA
risk, who is on duty, today's figures per channel, the oldest waiting tickets and the last
escalations; a full-screen mode for a wall display. Shown to roles that may read reports
(``Capability.READ_REPORTS``), built when first shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.roles import Capability
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "wallboard"


def register(window: MainWindow, context: DeskContext,
             open_ticket: Callable[[str], object],
             show_view: Callable[[str], object] | None = None,
             list_tickets: Callable[[str, list[str]], object] | None = None) -> PageHolder:
    """Add the wallboard page; a ticket activated on it goes to ``open_ticket`` (the desk's
    ticket windows), a tile with a queue view behind it to ``show_view`` (the view's
    name), any other figure to ``list_tickets`` (a title and the ids it counts)."""
    def build(parent: QWidget) -> QWidget:
        from ui.wallboard.page import WallboardPage

        page = WallboardPage(context, parent)
        page.open_requested.connect(open_ticket)
        if show_view is not None:
            page.view_requested.connect(show_view)
        if list_tickets is not None:
            page.tickets_requested.connect(list_tickets)
        return page

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    title = QCoreApplication.translate("WallboardPage", "Wallboard")
    window.add_page(Page(PAGE_ID, title, holder, badge("#37474f", "W", 20)))

    def follow(_seat: object) -> None:
        window.set_page_visible(PAGE_ID, context.may(Capability.READ_REPORTS))

    follow(None)
    context.events.seat_changed.connect(follow)
    return holder
