"""Asks who covers a published shift and why (an override; kept as history)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.dialogs import dialog_buttons


class CoverDialog(QDialog):
    def __init__(self, shift_text: str, people: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cover a shift"))
        self.cover = QComboBox(self)
        for staff_id, name in people:
            self.cover.addItem(name, staff_id)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. sick leave, swap agreed with the seat"))
        buttons = dialog_buttons(self)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow(QLabel(shift_text, self))
        form.addRow(self.tr("Covered by"), self.cover)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(buttons)
