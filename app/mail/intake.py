"""One message read from a mailbox, stored: a new ticket, a reply on the ticket it refers
to, or a row kept aside - in one transaction with its attachments, so a message is stored
whole or not at all.

- Nothing twice: a message whose key (Message-ID) is stored already is not stored again
  (``stored`` says so, and the caller only flags it on the mail server).
- A ticket's SLA clocks start when the message reached the mailbox (``Fetched.arrived``),
  not when the service read it.
- The requester is found by address (merged-away ones followed to the survivor) or created
  from the sender's name and address.
- Replies: a ticket number in the subject, else ``In-Reply-To``/``References`` naming a
  message the desk stored.
- Automatic messages (auto-replies, bounces) never make tickets and are never answered; one
  that refers to a ticket goes on its timeline. A sender past the rate limit makes no more
  tickets that hour. Both are kept as rows administrators see, as are malformed messages.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.desk_settings import read as read_settings
from app.domain.clock import Clock
from app.domain.enums import Channel, EventKind
from app.domain.grading import GradingWeights
from app.domain.ids import new_id
from app.domain.numbers import TICKET_PREFIX
from app.domain.validation import TEXT_MAX, TITLE_MAX
from app.mail.parsing import Malformed, ParsedMail, headers_of, message_key_of, parse
from app.mail.quoting import trim_quoted
from app.mail.tables import MailAttachmentRow, MailMessageRow, OutgoingMessageRow
from app.services.intake import Intake, TicketDraft, check_draft
from app.store.database import Store
from app.store.models import CategoryRow, RequesterRow, TicketEventRow, TicketRow, TicketTypeRow

_NUMBER = re.compile(rf"\b{TICKET_PREFIX}-(\d{{6,}}|P[0-9a-f]{{4}}-\d{{4,}})\b", re.IGNORECASE)
_PREFIXES = re.compile(r"^\s*((re|fw|fwd|aw|wg|回复|答复|转发)\s*[:：]\s*)+", re.IGNORECASE)


class Outcome(StrEnum):
    TICKET = "ticket"
    REPLY = "reply"
    AUTOMATIC = "automatic"
    RATE_LIMITED = "rate_limited"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class Rules:
    """How mail becomes tickets (the ``[intake]`` part of mail.toml)."""

    type_code: str = ""  # "" : the first ticket type in the catalog's order
    category_code: str = ""
    attachment_limit: int = 10 * 1024 * 1024  # bytes, each
    message_limit: int = 25 * 1024 * 1024  # bytes, attachments of one message together
    per_sender_per_hour: int = 30


@dataclass(frozen=True)
class Fetched:
    """A message as read from the mail server."""

    mailbox: str
    uidvalidity: int
    uid: int
    arrived: datetime  # IMAP INTERNALDATE: when it reached the mailbox
    raw: bytes
    size: int  # RFC822.SIZE (``raw`` may be the headers only of an oversized message)
    too_large: str = ""  # why only the headers were fetched


@dataclass(frozen=True)
class Stored:
    message_id: str
    outcome: Outcome
    ticket_id: str | None
    number: str | None
    again: bool = False  # it was stored before: only flag it


@dataclass(frozen=True)
class _Context:
    type_id: str | None
    category_id: str | None
    weights: GradingWeights
    intake: Intake


class MailIntake:
    def __init__(self, store: Store, clock: Clock, rules: Rules | None = None) -> None:
        self._store, self._clock = store, clock
        self._rules = rules or Rules()
        self._context: _Context | None = None

    def store(self, fetched: Fetched) -> Stored:
        return self.store_batch([fetched])[0]

    def store_batch(self, batch: list[Fetched],
                    also: Callable[[Session], None] | None = None) -> list[Stored]:
        """Store ``batch`` in one transaction (one disk sync for up to a FETCH's worth of
        messages), each message in a savepoint of its own: one that fails is rolled back
        alone and kept aside with the reason. ``also`` writes in the same transaction (the
        reader's cursor)."""
        with self._store.unit_of_work() as session:
            self._context = None  # the catalog and weights: read once a batch
            stored = [self._one(session, fetched) for fetched in batch]
            if also is not None:
                also(session)
        return stored

    def _one(self, session: Session, fetched: Fetched) -> Stored:
        try:
            mail = parse(fetched.raw)
        except Malformed as error:
            return self._aside(session, fetched, str(error))
        if fetched.too_large:
            return self._aside(session, fetched, fetched.too_large, mail)
        try:
            with session.begin_nested():
                return self._store_parsed(session, fetched, mail)
        except Exception as error:  # noqa: BLE001 - kept aside with the reason, never lost
            return self._aside(session, fetched, f"{type(error).__name__}: {error}", mail)

    # --- one message --------------------------------------------------------------------------
    def _store_parsed(self, session: Session, fetched: Fetched, mail: ParsedMail) -> Stored:
        arrived = min(fetched.arrived, self._clock.now())
        if (known := self._known(session, mail.message_key)) is not None:
            return known
        ticket = self._ticket_referred(session, mail)
        message_id = new_id(self._clock)
        if mail.automatic:
            outcome, reason = Outcome.AUTOMATIC, mail.automatic
        elif ticket is None and self._over_rate(session, mail.sender, arrived):
            outcome = Outcome.RATE_LIMITED
            reason = f"more than {self._rules.per_sender_per_hour} messages in an hour"
        else:
            outcome, reason = (Outcome.REPLY if ticket else Outcome.TICKET), ""
        number = ticket.number if ticket is not None else None
        ticket_id = ticket.id if ticket is not None else None
        if outcome == Outcome.TICKET:
            ticket_id, number = self._new_ticket(session, mail, arrived, message_id)
        # Written once, complete: the row is append-only, an edit would be refused.
        session.add(self._message_row(message_id, fetched, mail, arrived, outcome, reason,
                                      ticket_id))
        session.flush()
        names = self._attachments(session, mail, message_id, ticket_id)
        if ticket_id is not None:
            self._received_event(session, ticket_id, mail, arrived, message_id, names)
            if outcome == Outcome.REPLY and ticket is not None:
                ticket.updated_at = self._clock.now()
        session.flush()
        return Stored(message_id, outcome, ticket_id, number)

    def _known(self, session: Session, key: str) -> Stored | None:
        row = session.execute(select(MailMessageRow.id, MailMessageRow.outcome,
                                     MailMessageRow.ticket_id)
                              .where(MailMessageRow.message_key == key)).first()
        if row is None:
            return None
        number = session.scalar(select(TicketRow.number).where(TicketRow.id == row.ticket_id)) \
            if row.ticket_id else None
        return Stored(row.id, Outcome(row.outcome), row.ticket_id, number, again=True)

    def _ticket_referred(self, session: Session, mail: ParsedMail) -> TicketRow | None:
        for found in _NUMBER.finditer(mail.subject):
            # Final numbers are upper case, provisional ones end in lower-case hex: both
            # spellings, each an index lookup.
            text = found.group(0)
            spellings = {text, text.upper(), text[:4].upper() + text[4:].lower()}
            ticket = session.scalars(select(TicketRow).where(
                TicketRow.number.in_(spellings), TicketRow.deleted.is_(False))).first()
            if ticket is not None:
                return ticket
        if mail.in_reply_to:
            # A message of the requester's, or one the desk sent (app/mail/sending.py).
            ticket_id = session.scalar(
                select(MailMessageRow.ticket_id)
                .where(MailMessageRow.message_key.in_(mail.in_reply_to),
                       MailMessageRow.ticket_id.is_not(None)).limit(1)) \
                or session.scalar(select(OutgoingMessageRow.ticket_id).where(
                    OutgoingMessageRow.message_key.in_(mail.in_reply_to)).limit(1))
            if ticket_id is not None:
                return session.get(TicketRow, ticket_id)
        return None

    def _over_rate(self, session: Session, sender: str, arrived: datetime) -> bool:
        count = session.scalar(
            select(func.count()).select_from(MailMessageRow)
            .where(MailMessageRow.from_address == sender,
                   MailMessageRow.received_at > arrived - timedelta(hours=1),
                   MailMessageRow.outcome.in_((str(Outcome.TICKET), str(Outcome.REPLY)))))
        return int(count or 0) >= self._rules.per_sender_per_hour

    def _message_row(self, message_id: str, fetched: Fetched, mail: ParsedMail,
                     arrived: datetime, outcome: Outcome, reason: str,
                     ticket_id: str | None) -> MailMessageRow:
        return MailMessageRow(
            id=message_id, message_key=mail.message_key, mailbox=fetched.mailbox,
            uidvalidity=fetched.uidvalidity, uid=fetched.uid, received_at=arrived,
            stored_at=self._clock.now(), from_address=mail.sender[:254],
            from_name=mail.sender_name[:120], subject=mail.subject, size=fetched.size,
            outcome=str(outcome), reason=reason, ticket_id=ticket_id, body=mail.text)

    # --- a new ticket ---------------------------------------------------------------------
    def _requester(self, session: Session, mail: ParsedMail) -> str:
        found = session.execute(
            select(RequesterRow.id, RequesterRow.merged_into)
            .where(func.lower(RequesterRow.email) == mail.sender, RequesterRow.deleted.is_(False))
            .order_by(RequesterRow.merged_into.is_not(None), RequesterRow.id).limit(1)).first()
        if found is not None:
            return str(found.merged_into or found.id)
        requester_id = new_id(self._clock)
        name = (mail.sender_name or mail.sender.split("@")[0])[:80]
        session.add(RequesterRow(id=requester_id, name=name, unit="", phone="",
                                 email=mail.sender[:120], updated_at=self._clock.now(),
                                 version=1, deleted=False))
        session.flush()
        return requester_id

    def _catalog(self, session: Session) -> tuple[str | None, str | None]:
        def first(row: type[TicketTypeRow] | type[CategoryRow], code: str) -> str | None:
            query = select(row.id).where(row.deleted.is_(False), row.retired.is_(False))
            if code:
                chosen = session.scalar(query.where(row.code == code))
                if chosen is not None:
                    return str(chosen)
            return session.scalar(query.order_by(row.position, row.code).limit(1))

        return first(TicketTypeRow, self._rules.type_code), \
            first(CategoryRow, self._rules.category_code)

    def _new_ticket(self, session: Session, mail: ParsedMail, arrived: datetime,
                    message_id: str) -> tuple[str, str]:
        if self._context is None:
            self._context = self._read_context(session)
        context = self._context
        text = mail.text or "(no text)"
        title = _PREFIXES.sub("", mail.subject).strip() or _first_line(text) \
            or f"E-mail from {mail.sender}"
        draft = TicketDraft(title=title[:TITLE_MAX], description=text[:TEXT_MAX],
                            requester_id=self._requester(session, mail), channel=Channel.EMAIL,
                            type_id=context.type_id, category_id=context.category_id)
        level = check_draft(draft, context.weights)
        logged = context.intake.log_in(session, draft, level, at=arrived,
                                       created_data={"mail": message_id})
        return logged.id, logged.number

    def _read_context(self, session: Session) -> _Context:
        # The grading weights as this replica last pulled them, read in this transaction.
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        weights = read_settings(raw).grading
        type_id, category_id = self._catalog(session)
        return _Context(type_id, category_id, weights,
                        Intake(self._store, self._clock, weights, None))

    # --- what goes with it ------------------------------------------------------------------
    def _attachments(self, session: Session, mail: ParsedMail, message_id: str,
                     ticket_id: str | None) -> list[dict[str, object]]:
        total, listed = 0, []
        for attachment in mail.attachments:
            size = len(attachment.data)
            stored = size <= self._rules.attachment_limit \
                and total + size <= self._rules.message_limit
            total += size if stored else 0
            session.add(MailAttachmentRow(
                id=new_id(self._clock), message_id=message_id, ticket_id=ticket_id,
                filename=attachment.filename[:255], content_type=attachment.content_type[:120],
                size=size, stored=stored,
                content=base64.b64encode(attachment.data).decode() if stored else ""))
            listed.append({"name": attachment.filename, "size": size, "stored": stored})
        return listed

    def _received_event(self, session: Session, ticket_id: str, mail: ParsedMail,
                        arrived: datetime, message_id: str,
                        attachments: list[dict[str, object]]) -> None:
        data: dict[str, object] = {"mail": message_id, "from": mail.sender,
                                   "subject": mail.subject}
        if attachments:
            data["attachments"] = attachments
        if mail.automatic:
            data["automatic"] = mail.automatic
        session.add(TicketEventRow(
            id=new_id(self._clock), ticket_id=ticket_id, at=arrived, actor_id=None,
            kind=str(EventKind.MAIL_RECEIVED), body=trim_quoted(mail.text)[:TEXT_MAX],
            data=json.dumps(data, ensure_ascii=False)))

    # --- kept aside -------------------------------------------------------------------------
    def _aside(self, session: Session, fetched: Fetched, reason: str,
               mail: ParsedMail | None = None) -> Stored:
        """A message the desk cannot take: one row with the reason, for administrators (the
        message itself stays on the mail server, in the quarantine folder if there is one)."""
        key = mail.message_key if mail is not None else message_key_of(fetched.raw)
        if (known := self._known(session, key)) is not None:
            return known
        message_id = new_id(self._clock)
        sender, subject = (mail.sender, mail.subject) if mail is not None \
            else headers_of(fetched.raw)
        session.add(MailMessageRow(
            id=message_id, message_key=key, mailbox=fetched.mailbox,
            uidvalidity=fetched.uidvalidity, uid=fetched.uid,
            received_at=min(fetched.arrived, self._clock.now()), stored_at=self._clock.now(),
            from_address=sender[:254], from_name=(mail.sender_name if mail else "")[:120],
            subject=subject, size=fetched.size,
            outcome=str(Outcome.QUARANTINED), reason=reason[:2000], ticket_id=None,
            body=mail.text if mail else ""))
        session.flush()
        return Stored(message_id, Outcome.QUARANTINED, None, None)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:80]
