"""The walk-through's administrator page: the first account, and setting the desk up.

Name, login, the password twice, and optionally a phone number and e-mail address. Finish
writes the catalog (if the desk has none yet), the desk's name and time zone, the staff
member and the administrator's account - the person and the account in one transaction
(app/services/desk_setup.py) - and the desk opens signed in as them. A refusal is shown
on the page, next to nothing written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizardPage,
)

from app.identity.accounts import PASSWORD_MIN
from app.people.admin import EMAIL_MAX, LOGIN_MAX, NAME_MAX, PHONE_MAX
from app.services.desk_setup import FirstAdministrator, check_administrator, set_up_locally
from app.services.errors import DeskError
from ui.problems import problem_text
from ui.setup.desk_page import PROBLEM_RED
from ui.setup.wizard import LOCAL

if TYPE_CHECKING:
    from ui.setup.wizard import SetupWizard


class AdminPage(QWizardPage):
    def __init__(self, parent: SetupWizard) -> None:
        super().__init__(parent)
        self.setObjectName("setup_admin")
        self._setup = parent
        self.full_name = self._field("full_name", NAME_MAX)
        self.login = self._field("login", LOGIN_MAX)
        self.password = self._field("password", 256, secret=True)
        self.again = self._field("again", 256, secret=True)
        self.phone = self._field("phone", PHONE_MAX)
        self.email = self._field("email", EMAIL_MAX)
        self.fields = {"name": self.full_name, "login": self.login,
                       "password": self.password, "again": self.again,
                       "phone": self.phone, "email": self.email}
        self.labels = {name: QLabel(self) for name in self.fields}
        form = QFormLayout()
        self.password_hint = QLabel(self)
        self.password_hint.setStyleSheet("color: #546e7a")
        for name, field in self.fields.items():
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], field)
            if name == "again":
                form.addRow("", self.password_hint)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {PROBLEM_RED}")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.retranslate()

    def _field(self, name: str, longest: int, *, secret: bool = False) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setMaxLength(longest)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        field.textChanged.connect(lambda _text: self.completeChanged.emit())
        return field

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your administrator account"))
        self.setSubTitle(self.tr("You administer this desk: you add staff, give them "
                                 "accounts and roles, and set up the catalog. Every change "
                                 "is recorded under your name."))
        texts = {"name": self.tr("Your &name:"), "login": self.tr("&Login:"),
                 "password": self.tr("&Password:"), "again": self.tr("Password &again:"),
                 "phone": self.tr("P&hone (optional):"),
                 "email": self.tr("&E-mail (optional):")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.login.setPlaceholderText(self.tr("letters and digits, e.g. wangmin"))
        self.password_hint.setText(self.tr("At least %1 characters.").replace(
            "%1", str(PASSWORD_MIN)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return -1

    def administrator(self) -> FirstAdministrator:
        return FirstAdministrator(self.full_name.text(), self.login.text(),
                                  self.password.text(), self.phone.text(), self.email.text())

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return all(self.fields[name].text().strip()
                   for name in ("name", "login", "password", "again"))

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        """Finish: check every field, then set the desk up; False (and why) if refused."""
        setup = self._setup
        desk = setup.desk_page.desk()
        try:
            admin = check_administrator(self.administrator(), self.again.text())
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                seat = set_up_locally(setup.data, setup.clock, desk, admin)
            finally:
                QApplication.restoreOverrideCursor()
        except DeskError as error:
            self._refuse(error)
            return False
        except Exception as error:  # noqa: BLE001 (a full disk, a locked file: said here)
            self.message.setText(self.tr("The desk could not be set up: %1").replace(
                "%1", str(error) or type(error).__name__))
            return False
        self.message.clear()
        setup.settle(LOCAL, seat)
        return True

    def _refuse(self, error: DeskError) -> None:
        self.message.setText(problem_text(error.problem, error.detail))
        field = self.fields.get(error.field or "")
        if field is None:
            return
        if field in (self.password, self.again):
            self.password.clear()
            self.again.clear()
            field = self.password
        field.setFocus()
