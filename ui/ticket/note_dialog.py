"""Adding to the timeline: internal comment, reply to the requester, call note, work log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services.ticket_flow import NoteKind
from ui.dialogs import dialog_buttons


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the timeline"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Internal comment"), NoteKind.INTERNAL)
        self.kind.addItem(self.tr("Reply to the requester"), NoteKind.TO_REQUESTER)
        self.kind.addItem(self.tr("Call note"), NoteKind.CALL_NOTE)
        self.kind.addItem(self.tr("Work log"), NoteKind.WORK_LOG)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Time spent"), self.minutes)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(dialog_buttons(self))
        self.resize(520, 320)

    def note(self) -> tuple[NoteKind, str, int]:
        return self.kind.currentData(), self.text.toPlainText(), self.minutes.value()
