"""A second reference for bench/startup.py: the least a desk window needs - a main window
with a menu and a status bar, a navigation list, a search box and a table over a Python
model showing a page of rows - and nothing of Seatdesk. What it costs over the bare window
is what PySide6 charges for the Qt classes any such window touches (each class's enums are
made as Python enums when first used); what the desk costs over it is the desk's own."""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.startup_probe import report_when_idle

Index = QModelIndex | QPersistentModelIndex


class Rows(QAbstractTableModel):
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 80

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 12

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}:{index.column()}"
        return None


app = QApplication(sys.argv[:1])
window = QMainWindow()
quit_action = QAction("&Quit", window)
quit_action.setShortcut(QKeySequence.StandardKey.Quit)
window.menuBar().addMenu("&File").addAction(quit_action)
navigation = QListWidget()
navigation.addItems(["Queues", "Knowledge base", "Rota", "Notifications"])
page = QWidget()
layout = QVBoxLayout(page)
layout.addWidget(QLineEdit())
table = QTableView()
model = Rows()
table.setModel(model)
table.setSortingEnabled(True)
layout.addWidget(table)
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(navigation)
splitter.addWidget(page)
window.setCentralWidget(splitter)
window.statusBar().addPermanentWidget(QLabel("Standalone"))
window.resize(1280, 800)
window.show()

report_when_idle(app)
app.exec()
