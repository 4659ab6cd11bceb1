"""The sync panel: changes waiting to be sent, changes the server refused (with its reason,
and a deliberate discard), and the conflict log (both values, which one stands, who)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import DeskContext

if TYPE_CHECKING:
    from ui.sync import SyncDesk


def _table(headers: list[str], rows: list[list[str]], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _value(raw: str) -> str:
    try:
        return str(json.loads(raw))
    except ValueError:
        return raw


class SyncPanel(QDialog):
    def __init__(self, context: DeskContext, desk: SyncDesk,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._desk = desk
        self.setWindowTitle(self.tr("Sync status"))
        self.tabs = QTabWidget(self)
        self.discard = QPushButton(self.tr("Discard the selected change…"), self)
        self.discard.clicked.connect(self._discard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.discard)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self.refresh()

    def _rows(self, sql: str) -> list[tuple[object, ...]]:
        try:
            return list(self._context.reader.execute(sql))
        except Exception:  # noqa: BLE001 - a desk older than sync has no tables: show none
            return []

    def refresh(self) -> None:
        self.tabs.clear()
        pending = self._rows("SELECT id, entity, key, op, created_at FROM sync_outbox "
                             "WHERE status = 'pending' ORDER BY id")
        rejected = self._rows("SELECT id, entity, key, patch, reason FROM sync_outbox "
                              "WHERE status = 'rejected' ORDER BY id")
        conflicts = self._rows("SELECT entity, key, field, kept, lost, kept_by, lost_by, at "
                               "FROM sync_conflicts ORDER BY at DESC")
        self.pending = _table(
            [self.tr("No."), self.tr("Record"), self.tr("Key"), self.tr("Change"),
             self.tr("Made at")], [[str(v) for v in r] for r in pending], self)
        self.rejected = _table(
            [self.tr("No."), self.tr("Record"), self.tr("Key"), self.tr("Change"),
             self.tr("Reason")], [[str(v) for v in r] for r in rejected], self)
        self.conflicts = _table(
            [self.tr("Record"), self.tr("Key"), self.tr("Field"), self.tr("Value kept"),
             self.tr("Value lost"), self.tr("Kept by"), self.tr("Lost by"), self.tr("At")],
            [[str(r[0]), str(r[1]), str(r[2]), _value(str(r[3])), _value(str(r[4])),
              str(r[5]), str(r[6]), str(r[7])] for r in conflicts], self)
        self.tabs.addTab(self.pending, self.tr("Waiting to send (%n)", "", len(pending)))
        self.tabs.addTab(self.rejected, self.tr("Needs attention (%n)", "", len(rejected)))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts (%n)", "", len(conflicts)))
        if rejected:
            self.tabs.setCurrentWidget(self.rejected)
        elif conflicts:
            self.tabs.setCurrentWidget(self.conflicts)
        if conflicts and self._desk.syncer is not None:
            # Shown to the seat: no longer counted as new in the status bar.
            self._desk.syncer.mark_conflicts_seen()

    def _discard(self) -> None:
        row = self.rejected.currentRow()
        if self.tabs.currentWidget() is not self.rejected or row < 0:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Select a change under \u201cNeeds attention\u201d "
                                            "first."))
            return
        item = self.rejected.item(row, 0)
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Discard this change for good? The server refused it and the desk already "
                    "shows the server's value."))
        if answer != QMessageBox.StandardButton.Yes or item is None or self._desk.syncer is None:
            return
        self._desk.syncer.discard(int(item.text()))
        self.refresh()
