"""The tickets behind a figure: number, title, state; Enter or a double click opens one.

Signals: ``open_requested(str)`` - a ticket id.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.sla.running import chunks
from ui.context import DeskContext

SHOWN = 2000  # a figure of a year can stand for tens of thousands of tickets


class TicketList(QDialog):
    open_requested = Signal(str)

    def __init__(
        self, context: DeskContext, title: str, ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        shown = ids[:SHOWN]
        note = QCoreApplication.translate("Reports", "%1 tickets").replace("%1", str(len(ids)))
        if len(ids) > len(shown):
            note += " " + QCoreApplication.translate("Reports", "(the first %1 shown)").replace(
                "%1", str(len(shown))
            )
        layout.addWidget(QLabel(note))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Reports", "Number"),
                QCoreApplication.translate("Reports", "Title"),
                QCoreApplication.translate("Reports", "State"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        rows: dict[str, tuple[str, str, str]] = {}
        for chunk in chunks(shown):
            for tid, number, title_, state in context.reader.execute(
                "SELECT id, number, title, state FROM tickets WHERE id IN "
                f"({','.join('?' * len(chunk))})",
                chunk,
            ):
                rows[tid] = (number, title_, state)
        self.table.setRowCount(len(shown))
        for r, tid in enumerate(shown):
            for c, text in enumerate(rows.get(tid, (tid, "", ""))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, tid)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.cellActivated.connect(self._open)
        layout.addWidget(self.table)

    def _open(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
