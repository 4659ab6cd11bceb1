"""Messages to requesters: queued from the timeline, sent over SMTP, retried, never twice.

Queueing (``queue_due``): every timeline entry the requester hears of - the ticket logged
(received), an answer marked for the requester or the first response with text (progress),
a raise of level or a hand-over to a senior group (escalated), resolved (with the
confirmation request), closed - gets one ``outgoing_messages`` row, keyed by the entry
(``event_id`` is unique: a second service or a second pass queues nothing). Only entries
from ``since`` on (when the service first ran): a new service does not mail about the
desk's whole history. A requester without an address gets nothing.

Sending (``send_due``): each due row is marked ``sending`` and committed, handed to the
SMTP server, then marked ``sent`` with a ``mail_sent`` timeline entry (what was sent, to
whom, when). A refusal the server calls temporary, or no server at all, is retried with
back-off (30 s doubling to an hour); a permanent refusal or the 10th failure gives up with
a ``mail_failed`` entry. A row still ``sending`` when the sender starts was perhaps sent -
it becomes ``uncertain`` and is never sent again by itself (never twice; administrators
see it). Messages carry ``Auto-Submitted: auto-generated`` (RFC 3834: the requester's
auto-reply does not answer them) and thread back by the ticket number in the subject and
``In-Reply-To`` the requester's last mail.
"""

from __future__ import annotations

import json
import logging
import smtplib
import sqlite3
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from sqlalchemy import select

from app.domain.clock import Clock
from app.domain.enums import EventKind, TicketState
from app.domain.ids import new_id
from app.mail.sms import GatewayBusy, SmsConfig, send_sms
from app.mail.tables import MailMessageRow, OutgoingMessageRow
from app.mail.templates import MessageEvent, link_line, render, template
from app.store.database import Store
from app.store.models import TicketEventRow
from app.sync import state

log = logging.getLogger("seatdesk.mail")
MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(seconds=30)
LAST_RETRY = timedelta(hours=1)
BATCH = 200
ROWID_STATE = "messages_rowid"


@dataclass(frozen=True)
class SmtpConfig:
    """The ``[smtp]`` table of mail.toml."""

    host: str
    sender: str  # the desk's address, e.g. support@example.gov.cn
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    user: str = ""
    password: str = ""
    sender_name: str = ""
    language: str = "zh_CN"  # of the messages (the templates')
    cafile: str = ""
    timeout: float = 30.0
    # Where requesters open the questionnaire: the sync server's public address, e.g.
    # https://desk.example.gov.cn ("" : "resolved" messages carry no questionnaire link).
    questionnaire_url: str = ""
    # A reminder this many hours after the "resolved" message while the ticket still waits
    # for the requester (0: none); the confirmation timeout closes it later as before.
    reminder_hours: float = 24.0

    @property
    def domain(self) -> str:
        return self.sender.rsplit("@", 1)[-1]


# --- queueing ------------------------------------------------------------------------------

_KINDS = (str(EventKind.CREATED), str(EventKind.COMMENT), str(EventKind.ESCALATED),
          str(EventKind.STATE_CHANGED))


def _event(kind: str, data: dict[str, object], body: str) -> MessageEvent | None:
    if kind == EventKind.CREATED:
        return MessageEvent.RECEIVED
    if kind == EventKind.COMMENT:
        told = data.get("visibility") == "to_requester" or data.get("first_response")
        return MessageEvent.PROGRESS if told and body.strip() else None
    if kind == EventKind.ESCALATED:
        # The requester hears that more senior people work on it, not the internal notices.
        return MessageEvent.ESCALATED if data.get("action") in ("raise_level", "reassign") \
            else None
    if kind == EventKind.STATE_CHANGED:
        moved_to = str(data.get("to"))
        if moved_to == TicketState.RESOLVED:
            return MessageEvent.RESOLVED
        if moved_to == TicketState.CLOSED:
            return MessageEvent.CLOSED
    return None


Linker = Callable[[str, str, str], str]  # (ticket id, number, title) -> the link's path


def queue_due(store: Store, reader: sqlite3.Connection, clock: Clock, since: datetime,
              desk_name: str, config: SmtpConfig, linker: Linker | None = None,
              sms: SmsConfig | None = None) -> int:
    """Queue a message for every entry since ``since`` the requester should hear of;
    ``linker`` asks the sync server for a questionnaire link (a "resolved" message whose
    link cannot be had now waits for the next pass).

    Entries are taken in the order this replica stored them (SQLite's rowid, kept in the
    sync state as ``messages_rowid`` with the rows queued): an entry a desk wrote offline
    arrives late with an old time and is still told, and the many entries that tell the
    requester nothing (internal comments) are passed once, not read again every pass."""
    found = reader.execute("SELECT value FROM sync_state WHERE name = ?",
                           (ROWID_STATE,)).fetchone()
    if found and found[0]:
        cursor = int(found[0])
    else:  # the first pass: the desk's history before ``since`` is passed over at once
        cursor = int(reader.execute(
            "SELECT coalesce(max(rowid), 0) FROM ticket_events WHERE at < ?",
            (since.strftime("%Y-%m-%d %H:%M:%S.%f"),)).fetchone()[0])
    rows = reader.execute(
        f"""SELECT e.rowid, e.id, e.ticket_id, e.kind, e.data, e.body, t.number, t.title,
                   coalesce(r.email, ''), coalesce(r.name, ''), coalesce(r.phone, '')
            FROM ticket_events e
            JOIN tickets t ON t.id = e.ticket_id
            LEFT JOIN requesters r ON r.id = t.requester_id
            WHERE e.rowid > ? AND e.kind IN ({",".join("?" * len(_KINDS))})
            ORDER BY e.rowid LIMIT ?""",  # noqa: S608 - placeholders only
        (cursor, *_KINDS, BATCH)).fetchall()
    since_text = since.strftime("%Y-%m-%d %H:%M:%S.%f")
    queued = 0
    now = clock.now()
    desk = desk_name or ("服务台" if config.language.startswith("zh") else "Service desk")
    with store.unit_of_work() as session:
        done = cursor
        for rowid, event_id, ticket_id, kind, data, body, number, title, email, name, \
                phone in rows:
            if not _needs_message(reader, event_id, since_text) or not (email or phone):
                done = rowid
                continue
            try:
                parsed = json.loads(data) if data else {}
            except ValueError:
                parsed = {}
            event = _event(kind, parsed if isinstance(parsed, dict) else {}, body or "")
            if event is None:
                done = rowid
                continue
            url = ""
            if event == MessageEvent.RESOLVED and linker is not None \
                    and config.questionnaire_url:
                try:
                    url = config.questionnaire_url.rstrip("/") + linker(ticket_id, number,
                                                                        title)
                except Exception as error:  # noqa: BLE001 - offline: the next pass asks again
                    log.info("no questionnaire link for %s yet: %s", number, error)
                    break  # this entry and those after it wait, in order
            chosen = template(reader, event, config.language)
            message = render(chosen, {"number": number, "title": title, "requester": name,
                                      "desk": desk, "text": body or "",
                                      "link": link_line(url, config.language)})
            # One row per entry and channel: the e-mail keyed by the entry, the SMS by a
            # name derived from it (the same on every pass, so never queued twice).
            for channel, recipient, key in (
                    ("email", email, event_id),
                    ("sms", phone if sms is not None else "",
                     str(uuid.uuid5(uuid.NAMESPACE_URL, f"sms:{event_id}")))):
                if not recipient:
                    continue
                message_id = new_id(clock)
                session.add(OutgoingMessageRow(
                    id=message_id, ticket_id=ticket_id, event_id=key, event=str(event),
                    channel=channel, recipient=recipient, subject=message.subject,
                    body=message.body if channel == "email" else message.subject,
                    message_key=f"{message_id}@{config.domain}", state="pending",
                    attempts=0, next_attempt_at=now, last_error="", created_at=now,
                    sent_at=None, version=1, updated_at=now))
                queued += 1
            done = rowid
        if done != cursor:
            state.write(session.connection(), ROWID_STATE, str(done))
    return queued


def _needs_message(reader: sqlite3.Connection, event_id: str, since: str) -> bool:
    """Not told yet, and written since the service began telling."""
    return reader.execute(
        "SELECT 1 FROM ticket_events e WHERE e.id = ? AND e.at >= ? AND NOT EXISTS "
        "(SELECT 1 FROM outgoing_messages o WHERE o.event_id = e.id)",
        (event_id, since)).fetchone() is not None


def queue_reminders(store: Store, reader: sqlite3.Connection, clock: Clock, desk_name: str,
                    config: SmtpConfig, linker: Linker | None = None) -> int:
    """One reminder per "resolved" message sent ``reminder_hours`` ago whose ticket is
    still resolved (keyed by that message: never a second reminder)."""
    if config.reminder_hours <= 0:
        return 0
    before = clock.now() - timedelta(hours=config.reminder_hours)
    rows = reader.execute(
        """SELECT o.id, o.ticket_id, o.recipient, t.number, t.title, r.name
           FROM outgoing_messages o
           JOIN tickets t ON t.id = o.ticket_id
           JOIN requesters r ON r.id = t.requester_id
           LEFT JOIN outgoing_messages again ON again.event_id = o.id
           WHERE o.event = 'resolved' AND o.state = 'sent' AND o.sent_at <= ?
             AND t.state = 'resolved' AND again.id IS NULL
           ORDER BY o.sent_at LIMIT ?""",
        (before.strftime("%Y-%m-%d %H:%M:%S.%f"), BATCH)).fetchall()
    queued = 0
    now = clock.now()
    desk = desk_name or ("服务台" if config.language.startswith("zh") else "Service desk")
    with store.unit_of_work() as session:
        for resolved_id, ticket_id, recipient, number, title, name in rows:
            url = ""
            if linker is not None and config.questionnaire_url:
                try:
                    url = config.questionnaire_url.rstrip("/") + linker(ticket_id, number,
                                                                        title)
                except Exception as error:  # noqa: BLE001 - offline: the next pass asks again
                    log.info("no questionnaire link for %s yet: %s", number, error)
                    continue
            message = render(template(reader, MessageEvent.REMINDER, config.language),
                             {"number": number, "title": title, "requester": name,
                              "desk": desk, "link": link_line(url, config.language)})
            message_id = new_id(clock)
            session.add(OutgoingMessageRow(
                id=message_id, ticket_id=ticket_id, event_id=resolved_id,
                event=str(MessageEvent.REMINDER), channel="email", recipient=recipient,
                subject=message.subject, body=message.body,
                message_key=f"{message_id}@{config.domain}", state="pending", attempts=0,
                next_attempt_at=now, last_error="", created_at=now, sent_at=None,
                version=1, updated_at=now))
            queued += 1
    return queued


# --- sending -------------------------------------------------------------------------------

class Temporary(Exception):  # noqa: N818 - a kind of outcome, not an error to raise to users
    """Try again later."""


def _mime(config: SmtpConfig, row: OutgoingMessageRow, replying_to: str | None,
          now: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((config.sender_name, config.sender)) if config.sender_name \
        else config.sender
    message["To"] = row.recipient
    message["Subject"] = row.subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = f"<{row.message_key}>"
    if replying_to:
        message["In-Reply-To"] = f"<{replying_to}>"
        message["References"] = f"<{replying_to}>"
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row.body)
    return message


def deliver(config: SmtpConfig, message: EmailMessage) -> None:
    """Hand ``message`` to the SMTP server; ``Temporary`` when trying later may help."""
    context = ssl.create_default_context(cafile=config.cafile or None)
    try:
        if config.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port,
                                                    timeout=config.timeout, context=context)
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            if config.security == "starttls":
                client.starttls(context=context)
            if config.user:
                client.login(config.user, config.password)
            client.send_message(message)
    except smtplib.SMTPResponseException as error:
        if 400 <= error.smtp_code < 500:
            raise Temporary(f"{error.smtp_code} {error.smtp_error!r}") from error
        raise
    except (OSError, smtplib.SMTPServerDisconnected) as error:
        raise Temporary(f"{type(error).__name__}: {error}") from error


def settle_interrupted(store: Store, clock: Clock) -> int:
    """At the sender's start: messages left ``sending`` become ``uncertain``."""
    with store.unit_of_work() as session:
        rows = session.scalars(select(OutgoingMessageRow)
                               .where(OutgoingMessageRow.state == "sending")).all()
        for row in rows:
            row.state, row.updated_at = "uncertain", clock.now()
            row.last_error = "the sender stopped while handing it to the mail server"
    return len(rows)


def send_due(store: Store, clock: Clock, config: SmtpConfig,
             sms: SmsConfig | None = None) -> tuple[int, int]:
    """Send every due message; returns (sent, failed for now or for good)."""
    now = clock.now()
    with store.unit_of_work() as session:
        due = [row.id for row in session.scalars(
            select(OutgoingMessageRow).where(OutgoingMessageRow.state == "pending",
                                             OutgoingMessageRow.next_attempt_at <= now)
            .order_by(OutgoingMessageRow.next_attempt_at).limit(BATCH))]
    sent = failed = 0
    for message_id in due:
        if _send_one(store, clock, config, message_id, sms):
            sent += 1
        else:
            failed += 1
    return sent, failed


def _send_one(store: Store, clock: Clock, config: SmtpConfig, message_id: str,
              sms: SmsConfig | None = None) -> bool:
    with store.unit_of_work() as session:
        row = session.get(OutgoingMessageRow, message_id)
        if row is None or row.state != "pending":
            return False
        row.state, row.attempts, row.updated_at = "sending", row.attempts + 1, clock.now()
        replying_to = session.scalar(
            select(MailMessageRow.message_key).where(MailMessageRow.ticket_id == row.ticket_id)
            .order_by(MailMessageRow.received_at.desc()).limit(1))
        mime = _mime(config, row, replying_to, clock.now())
        channel, recipient, text = row.channel, row.recipient, row.body
    try:
        if channel == "sms":
            if sms is None:
                raise Temporary("no SMS gateway configured now")
            try:
                send_sms(sms, recipient, text)
            except GatewayBusy as busy:
                raise Temporary(str(busy)) from busy
        else:
            deliver(config, mime)
    except Temporary as error:
        _after(store, clock, message_id, str(error), permanent=False)
        return False
    except Exception as error:  # noqa: BLE001 - a permanent refusal: given up, and said why
        _after(store, clock, message_id, f"{type(error).__name__}: {error}", permanent=True)
        return False
    with store.unit_of_work() as session:
        row = session.get(OutgoingMessageRow, message_id)
        assert row is not None
        row.state, row.sent_at, row.updated_at, row.last_error = \
            "sent", clock.now(), clock.now(), ""
        session.add(TicketEventRow(
            id=new_id(clock), ticket_id=row.ticket_id, at=clock.now(), actor_id=None,
            kind=str(EventKind.MAIL_SENT), body=row.body,
            data=json.dumps({"to": row.recipient, "subject": row.subject, "event": row.event,
                             "message": row.id, "channel": row.channel},
                            ensure_ascii=False)))
    return True


def _after(store: Store, clock: Clock, message_id: str, error: str, *, permanent: bool) -> None:
    with store.unit_of_work() as session:
        row = session.get(OutgoingMessageRow, message_id)
        assert row is not None
        row.last_error, row.updated_at = error[:2000], clock.now()
        if permanent or row.attempts >= MAX_ATTEMPTS:
            row.state = "failed"
            session.add(TicketEventRow(
                id=new_id(clock), ticket_id=row.ticket_id, at=clock.now(), actor_id=None,
                kind=str(EventKind.MAIL_FAILED), body=row.last_error,
                data=json.dumps({"to": row.recipient, "subject": row.subject,
                                 "event": row.event, "message": row.id,
                                 "attempts": row.attempts}, ensure_ascii=False)))
        else:
            row.state = "pending"
            wait = min(LAST_RETRY, FIRST_RETRY * 2 ** (row.attempts - 1))
            row.next_attempt_at = clock.now() + wait
