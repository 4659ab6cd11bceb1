"""Telling the seat: a tray message where there is a system tray, else an in-window toast.
One per desk (SLA breaches, shift reminders), built by ui/desk.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QWidget

TOAST_MS = 6000


class Toast(QLabel):
    """A message floating at the bottom right of the window for a few seconds."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("slaToast")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#slaToast { background: #1f2937; color: white; "
                           "padding: 10px 14px; border-radius: 6px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self._timer.timeout.connect(self.hide)

    def show_message(self, title: str, body: str) -> None:
        self.setText(f"<b>{title}</b><br>{body}")
        self.setFixedWidth(340)
        self.adjustSize()
        parent = self.parentWidget()
        self.move(parent.width() - self.width() - 16, parent.height() - self.height() - 40)
        self.raise_()
        self.show()
        self._timer.start()


class Announcer:
    """Tray icon and message when the platform has a tray; the toast otherwise."""

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self.toast = Toast(window)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, window)
            self.tray.show()

    def announce(self, title: str, body: str, *, breach: bool = False,
                 info: bool = False) -> None:
        """A breach is critical, an SLA warning a warning, a reminder (``info``) neither."""
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            icon = (QSystemTrayIcon.MessageIcon.Critical if breach else
                    QSystemTrayIcon.MessageIcon.Information if info else
                    QSystemTrayIcon.MessageIcon.Warning)
            self.tray.showMessage(title, body, icon, TOAST_MS)
        else:
            self.toast.show_message(title, body)
