"""Small dialogs of the ticket window: assignment with dispatch suggestions, requester
satisfaction, links (the resolution form is shared with the queues: ui/dialogs.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.dispatch import Suggestion, suggest
from app.domain.enums import SatisfactionMethod
from app.rota.reading import on_duty_ids
from app.store.directory import staff
from app.store.ticket_detail import TicketDetail, open_workload
from ui.context import DeskContext
from ui.dialogs import dialog_buttons
from ui.labels import satisfaction_method_label, seniority_label


class AssignDialog(QDialog):
    """Dispatch suggestions, best first, each with why; any staff member can be chosen."""

    def __init__(self, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign ticket"))
        self.list = QListWidget(self)
        self.list.setObjectName("suggestions")
        for suggestion in suggestions:
            member = suggestion.staff
            duty = {True: self.tr("on duty"), False: self.tr("off duty"), None: ""}[
                suggestion.on_duty]
            why = self.tr("skill %1 · seniority %2 · %3 open ticket(s) · availability %4") \
                .replace("%1", f"{suggestion.skill:+.0f}") \
                .replace("%2", f"{suggestion.seniority:+.0f}") \
                .replace("%3", str(suggestion.open_tickets)) \
                .replace("%4", f"{suggestion.availability:+.0f}") + (f" · {duty}" if duty else "")
            item = QListWidgetItem(f"{member.name} ({seniority_label(member.seniority)}) — "
                                   f"{suggestion.score:.0f}\n    {why}")
            item.setData(Qt.ItemDataRole.UserRole, (member.id, member.team_id))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(dialog_buttons(self))
        self.resize(560, 420)

    def choice(self) -> tuple[str, str | None] | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def ask_assignee(parent: QWidget, context: DeskContext,
                 detail: TicketDetail) -> tuple[str, str | None] | None:
    members = staff(context.reader)
    ranked = suggest(members, detail.category_skill, detail.level, open_workload(context.reader),
                     limit=len(members), on_duty=on_duty_ids(context.reader, context.clock))
    dialog = AssignDialog(ranked, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


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
