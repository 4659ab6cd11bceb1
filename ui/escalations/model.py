"""The escalation ledger's lines as a table (value objects from app.escalations.ledger)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.escalations.ledger import LedgerEntry
from ui.labels import (
    escalation_action_label,
    escalation_outcome_label,
    target_label,
    threshold_label,
)

TICKET_ID = Qt.ItemDataRole.UserRole
_OUTCOME_COLORS = {"failed": "#c62828", "pending": "#ef6c00", "skipped": "#757575"}


class Column(IntEnum):
    TIME = 0
    TICKET = 1
    RULE = 2
    ACTION = 3
    OUTCOME = 4
    OWNER = 5
    FOLLOWED_BY = 6  # who must follow the escalated ticket (issue 16)
    TEAM = 7
    CATEGORY = 8
    SEEN = 9
    TO_RESOLUTION = 10


def hours_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds / 3600:.1f} h"


class LedgerModel(QAbstractTableModel):
    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.entries: list[LedgerEntry] = []

    def set_entries(self, entries: list[LedgerEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return {
            Column.TIME: self.tr("Time"), Column.TICKET: self.tr("Ticket"),
            Column.RULE: self.tr("Rule"), Column.ACTION: self.tr("Action"),
            Column.OUTCOME: self.tr("Outcome"), Column.OWNER: self.tr("Owner then"),
            Column.FOLLOWED_BY: self.tr("Followed by"),
            Column.TEAM: self.tr("Team"), Column.CATEGORY: self.tr("Category"),
            Column.SEEN: self.tr("Delivered / acknowledged"),
            Column.TO_RESOLUTION: self.tr("To resolution"),
        }[Column(section)]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = Column(index.column())
        if role == TICKET_ID:
            return entry.ticket_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TICKET:
                return entry.title
            if column in (Column.OUTCOME, Column.ACTION) and entry.detail:
                return entry.detail
            if column == Column.FOLLOWED_BY:
                return self.tr("Chosen when escalated: the most senior member of the group "
                               "on duty by the rota, else the group's lead.")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.OUTCOME:
            color = _OUTCOME_COLORS.get(entry.outcome)
            return QColor(color) if color else None
        return None

    def _text(self, entry: LedgerEntry, column: Column) -> str:
        if column == Column.TIME:
            return entry.at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
        if column == Column.TICKET:
            return entry.number
        if column == Column.RULE:
            return f"{target_label(entry.kind)} · {threshold_label(entry.threshold)}"
        if column == Column.ACTION:
            return escalation_action_label(entry.action)
        if column == Column.OUTCOME:
            return escalation_outcome_label(entry.outcome)
        if column == Column.OWNER:
            return entry.owner or self.tr("nobody")
        if column == Column.FOLLOWED_BY:
            return entry.follower or "—"
        if column == Column.TEAM:
            return entry.team
        if column == Column.CATEGORY:
            return entry.category
        if column == Column.SEEN:
            if entry.acknowledged_by:
                return self.tr("acknowledged by %1").replace("%1", ", ".join(
                    entry.acknowledged_by))
            if entry.delivered_to:
                return self.tr("delivered to %1").replace("%1", ", ".join(entry.delivered_to))
            return ""
        return hours_text(entry.to_resolution_s)
