"""Edit the coverage requirements: per shift type and kind of day, how many people, how
many of them senior, and which skills must be on the shift.

The dialog checks the whole set when OK is pressed and stays open with the reasons if
anything is wrong; the page stores what it returns in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMenu,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from app.rota.holidays import DayKind
from app.rota.model import Coverage, RotaStaff, ShiftType
from app.rota.validation import check_coverage
from ui.rota.mistakes import day_kind_name, describe_mistakes, editor_layout

MOST = 999  # the spin boxes' top; validation compares with the real staff count
MOST_WEIGHT = 1000


def effective(coverage: Sequence[Coverage], shift: str, kind: DayKind) -> Coverage:
    """What applies now: the stored requirement, a holiday falling back to the weekend's
    (as ``RotaProblem.coverage_for`` does), else nobody."""
    order = [kind, DayKind.WEEKEND] if kind is DayKind.HOLIDAY else [kind]
    for wanted in order:
        for item in coverage:
            if item.shift == shift and item.day_kind is wanted:
                return Coverage(shift, kind, item.headcount, item.skills, item.seniors, None,
                                item.under_weight, item.over_weight)
    return Coverage(shift, kind, 0, frozenset(), 0)


class SkillsButton(QToolButton):
    """Picks skills (code → name) from those the staff have; shows the chosen ones."""

    def __init__(self, skills: Mapping[str, str], chosen: Collection[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._names = dict(skills)
        menu = QMenu(self)
        # Skills asked for that nobody has any more stay visible, so they can be unticked.
        for skill in sorted({*skills, *chosen}, key=self._name):
            action = menu.addAction(self._name(skill))
            action.setData(skill)  # the code is what is stored; the name is what is read
            action.setCheckable(True)
            action.setChecked(skill in chosen)
            action.toggled.connect(self._show)
        self.setMenu(menu)
        self._show()

    def _name(self, skill: str) -> str:
        return self._names.get(skill, skill)

    def chosen(self) -> frozenset[str]:
        return frozenset(str(a.data()) for a in self.menu().actions() if a.isChecked())

    def set_chosen(self, skills: Collection[str]) -> None:
        for action in self.menu().actions():
            action.setChecked(action.data() in skills)

    @Slot()
    def _show(self) -> None:
        self.setText(", ".join(sorted(map(self._name, self.chosen()))) or "—")


class CoverageDialog(QDialog):
    def __init__(self, shifts: Sequence[ShiftType], coverage: Sequence[Coverage],
                 skills: Mapping[str, str], staff: Sequence[RotaStaff],
                 is_senior: Callable[[RotaStaff], bool], shift_name: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coverage requirements"))
        self._shifts, self._skills, self._staff = shifts, skills, staff
        self._is_senior, self._shift_name = is_senior, shift_name
        self._rows: list[tuple[str, DayKind, QSpinBox, QSpinBox, SkillsButton]] = []
        self._weights: list[tuple[QSpinBox, QSpinBox]] = []
        self.table = QTableWidget(len(shifts) * len(DayKind), 7, self)
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Day"),
                                              self.tr("People"), self.tr("Seniors"),
                                              self.tr("Required skills"),
                                              self.tr("Cost of one missing"),
                                              self.tr("Cost of one extra")])
        self.table.verticalHeader().hide()
        row = 0
        for shift in shifts:
            for kind in DayKind:
                need = effective(coverage, shift.code, kind)
                self._add_row(row, shift, kind, need)
                row += 1
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in (2, 3, 5, 6):  # room for the numbers whatever the header's width
            self.table.setColumnWidth(column, max(72, self.table.columnWidth(column)))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.message, self.ok_button = editor_layout(self, self.table, self.tr(
            "Seniors count towards the people. A holiday without its own numbers used the "
            "weekend's; saving stores all of them."))
        self.resize(860, 520)

    def _add_row(self, row: int, shift: ShiftType, kind: DayKind, need: Coverage) -> None:
        for column, text in enumerate((self._shift_name(shift.code), day_kind_name(kind))):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, column, item)
        headcount, seniors = QSpinBox(self.table), QSpinBox(self.table)
        for spin, value in ((headcount, need.headcount), (seniors, need.seniors)):
            spin.setRange(0, MOST)
            spin.setValue(value)
        skills = SkillsButton(self._skills, need.skills, self.table)
        # What a missing or extra person costs where coverage / over-cover are soft rules
        # (0: the rule's weight).
        under, over = QSpinBox(self.table), QSpinBox(self.table)
        for spin, value in ((under, need.under_weight), (over, need.over_weight)):
            spin.setRange(0, MOST_WEIGHT)
            spin.setSpecialValueText(self.tr("rule's"))
            spin.setValue(value)
        for column, widget in ((2, headcount), (3, seniors), (4, skills), (5, under),
                               (6, over)):
            self.table.setCellWidget(row, column, widget)
        self._rows.append((shift.code, kind, headcount, seniors, skills))
        self._weights.append((under, over))

    def row_widgets(self, shift: str, kind: DayKind) -> tuple[QSpinBox, QSpinBox, SkillsButton]:
        """The editors of one requirement (for tests and keyboard-free use)."""
        found = next(r for r in self._rows if r[0] == shift and r[1] is kind)
        return found[2], found[3], found[4]

    def weight_widgets(self, shift: str, kind: DayKind) -> tuple[QSpinBox, QSpinBox]:
        """The cost of one missing and of one extra person of a requirement."""
        found = next(n for n, r in enumerate(self._rows) if r[0] == shift and r[1] is kind)
        return self._weights[found]

    def coverage(self) -> tuple[Coverage, ...]:
        """The requirements as edited, one per shift type and kind of day."""
        return tuple(Coverage(code, kind, head.value(), skills.chosen(), seniors.value(),
                              None, under.value(), over.value())
                     for (code, kind, head, seniors, skills), (under, over)
                     in zip(self._rows, self._weights, strict=True))

    def accept(self) -> None:
        mistakes = check_coverage(self.coverage(), self._shifts, self._staff, list(self._skills),
                                  [m for m in self._staff if self._is_senior(m)])
        if mistakes:
            self.message.setText(describe_mistakes(mistakes, self._shift_name))
            self.message.setVisible(True)
            return
        super().accept()
