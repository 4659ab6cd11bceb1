"""The status bar's connection indicator (standalone until the sync issue lands)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.icons import dot


class Connection(StrEnum):
    STANDALONE = "standalone"
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"


_COLORS = {
    Connection.STANDALONE: "#607d8b",
    Connection.ONLINE: "#2e7d32",
    Connection.OFFLINE: "#c62828",
    Connection.SYNCING: "#1565c0",
}


def connection_label(state: Connection) -> str:
    return {
        Connection.STANDALONE: QCoreApplication.translate(
            "ConnectionIndicator", "Standalone (local database)"),
        Connection.ONLINE: QCoreApplication.translate("ConnectionIndicator", "Online"),
        Connection.OFFLINE: QCoreApplication.translate(
            "ConnectionIndicator", "Offline: changes are kept locally"),
        Connection.SYNCING: QCoreApplication.translate("ConnectionIndicator", "Syncing…"),
    }[state]


class ConnectionIndicator(QWidget):
    """A coloured dot and a word for the desk's link to the server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dot = QLabel(self)
        self._text = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        self.state = Connection.STANDALONE
        self.set_state(Connection.STANDALONE)

    def set_state(self, state: Connection) -> None:
        self.state = state
        self._dot.setPixmap(dot(_COLORS[state]))
        self._text.setText(connection_label(state))
        self.setToolTip(self._text.text())
