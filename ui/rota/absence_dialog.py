"""Leave, unavailability and wanted/unwanted days of one person, from the shown month on.

Each add or remove is stored at once (one small transaction) and announced with
``absences_changed``, so the grid behind the dialog shades the days and re-checks the plan
while the dialog stays open. A seat sees only himself and enters only unavailability and
wishes (``app.rota.access``).

Signals:
    absences_changed(): an absence or a wish was added or removed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.rota.access import Editor, may_edit_absence, may_edit_wish
from app.rota.availability import MAX_WISH_WEIGHT
from app.rota.model import Absence, AbsenceKind, Preference
from app.rota.problem import RotaProblem
from app.rota.reading import load_absences, load_preferences
from app.rota.validation import Invalid, Mistake, check_absence, check_preference
from ui.context import DeskContext
from ui.rota.mistakes import absence_kind_name, describe_mistakes, mistakes_label

if TYPE_CHECKING:
    from app.domain.clock import Clock
    from app.store.database import Store

FAR = date(9999, 12, 31)
ROLE = Qt.ItemDataRole.UserRole


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class AbsenceDialog(QDialog):
    absences_changed = Signal()

    def __init__(self, context: DeskContext, editor: Editor, problem: RotaProblem,
                 since: date, shift_name: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leave and wishes"))
        self._context, self._editor, self._since = context, editor, since
        self._shift_name = shift_name
        self.person = QComboBox(self)
        for member in problem.staff:
            if member.active and (editor.supervises or member.id == editor.staff_id):
                self.person.addItem(member.name, member.id)
        self.person.setEnabled(self.person.count() > 1)
        self.person.currentIndexChanged.connect(self._show_person)
        self.message = mistakes_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Person"), self.person)
        layout.addLayout(top)
        layout.addWidget(self._absence_box(since))
        layout.addWidget(self._wish_box(since, problem))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self._show_person()

    # --- layout --------------------------------------------------------------------------

    def _absence_box(self, since: date) -> QGroupBox:
        box = QGroupBox(self.tr("Leave and unavailability"), self)
        self.absence_list = QListWidget(box)
        self.kind = QComboBox(box)
        for kind in AbsenceKind:
            if self._editor.supervises or kind is AbsenceKind.UNAVAILABLE:
                self.kind.addItem(absence_kind_name(kind), kind)
        self.first, self.last = QDateEdit(_qdate(since), box), QDateEdit(_qdate(since), box)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        # Most absences are a single day or start the day picked: keep "to" in step.
        self.first.dateChanged.connect(
            lambda day: self.last.setDate(day) if self.last.date() < day else None)
        self.reason = QLineEdit(box)
        self.reason.setPlaceholderText(self.tr("e.g. annual leave, training"))
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("–", box))
        dates.addWidget(self.last)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Days"), dates)
        form.addRow(self.tr("Reason"), self.reason)
        self._fill(box, self.absence_list, form, self.tr("Add absence"), self.add_absence,
                   self.remove_absence)
        return box

    def _wish_box(self, since: date, problem: RotaProblem) -> QGroupBox:
        box = QGroupBox(self.tr("Wishes"), self)
        self.wish_list = QListWidget(box)
        self.wish_day = QDateEdit(_qdate(since), box)
        self.wish_day.setCalendarPopup(True)
        self.wish_day.setDisplayFormat("yyyy-MM-dd")
        self.wanted = QComboBox(box)
        self.wanted.addItem(self.tr("wants to work"), True)
        self.wanted.addItem(self.tr("wants the day off"), False)
        self.wish_shift = QComboBox(box)
        self.wish_shift.addItem(self.tr("any shift"), None)
        for shift in problem.shifts:
            self.wish_shift.addItem(self._shift_name(shift.code), shift.code)
        # How much the wish counts is the supervisor's to say (app.rota.availability).
        self.wish_weight = QSpinBox(box)
        self.wish_weight.setRange(0, MAX_WISH_WEIGHT)
        self.wish_weight.setSpecialValueText(self.tr("usual weight"))
        self.wish_weight.setPrefix(self.tr("weight "))
        self.wish_weight.setToolTip(self.tr(
            "What disappointing this wish costs the plan; the usual weight is the "
            "preferences rule's"))
        self.wish_weight.setEnabled(self._editor.supervises)
        row = QHBoxLayout()
        for widget in (self.wish_day, self.wanted, self.wish_shift, self.wish_weight):
            row.addWidget(widget)
        row.addStretch(1)
        self._fill(box, self.wish_list, row, self.tr("Add wish"), self.add_wish,
                   self.remove_wish)
        return box

    def _fill(self, box: QGroupBox, rows: QListWidget, inputs: QLayout, add_text: str,
              add: Callable[[], None], remove: Callable[[], None]) -> None:
        """A box's list, its inputs below, then Add (left) and Remove (right)."""
        add_button = QPushButton(add_text, box)
        add_button.clicked.connect(add)
        remove_button = QPushButton(self.tr("Remove"), box)
        remove_button.clicked.connect(remove)
        actions = QHBoxLayout()
        actions.addWidget(add_button)
        actions.addStretch(1)
        actions.addWidget(remove_button)
        layout = QVBoxLayout(box)
        layout.addWidget(rows, 1)
        layout.addLayout(inputs)
        layout.addLayout(actions)

    # --- showing -------------------------------------------------------------------------

    def staff_id(self) -> str | None:
        value = self.person.currentData()
        return str(value) if value is not None else None

    def absences(self) -> list[Absence]:
        """The shown person's absences from the month on."""
        return [a for a in load_absences(self._context.reader, self._since, FAR)
                if a.staff_id == self.staff_id()]

    def wishes(self) -> list[Preference]:
        return [p for p in load_preferences(self._context.reader, self._since, FAR)
                if p.staff_id == self.staff_id()]

    @Slot()
    def _show_person(self) -> None:
        self.absence_list.clear()
        for absence in self.absences():
            text = f"{absence_kind_name(absence.kind)} · {absence.first} – {absence.last}"
            item = QListWidgetItem(f"{text} · {absence.note}" if absence.note else text)
            item.setData(ROLE, absence)
            self.absence_list.addItem(item)
        self.wish_list.clear()
        for wish in self.wishes():
            what = self.tr("wants to work") if wish.wanted else self.tr("wants the day off")
            shift = self._shift_name(wish.shift) if wish.shift else self.tr("any shift")
            text = f"{wish.day} · {what} · {shift}"
            if wish.weight:
                text += " · " + self.tr("weight {weight}").format(weight=wish.weight)
            item = QListWidgetItem(text)
            item.setData(ROLE, wish)
            self.wish_list.addItem(item)

    def _refuse(self, mistakes: list[Mistake]) -> bool:
        """Show what is wrong (or clear the message); True if anything is."""
        self.message.setText(describe_mistakes(mistakes, self._shift_name))
        self.message.setVisible(bool(mistakes))
        return bool(mistakes)

    def _changed(self) -> None:
        self._show_person()
        self.absences_changed.emit()

    # --- editing -------------------------------------------------------------------------

    @Slot()
    def add_absence(self) -> None:
        from app.rota.availability import add_absence

        staff_id = self.staff_id()
        if staff_id is None:
            return
        # Qt hands an enum stored as item data back as a plain string.
        absence = Absence(staff_id, _day(self.first), _day(self.last),
                          AbsenceKind(self.kind.currentData()),
                          self.reason.text().strip())
        existing = [a for a in load_absences(self._context.reader, absence.first, absence.last)
                    if a.staff_id == staff_id] if absence.first <= absence.last else []
        mistakes = check_absence(absence, existing)
        if not may_edit_absence(self._editor, absence):
            mistakes.append(Mistake(Invalid.NOT_ALLOWED))
        if self._refuse(mistakes):
            return
        add_absence(self._context.store(), self._context.clock, absence, self._editor)
        self.reason.clear()
        self._changed()

    @Slot()
    def remove_absence(self) -> None:
        from app.rota.availability import remove_absence

        self._remove(self.absence_list, may_edit_absence, remove_absence)

    @Slot()
    def add_wish(self) -> None:
        from app.rota.availability import add_preference

        staff_id = self.staff_id()
        if staff_id is None:
            return
        wish = Preference(staff_id, _day(self.wish_day), bool(self.wanted.currentData()),
                          self.wish_shift.currentData(), weight=self.wish_weight.value())
        reader = self._context.reader
        mistakes = check_preference(wish, load_absences(reader, wish.day, wish.day),
                                    load_preferences(reader, wish.day, wish.day))
        if not may_edit_wish(self._editor, wish):
            mistakes.append(Mistake(Invalid.NOT_ALLOWED))
        if self._refuse(mistakes):
            return
        add_preference(self._context.store(), self._context.clock, wish, self._editor)
        self._changed()

    @Slot()
    def remove_wish(self) -> None:
        from app.rota.availability import remove_preference

        self._remove(self.wish_list, may_edit_wish, remove_preference)

    def _remove(self, rows: QListWidget, may: Callable[[Editor, Any], bool],
                remove: Callable[[Store, Clock, Any, Editor], None]) -> None:
        """Remove the picked absence or wish, if this desk may."""
        item = rows.currentItem()
        if item is None:
            return
        entry = item.data(ROLE)
        if self._refuse([] if may(self._editor, entry) else [Mistake(Invalid.NOT_ALLOWED)]):
            return
        remove(self._context.store(), self._context.clock, entry, self._editor)
        self._changed()
