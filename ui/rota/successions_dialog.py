"""Forbidden successions: which shift may not be worked the day after which, stated
directly (a late then an early), whether or not the minimum rest already forbids it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QTableWidget,
    QWidget,
)

from app.rota.model import ShiftType
from ui.rota.mistakes import editor_layout


class SuccessionsDialog(QDialog):
    def __init__(self, shifts: Sequence[ShiftType], rest_forbids: Collection[tuple[str, str]],
                 shift_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forbidden successions"))
        self._shifts = shifts
        self.table = QTableWidget(len(shifts), len(shifts), self)
        names = [shift_name(s.code) for s in shifts]
        self.table.setVerticalHeaderLabels(names)
        self.table.setHorizontalHeaderLabels(
            [self.tr("then {shift}").format(shift=name) for name in names])
        self._boxes: dict[tuple[str, str], QCheckBox] = {}
        for row, first in enumerate(shifts):
            for column, later in enumerate(shifts):
                box = QCheckBox(self.table)
                box.setChecked(later.code in first.not_followed_by)
                box.setToolTip(self.tr("{later} may not start the day after {first}").format(
                    later=names[column], first=names[row]))
                if (first.code, later.code) in rest_forbids:
                    box.setToolTip(box.toolTip() + "\n" + self.tr(
                        "(the minimum rest forbids it already)"))
                cell = QWidget(self.table)
                centre = QHBoxLayout(cell)
                centre.setContentsMargins(0, 0, 0, 0)
                centre.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
                self.table.setCellWidget(row, column, cell)
                self._boxes[first.code, later.code] = box
        self.table.resizeColumnsToContents()
        _message, self.ok_button = editor_layout(self, self.table, self.tr(
            "Rows: the shift worked; columns: the next day's shift. A tick forbids that "
            "succession (hard or soft as the rule says)."))
        self.resize(560, 300)

    def box(self, first: str, later: str) -> QCheckBox:
        return self._boxes[first, later]

    def shift_types(self) -> tuple[ShiftType, ...]:
        """The shift types with their successions as ticked."""
        return tuple(replace(first, not_followed_by=frozenset(
            later.code for later in self._shifts if self._boxes[first.code, later.code]
            .isChecked())) for first in self._shifts)
