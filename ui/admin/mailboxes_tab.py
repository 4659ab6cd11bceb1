"""The administration page's mailbox tab: where the desk's e-mail comes from.

On a standalone desk, an administrator sets up its mailbox (server, security, account,
folder), tries the connection - off the GUI thread, the answer says how many messages
wait or why it failed - and saves: the desk's readers start at once (ui/mail_in.py) and
every message becomes a ticket (docs/mail.md). On a desk connected to a sync server the
tab says the mail service reads the mailboxes for every desk, configured on the server.
Roles without ``Capability.MANAGE_SETTINGS`` read the form, disabled.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.mail import desk_mail
from app.mail.imap import MailboxConfig
from ui import background
from ui.context import DeskContext
from ui.mail_in import DeskMail

PORTS = {"ssl": 993, "starttls": 143, "none": 143}


class MailboxesTab(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._build_fields()
        self.result = QLabel(self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.try_button = QPushButton(self.tr("&Try the connection"), self)
        self.try_button.setObjectName("try")
        self.save_button = QPushButton(self.tr("&Save and start reading"), self)
        self.save_button.setObjectName("save")
        self._lay_out()
        self.security.currentIndexChanged.connect(
            lambda _i: self.port.setValue(PORTS[str(self.security.currentData())]))
        self.try_button.clicked.connect(self.try_connecting)
        self.save_button.clicked.connect(self.save)
        context.events.seat_changed.connect(lambda _seat: self.load())
        self.load()

    def _build_fields(self) -> None:
        self.intro = QLabel(self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.host.setPlaceholderText("imap.example.gov.cn")
        self.security = QComboBox(self)
        self.security.setObjectName("security")
        self.security.addItem(self.tr("IMAPS (SSL/TLS)"), "ssl")
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.security.addItem(self.tr("None (same machine only)"), "none")
        self.port = QSpinBox(self)
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(993)
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit("INBOX", self)
        self.folder.setObjectName("folder")

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Mail &server:"), self.host)
        form.addRow(self.tr("Se&curity:"), self.security)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Account:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&Folder:"), self.folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.try_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _mail(self) -> DeskMail | None:
        window = self.window()
        return window.findChild(DeskMail, "desk_mail") if window is not None else None

    @Slot()
    def load(self) -> None:
        standalone = not self._context.settings.settings.server_url
        allowed = standalone and self._context.may(Capability.MANAGE_SETTINGS)
        if not standalone:
            self.intro.setText(self.tr(
                "This desk is connected to a sync server: the server's mail service reads "
                "the mailboxes for every desk (its settings are in mail.toml on the server)."))
        else:
            self.intro.setText(self.tr(
                "Mail to this mailbox becomes tickets; the requester's answers join their "
                "tickets. The mail stays on the server, marked as read by the desk."))
        for widget in (self.host, self.security, self.port, self.user, self.password,
                       self.folder, self.try_button, self.save_button):
            widget.setEnabled(allowed)
        if standalone and not self._context.may(Capability.MANAGE_SETTINGS):
            self.result.setText(self.tr("Only administrators set up the desk's mailbox."))
        try:
            found = desk_mail.read(self._context.data.root)
        except (OSError, ValueError):
            found = None
        if found is not None and found[0]:
            box = found[0][0]
            self.host.setText(box.host)
            self.security.setCurrentIndex(max(0, self.security.findData(box.security)))
            self.port.setValue(box.port)
            self.user.setText(box.user)
            self.password.setText(box.password)
            self.folder.setText(box.folder)

    def refresh(self) -> None:
        self.load()

    def typed(self) -> MailboxConfig | None:
        if not (self.host.text().strip() and self.user.text().strip()
                and self.password.text()):
            self.result.setText(self.tr("Give the mail server, the account and its password."))
            return None
        return MailboxConfig(name="desk", host=self.host.text().strip(),
                             user=self.user.text().strip(), password=self.password.text(),
                             port=self.port.value(), security=str(self.security.currentData()),
                             folder=self.folder.text().strip() or "INBOX")

    @Slot()
    def try_connecting(self) -> None:
        box = self.typed()
        if box is None:
            return
        self.result.setText(self.tr("Connecting…"))
        self.try_button.setEnabled(False)

        def done(waiting: object) -> None:
            self.try_button.setEnabled(True)
            self.result.setText(self.tr("Connected: %1 message(s) waiting to be read.")
                                .replace("%1", str(waiting)))

        def failed(message: str) -> None:
            self.try_button.setEnabled(True)
            self.result.setText(self.tr("Could not connect: %1").replace("%1", message))

        background.start(lambda _progress: desk_mail.try_connecting(box), self, done, failed)

    @Slot()
    def save(self) -> None:
        box = self.typed()
        if box is None:
            return
        try:
            desk_mail.write(self._context.data.root, box)
        except (OSError, ValueError) as error:
            self.result.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            return
        mail = self._mail()
        started = mail.start() if mail is not None else False
        self.result.setText(self.tr("Saved; the desk reads this mailbox now.") if started
                            else self.tr("Saved."))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    return MailboxesTab(context, parent)
