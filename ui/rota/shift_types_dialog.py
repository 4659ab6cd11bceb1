"""Edit the shift types: names, code letter, colour, start, length, on call; add and remove.

A stored type's code stays as it is: assignments, overrides and coverage refer to shifts
by code, so a new code is a new type. A type the rota uses cannot be removed. OK checks
everything and stays open with the reasons if anything is wrong.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import time

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.rota.model import ShiftType
from app.rota.validation import check_shift_types
from ui.dialogs import dialog_buttons, edited_time, time_edit
from ui.rota.mistakes import describe_mistakes, mistakes_label

NEW_COLOUR = "#c0c0c0"


class ColourButton(QPushButton):
    """Shows a colour and asks for another when clicked."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(self._ask)
        self.set_colour(colour)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        self.setText(colour)
        self.setStyleSheet(f"QPushButton {{ background: {colour}; }}")

    @Slot()
    def _ask(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self)
        if chosen.isValid():
            self.set_colour(chosen.name())


class ShiftRow:
    """The editors of one shift type in the table."""

    def __init__(self, table: QTableWidget, shift: ShiftType, stored: bool) -> None:
        self.code = QLineEdit(shift.code, table)
        self.code.setMaxLength(1)
        self.code.setReadOnly(stored)
        self.name_zh, self.name_en = QLineEdit(shift.name_zh, table), QLineEdit(shift.name_en,
                                                                               table)
        self.colour = ColourButton(shift.color, table)
        self.start = time_edit(shift.start, table)
        self.hours = QDoubleSpinBox(table)
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(shift.minutes / 60)
        self.on_call = QCheckBox(table)
        self.on_call.setChecked(shift.on_call)
        # Edited in the successions dialog; kept as it is here.
        self.not_followed_by = shift.not_followed_by

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.code, self.name_zh, self.name_en, self.colour, self.start, self.hours,
                self.on_call)

    def shift_type(self) -> ShiftType:
        return ShiftType(self.code.text().strip().upper(), self.name_zh.text().strip(),
                         self.name_en.text().strip(), edited_time(self.start),
                         round(self.hours.value() * 60), self.colour.colour(),
                         self.on_call.isChecked(), self.not_followed_by)


class ShiftTypesDialog(QDialog):
    def __init__(self, shifts: Sequence[ShiftType], in_use: Collection[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift types"))
        self._in_use = in_use
        self.rows: list[ShiftRow] = []
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name (Chinese)"), self.tr("Name (English)"),
            self.tr("Colour"), self.tr("Start"), self.tr("Hours"), self.tr("On call")])
        self.table.verticalHeader().hide()
        for shift in shifts:
            self._append(shift, stored=True)
        add = QPushButton(self.tr("Add shift type"), self)
        add.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_row)
        self.message = mistakes_label(self)
        note = QLabel(self.tr("The order is the grid's keys 1, 2, 3…; the code letter is "
                              "typed in the grid. On-call shifts are the emergency reserve: "
                              "they count for one shift a day, not for hours or rest."), self)
        note.setWordWrap(True)
        buttons = dialog_buttons(self)
        actions = QHBoxLayout()
        actions.addWidget(add)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        # One letter needs little room; the names take what is left.
        self.table.setColumnWidth(0, 56)
        for column in (1, 2):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.resize(760, 380)

    def _append(self, shift: ShiftType, stored: bool) -> ShiftRow:
        row = ShiftRow(self.table, shift, stored)
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, widget in enumerate(row.widgets()):
            self.table.setCellWidget(index, column, widget)
        self.rows.append(row)
        return row

    @Slot()
    def add_row(self) -> ShiftRow:
        """A new type to fill in: a free letter, a day's hours."""
        taken = {r.code.text().upper() for r in self.rows}
        code = next((c for c in "ABCFGHIJKLMOPQSTUVWXYZ" if c not in taken), "")
        row = self._append(ShiftType(code, "", "", time(9), 480, NEW_COLOUR), stored=False)
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        row.name_zh.setFocus()
        return row

    @Slot()
    def remove_row(self) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self.rows):
            self.table.removeRow(index)
            del self.rows[index]

    def shift_types(self) -> tuple[ShiftType, ...]:
        """The types as edited, in order."""
        return tuple(row.shift_type() for row in self.rows)

    def accept(self) -> None:
        shifts = self.shift_types()
        mistakes = check_shift_types(shifts, self._in_use)
        if mistakes:
            # Named by code: a new type may have no name yet.
            self.message.setText(describe_mistakes(mistakes, lambda code: code))
            self.message.setVisible(True)
            return
        super().accept()
