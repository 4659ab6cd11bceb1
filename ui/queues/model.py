"""Table model over one queue: rows arrive a page at a time, sorted by SQLite."""

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
from PySide6.QtGui import QColor

from app.store.queues import QueueFilter, QueueItem, QueueReader, Seat, Sort, SortColumn, View
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
    SLA = 11  # painted by the SLA feature's countdown delegate (wired in ui/desk.py)


SORT_OF = {
    Column.NUMBER: SortColumn.NUMBER, Column.LEVEL: SortColumn.LEVEL,
    Column.TITLE: SortColumn.TITLE, Column.TYPE: SortColumn.TYPE,
    Column.CATEGORY: SortColumn.CATEGORY, Column.REQUESTER: SortColumn.REQUESTER,
    Column.UNIT: SortColumn.UNIT, Column.CHANNEL: SortColumn.CHANNEL,
    Column.STATE: SortColumn.STATE, Column.ASSIGNEE: SortColumn.ASSIGNEE,
    Column.CREATED: SortColumn.CREATED, Column.SLA: SortColumn.TIME_TO_BREACH,
}


def column_title(column: Column) -> str:
    return {
        Column.NUMBER: QCoreApplication.translate("QueueModel", "Number"),
        Column.LEVEL: QCoreApplication.translate("QueueModel", "Level"),
        Column.TITLE: QCoreApplication.translate("QueueModel", "Title"),
        Column.TYPE: QCoreApplication.translate("QueueModel", "Type"),
        Column.CATEGORY: QCoreApplication.translate("QueueModel", "Category"),
        Column.REQUESTER: QCoreApplication.translate("QueueModel", "Requester"),
        Column.UNIT: QCoreApplication.translate("QueueModel", "Unit"),
        Column.CHANNEL: QCoreApplication.translate("QueueModel", "Channel"),
        Column.STATE: QCoreApplication.translate("QueueModel", "State"),
        Column.ASSIGNEE: QCoreApplication.translate("QueueModel", "Assignee"),
        Column.CREATED: QCoreApplication.translate("QueueModel", "Created"),
        Column.SLA: QCoreApplication.translate("QueueModel", "Time to breach"),
    }[column]


class QueueModel(QAbstractTableModel):
    """One view of the queue with its filter and sort; Qt asks for more rows on scroll."""

    def set_seat(self, seat: Seat) -> None:
        """Another seat signed in: "mine" and "my team's" views now mean theirs."""
        self._seat = seat

    def __init__(self, reader: QueueReader, seat: Seat, time_zone: ZoneInfo) -> None:
        super().__init__()
        self._reader = reader
        self._seat = seat
        self._zone = time_zone
        self._items: list[QueueItem] = []
        self._exhausted = True
        self.view = View.ALL
        self.filters = QueueFilter()
        self.order = Sort()
        self.total = 0
        self._loaded = False

    def show(self, view: View, filters: QueueFilter) -> None:
        self.view, self.filters = view, filters
        self.reload()

    def reload(self, keep_rows: int = 0) -> None:
        """Fetch again from the top; ``keep_rows`` loads at least that many (refresh in place)."""
        self.beginResetModel()
        self._items = self._reader.page(self.view, self._seat, self.filters, self.order, None,
                                        max(FIRST_PAGE_SIZE, keep_rows))
        self._exhausted = len(self._items) < max(FIRST_PAGE_SIZE, keep_rows)
        self.total = self._reader.count(self.view, self._seat, self.filters)
        self._loaded = True
        self.endResetModel()

    def item(self, row: int) -> QueueItem:
        return self._items[row]

    def text(self, row: int, column: Column) -> str:
        """What ``row`` shows in ``column``, without a round trip through Qt (the column
        fitter measures many cells at once: ui/queues/columns.py)."""
        return self._display(self._items[row], column)

    def row_of(self, ticket_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.id == ticket_id:
                return row
        return -1

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
        after = self._items[-1] if self._items else None
        items = self._reader.page(self.view, self._seat, self.filters, self.order, after,
                                  PAGE_SIZE)
        self._exhausted = len(items) < PAGE_SIZE
        if items:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._items.extend(items)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        wanted = Sort(SORT_OF[Column(column)], order == Qt.SortOrder.DescendingOrder)
        changed, self.order = wanted != self.order, wanted
        # The header announces its order when sorting is switched on, before anything is
        # shown: nothing to fetch until the page shows a view.
        if changed and self._loaded:
            self.reload()

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
            # A colour, not a QBrush: Qt paints it the same, and PySide wraps QBrush (and
            # QGradient's 180 presets, for its constructors) only when it is first used.
            return QColor(LEVEL_COLORS[item.level])
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return item.title
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    def _display(self, item: QueueItem, column: Column) -> str:
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
            case Column.SLA:
                return ""
