"""Small dialogs of the ticket window: assignment (the dispatch ranking, shared with the
queues: ui/dispatch), requester satisfaction, links (the resolution form is shared with the
queues: ui/dialogs.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.enums import SatisfactionMethod
from app.store.ticket_detail import TicketDetail
from ui import dispatch
from ui.context import DeskContext
from ui.dialogs import dialog_buttons
from ui.labels import satisfaction_method_label


def ask_assignee(parent: QWidget, context: DeskContext,
                 detail: TicketDetail) -> tuple[str, str | None] | None:
    """The dispatch ranking for this ticket (ui/dispatch); the chosen (staff id, team id)."""
    title = QCoreApplication.translate("AssignDialog", "Assign %1").replace("%1", detail.number)
    return dispatch.ask_assignee(parent, context, detail.category_skill, detail.level, title)


@dataclass(frozen=True)
class Satisfaction:
    """The requester's answer as the seat recorded it."""

    score: int
    method: SatisfactionMethod
    comment: str


class SatisfactionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Requester confirmation"))
        self.score = QSpinBox(self)
        self.score.setObjectName("score")
        self.score.setRange(1, 5)
        self.score.setValue(5)
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        for method in SatisfactionMethod:
            self.method.addItem(satisfaction_method_label(method), method.value)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("comment")
        form = QFormLayout(self)
        form.addRow(self.tr("Satisfaction (1–5)"), self.score)
        form.addRow(self.tr("Collected by"), self.method)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(dialog_buttons(self))

    def answer(self) -> Satisfaction:
        return Satisfaction(self.score.value(), SatisfactionMethod(self.method.currentData()),
                            self.comment.text())


def ask_satisfaction(parent: QWidget) -> Satisfaction | None:
    dialog = SatisfactionDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


class LinkDialog(QDialog):
    """Link this ticket to another by number, or merge it into that one as a duplicate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link or merge"))
        self.number = QLineEdit(self)
        self.number.setPlaceholderText("SD-000123")
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Related to"), "related")
        self.kind.addItem(self.tr("Caused by"), "caused_by")
        self.kind.addItem(self.tr("Duplicate of (link only)"), "duplicate_of")
        self.kind.addItem(self.tr("Merge into it as a duplicate (closes this ticket)"), "merge")
        form = QFormLayout(self)
        form.addRow(self.tr("Other ticket"), self.number)
        form.addRow(self.tr("Relation"), self.kind)
        form.addRow(dialog_buttons(self))


def ask_link(parent: QWidget) -> tuple[str, str] | None:
    dialog = LinkDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.number.text(), str(dialog.kind.currentData())
