"""Table model over the ticket list read model; rows arrive a page at a time."""

from __future__ import annotations

from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.store.ticket_list import PageKey, TicketList, TicketListItem
from ui.icons import badge
from ui.labels import LEVEL_COLORS, channel_label, level_label, state_label

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
# The first page only needs to fill a screen; the rest follows as the seat scrolls.
FIRST_PAGE_SIZE = 80


class Column(IntEnum):
    NUMBER = 0
    LEVEL = 1
    TITLE = 2
    TYPE = 3
    CATEGORY = 4
    REQUESTER = 5
    UNIT = 6
    CHANNEL = 7
    STATE = 8
    ASSIGNEE = 9
    CREATED = 10


def column_title(column: Column) -> str:
    return {
        Column.NUMBER: QCoreApplication.translate("TicketListModel", "Number"),
        Column.LEVEL: QCoreApplication.translate("TicketListModel", "Level"),
        Column.TITLE: QCoreApplication.translate("TicketListModel", "Title"),
        Column.TYPE: QCoreApplication.translate("TicketListModel", "Type"),
        Column.CATEGORY: QCoreApplication.translate("TicketListModel", "Category"),
        Column.REQUESTER: QCoreApplication.translate("TicketListModel", "Requester"),
        Column.UNIT: QCoreApplication.translate("TicketListModel", "Unit"),
        Column.CHANNEL: QCoreApplication.translate("TicketListModel", "Channel"),
        Column.STATE: QCoreApplication.translate("TicketListModel", "State"),
        Column.ASSIGNEE: QCoreApplication.translate("TicketListModel", "Assignee"),
        Column.CREATED: QCoreApplication.translate("TicketListModel", "Created"),
    }[column]


class TicketListModel(QAbstractTableModel):
    """Newest tickets first; Qt asks for more rows as the view scrolls (fetchMore)."""

    def __init__(self, tickets: TicketList, time_zone: ZoneInfo) -> None:
        super().__init__()
        self._tickets = tickets
        self._zone = time_zone
        self._items: list[TicketListItem] = []
        self._next: PageKey | None = None
        self._exhausted = False
        self.total = 0

    def reload(self) -> None:
        """Forget what was fetched and start again from the newest ticket."""
        self.beginResetModel()
        self._items, self._next = self._tickets.page(None, FIRST_PAGE_SIZE)
        self._exhausted = self._next is None
        self.total = self._tickets.count()
        self.endResetModel()

    def item(self, row: int) -> TicketListItem:
        return self._items[row]

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        items, self._next = self._tickets.page(self._next, PAGE_SIZE)
        self._exhausted = self._next is None
        if items:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._items.extend(items)
            self.endInsertRows()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section)) if 0 <= section < len(Column) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.TYPE:
                return badge(item.type_color, item.type_icon)
            if column == Column.CATEGORY:
                return badge(item.category_color, "")
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.LEVEL:
            return QBrush(QColor(LEVEL_COLORS[item.level]))
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return item.title
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _display(self, item: TicketListItem, column: Column) -> str:
        match column:
            case Column.NUMBER:
                return item.number
            case Column.LEVEL:
                return level_label(item.level)
            case Column.TITLE:
                return item.title
            case Column.TYPE:
                return item.type_name
            case Column.CATEGORY:
                return item.category_name
            case Column.REQUESTER:
                return item.requester
            case Column.UNIT:
                return item.unit
            case Column.CHANNEL:
                return channel_label(item.channel)
            case Column.STATE:
                return state_label(item.state)
            case Column.ASSIGNEE:
                return item.assignee
            case Column.CREATED:
                return item.created_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
