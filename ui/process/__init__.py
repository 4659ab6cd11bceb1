"""The handling process in the desk (issue 16): the panel beside every ticket, the
Reviews page (for roles that review level-3 results) and the level-1 emergency banner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.roles import Capability
from ui.announce import Announcer
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

if TYPE_CHECKING:
    from ui.intake.dialog import IntakeDialog
    from ui.process.banner import EmergencyBanner
    from ui.ticket.window import TicketWindow

PAGE_ID = "reviews"


def register(window: MainWindow, context: DeskContext, announcer: Announcer,
             open_ticket: Callable[[str], object]) -> EmergencyBanner:
    """Add the Reviews page and the emergency banner; returns the banner."""
    from ui.process.banner import EmergencyBanner

    def build(parent: QWidget) -> QWidget:
        from ui.process.reviews_page import ReviewsPage

        page = ReviewsPage(context, parent)
        page.open_requested.connect(open_ticket)
        return page

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    title = QCoreApplication.translate("ReviewsPage", "Reviews")
    window.add_page(Page(PAGE_ID, title, holder, badge("#00695c", "✓", 20)))

    def follow(_seat: object) -> None:
        window.set_page_visible(PAGE_ID, context.may(Capability.REVIEW_RESOLUTIONS))

    follow(None)
    context.events.seat_changed.connect(follow)
    return EmergencyBanner(window, context, announcer, open_ticket)


def for_intake(form: IntakeDialog, context: DeskContext) -> None:
    """The level-3 analysis beside the new-ticket form, recorded when a ticket is saved."""
    from ui.process.intake_analysis import IntakeAnalysis

    box = IntakeAnalysis(context, form)
    form.add_side_widget(box)
    form.ticket_logged.connect(box.on_ticket_logged)


def for_ticket(ticket: TicketWindow, context: DeskContext) -> None:
    """The process panel beside a ticket's timeline, following every change to it."""
    from ui.process.panel import ProcessPanel

    panel = ProcessPanel(context, ticket)
    ticket.add_side_widget(panel)
    context.events.tickets_changed.connect(panel.on_tickets_changed)
    context.events.records_changed.connect(panel.on_records_changed)
