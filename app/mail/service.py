"""The mail service (``seatdesk-server mail``): reads the desk's mailboxes into tickets.

Like the escalation service it is a headless desk replica - its own data folder, the desk's
store and migrations, kept in step with the server by the desk's ``Syncer`` and
``SyncRunner`` under a service account (role ``mail``). Tickets, requesters and message rows
it stores leave through the outbox like any desk's, and every stored message wakes the sync
at once, so a new mail is a ticket on every connected desk within seconds.

It reads only after its first successful sync: requesters, tickets and messages already
stored are known before a message is matched against them (a message the server holds is
never stored twice, even by a replica that lost its folder). Each mailbox has its own
thread (``MailboxReader``); a standalone desk runs the same readers without a syncer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.domain.clock import Clock
from app.mail.imap import MailboxConfig
from app.mail.intake import MailIntake, Rules, Stored
from app.mail.reader import MailboxReader
from app.mail.sending import Linker, SmtpConfig
from app.mail.sms import SmsConfig
from app.store.database import Store
from app.store.reading import read_connection
from app.sync.runner import Link, SyncRunner
from app.sync.syncer import Syncer, SyncReport, SyncStatus

log = logging.getLogger("seatdesk.mail")
SINCE = "messages_from"  # sync state: entries before this time get no message
SEND_EVERY = 5.0  # seconds: retries are due at least this often


class MailService:
    def __init__(self, store: Store, clock: Clock, mailboxes: list[MailboxConfig],
                 rules: Rules | None = None, *, syncer: Syncer | None = None,
                 sign_in: Callable[[], None] | None = None,
                 on_stored: Callable[[Stored], None] | None = None,
                 smtp: SmtpConfig | None = None, sms: SmsConfig | None = None) -> None:
        self._store, self._syncer, self._sign_in = store, syncer, sign_in
        self._clock, self._smtp, self._sms = clock, smtp, sms
        self._send_wake = threading.Event()
        self._sender: threading.Thread | None = None
        self.send_passes = 0  # finished passes of the sender (tests wait on it)
        self._heard = on_stored
        intake = MailIntake(store, clock, rules)
        self.readers = [MailboxReader(box, intake, store, clock, self._stored)
                        for box in mailboxes]
        self._runner = SyncRunner(syncer, self._on_link, self._on_report) \
            if syncer is not None else None
        self._synced = threading.Event()
        self._stop = threading.Event()
        self._starter: threading.Thread | None = None

    @property
    def store(self) -> Store:
        return self._store

    def start(self) -> None:
        if self._runner is None:
            self._start_readers()
            return
        self._runner.start()
        self._starter = threading.Thread(target=self._after_first_sync, daemon=True,
                                         name="seatdesk-mail-start")
        self._starter.start()

    def _after_first_sync(self) -> None:
        while not self._synced.wait(0.2):
            if self._stop.is_set():
                return
        self._start_readers()

    def _start_readers(self) -> None:
        if self._stop.is_set():
            return
        # Before any mail is read: every mail read is told.
        since = self._telling_since() if self._smtp is not None else None
        for reader in self.readers:
            reader.start()
        log.info("reading %d mailbox(es)", len(self.readers))
        if since is not None:
            self._sender = threading.Thread(target=self._send, args=(since,),
                                            name="seatdesk-mail-send", daemon=True)
            self._sender.start()

    def _telling_since(self) -> datetime:
        """When this service began telling requesters, written on its first run.

        Whole seconds: a mail's entries carry its IMAP INTERNALDATE, which has no fraction,
        so a mail that reached the mailbox in the same second is told too."""
        from app.sync import state

        with self._store.unit_of_work() as session:
            conn = session.connection()
            since_text = state.read(conn, SINCE)
            if not since_text:
                since_text = self._clock.now().replace(microsecond=0).isoformat()
                state.write(conn, SINCE, since_text)
        return datetime.fromisoformat(since_text)

    def wake_sender(self) -> None:
        self._send_wake.set()

    def _send(self, since: datetime) -> None:
        """Queue what the requesters should hear of and send it: after every pull that
        brought tickets, every stored mail, and every few seconds for the retries."""
        from app.desk_settings import read as read_settings
        from app.mail.answers import apply_answers
        from app.mail.sending import (
            queue_due,
            queue_reminders,
            send_due,
            settle_interrupted,
        )

        assert self._smtp is not None
        settle_interrupted(self._store, self._clock)
        reader = read_connection(self._store.path)
        try:
            while not self._stop.is_set():
                self._send_wake.clear()
                try:
                    desk_name = read_settings(reader).desk_name
                    linker = self._linker()
                    if queue_due(self._store, reader, self._clock, since, desk_name,
                                 self._smtp, linker, self._sms) \
                            + queue_reminders(self._store, reader, self._clock, desk_name,
                                              self._smtp, linker):
                        self._wake_sync()
                    if self._syncer is not None and self._smtp.questionnaire_url \
                            and apply_answers(self._store, self._clock, self._syncer.client):
                        self._wake_sync()
                    sent, failed = send_due(self._store, self._clock, self._smtp, self._sms)
                    if sent or failed:
                        log.info("messages to requesters: %d sent, %d not yet", sent, failed)
                        self._wake_sync()
                except Exception:  # a bug must not stop the sending: log, try again later
                    log.exception("sending messages failed")
                self.send_passes += 1
                self._send_wake.wait(SEND_EVERY)
        finally:
            reader.close()

    def _linker(self) -> Linker | None:
        """Questionnaire links come from the sync server (none on a standalone desk)."""
        if self._syncer is None:
            return None
        client = self._syncer.client

        def link(ticket_id: str, number: str, title: str) -> str:
            answer = client.call("POST", "/v1/questionnaires", json={
                "ticket_id": ticket_id, "number": number, "title": title[:200]})
            return str(answer["path"])

        return link

    def _wake_sync(self) -> None:
        if self._runner is not None:
            self._runner.wake()

    def _stored(self, stored: Stored) -> None:
        log.info("message stored: %s %s", stored.outcome, stored.number or "")
        self._send_wake.set()
        if self._runner is not None:
            self._runner.wake()  # on every desk in seconds, not at the next periodic round
        if self._heard is not None:
            self._heard(stored)

    def _on_link(self, link: Link, _status: SyncStatus) -> None:
        if link is Link.ONLINE:
            self._synced.set()
        elif link is Link.SIGNED_OUT and self._sign_in is not None and self._runner:
            try:
                self._sign_in()
            except Exception as error:  # noqa: BLE001 - the runner retries within the hour
                log.warning("mail service cannot sign in again: %s", error)
                return
            self._runner.wake()

    def _on_report(self, report: SyncReport) -> None:
        if report.ticket_ids:
            self._send_wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._send_wake.set()
        for reader in self.readers:
            reader.stop()
        if self._sender is not None:
            self._sender.join(10)
        if self._runner is not None and self._syncer is not None:
            self._runner.stop()
            try:  # what was stored goes out now, not at the next start
                self._syncer.sync_once()
            except Exception as error:  # noqa: BLE001 - offline: it waits in the outbox
                log.info("stored messages left in the outbox: %s", error)

    def close(self) -> None:
        self.stop()
        if self._syncer is not None:
            self._syncer.client.close()
        self._store.close()


class NotAMailAccount(ValueError):
    """The account given to the service may not record received mail."""


def open_service(folder: Path, server_url: str, login: str, password: str, clock: Clock,
                 mailboxes: list[MailboxConfig], rules: Rules | None = None,
                 smtp: SmtpConfig | None = None, sms: SmsConfig | None = None) -> MailService:
    """Prepare the service's data folder, sign in and build the (not yet started) service."""
    from app.services.replica import open_replica

    _data, store, client = open_replica(folder, server_url, login, password, clock,
                                        role="mail", service="mail service",
                                        refused=NotAMailAccount)
    syncer = Syncer(store, client, clock)

    def sign_in_again() -> None:
        client.sign_in(login, password)

    return MailService(store, clock, mailboxes, rules, syncer=syncer, sign_in=sign_in_again,
                       smtp=smtp, sms=sms)
