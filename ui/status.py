"""The status bar's connection indicator: standalone, or the link to the sync server with
the counts of pending, rejected and conflicting changes."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.icons import dot


class Connection(StrEnum):
    STANDALONE = "standalone"
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    SIGNED_OUT = "signed_out"


_COLORS = {
    Connection.STANDALONE: "#607d8b",
    Connection.ONLINE: "#2e7d32",
    Connection.OFFLINE: "#c62828",
    Connection.SYNCING: "#1565c0",
    Connection.SIGNED_OUT: "#ef6c00",
}


def connection_label(state: Connection) -> str:
    return {
        Connection.STANDALONE: QCoreApplication.translate(
            "ConnectionIndicator", "Standalone (local database)"),
        Connection.ONLINE: QCoreApplication.translate("ConnectionIndicator", "Online"),
        Connection.OFFLINE: QCoreApplication.translate(
            "ConnectionIndicator", "Offline: changes are kept locally"),
        Connection.SYNCING: QCoreApplication.translate("ConnectionIndicator", "Syncing…"),
        Connection.SIGNED_OUT: QCoreApplication.translate(
            "ConnectionIndicator", "Signed out: sign in to sync"),
    }[state]


class ConnectionIndicator(QWidget):
    """A coloured dot and a word for the desk's link to the server; a click asks for the
    details (the sync panel)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._dot = QLabel(self)
        self._text = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        self.state = Connection.STANDALONE
        self.set_state(Connection.STANDALONE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def set_state(self, state: Connection, pending: int = 0, rejected: int = 0,
                  conflicts: int = 0) -> None:
        self.state = state
        self._dot.setPixmap(dot(_COLORS[state]))
        parts = [connection_label(state)]
        if pending:
            parts.append(QCoreApplication.translate("ConnectionIndicator", "%n pending", "",
                                                    pending))
        if rejected:
            parts.append(QCoreApplication.translate("ConnectionIndicator",
                                                    "%n need attention", "", rejected))
        if conflicts:
            parts.append(QCoreApplication.translate("ConnectionIndicator", "%n conflicts", "",
                                                    conflicts))
        self._text.setText(" · ".join(parts))
        self.setToolTip(self._text.text())
