"""The sign-in prompt: at start, at a shift change (another seat), and to unlock the desk.

The password is checked off the GUI thread: against the server when the desk is connected
(with the offline verifier as fallback, app/identity/signing_in.py), else against the
desk's own accounts. Whoever signs in is the author of every write from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.identity.seat import SignedIn
from app.services.errors import DeskError
from ui import background
from ui.problems import problem_text
from ui.seat.modes import Mode

if TYPE_CHECKING:
    from app.identity.signing_in import Check

class SignInDialog(QDialog):
    """Asks for a login and password until they are right (or the seat quits at start);
    then ``result_seat`` holds the checked seat and the dialog is accepted. (No signal
    carries the seat: PySide 6.11 crashed after a test's waitSignal on such a signal.)"""

    def __init__(self, check: Check, mode: Mode, *, desk_name: str = "",
                 login: str = "", hint: str = "", who: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in")
        self._check, self.mode = check, mode
        self.result_seat: SignedIn | None = None
        self.setWindowTitle(self._title(desk_name))
        self.setModal(True)
        self.desk = self._label(desk_name, "font-weight: bold; font-size: 14pt")
        self.heading = self._label(self._heading(f"{who} ({login})" if who else login), "")
        self.login = QLineEdit(login, self)
        self.login.setObjectName("login")
        self.login.setMaxLength(80)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.message = self._label("", "color: #c62828")
        self.message.setObjectName("message")
        self.hint = self._label(hint, "color: #546e7a")
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        self._add_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.desk)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        (self.password if login else self.login).setFocus()

    def _label(self, text: str, style: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setVisible(bool(text))
        return label

    def _add_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.other_button: QPushButton | None = None
        if self.mode is Mode.LOCKED:
            self.login.setReadOnly(True)
            self.other_button = self.buttons.addButton(
                self.tr("Another seat…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.other_button.clicked.connect(self.another_seat)
        else:
            quit_text = self.tr("Quit") if self.mode is Mode.START else self.tr("Cancel")
            cancel = self.buttons.addButton(quit_text, QDialogButtonBox.ButtonRole.RejectRole)
            cancel.clicked.connect(self.reject)

    def _title(self, desk_name: str) -> str:
        title = {Mode.START: self.tr("Sign in to Seatdesk"),
                 Mode.LOCKED: self.tr("Desk locked"),
                 Mode.SWITCH: self.tr("Switch seat")}[self.mode]
        return f"{title} — {desk_name}" if desk_name else title

    def _heading(self, login: str) -> str:
        if self.mode is Mode.LOCKED:
            return self.tr("This desk is locked by %1. Enter the password to go on, or let "
                           "another seat sign in.").replace("%1", login)
        if self.mode is Mode.SWITCH:
            return self.tr("The next seat signs in: from now on every change is recorded "
                           "under their name.")
        return self.tr("Sign in with your account: every change you make is recorded under "
                       "your name.")

    def another_seat(self) -> None:
        """Let another seat sign in instead of the one who locked the desk."""
        self.mode = Mode.SWITCH
        self.login.setReadOnly(False)
        self.login.clear()
        self.password.clear()
        self.heading.setText(self._heading(""))
        self.setWindowTitle(self.tr("Switch seat"))
        if self.other_button is not None:
            self.other_button.setVisible(False)
        self.login.setFocus()

    def submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        if not login:
            self._refuse(self.tr("Enter your login."), self.login)
            return
        if not password:
            self._refuse(self.tr("Enter your password."), self.password)
            return
        self.sign_in_button.setEnabled(False)
        self._say(self.tr("Checking…"))
        check = self._check

        def attempt(_progress: object) -> SignedIn | Exception:
            try:
                return check(login, password)
            except Exception as error:  # noqa: BLE001 (shown to the seat, translated)
                return error

        background.start(attempt, self, done=self._answered, failed=self._failed)

    def _answered(self, seat: object) -> None:
        self.sign_in_button.setEnabled(True)
        if isinstance(seat, Exception):
            self._refuse(refusal_text(seat), self.password)
            return
        assert isinstance(seat, SignedIn)
        self.result_seat = seat
        self._say("")
        super().accept()

    def _failed(self, message: str) -> None:
        self.sign_in_button.setEnabled(True)
        self._refuse(message, self.password)

    def _say(self, text: str) -> None:
        """The message line shows only while it has something to say."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _refuse(self, text: str, field: QLineEdit) -> None:
        self._say(text)
        if field is self.password:
            self.password.clear()
        field.setFocus()

    # A locked desk cannot be dismissed with Esc or the close button.
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.mode is Mode.LOCKED:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.mode is Mode.LOCKED and self.result_seat is None:
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.mode is not Mode.LOCKED:
            super().reject()


def refusal_text(error: Exception) -> str:
    """What the seat reads when a sign-in fails (never a traceback)."""
    if isinstance(error, DeskError):
        return problem_text(error.problem, error.detail)
    return QCoreApplication.translate("SignInDialog", "The desk could not check the "
                                      "password: %1").replace("%1", str(error))
