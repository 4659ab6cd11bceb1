"""Adding to the timeline: internal comment, reply to the requester, call note, work log.

Ctrl+Enter adds it; an empty text is refused here, with the cursor put back in it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain.validation import TEXT_MAX
from app.services.ticket_flow import NoteKind
from ui.dialogs import dialog_buttons, submit_on_ctrl_enter
from ui.limits import limit_text


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the timeline"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Internal comment"), NoteKind.INTERNAL)
        self.kind.addItem(self.tr("Reply to the requester"), NoteKind.TO_REQUESTER)
        self.kind.addItem(self.tr("Call note"), NoteKind.CALL_NOTE)
        self.kind.addItem(self.tr("Work log"), NoteKind.WORK_LOG)
        self.kind.setObjectName("kind")
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        limit_text(self.text, TEXT_MAX)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Time spent"), self.minutes)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(dialog_buttons(self, on_accept=self.submit))
        submit_on_ctrl_enter(self, self.submit)
        self.resize(520, 320)

    def submit(self) -> None:
        """Add the note, unless its text is empty (then say so and go back to it)."""
        if not self.text.toPlainText().strip():
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("Write the text of the note first."))
            self.text.setFocus()
            return
        self.accept()

    def note(self) -> tuple[NoteKind, str, int]:
        return self.kind.currentData(), self.text.toPlainText(), self.minutes.value()
