"""The level-3 analysis at intake (issue 16): beside the new-ticket form, the seat writes
what the request is about and the time planned for it; when the ticket is saved at level 3
the analysis is recorded on it (``Process.record_analysis``, a timeline entry that also
meets part 1's "analysis" target). At levels 1 and 2 the box is ignored: their plans follow
(the emergency, the handling plan)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from app.domain.enums import Level
from app.domain.validation import TEXT_MAX
from app.process.service import PLANNED_MINUTES, Process
from app.services.errors import DeskError
from ui.context import DeskContext
from ui.limits import limit_text
from ui.problems import show_problem


class IntakeAnalysis(QGroupBox):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_analysis")
        self.setTitle(self.tr("Level 3: analysis and planned time"))
        self._context = context
        self.analysis = QPlainTextEdit(self)
        self.analysis.setObjectName("intake_analysis_text")
        self.analysis.setTabChangesFocus(True)
        self.analysis.setPlaceholderText(self.tr("What the request is about, and how it will "
                                                 "be handled"))
        limit_text(self.analysis, TEXT_MAX)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("intake_planned_minutes")
        self.minutes.setRange(*PLANNED_MINUTES)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.setToolTip(self.tr("Recorded on the ticket when it is saved at level 3."))
        form = QFormLayout(self)
        form.addRow(self.analysis)
        form.addRow(self.tr("Planned time"), self.minutes)
        # Compact: the knowledge-base suggestions above keep most of the column.
        self.analysis.setMaximumHeight(56)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    @Slot(str, str)
    def on_ticket_logged(self, ticket_id: str, _number: str) -> None:
        text = self.analysis.toPlainText().strip()
        row = self._context.reader.execute("SELECT level, version FROM tickets WHERE id = ?",
                                           (ticket_id,)).fetchone()
        if text and row is not None and row[0] == Level.THREE:
            process = Process(self._context.store(), self._context.clock,
                              self._context.signed_in)
            try:
                process.record_analysis(ticket_id, int(row[1]), text, self.minutes.value())
            except DeskError as error:
                show_problem(self, error)
                return
            self._context.events.tickets_changed.emit([ticket_id])
        self.analysis.clear()
        self.minutes.setValue(60)
