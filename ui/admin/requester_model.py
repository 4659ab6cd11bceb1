"""Table model over requesters (``app.requesters.reading.RequesterLine`` value objects).

Sorting goes through a ``QSortFilterProxyModel``; ``SORT_ROLE`` gives the ticket count its
numeric order rather than its text's.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.requesters.reading import RequesterLine

Index = QModelIndex | QPersistentModelIndex
REQUESTER_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NAME = 0
    UNIT = 1
    PHONE = 2
    EMAIL = 3
    TICKETS = 4


def column_title(column: Column) -> str:
    return {
        Column.NAME: QCoreApplication.translate("RequesterModel", "Name"),
        Column.UNIT: QCoreApplication.translate("RequesterModel", "Unit"),
        Column.PHONE: QCoreApplication.translate("RequesterModel", "Phone"),
        Column.EMAIL: QCoreApplication.translate("RequesterModel", "E-mail"),
        Column.TICKETS: QCoreApplication.translate("RequesterModel", "Tickets"),
    }[column]


class RequesterModel(QAbstractTableModel):
    """Requesters as a search found them, with their live ticket counts."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[RequesterLine] = []

    def set_lines(self, lines: Sequence[RequesterLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> RequesterLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, requester_id: str) -> int | None:
        return next((n for n, line in enumerate(self._lines) if line.id == requester_id), None)

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
            return _text(line, column)
        if role == SORT_ROLE:
            return line.tickets if column is Column.TICKETS else _text(line, column)
        if role == REQUESTER_ROLE:
            return line
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TICKETS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _text(line: RequesterLine, column: Column) -> str:
    if column is Column.NAME:
        return line.name
    if column is Column.UNIT:
        return line.unit
    if column is Column.PHONE:
        return line.phone
    if column is Column.EMAIL:
        return line.email
    return str(line.tickets)
