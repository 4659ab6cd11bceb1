"""Correcting a ticket: title, description, type, category and grading (level follows)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain.enums import Level, Rating
from app.domain.validation import TEXT_MAX, TITLE_MAX
from app.services.intake import TicketEdits
from app.store.directory import catalog
from app.store.ticket_detail import TicketDetail
from ui.context import DeskContext
from ui.dialogs import dialog_buttons
from ui.icons import badge
from ui.intake.labels import rating_label
from ui.labels import level_label
from ui.limits import limit_line, limit_text


class EditDialog(QDialog):
    def __init__(self, context: DeskContext, detail: TicketDetail, grading: tuple[int, int, int],
                 type_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit ticket %1").replace("%1", detail.number))
        self.title = QLineEdit(detail.title, self, objectName="title")
        self.description = QPlainTextEdit(detail.description, self, objectName="description")
        self.description.setTabChangesFocus(True)
        # As at intake: the fields stop at what the desk accepts.
        limit_line(self.title, TITLE_MAX)
        limit_text(self.description, TEXT_MAX)
        self.ticket_type = self._catalog(context, "ticket_types", type_id)
        self.category = self._catalog(context, "categories", detail.category_id)
        self.ratings = []
        for value in grading:
            combo = QComboBox(self)
            for rating in (Rating.LOW, Rating.MEDIUM, Rating.HIGH):
                combo.addItem(rating_label(rating), rating)
            combo.setCurrentIndex(value - 1)
            self.ratings.append(combo)
        self.override = QCheckBox(self.tr("Override level"), self)
        self.override_level = QComboBox(self)
        for level in Level:
            self.override_level.addItem(level_label(level), level)
        self.override_level.setCurrentIndex(int(detail.level) - 1)
        self.override.setChecked(bool(detail.level_reason))
        self.reason = QLineEdit(detail.level_reason, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Type"), self.ticket_type)
        form.addRow(self.tr("Category"), self.category)
        for label, combo in zip((self.tr("Urgency"), self.tr("Impact"), self.tr("Importance")),
                                self.ratings, strict=True):
            form.addRow(label, combo)
        form.addRow(self.override, self.override_level)
        form.addRow(self.tr("Reason for the override"), self.reason)
        form.addRow(dialog_buttons(self, QDialogButtonBox.StandardButton.Save))
        self.resize(640, 480)

    def _catalog(self, context: DeskContext, table: str, current: str) -> QComboBox:
        combo = QComboBox(self)
        for choice in catalog(context.reader, table, context.language, keep=current):
            combo.addItem(badge(choice.color, choice.icon if table == "ticket_types" else ""),
                          choice.name, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def edits(self) -> TicketEdits:
        urgency, impact, importance = (combo.currentData() for combo in self.ratings)
        return TicketEdits(
            self.title.text(), self.description.toPlainText(), self.ticket_type.currentData(),
            self.category.currentData(), urgency, impact, importance,
            self.override_level.currentData() if self.override.isChecked() else None,
            self.reason.text())
