"""The walk-through's server page: join the service desk's sync server.

The server's address and an account there; Finish signs in and pulls everything off the
GUI thread (app/services/desk_setup.py ``join_server``), then the desk opens signed in with
that account and goes on syncing. The password is never stored: the refresh token goes
to the keyring and an argon2id verifier lets the seat sign in during an outage. Texts the
connect dialog shares (ui/sync/connect.py) are asked for in its translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWizardPage,
)

from app.services.errors import DeskError
from ui import background
from ui.setup.desk_page import PROBLEM_RED
from ui.setup.wizard import SERVER

if TYPE_CHECKING:
    from app.identity.seat import SignedIn
    from app.sync.client import Account
    from ui.setup.wizard import SetupWizard


def _connect_text(text: str) -> str:
    return QCoreApplication.translate("ConnectDialog", text)


class ServerPage(QWizardPage):
    def __init__(self, parent: SetupWizard) -> None:
        super().__init__(parent)
        self.setObjectName("setup_server")
        self._setup = parent
        self._working = False
        self._joined = False
        self.url = QLineEdit(parent.settings.settings.server_url or "https://", self)
        self.url.setObjectName("server_url")
        self.login = QLineEdit(self)
        self.login.setObjectName("server_login")
        self.password = QLineEdit(self)
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.url, self.login, self.password),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        for field in (self.url, self.login, self.password):
            field.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Join a sync server"))
        self.setSubTitle(self.tr("Your service desk's administrator gives you the server's "
                                 "address and your account. This desk then fetches the "
                                 "staff, catalog and tickets from the server."))
        for label, text in zip(self.labels, ("Server address", "User name", "Password"),
                               strict=True):
            label.setText(_connect_text(text))
        self.hint.setText(_connect_text(
            "Changes made on this desk from now on are sent to the server; the desk keeps "
            "working when the network is down."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return -1

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self._working and all(
            field.text().strip() for field in (self.url, self.login, self.password))

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Finish: join (off the GUI thread); the page finishes the wizard when joined."""
        if self._joined:
            return True
        if self._working:
            return False
        url, login = self.url.text().strip().rstrip("/"), self.login.text().strip()
        if not url.startswith(("http://", "https://")) or len(url) < 10:
            self._fail(_connect_text(
                "Enter the server address, e.g. https://seatdesk.example.gov.cn"),
                keep_password=True)
            self.url.setFocus()
            return False
        self._join(url, login, self.password.text())
        return False

    def _join(self, url: str, login: str, password: str) -> None:
        from app.services.desk_setup import join_server

        setup = self._setup
        data, clock, vault = setup.data, setup.clock, setup.vault()

        def work(_progress: object) -> tuple[Account, SignedIn] | Exception:
            try:
                return join_server(data, clock, url, vault, login, password)
            except Exception as error:  # noqa: BLE001 (said to the person, in words)
                return error

        self._working = True
        self.completeChanged.emit()
        setup.busy(True)
        for field in (self.url, self.login, self.password):
            field.setReadOnly(True)
        self.progress.show()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Signing in and fetching the desk's records from the "
                                     "server… A large desk takes a few minutes."))
        background.start(work, self, done=lambda outcome: self._answered(url, outcome),
                         failed=self._fail_working)

    def _answered(self, url: str, outcome: object) -> None:
        self._stop_working()
        if isinstance(outcome, Exception):
            self._fail(self._reason(outcome))
            return
        assert isinstance(outcome, tuple)
        account, seat = outcome
        self._joined = True
        self.message.clear()
        self._setup.settle(SERVER, seat, server_url=url, server_login=account.login,
                           server_role=account.role)
        self._setup.accept()

    def _reason(self, error: Exception) -> str:
        from app.sync.client import Offline, Refused

        if isinstance(error, Offline):
            return _connect_text("The server cannot be reached. Check the address and the "
                                 "network.")
        if isinstance(error, Refused) and error.code == "too_many_failures":
            return _connect_text("Too many failed sign-ins. Wait 15 minutes and try again.")
        if isinstance(error, Refused) and error.status in (400, 401, 403, 422):
            return _connect_text("Wrong user name or password.")
        if isinstance(error, DeskError):
            return self.tr("This data folder already holds records of its own, so it cannot "
                           "join a server. Start Seatdesk with a new data folder to join.")
        return self.tr("The desk could not join the server: %1").replace("%1", str(error))

    def _fail_working(self, message: str) -> None:
        self._stop_working()
        self._fail(self.tr("The desk could not join the server: %1").replace("%1", message))

    def _stop_working(self) -> None:
        self._working = False
        self._setup.busy(False)
        for field in (self.url, self.login, self.password):
            field.setReadOnly(False)
        self.progress.hide()
        self.completeChanged.emit()

    def _fail(self, text: str, *, keep_password: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {PROBLEM_RED}")
        if not keep_password:
            self.password.clear()
