"""Table model over a staff import's preview (``app.people.staff_import.StaffLine`` value
objects): one row per row of the file, what importing it does, and its problems in red.

Cells show what the file says; seniority and role by their names where the desk knows
them. The problems column is empty for a good row, so a proxy filtering that column on
"anything" shows only the rows to correct.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.roles import spec
from app.people.staff_file import Field
from app.people.staff_import import RowAction, StaffLine
from ui.admin.import_texts import account_note, action_name, field_name, findings_text
from ui.labels import seniority_label

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole  # the StaffLine of the row
PROBLEM_RED = QColor("#c62828")
_UPDATE_BLUE = QColor("#1f5fa8")


class Column(IntEnum):
    ROW = 0
    ACTION = 1
    PROBLEMS = 2  # before the file's columns: seen without scrolling
    NAME = 3
    LOGIN = 4
    TEAM = 5
    SKILLS = 6
    SENIORITY = 7
    PHONE = 8
    EMAIL = 9
    ROLE = 10


_FIELDS = {Column.NAME: Field.NAME, Column.LOGIN: Field.LOGIN, Column.TEAM: Field.TEAM,
           Column.SKILLS: Field.SKILLS, Column.SENIORITY: Field.SENIORITY,
           Column.PHONE: Field.PHONE, Column.EMAIL: Field.EMAIL, Column.ROLE: Field.ROLE}


def column_title(column: Column) -> str:
    if column in _FIELDS:
        return field_name(_FIELDS[column])
    return {
        Column.ROW: QCoreApplication.translate("StaffImport", "Row"),
        Column.ACTION: QCoreApplication.translate("StaffImport", "Import as"),
        Column.PROBLEMS: QCoreApplication.translate("StaffImport", "Problems"),
    }[column]


class PreviewModel(QAbstractTableModel):
    """The rows of a preview, in file order."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._language = language
        self._lines: tuple[StaffLine, ...] = ()

    def set_lines(self, lines: tuple[StaffLine, ...]) -> None:
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line(self, row: int) -> StaffLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return column_title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.PROBLEMS:
                return QBrush(PROBLEM_RED)
            if column is Column.ACTION and line.action is not RowAction.NEW:
                return QBrush(_UPDATE_BLUE)
            if column is Column.ROW and line.problems:
                return QBrush(PROBLEM_RED)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LINE_ROLE:
            return line
        return None

    def _text(self, line: StaffLine, column: Column) -> str:
        if column is Column.ROW:
            return str(line.line)
        if column is Column.ACTION:
            return action_name(line.action)
        if column is Column.PROBLEMS:
            return findings_text(line.problems)
        if column is Column.SENIORITY and line.seniority is not None:
            return seniority_label(line.seniority)
        if column is Column.ROLE and line.role is not None:
            name = spec(line.role).name(self._language)
            note = account_note(line.account)
            return f"{name} · {note}" if note else name
        return line.cells[_FIELDS[column]]
