"""Connecting the desk to a sync server: address, user name, password; the sign-in runs off
the GUI thread and the password is never stored (the refresh token goes to the keyring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui import background
from ui.context import DeskContext

if TYPE_CHECKING:
    from app.sync.tokens import TokenVault


class ConnectDialog(QDialog):
    connected = Signal(str, str, str)  # server URL, login, role

    def __init__(self, context: DeskContext, vault: TokenVault,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._context = context
        self.setWindowTitle(self.tr("Connect to a sync server"))
        settings = context.settings.settings
        self.url = QLineEdit(settings.server_url or "http://", self)
        self.login = QLineEdit(settings.server_login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url)
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        hint = QLabel(self.tr("Changes made on this desk from now on are sent to the server; "
                              "the desk keeps working when the network is down."), self)
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def sign_in(self) -> None:
        url, login, password = (self.url.text().strip(), self.login.text().strip(),
                                self.password.text())
        if not url.startswith(("http://", "https://")) or len(url) < 10:
            self._fail(self.tr("Enter the server address, e.g. https://seatdesk.example.gov.cn"))
            return
        if not login or not password:
            self._fail(self.tr("Enter your user name and password."))
            return
        from app.sync.joining import holds_own_records

        if not self._context.settings.settings.server_url and holds_own_records(
                self._context.reader):
            self._fail(self.tr("This desk already holds its own records, so it cannot join a "
                               "server. Start Seatdesk with a new data folder to join, or have "
                               "an administrator import this desk into an empty server."))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))

        store = self._context.store()

        def work(_progress: object) -> str:
            from app.sync.client import Offline, Refused
            from app.sync.unlock import sign_in

            try:
                account = sign_in(store, url, self._vault, login, password)
            except Offline:
                return "offline"
            except Refused as error:
                return error.code or "refused"
            return f"ok:{account.role}"

        background.start(work, self, done=self._answered)

    def _answered(self, problem: object) -> None:
        self.buttons.setEnabled(True)
        if isinstance(problem, str) and problem.startswith("ok:"):
            self.connected.emit(self.url.text().strip().rstrip("/"), self.login.text().strip(),
                                problem.removeprefix("ok:"))
            self.accept()
        elif problem == "offline":
            self._fail(self.tr("The server cannot be reached. Check the address and the "
                               "network."))
        elif problem == "too_many_failures":
            self._fail(self.tr("Too many failed sign-ins. Wait 15 minutes and try again."))
        else:
            self._fail(self.tr("Wrong user name or password."))

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828")
