"""The rota planner page (issue 6)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.rota.page import RotaPage

PAGE_ID = "rota"


def register(window: MainWindow, context: DeskContext) -> None:
    """Add the rota planner to the main window.

    There is no sign-in yet, so the desk is treated as a supervisor's (publishing allowed);
    the page takes ``supervisor`` so seats' desks can turn it off once roles exist.
    """
    page = RotaPage(context, window)
    window.refresh_requested.connect(page.refresh)
    window.page_changed.connect(lambda shown: page.ensure_loaded() if shown == PAGE_ID else None)
    # Shift reminders show in the status bar: visible whichever page is open.
    page.person_panel.reminder_due.connect(
        lambda text: window.statusBar().showMessage(text, 10 * 60 * 1000))
    title = QCoreApplication.translate("RotaPage", "Rota")
    window.add_page(Page(PAGE_ID, title, page, badge("#6c5b9e", "R", 20)))
