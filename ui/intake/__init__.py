"""The new-ticket form (Ctrl+N from anywhere)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.context import DeskContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.intake.dialog import IntakeDialog


def register(window: MainWindow, context: DeskContext,
             extend: Callable[[IntakeDialog], None] | None = None) -> QAction:
    """Add File > New ticket (Ctrl+N, from anywhere in the desk); ``extend`` lets other
    features add to each new form without this package knowing them."""
    action = QAction(QCoreApplication.translate("IntakeDialog", "&New ticket…"), window)
    action.setShortcut(QKeySequence.StandardKey.New)
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def open_form() -> None:
        # Imported on first use: the form pulls in the write side (SQLAlchemy), which
        # must stay off the start-up path.
        from ui.intake.dialog import IntakeDialog

        dialog = IntakeDialog(context, window)
        if extend is not None:
            extend(dialog)
        dialog.ticket_logged.connect(lambda tid, number: (
            context.events.tickets_changed.emit([tid]),
            window.statusBar().showMessage(
                QCoreApplication.translate("IntakeDialog", "Ticket %1 saved.").replace(
                    "%1", number), 8000)))
        dialog.open()

    action.triggered.connect(open_form)
    window.file_menu.insertAction(window.file_menu.actions()[0], action)
    window.addAction(action)
    return action
