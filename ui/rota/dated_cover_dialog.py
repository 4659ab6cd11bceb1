"""Cover for particular dates: a special-assurance period (重保期) or one day's event needs
more (or fewer) people than its kind of day. Each row also says what a missing and an
extra person cost when the coverage and over-cover rules are soft."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from app.rota.holidays import day_kind, provisional_kinds, unknown_years
from app.rota.model import Coverage, RotaStaff, ShiftType
from app.rota.validation import check_dated_cover
from ui.rota.mistakes import describe_mistakes, editor_layout

MOST_PEOPLE = 999
MOST_WEIGHT = 1000


class DatedCoverDialog(QDialog):
    def __init__(self, rows: Sequence[Coverage], shifts: Sequence[ShiftType],
                 staff: Sequence[RotaStaff], first_day: date,
                 shift_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cover for particular dates"))
        self._shifts, self._staff, self._first = shifts, staff, first_day
        self._shift_name = shift_name
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Shift"), self.tr("People"), self.tr("Seniors"),
             self.tr("Cost of one missing"), self.tr("Cost of one extra")])
        self.table.verticalHeader().hide()
        for row in rows:
            if row.day is not None:
                self.add_row(row)
        self.add_button = QPushButton(self.tr("Add date"), self)
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_row)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)
        self.message, self.ok_button = editor_layout(self, self.table, self.tr(
            "A date's row replaces the cover of its kind of day for that shift. A cost of 0 "
            "uses the rule's weight; costs count only where the rule is soft."), actions)
        self.resize(720, 420)

    def add_row(self, need: Coverage | None = None) -> int:
        """A row for ``need``, or a new one on the period's first day; returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        day = need.day if need is not None and need.day is not None else self._first
        edit = QDateEdit(QDate(day.year, day.month, day.day), self.table)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, 0, edit)
        shift = QComboBox(self.table)
        for item in self._shifts:
            shift.addItem(self._shift_name(item.code), item.code)
        if need is not None:
            shift.setCurrentIndex(max(0, shift.findData(need.shift)))
        self.table.setCellWidget(row, 1, shift)
        values = (need.headcount, need.seniors, need.under_weight, need.over_weight) \
            if need is not None else (1, 0, 0, 0)
        for column, (value, most) in enumerate(zip(values, (MOST_PEOPLE, MOST_PEOPLE,
                                                            MOST_WEIGHT, MOST_WEIGHT),
                                                   strict=True), start=2):
            spin = QSpinBox(self.table)
            spin.setRange(0, most)
            spin.setValue(value)
            self.table.setCellWidget(row, column, spin)
        self.table.setCurrentCell(row, 0)
        return row

    @Slot()
    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def cell(self, row: int, column: int) -> QWidget:
        """The editor in ``row``, ``column`` (for tests)."""
        widget = self.table.cellWidget(row, column)
        assert widget is not None
        return widget

    def rows(self) -> tuple[Coverage, ...]:
        """The dated rows as edited."""
        found = []
        for row in range(self.table.rowCount()):
            edit, shift = self.cell(row, 0), self.cell(row, 1)
            assert isinstance(edit, QDateEdit) and isinstance(shift, QComboBox)
            numbers = []
            for column in range(2, 6):
                spin = self.cell(row, column)
                assert isinstance(spin, QSpinBox)
                numbers.append(spin.value())
            day = edit.date().toPython()
            assert isinstance(day, date)
            kind = provisional_kinds([day])[day] if unknown_years([day]) else day_kind(day)
            found.append(Coverage(str(shift.currentData()), kind, numbers[0], frozenset(),
                                  numbers[1], day, numbers[2], numbers[3]))
        return tuple(found)

    def accept(self) -> None:
        mistakes = check_dated_cover(self.rows(), self._shifts, self._staff)
        if mistakes:
            self.message.setText(describe_mistakes(mistakes, self._shift_name))
            self.message.setVisible(True)
            return
        super().accept()
