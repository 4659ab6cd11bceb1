"""The rota planner page (issue 6)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.announce import Announcer
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "rota"
# Shift reminders run inside the page: build it soon after start even if nobody opens it.
BUILD_AFTER_MS = 3000


def register(window: MainWindow, context: DeskContext,
             announcer: Announcer | None = None) -> PageHolder:
    """Add the rota planner to the main window.

    Publishing, covering and rule edits need a role that plans the rota (the signed-in
    seat's, app.domain.roles); the page follows a change of seat.
    """
    def build(parent: QWidget) -> QWidget:
        from app.domain.roles import Capability
        from ui.rota.page import RotaPage

        page = RotaPage(context, parent, supervisor=context.may(Capability.PLAN_ROTA))
        context.events.seat_changed.connect(
            lambda seat: page.set_supervisor(seat.may(Capability.PLAN_ROTA)))
        # Shift reminders: a tray message (or toast) and the status bar, whichever page
        # is open.
        page.person_panel.reminder_due.connect(
            lambda text: window.statusBar().showMessage(text, 10 * 60 * 1000))
        if announcer is not None:
            page.person_panel.reminder_due.connect(lambda text: announcer.announce(
                QCoreApplication.translate("RotaPage", "Shift reminder"), text, info=True))
        if window.current_page() == PAGE_ID:
            page.ensure_loaded()
        window.page_changed.connect(
            lambda shown: page.ensure_loaded() if shown == PAGE_ID else None)
        return page

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    context.events.records_changed.connect(
        lambda names: holder.refresh() if any(n.startswith("rota_") for n in names) else None)
    holder.build_later(BUILD_AFTER_MS)
    title = QCoreApplication.translate("RotaPage", "Rota")
    window.add_page(Page(PAGE_ID, title, holder, badge("#6c5b9e", "R", 20)))
    return holder
