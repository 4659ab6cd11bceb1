"""Choosing who gets a ticket: the dispatch ranking in a table, with type-to-search.

The search box has the focus: typing narrows the table (name, login, team, pinyin initials),
Up and Down move through it, Enter assigns the highlighted person (the best at first).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import dialog_buttons
from ui.dispatch.model import CHOICE_ROLE, SEARCH_ROLE, CandidateModel, Column

MOVING_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class AssignDialog(QDialog):
    """The ranking, best first; any active staff member can be chosen."""

    def __init__(self, model: CandidateModel, title: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = model
        model.setParent(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type to find: name, login, team or pinyin "
                                               "initials"))
        self.table = QTableView(self)
        self.table.setObjectName("candidates")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Names whole (with seniority); a long team name is what gives way.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TEAM, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.accept())
        self.empty = QLabel(self.tr("Nobody matches what you typed."), self)
        self.empty.setObjectName("empty")
        self.empty.hide()
        self.search.textChanged.connect(self._narrow)
        self.search.returnPressed.connect(self._choose)
        self.search.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Best first: skill for the category, seniority for "
                                        "the level, open tickets and who is on shift now."),
                                self))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(dialog_buttons(self, on_accept=self._choose))
        self._highlight_first()
        self.search.setFocus()
        self.resize(860, 520)

    def _narrow(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._highlight_first()

    def _highlight_first(self) -> None:
        found = self.proxy.rowCount() > 0
        self.empty.setVisible(not found)
        if found:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _choose(self) -> None:
        if self.choice() is not None:
            self.accept()

    def choice(self) -> tuple[str, str | None] | None:
        """The highlighted person's (staff id, team id), or None if nobody is."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        chosen: tuple[str, str | None] = self.proxy.data(index, CHOICE_ROLE)
        return chosen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Up and Down in the search box move through the table, as in a completer.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in MOVING_KEYS:
                QApplication.sendEvent(self.table, event)
                return True
        return super().eventFilter(watched, event)
