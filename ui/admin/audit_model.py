"""Table model over the audit log (``app.audit.reading.AuditLine`` value objects).

Lines come a page at a time: the first page when the filter is set, the next one when the
view scrolls to the end (``canFetchMore``/``fetchMore``, keyset pages, app/audit/reading.py).
Each row's texts are made once, when its page arrives.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.audit import reading
from app.audit.reading import AuditFilter, AuditLine, Cursor
from ui.admin.audit_texts import (
    action_name,
    actor_text,
    change_summary,
    kind_name,
    subject_text,
)

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole


class Column(IntEnum):
    WHEN = 0
    WHO = 1
    KIND = 2
    ACTION = 3
    SUBJECT = 4
    CHANGES = 5


def column_title(column: Column) -> str:
    return {
        Column.WHEN: QCoreApplication.translate("AuditModel", "When"),
        Column.WHO: QCoreApplication.translate("AuditModel", "Who"),
        Column.KIND: QCoreApplication.translate("AuditModel", "Kind"),
        Column.ACTION: QCoreApplication.translate("AuditModel", "Action"),
        Column.SUBJECT: QCoreApplication.translate("AuditModel", "What"),
        Column.CHANGES: QCoreApplication.translate("AuditModel", "Changes"),
    }[column]


@dataclass(frozen=True)
class _Row:
    line: AuditLine
    texts: tuple[str, ...]


class AuditModel(QAbstractTableModel):
    """The lines a filter matches, newest first, fetched a page at a time."""

    def __init__(self, reader: sqlite3.Connection, language: str, zone: tzinfo,
                 page_size: int = reading.PAGE) -> None:
        super().__init__()
        self._reader, self._language, self._zone = reader, language, zone
        self._page_size = page_size
        self._filter = AuditFilter()
        self._rows: list[_Row] = []
        self._next: Cursor | None = None
        self._more = False

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, chosen: AuditFilter, zone: tzinfo | None = None) -> None:
        """Show the first page of the lines ``chosen`` matches."""
        self.beginResetModel()
        self._filter = chosen
        if zone is not None:
            self._zone = zone
        self._rows, self._next = [], None
        self._rows = self._read()
        self.endResetModel()

    def clear(self) -> None:
        """Show no lines (a seat who may not read the log took over)."""
        self.beginResetModel()
        self._rows, self._next, self._more = [], None, False
        self.endResetModel()

    def line(self, row: int) -> AuditLine | None:
        return self._rows[row].line if 0 <= row < len(self._rows) else None

    def _read(self) -> list[_Row]:
        """The next page's rows (the first page after a reset)."""
        found = reading.page(self._reader, self._filter, self._next, self._page_size,
                             self._language)
        self._next, self._more = found.next, found.next is not None
        return [self._row(line) for line in found.lines]

    def _row(self, line: AuditLine) -> _Row:
        changes = reading.changes(self._reader, line, self._language)
        when = line.at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")
        return _Row(line, (when, actor_text(line), kind_name(line.kind),
                           action_name(line.summary), subject_text(line),
                           change_summary(line, changes, self._zone)))

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._read()
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows += rows
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (Column.SUBJECT,
                                                                      Column.CHANGES):
            return row.texts[index.column()]
        if role == LINE_ROLE:
            return row.line
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return column_title(Column(section))
        return None
