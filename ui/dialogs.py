"""Dialog pieces more than one feature uses: OK/Cancel buttons, a time-of-day field, and
the resolution form (resolving from a ticket window or from a queue's selection)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)


def dialog_buttons(dialog: QDialog, accept: QDialogButtonBox.StandardButton
                   = QDialogButtonBox.StandardButton.Ok,
                   on_accept: Callable[[], object] | None = None) -> QDialogButtonBox:
    """OK (or Save) and Cancel, wired to the dialog (OK to ``on_accept`` if given: a
    dialog that checks or stores before it closes)."""
    box = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def time_edit(value: time, parent: QWidget) -> QTimeEdit:
    """A time of day in 24-hour hours and minutes, showing ``value``."""
    edit = QTimeEdit(QTime(value.hour, value.minute), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def edited_time(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())


class ResolveDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve ticket"))
        self.solution = QPlainTextEdit(self)
        self.cause = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Solution"), self.solution)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(dialog_buttons(self))


def ask_resolution(parent: QWidget) -> tuple[str, str] | None:
    """Solution and cause, or None if the seat cancelled."""
    dialog = ResolveDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.solution.toPlainText(), dialog.cause.text()
