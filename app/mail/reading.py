"""What administrators read of the mail taken in: messages newest first, by outcome, with
the ticket each became or joined (plain sqlite3 on the desk's read connection)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.store.reading import parse_sqlite_utc

LIMIT = 500  # the newest; older ones stay in the table (and on the mail server)


@dataclass(frozen=True)
class ReceivedMail:
    id: str
    received_at: datetime
    mailbox: str
    sender: str
    sender_name: str
    subject: str
    outcome: str
    reason: str
    ticket_number: str
    body: str
    attachments: int


def received(reader: sqlite3.Connection, outcome: str = "",
             limit: int = LIMIT) -> list[ReceivedMail]:
    """The newest messages, all or of one ``outcome`` (app.mail.intake.Outcome)."""
    where = "WHERE m.outcome = ?" if outcome else ""
    rows = reader.execute(
        f"""SELECT m.id, m.received_at, m.mailbox, m.from_address, m.from_name, m.subject,
                   m.outcome, m.reason, coalesce(t.number, ''), m.body,
                   (SELECT count(*) FROM mail_attachments a WHERE a.message_id = m.id)
            FROM mail_messages m LEFT JOIN tickets t ON t.id = m.ticket_id
            {where} ORDER BY m.received_at DESC, m.id DESC LIMIT ?""",  # noqa: S608 - fixed
        (outcome, limit) if outcome else (limit,)).fetchall()
    return [ReceivedMail(row[0], parse_sqlite_utc(row[1]), *row[2:]) for row in rows]


def counts(reader: sqlite3.Connection) -> dict[str, int]:
    """How many messages of each outcome the desk holds."""
    return dict(reader.execute("SELECT outcome, count(*) FROM mail_messages GROUP BY outcome"))
