"""The accounts tab's dialogs: a new account, a password, a role.

Each checks what it can by itself (a password typed twice), then hands the values to the
tab's ``submit`` callback and stays open: the tab changes the accounts (at once on a
standalone desk, through the server off the GUI thread on a connected one) and then closes
the dialog (``accept``) or says in it why not (``refuse``), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Role, assignable_roles
from app.identity.accounts import PASSWORD_MIN, Account
from app.identity.administration import check_new_password
from app.services.errors import DeskError
from ui.problems import problem_text

PROBLEM_RED = "#c62828"


@dataclass(frozen=True)
class NewAccount:
    login: str
    name: str
    role: str
    password: str


def role_box(language: str, current: str, parent: QWidget) -> QComboBox:
    """The roles the accounts page hands out, named in the desk's language."""
    box = QComboBox(parent)
    box.setObjectName("role")
    for row in assignable_roles():
        box.addItem(row.name(language), str(row.role))
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class _AccountDialog(QDialog):
    """A form with a message line for refusals and OK / Cancel."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {PROBLEM_RED}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _password_rows(self) -> tuple[QLineEdit, QLineEdit]:
        password, again = QLineEdit(self), QLineEdit(self)
        password.setObjectName("password")
        again.setObjectName("again")
        for field in (password, again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(256)
        self.form.addRow(self.tr("&Password:"), password)
        self.form.addRow(self.tr("Password &again:"), again)
        hint = QLabel(self.tr("At least %1 characters. Tell it to the person in person or "
                              "by phone; they sign in with it.").replace(
            "%1", str(PASSWORD_MIN)), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #546e7a")
        self.form.addRow("", hint)
        return password, again

    def _checked_password(self, password: QLineEdit, again: QLineEdit) -> str | None:
        try:
            check_new_password(password.text(), again.text())
        except DeskError as error:
            self.refuse(problem_text(error.problem, error.detail))
            password.clear()
            again.clear()
            password.setFocus()
            return None
        return password.text()

    def busy(self, busy: bool) -> None:
        """While the server is asked, OK waits (Cancel closes; the change may still land)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Asking the server…"))

    def refuse(self, text: str) -> None:
        self.busy(False)
        self.message.setStyleSheet(f"color: {PROBLEM_RED}")
        self.message.setText(text)

    @Slot()
    def submit(self) -> None:
        raise NotImplementedError


class NewAccountDialog(_AccountDialog):
    """An account for a staff member who has none: the role and a first password."""

    def __init__(self, candidates: Sequence[tuple[str, str]], language: str,
                 submit: Callable[[NewAccount], None], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New account"), parent)
        self._submit = submit
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for login, name in candidates:
            self.person.addItem(f"{name} ({login})", (login, name))
        completer = self.person.completer()
        if isinstance(completer, QCompleter):
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role = role_box(language, str(Role.AGENT), self)
        self.form.addRow(self.tr("&Staff member:"), self.person)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.password, self.again = self._password_rows()
        if not candidates:
            self.refuse(self.tr("Every active staff member has an account. Add the person "
                                "under Staff, teams and skills first."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def chosen(self) -> tuple[str, str] | None:
        index = self.person.findText(self.person.currentText())
        data = self.person.itemData(index) if index >= 0 else None
        return data if isinstance(data, tuple) else None

    @Slot()
    def submit(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.refuse(self.tr("Choose a staff member from the list."))
            self.person.setFocus()
            return
        password = self._checked_password(self.password, self.again)
        if password is not None:
            self._submit(NewAccount(chosen[0], chosen[1], str(self.role.currentData()),
                                    password))


class PasswordDialog(_AccountDialog):
    """A new password for an account (its first, or in place of a forgotten one)."""

    def __init__(self, account: Account, submit: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        title = (self.tr("Reset the password of %1") if account.has_password
                 else self.tr("Set the password of %1")).replace("%1", account.login)
        super().__init__(title, parent)
        self._submit = submit
        who = QLabel(f"<b>{account.staff_name or account.login}</b> ({account.login})", self)
        who.setTextFormat(Qt.TextFormat.RichText)
        self.form.addRow(self.tr("Account:"), who)
        self.password, self.again = self._password_rows()
        self.password.setFocus()

    @Slot()
    def submit(self) -> None:
        password = self._checked_password(self.password, self.again)
        if password is not None:
            self._submit(password)


class RoleDialog(_AccountDialog):
    """Another role for an account."""

    def __init__(self, account: Account, language: str, submit: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the role of %1").replace("%1", account.login), parent)
        self._submit, self._was = submit, account.role
        who = QLabel(f"<b>{account.staff_name or account.login}</b> ({account.login})", self)
        self.form.addRow(self.tr("Account:"), who)
        self.role = role_box(language, account.role, self)
        self.form.addRow(self.tr("&Role:"), self.role)
        hint = QLabel(self.tr("The role decides what the person may do from their next "
                              "sign-in on."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #546e7a")
        self.form.addRow("", hint)

    @Slot()
    def submit(self) -> None:
        role = str(self.role.currentData())
        if role == self._was:
            self.accept()  # nothing to change
            return
        self._submit(role)
