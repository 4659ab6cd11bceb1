"""The ticket list page: a count and a lazily filled table."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.store.ticket_list import TicketList
from ui.context import DeskContext
from ui.tickets.model import Column, TicketListModel


class TicketListPage(QWidget):
    """All tickets, newest first, read-only."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TicketListModel(TicketList(context.reader, context.language),
                                     context.time_zone)
        self._summary = QLabel(self)
        self._summary.setObjectName("summary")
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {Column.NUMBER: 92, Column.LEVEL: 60, Column.TYPE: 104,
                  Column.CATEGORY: 136, Column.REQUESTER: 72, Column.UNIT: 150,
                  Column.CHANNEL: 96, Column.STATE: 92, Column.ASSIGNEE: 64,
                  Column.CREATED: 124}
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._summary)
        layout.addWidget(self.view)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.model.reload()
        self._summary.setText(self.tr("%n ticket(s), newest first", "", self.model.total))
