"""Edit each person's own limits: hours in the period, days in a row, days off in a row,
weekends, and how many of each shift type ("0" = may not work it).

A field left at "—" has no own limit: the desk's rule applies (or none). Impossible
limits (fewest above most) are refused with a message and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.rota.model import Limits, RotaStaff, ShiftType
from app.rota.validation import check_limits
from ui.rota.mistakes import describe_mistakes, editor_layout

UNSET = -1  # the spin box's minimum, shown as "—": no own limit
MOST_HOURS = 744  # a 31-day month round the clock


@dataclass(frozen=True)
class Field:
    key: str
    most: int
    hours: bool = False


FIELDS = (Field("min_minutes", MOST_HOURS, hours=True), Field("max_minutes", MOST_HOURS, True),
          Field("max_consecutive", 31), Field("min_consecutive", 31),
          Field("min_days_off", 31), Field("max_weekends", 6))


class LimitsDialog(QDialog):
    def __init__(self, staff: Sequence[RotaStaff], shifts: Sequence[ShiftType], days: int,
                 shift_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Personal limits"))
        self._staff, self._shifts, self._days = staff, shifts, days
        self._shift_name = shift_name
        headers = [self.tr("Person"), self.tr("Fewest hours"), self.tr("Most hours"),
                   self.tr("Most days in a row"), self.tr("Fewest days in a row"),
                   self.tr("Fewest days off in a row"), self.tr("Most weekends")]
        headers += [self.tr("Most {shift}").format(shift=shift_name(s.code)) for s in shifts]
        self.table = QTableWidget(len(staff), len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self._spins: dict[str, dict[str, QSpinBox]] = {}
        for row, member in enumerate(staff):
            name = QTableWidgetItem(member.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            spins: dict[str, QSpinBox] = {}
            own = member.limits
            for column, spec in enumerate(FIELDS, start=1):
                value = getattr(own, spec.key)
                if value is not None and spec.hours:
                    value //= 60
                spins[spec.key] = self._spin(row, column, spec.most, value)
            for column, shift in enumerate(shifts, start=1 + len(FIELDS)):
                spins[shift.code] = self._spin(row, column, days, own.max_of(shift.code))
            self._spins[member.id] = spins
        self.table.resizeColumnsToContents()
        self.message, self.ok_button = editor_layout(self, self.table, self.tr(
            "“—” keeps the desk's rule. Most of a shift type 0: the person may not work it. "
            "Runs at the start or end of the month may continue in the next one, so they "
            "are not held to a fewest."))
        self.resize(1180, 560)

    def _spin(self, row: int, column: int, most: int, value: int | None) -> QSpinBox:
        spin = QSpinBox(self.table)
        spin.setRange(UNSET, most)
        spin.setSpecialValueText("—")
        spin.setValue(UNSET if value is None else value)
        self.table.setCellWidget(row, column, spin)
        return spin

    def spin(self, staff_id: str, key: str) -> QSpinBox:
        """The field ``key`` (a ``Limits`` field, or a shift code) of one person."""
        return self._spins[staff_id][key]

    def limits(self) -> dict[str, Limits]:
        """Everyone's limits as edited."""
        found = {}
        for member in self._staff:
            spins = self._spins[member.id]

            def read(key: str, spins: dict[str, QSpinBox] = spins) -> int | None:
                value = spins[key].value()
                return None if value == UNSET else value

            values = {spec.key: (None if read(spec.key) is None else
                                 int(read(spec.key) or 0) * (60 if spec.hours else 1))
                      for spec in FIELDS}
            most = tuple((s.code, int(v)) for s in self._shifts
                         if (v := read(s.code)) is not None)
            found[member.id] = Limits(max_shifts=most, **values)
        return found

    def changed(self) -> dict[str, Limits]:
        """Only the people whose limits the supervisor changed."""
        return {m.id: own for m, own in zip(self._staff, self.limits().values(), strict=True)
                if own != m.limits}

    def accept(self) -> None:
        names = {m.id: m.name for m in self._staff}
        mistakes = [mistake for staff_id, own in self.limits().items()
                    for mistake in check_limits(names[staff_id], own, self._days)]
        if mistakes:
            self.message.setText(describe_mistakes(mistakes, self._shift_name))
            self.message.setVisible(True)
            return
        super().accept()
