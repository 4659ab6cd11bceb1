"""Reports (issue 17): targets, response times, seats, channels, satisfaction, and the
monthly service report. Shown to roles that may read reports
(``Capability.READ_REPORTS``), built when first shown; every figure opens the tickets
behind it (a list whose rows open the ticket windows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.domain.roles import Capability
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "reports"


def register(
    window: MainWindow, context: DeskContext, open_ticket: Callable[[str], object]
) -> PageHolder:
    """Add the Reports page and the File menu's "Monthly service report…"; the tickets
    behind a figure are listed, and one activated there goes to ``open_ticket``."""

    def build(parent: QWidget) -> QWidget:
        from ui.reports.page import ReportsPage
        from ui.reports.tickets_dialog import TicketList

        page = ReportsPage(context, parent)

        def show(title: str, ids: list[str]) -> None:
            dialog = TicketList(context, title, ids, page)
            dialog.open_requested.connect(open_ticket)
            dialog.show()

        page.tickets_requested.connect(show)
        page.refresh()
        return page

    holder = PageHolder(PAGE_ID, build, window)
    window.page_changed.connect(holder.on_page_changed)
    title = QCoreApplication.translate("Reports", "Reports")
    window.add_page(Page(PAGE_ID, title, holder, badge("#6a1b9a", "R", 20)))
    monthly = QAction(QCoreApplication.translate("Reports", "Monthly service report…"), window)

    def write_monthly() -> None:
        window.show_page(PAGE_ID)
        page = holder.ensure()
        page.write_monthly()  # type: ignore[attr-defined]

    monthly.triggered.connect(write_monthly)
    quit_action = window.file_menu.actions()[-1]
    window.file_menu.insertAction(quit_action, monthly)

    def follow(_seat: object) -> None:
        allowed = context.may(Capability.READ_REPORTS)
        window.set_page_visible(PAGE_ID, allowed)
        monthly.setVisible(allowed)

    follow(None)
    context.events.seat_changed.connect(follow)
    return holder
