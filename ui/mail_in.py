"""The mail service inside a standalone desk: the desk's mailbox (app/mail/desk_mail.py)
read by the same readers the server's mail service runs, on their own threads - the GUI
thread never waits for a mail server. Tickets they store reach the queues through
``records_changed``. A desk connected to a sync server reads no mailbox itself: the
server's mail service does, once for every desk."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.context import DeskContext

if TYPE_CHECKING:
    from app.mail.intake import Stored
    from app.mail.service import MailService

# The mail readers (IMAP, parsing, SMS, templates: ~150 ms of imports) load only on a desk
# that has a mailbox: most desks have none, and every desk starts with this module.
MAIL_FILE = "mail.toml"  # app.mail.desk_mail.FILE, spelled here so start-up imports nothing

log = logging.getLogger("seatdesk.mail")


class DeskMail(QObject):
    stored = Signal(str)  # a message was stored (its outcome); emitted from a reader thread

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desk_mail")
        self._context = context
        self.service: MailService | None = None
        self.stored.connect(self._tell)

    @property
    def standalone(self) -> bool:
        return not self._context.settings.settings.server_url

    def start(self) -> bool:
        """(Re)start reading the desk's mailbox; False when there is none to read."""
        self.stop()
        if not self.standalone or not (self._context.data.root / MAIL_FILE).exists():
            return False
        from app.mail import desk_mail
        from app.mail.service import MailService

        try:
            found = desk_mail.read(self._context.data.root)
        except (OSError, ValueError) as error:
            log.warning("the desk's mail.toml cannot be read: %s", error)
            return False
        if found is None:
            return False
        mailboxes, rules = found
        self.service = MailService(self._context.store(), self._context.clock, mailboxes,
                                   rules, on_stored=self._stored)
        self.service.start()
        return True

    def _stored(self, stored: Stored) -> None:
        self.stored.emit(str(stored.outcome))  # queued to the GUI thread

    def _tell(self, _outcome: str) -> None:
        self._context.events.records_changed.emit(["tickets", "requesters", "mail_messages"])

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()  # the readers' threads end; the store stays the desk's
            self.service = None


def start(context: DeskContext, parent: QObject) -> DeskMail:
    mail = DeskMail(context, parent)
    mail.start()
    return mail
