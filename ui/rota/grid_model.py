"""The rota grid: staff × days with shift codes, coverage rows at the bottom, and the
violations of the plan as it stands, re-checked after every change.

Signals:
    plan_changed(): cells changed (an edit, undo/redo, a plan from the solver); the
        violations have been re-checked by then.
    move_requested(dict): shifts were dragged onto other cells; carries the cell changes,
        which the page applies through its undo stack (the model never edits on a drop).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.rota.checker import Violation, check
from app.rota.holidays import DayKind
from app.rota.model import Absence, AbsenceKind, Assignment
from app.rota.problem import RotaProblem
from app.rota.rules import Rule
from ui.rota.texts import describe

Index = QModelIndex | QPersistentModelIndex
Cell = tuple[str, date]

MIME = "application/x-seatdesk-rota-cells"
SHIFT_ROLE = Qt.ItemDataRole.UserRole + 1  # shift code of a staff cell
VIOLATION_ROLE = Qt.ItemDataRole.UserRole + 2  # 0 none, 1 soft, 2 hard
DAY_KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # DayKind of the column's day
COVERAGE_ROLE = Qt.ItemDataRole.UserRole + 4  # (have, need) on coverage rows

# Painted by the view's own delegate from these roles: PySide6 6.12 on Python 3.11 loses a
# reference to None on every QPainter call made from a Python paint(), which crashes a
# custom delegate after a few thousand cells.
SHORTAGE = QColor("#f4c7c3")
WEEKEND = QColor("#eef1f5")
HOLIDAY = QColor("#fde2df")
HARD = QColor("#d93025")
SOFT_TEXT = QColor("#b06000")
WHITE = QColor("#ffffff")
# Absent days are hatched, so they read as "not here" on any weekend or holiday shading.
LEAVE = QColor("#8d99ae")
UNAVAILABLE = QColor("#b8c0cc")


class Column(IntEnum):
    NAME = 0
    HOURS = 1
    FIRST_DAY = 2  # one column per day from here


def weekday_short(day: date) -> str:
    return (
        QCoreApplication.translate("RotaGridModel", "Mon"),
        QCoreApplication.translate("RotaGridModel", "Tue"),
        QCoreApplication.translate("RotaGridModel", "Wed"),
        QCoreApplication.translate("RotaGridModel", "Thu"),
        QCoreApplication.translate("RotaGridModel", "Fri"),
        QCoreApplication.translate("RotaGridModel", "Sat"),
        QCoreApplication.translate("RotaGridModel", "Sun"),
    )[day.weekday()]


def weekday_narrow(day: date, language: str) -> str:
    """One letter or character (M, T…; 一, 二…): the day columns of a narrow window.
    Qt's locale data has them in every language."""
    return QLocale(language).dayName(day.isoweekday(), QLocale.FormatType.NarrowFormat)


def absence_text(absence: Absence) -> str:
    """"leave: wedding" for a cell's tooltip."""
    kind = (QCoreApplication.translate("RotaGridModel", "leave")
            if absence.kind is AbsenceKind.LEAVE
            else QCoreApplication.translate("RotaGridModel", "unavailable"))
    if not absence.note:
        return kind
    return QCoreApplication.translate("RotaGridModel", "{kind}: {reason}").format(
        kind=kind, reason=absence.note)


class RotaGridModel(QAbstractTableModel):
    """A value-object model: holds a RotaProblem and a plan, never ORM rows."""

    plan_changed = Signal()
    move_requested = Signal(object)  # {cell: code or None}: a drag, for the undo stack

    def __init__(self, problem: RotaProblem, language: str) -> None:
        super().__init__()
        self._problem = problem
        self._language = language
        self._cells: dict[Cell, str] = {}
        self._edited: set[Cell] = set()
        self.violations: list[Violation] = []
        self._marks: dict[Cell, int] = {}
        self._coverage_marks: dict[tuple[str, date], int] = {}
        self._names = {m.id: m.name for m in problem.staff}
        self._skills: dict[str, str] = {}
        self._absent: dict[Cell, Absence] = {}
        self._narrow = False  # weekdays in one letter (RotaPage.fit_days)

    # --- the plan ------------------------------------------------------------------------

    @property
    def problem(self) -> RotaProblem:
        return self._problem

    def set_problem(self, problem: RotaProblem, plan: Iterable[Assignment]) -> None:
        self.beginResetModel()
        self._take(problem)
        self._cells = {(a.staff_id, a.day): a.shift for a in plan}
        self._edited.clear()
        self._recheck()
        self.endResetModel()
        self.plan_changed.emit()

    def set_setup(self, problem: RotaProblem) -> None:
        """Check the same plan against edited standing data (coverage, absences, wishes,
        shift types); keeps cells and hand edits, drops cells of removed shift types."""
        self.beginResetModel()
        self._take(problem)
        codes = {s.code for s in problem.shifts}
        self._cells = {cell: code for cell, code in self._cells.items() if code in codes}
        self._recheck()
        self.endResetModel()
        self.plan_changed.emit()

    def _take(self, problem: RotaProblem) -> None:
        self._problem = problem
        self._names = {m.id: m.name for m in problem.staff}
        self._absent = {(a.staff_id, day): a for a in problem.absences for day in problem.days
                        if a.covers(day)}

    def set_skill_names(self, names: dict[str, str]) -> None:
        """Readable skill names by code, in the seat's language (for the violations)."""
        self._skills = names

    def absence(self, cell: Cell) -> Absence | None:
        return self._absent.get(cell)

    def set_rules(self, rules: tuple[Rule, ...]) -> None:
        """Check the same plan against other rules (keeps cells, edits and undo history)."""
        self._problem = replace(self._problem, rules=rules)
        self.replace_all(None)

    def plan(self) -> list[Assignment]:
        return sorted(Assignment(day, staff, code) for (staff, day), code in self._cells.items())

    def cell(self, cell: Cell) -> str | None:
        return self._cells.get(cell)

    def edited_cells(self) -> dict[Cell, str | None]:
        """Cells the supervisor set by hand since the plan was loaded (kept by a re-plan)."""
        return {cell: self._cells.get(cell) for cell in self._edited}

    def set_cells(self, changes: dict[Cell, str | None], manual: bool = True
                  ) -> dict[Cell, str | None]:
        """Apply ``changes``; returns the previous values (for undo)."""
        before = {cell: self._cells.get(cell) for cell in changes}
        for cell, code in changes.items():
            if code is None:
                self._cells.pop(cell, None)
            else:
                self._cells[cell] = code
            if manual:
                self._edited.add(cell)
        self.replace_all(None)
        return before

    def replace_all(self, plan: Iterable[Assignment] | None) -> None:
        """Show ``plan`` (or re-check the current cells): the solver's best plan so far."""
        if plan is not None:
            self._cells = {(a.staff_id, a.day): a.shift for a in plan}
        self._recheck()
        self.dataChanged.emit(self.index(0, 0),
                              self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.plan_changed.emit()

    def _recheck(self) -> None:
        self.violations = check(self._problem, self.plan())
        self._marks.clear()
        self._coverage_marks.clear()
        for v in self.violations:
            level = 2 if v.hard else 1
            if v.staff_id is None:
                for day in v.days:
                    key = (v.shift or "", day)
                    self._coverage_marks[key] = max(level, self._coverage_marks.get(key, 0))
                continue
            days = v.days or ()
            if v.rule.value.startswith("fair"):
                days = ()
            for day in days:
                if (v.staff_id, day) in self._cells or len(days) == 1:
                    key = (v.staff_id, day)
                    self._marks[key] = max(level, self._marks.get(key, 0))

    def violations_at(self, index: Index) -> list[Violation]:
        staff, day = self.staff_at(index.row()), self.day_at(index.column())
        if day is None:
            return [v for v in self.violations if staff and v.staff_id == staff.id and not v.days]
        if staff is None:
            code = self.coverage_shift(index.row())
            return [v for v in self.violations
                    if v.staff_id is None and v.shift == code and day in v.days]
        return [v for v in self.violations if v.staff_id == staff.id and day in v.days]

    # --- geometry ------------------------------------------------------------------------

    def staff_at(self, row: int) -> Any:
        staff = self._problem.staff
        return staff[row] if 0 <= row < len(staff) else None

    def coverage_shift(self, row: int) -> str | None:
        offset = row - len(self._problem.staff)
        shifts = self._problem.shifts
        return shifts[offset].code if 0 <= offset < len(shifts) else None

    def day_at(self, column: int) -> date | None:
        offset = column - Column.FIRST_DAY
        days = self._problem.days
        return days[offset] if 0 <= offset < len(days) else None

    def column_of(self, day: date) -> int:
        return Column.FIRST_DAY + self._problem.days.index(day)

    def row_of(self, staff_id: str) -> int:
        return next(n for n, m in enumerate(self._problem.staff) if m.id == staff_id)

    def shift_label(self, code: str) -> str:
        shift = self._problem.shift(code)
        return shift.name_zh[:1] if self._language == "zh_CN" else shift.code

    def shift_name(self, code: str) -> str:
        shift = self._problem.shift(code)
        return shift.name_zh if self._language == "zh_CN" else shift.name_en

    def _shading(self, day: date | None) -> QBrush | None:
        kind = self._problem.kinds[day] if day else None
        if kind is DayKind.HOLIDAY:
            return QBrush(HOLIDAY)
        return QBrush(WEEKEND) if kind is DayKind.WEEKEND else None

    def describe(self, violation: Violation) -> str:
        return describe(violation, self._names,
                        {s.code: self.shift_name(s.code) for s in self._problem.shifts},
                        self._skills)

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._problem.staff) + len(self._problem.shifts)

    def set_narrow(self, narrow: bool) -> None:
        """Weekdays in one letter (a narrow window) or in their short name."""
        if narrow != self._narrow:
            self._narrow = narrow
            last = self.columnCount() - 1
            if last >= Column.FIRST_DAY:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.FIRST_DAY, last)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else Column.FIRST_DAY + len(self._problem.days)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.staff_at(index.row()) and self.day_at(index.column()):
            return (base | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                    | Qt.ItemFlag.ItemIsDropEnabled)
        return base

    # --- drag and drop: move (or with Ctrl, copy) shifts to other cells ------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        cells = [(i.row(), i.column()) for i in indexes
                 if self.staff_at(i.row()) and self.day_at(i.column())]
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps(cells).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not data.hasFormat(MIME) or not parent.isValid():
            return False
        cells = [tuple(c) for c in json.loads(bytes(data.data(MIME).data()).decode())]
        if not cells:
            return False
        top, left = min(r for r, _ in cells), min(c for _, c in cells)
        changes: dict[Cell, str | None] = {}
        targets: dict[Cell, str | None] = {}
        for r, c in cells:
            source = (self.staff_at(r).id, self.day_at(c))
            member = self.staff_at(parent.row() + r - top)
            day = self.day_at(parent.column() + c - left)
            if member is None or day is None:
                continue
            targets[member.id, day] = self._cells.get(source)
            if action == Qt.DropAction.MoveAction:
                changes[source] = None
        changes.update(targets)
        if changes:
            self.move_requested.emit(changes)
        return False  # nothing for the view to remove: the page's undo command does it

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        day = self.day_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == Column.NAME:
                return QCoreApplication.translate("RotaGridModel", "Staff")
            if section == Column.HOURS:
                return QCoreApplication.translate("RotaGridModel", "Hours")
            if day is None:
                return None
            weekday = weekday_narrow(day, self._language) if self._narrow \
                else weekday_short(day)
            return f"{day.day}\n{weekday}"
        if role == DAY_KIND_ROLE and day is not None:
            return self._problem.kinds[day]
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return day.isoformat()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        day = self.day_at(column)
        if role == DAY_KIND_ROLE:
            return self._problem.kinds[day] if day else None
        member = self.staff_at(row)
        if member is not None:
            return self._staff_data(member, day, column, role)
        code = self.coverage_shift(row)
        if code is not None:
            return self._coverage_data(code, day, column, role)
        return None

    def _staff_text(self, member: Any, code: str | None, column: int) -> str:
        if column == Column.NAME:
            return str(member.name)
        if column == Column.HOURS:
            minutes = sum(self._problem.shift(c).minutes for (sid, _d), c in self._cells.items()
                          if sid == member.id and not self._problem.shift(c).on_call)
            return str(minutes // 60)
        return self.shift_label(code) if code else ""

    def _staff_data(self, member: Any, day: date | None, column: int, role: int) -> Any:
        code = self._cells.get((member.id, day)) if day else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._staff_text(member, code, column)
        if role == SHIFT_ROLE:
            return code
        if role == Qt.ItemDataRole.EditRole:
            return code or ""
        if role == VIOLATION_ROLE:
            if day is None:
                return 1 if any(v.staff_id == member.id and not v.days
                                for v in self.violations) else 0
            return self._marks.get((member.id, day), 0)
        mark = (self._marks.get((member.id, day), 0) if day else
                (1 if column == Column.NAME and any(
                    v.staff_id == member.id and not v.days for v in self.violations) else 0))
        away = self._absent.get((member.id, day)) if day else None
        if role == Qt.ItemDataRole.BackgroundRole and away is not None and not code and not mark:
            return QBrush(LEAVE if away.kind is AbsenceKind.LEAVE else UNAVAILABLE,
                          Qt.BrushStyle.BDiagPattern)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.FontRole):
            return self._look(role, code, day, mark)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.violations_at(self.index(self.row_of(member.id), column))
            lines = [self.describe(v) for v in found]
            if away is not None:
                lines.insert(0, absence_text(away))
            if code and not lines:
                return self.shift_name(code)
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and day is not None:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _look(self, role: int, code: str | None, day: date | None, mark: int) -> Any:
        """Colours and font of a staff cell: a hard violation turns it red."""
        if role == Qt.ItemDataRole.BackgroundRole:
            if mark == 2:
                return QBrush(HARD)
            if code:
                return QBrush(QColor(self._problem.shift(code).color))
            return self._shading(day)
        if role == Qt.ItemDataRole.ForegroundRole:
            if mark == 2 or (code and self._problem.shift(code).is_night):
                return QBrush(WHITE)
            return QBrush(SOFT_TEXT) if mark == 1 else None
        if not mark:
            return None
        font = QFont()
        font.setBold(True)
        font.setUnderline(mark == 1)
        return font

    def _coverage_data(self, code: str, day: date | None, column: int, role: int) -> Any:
        if day is None:
            if role == Qt.ItemDataRole.DisplayRole and column == Column.NAME:
                return self.shift_name(code)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(self._problem.shift(code).color))
            return None
        need = self._problem.coverage_for(day, code)
        have = sum(1 for (_sid, d), c in self._cells.items() if d == day and c == code)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(have)  # the need is in the tooltip; a shortage is shaded
        if role == COVERAGE_ROLE:
            return (have, need.headcount if need else 0)
        if role == VIOLATION_ROLE:
            return self._coverage_marks.get((code, day), 0)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SHORTAGE) if self._coverage_marks.get((code, day)) else \
                self._shading(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.violations_at(self.index(len(self._problem.staff) +
                                                  [s.code for s in self._problem.shifts]
                                                  .index(code), column))
            need_text = QCoreApplication.translate("RotaGridModel", "{have} of {need}").format(
                have=have, need=need.headcount if need else 0)
            return "\n".join([need_text, *(self.describe(v) for v in found)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


