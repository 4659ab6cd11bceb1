"""The About dialog."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from ui.icons import app_icon


class AboutDialog(QDialog):
    """Name, version, where the data lives, and the versions of what it runs on."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Seatdesk"))
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<h2>{self.tr('Seatdesk')} {__version__}</h2>", self)
        body = QLabel(self)
        body.setTextFormat(body.textFormat().RichText)
        body.setText(
            "<p>" + self.tr("Service-desk client for the seats of a 7×24 service desk: "
                            "tickets, SLA clocks, rota and knowledge base.") + "</p>"
            + "<p>" + self.tr("Database: %1").replace("%1", html.escape(database)) + "</p>"
            + "<p>" + self.tr("Python %1, Qt %2, PySide6 %3")
            .replace("%1", platform.python_version()).replace("%2", qVersion())
            .replace("%3", pyside_version) + "</p>"
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(body.textInteractionFlags().TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (icon, title, body, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)
