"""The handling process's small dialogs: a verdict (verify, review) and the level-3
analysis. Ctrl+Enter gives the first answer; a refusal needs its text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.validation import TEXT_MAX
from app.process.service import PLANNED_MINUTES
from ui.dialogs import dialog_buttons, submit_on_ctrl_enter
from ui.limits import limit_text


class VerdictDialog(QDialog):
    """Approve, or refuse with a text (a verification's reason, a review's findings)."""

    def __init__(self, title: str, prompt: str, approve: str, refuse: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.approved = False
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        limit_text(self.text, TEXT_MAX)
        self.approve_button = QPushButton(approve, self)
        self.approve_button.setObjectName("approve")
        self.refuse_button = QPushButton(refuse, self)
        self.refuse_button.setObjectName("refuse")
        box = QDialogButtonBox(self)
        box.addButton(self.approve_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.refuse_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self._approve)
        self.refuse_button.clicked.connect(self._refuse)
        form = QFormLayout(self)
        hint = QLabel(prompt, self)
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.text)
        form.addRow(box)
        submit_on_ctrl_enter(self, self._approve)
        self.resize(520, 300)

    def _approve(self) -> None:
        self.approved = True
        self.accept()

    def _refuse(self) -> None:
        if not self.text.toPlainText().strip():
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("Say what does not hold: the text is required "
                                        "when sending back."))
            self.text.setFocus()
            return
        self.approved = False
        self.accept()

    def verdict(self) -> tuple[bool, str]:
        return self.approved, self.text.toPlainText()


class AnalysisDialog(QDialog):
    """The seat's analysis of a level-3 request and the time it plans for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Analysis and planned time"))
        self.analysis = QPlainTextEdit(self)
        self.analysis.setObjectName("analysis")
        self.analysis.setTabChangesFocus(True)
        limit_text(self.analysis, TEXT_MAX)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("planned_minutes")
        self.minutes.setRange(*PLANNED_MINUTES)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        form = QFormLayout(self)
        form.addRow(self.tr("Analysis"), self.analysis)
        form.addRow(self.tr("Planned time"), self.minutes)
        form.addRow(dialog_buttons(self))
        submit_on_ctrl_enter(self, self.accept)
        self.resize(520, 300)

    def answer(self) -> tuple[str, int]:
        return self.analysis.toPlainText(), self.minutes.value()
