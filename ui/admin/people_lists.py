"""A list of teams or of skills with its buttons: add, rename, retire or bring back.

The panel only shows and asks; the people tab writes.

Signals:
    add_requested(): the administrator wants a new entry.
    rename_requested(object): rename this ``CodedName``.
    retire_requested(object): retire this ``CodedName``, or bring it back if retired.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.people.reading import CodedName

_RETIRED = QColor("#8a8a8a")


class CodedNamesPanel(QWidget):
    add_requested = Signal()
    rename_requested = Signal(object)
    retire_requested = Signal(object)

    def __init__(self, people_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[CodedName] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Name (Chinese)"), self.tr("Name (English)"),
            people_title, self.tr("State")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.table.itemActivated.connect(lambda _item: self._rename())
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.rename_button.clicked.connect(self._rename)
        self.retire_button.clicked.connect(self._retire)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._editable, self._why_not = True, ""
        self._follow_selection()

    def set_entries(self, entries: Sequence[CodedName]) -> None:
        """Show ``entries``, keeping the selected one selected."""
        kept = self.current()
        self._entries = list(entries)
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            cells = (entry.code, entry.name_zh, entry.name_en, str(entry.people),
                     self.tr("Retired") if entry.retired else self.tr("In service"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                if entry.retired:
                    item.setForeground(QBrush(_RETIRED))
                self.table.setItem(row, column, item)
        if kept is not None:
            self.select(kept.id)
        self._follow_selection()

    def current(self) -> CodedName | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()] if rows else None

    def select(self, entry_id: str) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                self.table.selectRow(row)
                return

    def set_editable(self, editable: bool, why_not: str) -> None:
        """Enable the buttons, or disable them with ``why_not`` as their tooltip."""
        self._editable, self._why_not = editable, why_not
        self._follow_selection()

    @Slot()
    def _follow_selection(self) -> None:
        entry = self.current()
        self.retire_button.setText(self.tr("Bring back") if entry and entry.retired
                                   else self.tr("Retire"))
        self.add_button.setEnabled(self._editable)
        self.rename_button.setEnabled(self._editable and entry is not None)
        self.retire_button.setEnabled(self._editable and entry is not None)
        for button in (self.add_button, self.rename_button, self.retire_button):
            button.setToolTip("" if self._editable else self._why_not)

    @Slot()
    def _rename(self) -> None:
        entry = self.current()
        if entry is not None and self._editable:
            self.rename_requested.emit(entry)

    @Slot()
    def _retire(self) -> None:
        entry = self.current()
        if entry is not None and self._editable:
            self.retire_requested.emit(entry)
