"""Dialog pieces more than one feature uses: OK/Cancel buttons, a time-of-day field, and
the resolution form (resolving from a ticket window or from a queue's selection)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from app.domain.validation import TEXT_MAX
from app.services.errors import DeskError, Problem
from ui.limits import limit_line, limit_text
from ui.problems import show_problem


def question(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str,
             choices: list[tuple[str, str, QMessageBox.ButtonRole]], *, default: int,
             escape: int) -> tuple[QMessageBox, list[QAbstractButton]]:
    """A window-modal question (opened by the caller with ``open()``, never ``exec()``):
    its buttons from ``choices`` (text, object name, role), which of them Enter and Esc
    press. Returns the box and its buttons in the order given."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    buttons: list[QAbstractButton] = []
    for label, button_name, role in choices:
        button = box.addButton(label, role)
        button.setObjectName(button_name)
        buttons.append(button)
    box.setDefaultButton(buttons[default])  # type: ignore[arg-type]
    box.setEscapeButton(buttons[escape])
    return box, buttons


def dialog_buttons(dialog: QDialog, accept: QDialogButtonBox.StandardButton
                   = QDialogButtonBox.StandardButton.Ok,
                   on_accept: Callable[[], object] | None = None) -> QDialogButtonBox:
    """OK (or Save) and Cancel, wired to the dialog (OK to ``on_accept`` if given: a
    dialog that checks or stores before it closes)."""
    box = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(on_accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def submit_on_ctrl_enter(dialog: QDialog, submit: Callable[[], object]) -> None:
    """Ctrl+Enter (either Enter key) runs ``submit`` from anywhere in ``dialog``: in a
    multi-line field Enter starts a new line, so the dialog needs another key to finish."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog).activated.connect(submit)


def time_edit(value: time, parent: QWidget) -> QTimeEdit:
    """A time of day in 24-hour hours and minutes, showing ``value``."""
    edit = QTimeEdit(QTime(value.hour, value.minute), parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def edited_time(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())


class ResolveDialog(QDialog):
    """Solution and cause. Tab moves on from the solution, Ctrl+Enter resolves, and an
    empty solution is refused here, with the cursor put back in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve ticket"))
        self.solution = QPlainTextEdit(self)
        self.solution.setObjectName("solution")
        self.solution.setTabChangesFocus(True)
        limit_text(self.solution, TEXT_MAX)
        self.cause = QLineEdit(self)
        self.cause.setObjectName("cause")
        limit_line(self.cause, TEXT_MAX)
        form = QFormLayout(self)
        form.addRow(self.tr("Solution"), self.solution)
        form.addRow(self.tr("Cause"), self.cause)
        form.addRow(dialog_buttons(self, on_accept=self.submit))
        submit_on_ctrl_enter(self, self.submit)

    def submit(self) -> None:
        """Resolve, unless the solution is empty (then say so and go back to it)."""
        if not self.solution.toPlainText().strip():
            show_problem(self, DeskError(Problem.SOLUTION_MISSING, "solution"))
            self.solution.setFocus()
            return
        self.accept()


def ask_resolution(parent: QWidget) -> tuple[str, str] | None:
    """Solution and cause, or None if the seat cancelled."""
    dialog = ResolveDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.solution.toPlainText(), dialog.cause.text()
