"""The dialog asking why a target was missed (issue 16): which target, a cause from the
short list, and text (required for "other"). Saving writes a timeline entry
(``app.sla.causes.record_cause``); a refusal is shown in the dialog, nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DeskError
from app.sla.causes import Miss, MissedCause, record_cause
from ui.context import DeskContext
from ui.labels import missed_cause_label, target_label
from ui.problems import problem_text


class MissedCauseDialog(QDialog):
    def __init__(self, context: DeskContext, ticket_id: str, misses: list[Miss],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Why was the target missed?"))
        self._context, self._ticket_id, self._misses = context, ticket_id, misses
        self.target = QComboBox(self)
        for miss in misses:
            self.target.addItem(target_label(miss.kind))
        self.cause = QComboBox(self)
        for cause in MissedCause:
            self.cause.addItem(missed_cause_label(cause), str(cause))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What happened (required for “Other”)"))
        self.text.setMaximumHeight(90)
        self.problem = QLabel(self)
        self.problem.setObjectName("problems")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Target:"), self.target)
        form.addRow(self.tr("Cause:"), self.cause)
        form.addRow(self.tr("Details:"), self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The cause goes on the ticket's timeline and into the reports."),
                      self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(460, 280)

    @Slot()
    def save(self) -> bool:
        miss = self._misses[self.target.currentIndex()]
        context = self._context
        try:
            record_cause(context.store(), context.clock, context.seat.staff_id,
                         self._ticket_id, miss, str(self.cause.currentData()),
                         self.text.toPlainText())
        except DeskError as error:
            self.problem.setText(problem_text(error.problem, error.detail))
            self.problem.show()
            return False
        self.accept()
        context.events.tickets_changed.emit([self._ticket_id])
        return True
