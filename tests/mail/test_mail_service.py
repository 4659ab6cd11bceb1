"""The mail service with a sync server: a headless replica under a ``mail`` account reads a
real Dovecot mailbox and its tickets reach a connected desk over real HTTP and PostgreSQL;
no seat can forge a received message."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.clock import SystemClock
from app.domain.roles import Role
from app.mail.sending import SmtpConfig
from app.mail.service import MailService, NotAMailAccount, open_service
from app.mail.tables import MailMessageRow
from app.server.accounts import create_user
from tests.mail import messages
from tests.mail.dovecot import Dovecot
from tests.mail.smtp import SmtpServer
from tests.sync.conftest import AGENT, PASSWORD, Desk, RunningServer

MAILER = "mailer"


@pytest.fixture
def mail_service(server: RunningServer, dovecot: Dovecot, mailbox_user: str,
                 smtp_server: SmtpServer, tmp_path: Path) -> Iterator[MailService]:
    with server.engine.begin() as conn:
        create_user(conn, SystemClock(), MAILER, "Mail", Role.MAIL, PASSWORD)
    smtp = SmtpConfig(host="127.0.0.1", port=smtp_server.port, sender="support@example.gov.cn",
                      cafile=str(dovecot.cafile), timeout=5, questionnaire_url=server.url)
    service = open_service(tmp_path / "mail", server.url, MAILER, PASSWORD, SystemClock(),
                           [dovecot.config(mailbox_user)], smtp=smtp)
    service.start()
    assert all(reader.connected.wait(30) for reader in service.readers)
    yield service
    service.close()


def tickets(desk: Desk, sql: str = "SELECT t.number, t.title, t.channel FROM tickets t "
                                   "JOIN mail_messages m ON m.ticket_id = t.id"
             ) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(desk.data.database)) as conn:
        return conn.execute(sql).fetchall()


def test_a_mail_is_a_ticket_on_a_connected_desk_within_seconds(
        mail_service: MailService, make_desk: Callable[..., Desk], dovecot: Dovecot,
        mailbox_user: str) -> None:
    desk = make_desk(AGENT)
    started = time.monotonic()
    dovecot.deliver(mailbox_user, messages.plain("数据库连接超时", "业务系统报数据库连接超时。"))
    found: list[tuple[object, ...]] = []
    while not found and time.monotonic() - started < 15:
        desk.syncer.sync_once()
        found = tickets(desk)
        time.sleep(0.05)
    assert [(title, channel) for _number, title, channel in found] \
        == [("数据库连接超时", "email")]
    assert time.monotonic() - started < 5  # IDLE, store, push, pull
    assert tickets(desk, "SELECT outcome, from_address FROM mail_messages") \
        == [("ticket", "zhang.wei@example.gov.cn")]
    assert tickets(desk, "SELECT count(*) FROM ticket_events WHERE kind='mail_received'") \
        == [(1,)]


def test_the_requester_is_told_and_every_desk_sees_what_was_sent(
        mail_service: MailService, make_desk: Callable[..., Desk], dovecot: Dovecot,
        mailbox_user: str, smtp_server: SmtpServer) -> None:
    desk = make_desk(AGENT)
    dovecot.deliver(mailbox_user, messages.plain("存储扩容申请", "申请扩容 2 TB。"))
    deadline = time.monotonic() + 30
    sent: list[tuple[object, ...]] = []
    while not sent and time.monotonic() < deadline:
        time.sleep(0.2)
        desk.syncer.sync_once()
        sent = tickets(desk, "SELECT json_extract(data, '$.to') FROM ticket_events "
                             "WHERE kind='mail_sent'")
    assert sent == [("zhang.wei@example.gov.cn",)]
    [told] = smtp_server.inbox.messages
    assert "存储扩容申请" in told["Subject"]
    assert tickets(desk, "SELECT state, event FROM outgoing_messages") == [("sent", "received")]


def test_no_seat_records_a_received_mail_and_only_a_mail_account_runs_the_service(
        server: RunningServer, make_desk: Callable[..., Desk], tmp_path: Path) -> None:
    from datetime import UTC, datetime

    desk = make_desk(AGENT)
    now = datetime.now(UTC)
    with desk.store.unit_of_work() as session:
        session.add(MailMessageRow(
            id="forged", message_key="forged@example", mailbox="x", uidvalidity=1, uid=1,
            received_at=now, stored_at=now, from_address="boss@example.gov.cn", from_name="",
            subject="forged", size=1, outcome="ticket", reason="", ticket_id=None, body=""))
    report = desk.syncer.sync_once()
    assert report.rejected == 1
    with pytest.raises(NotAMailAccount, match="--role mail"):
        open_service(tmp_path / "agent-mail", server.url, AGENT, PASSWORD, SystemClock(), [])
