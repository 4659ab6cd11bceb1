"""One person's shifts ("my shifts") with the next one, and a reminder before it starts.

Signals:
    reminder_due(str): the chosen person's next shift starts within the lead time; carries
        the message to show. Sent once per shift.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.rota.duty import OnDuty, reminder_due, shifts_of
from app.rota.model import DESK_ZONE, RotaStaff, ShiftType
from app.rota.reading import load_assignments, load_overrides
from ui.context import DeskContext

REMINDER_LEAD = timedelta(minutes=30)
CHECK_EVERY_MS = 60_000


class PersonPanel(QWidget):
    reminder_due = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._shifts: tuple[ShiftType, ...] = ()
        self._days: tuple[date, ...] = ()
        self._reminded: set[tuple[str, date, str]] = set()
        self.person = QComboBox(self)
        self.person.currentIndexChanged.connect(self._show)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.shift_list = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.person)
        layout.addWidget(self.next_label)
        layout.addWidget(self.shift_list, 1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_reminder)
        self._timer.start(CHECK_EVERY_MS)

    def set_month(self, staff: tuple[RotaStaff, ...], shifts: tuple[ShiftType, ...],
                  days: tuple[date, ...]) -> None:
        chosen = self.person.currentData()
        self._shifts, self._days = shifts, days
        self.person.blockSignals(True)
        self.person.clear()
        for member in staff:
            self.person.addItem(member.name, member.id)
        at = self.person.findData(chosen) if chosen else 0
        self.person.setCurrentIndex(max(0, at))
        self.person.blockSignals(False)
        self._show()

    def _name(self, duty: OnDuty) -> str:
        shift = next(s for s in self._shifts if s.code == duty.shift)
        return shift.name_zh if self._context.language == "zh_CN" else shift.name_en

    def _when(self, duty: OnDuty) -> str:
        start = duty.start.astimezone(DESK_ZONE)
        end = duty.end.astimezone(DESK_ZONE)
        return f"{start:%m-%d %H:%M}–{end:%H:%M}"

    def _published(self) -> tuple[list, list]:
        reader = self._context.reader
        first = self._days[0] - timedelta(1) if self._days else date.today()
        last = self._days[-1] + timedelta(8) if self._days else first
        return (load_assignments(reader, first, last, published_only=True),
                load_overrides(reader, first, last))

    @Slot()
    def _show(self) -> None:
        self.shift_list.clear()
        staff_id = self.person.currentData()
        if not staff_id or not self._days:
            self.next_label.clear()
            return
        published, overrides = self._published()
        for duty in shifts_of(staff_id, self._days, self._shifts, published, overrides):
            self.shift_list.addItem(f"{self._when(duty)}  {self._name(duty)}")
        from app.rota.duty import next_shift

        coming = next_shift(staff_id, self._context.clock.now(), self._shifts, published,
                            overrides)
        self.next_label.setText(
            self.tr("Next shift: {when} {shift}").format(when=self._when(coming),
                                                          shift=self._name(coming))
            if coming else self.tr("No shift in the coming week"))

    @Slot()
    def check_reminder(self) -> None:
        """Remind the chosen person of a shift starting soon (once per shift)."""
        staff_id = self.person.currentData()
        if not staff_id or not self._shifts:
            return
        published, overrides = self._published()
        due = reminder_due(staff_id, self._context.clock.now(), REMINDER_LEAD, self._shifts,
                           published, overrides)
        if due is None or (staff_id, due.day, due.shift) in self._reminded:
            return
        self._reminded.add((staff_id, due.day, due.shift))
        self.reminder_due.emit(self.tr("{name}: {shift} starts at {when}").format(
            name=self.person.currentText(), shift=self._name(due),
            when=f"{due.start.astimezone(DESK_ZONE):%H:%M}"))
