"""Locking the desk while the seat is away. Unlocking asks the server when it answers and
falls back to the verifier kept after the last online sign-in, so a network outage never
locks a seat out of the desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import background
from ui.context import DeskContext

if TYPE_CHECKING:
    from app.sync.tokens import TokenVault


class LockDialog(QDialog):
    def __init__(self, context: DeskContext, vault: TokenVault,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._vault = vault
        self.login = context.settings.settings.server_login
        self.setWindowTitle(self.tr("Desk locked"))
        self.setModal(True)
        title = QLabel(self.tr("This desk is locked by %1.").replace("%1", self.login), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.unlock)
        self.message = QLabel(self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        layout = QVBoxLayout(self)
        for widget in (title, self.password, self.message, self.unlock_button):
            layout.addWidget(widget)
        self.unlocked = False

    def unlock(self) -> None:
        password = self.password.text()
        if not password:
            return
        store = self._context.store()
        url, login = self._context.settings.settings.server_url, self.login
        self.unlock_button.setEnabled(False)

        def work(_progress: object) -> bool:
            from app.sync.client import Offline, Refused
            from app.sync.unlock import sign_in, verify_offline

            try:
                sign_in(store, url, self._vault, login, password)
            except Offline:  # the network is down: the verifier decides
                with store.unit_of_work() as session:
                    return verify_offline(session.connection(), login, password)
            except Refused:
                return False
            return True

        background.start(work, self, done=self._answered, failed=self._failed)

    def _answered(self, ok: object) -> None:
        self.unlock_button.setEnabled(True)
        if ok is True:
            self.unlocked = True
            self.accept()
            return
        self.password.clear()
        self.message.setText(self.tr("Wrong password."))
        self.message.setStyleSheet("color: #c62828")

    def _failed(self, message: str) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(self.tr("The desk could not check the password: %1")
                             .replace("%1", message))

    # A locked desk cannot be dismissed with Esc or the close button.
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.unlocked:
            super().closeEvent(event)
        else:
            event.ignore()

    def reject(self) -> None:
        if self.unlocked:
            super().reject()
