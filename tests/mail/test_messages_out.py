"""Messages to the requester over a real SMTP server (aiosmtpd, STARTTLS required): told
the request was received and resolved, each once; an SMTP outage drains after; a message
the sender may have handed over when it stopped is never sent again; the requester's reply
to a message threads back to the ticket, and an auto-reply to it makes no loop."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler

import pytest
from sqlalchemy import text

from app.domain.clock import ManualClock
from app.mail.intake import Fetched, MailIntake, Outcome
from app.mail.sending import (
    SmtpConfig,
    queue_due,
    queue_reminders,
    send_due,
    settle_interrupted,
)
from app.mail.service import MailService
from app.mail.sms import SmsConfig
from app.mail.tables import OutgoingMessageRow
from app.paths import DataDir
from app.services.data_folder import prepare, seed
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.reading import read_connection
from tests.mail import messages
from tests.mail.dovecot import Dovecot
from tests.mail.smtp import SmtpServer

NOW = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def desk(data_dir: DataDir, clock: ManualClock) -> Iterator[Store]:
    prepare(data_dir, clock)
    seed(data_dir, clock, None)
    opened = Store(data_dir.database)
    yield opened
    opened.close()


def config(smtp_server: SmtpServer, dovecot: Dovecot, language: str = "zh_CN") -> SmtpConfig:
    return SmtpConfig(host="127.0.0.1", port=smtp_server.port, security="starttls",
                      sender="support@desk.example.gov.cn", sender_name="服务台",
                      cafile=str(dovecot.cafile), language=language, timeout=5)


def mail_in(store: Store, clock: ManualClock, raw: bytes, uid: int = 1) -> str | None:
    return MailIntake(store, clock).store(
        Fetched("support", 1, uid, clock.now(), raw, len(raw))).ticket_id


def run(store: Store, clock: ManualClock, smtp: SmtpConfig) -> tuple[int, int, int]:
    """A pass of the sender: (queued, sent, not sent)."""
    with closing(read_connection(store.path)) as reader:
        queued = queue_due(store, reader, clock, NOW - timedelta(minutes=1), "", smtp)
    return (queued, *send_due(store, clock, smtp))


def reminders(store: Store, clock: ManualClock, smtp: SmtpConfig) -> int:
    with closing(read_connection(store.path)) as reader:
        return queue_reminders(store, reader, clock, "", smtp)


def rows(store: Store, sql: str, *args: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(store.path)) as conn:
        return conn.execute(sql, args).fetchall()


def test_received_and_resolved_are_told_once_each_threaded_and_on_the_timeline(
        desk: Store, clock: ManualClock, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    smtp = config(smtp_server, dovecot)
    ticket_id = mail_in(desk, clock, messages.plain(message_id="<ask@example.gov.cn>"))
    assert ticket_id is not None
    assert run(desk, clock, smtp) == (1, 1, 0)
    [received] = smtp_server.inbox.messages
    [(number,)] = rows(desk, "SELECT number FROM tickets")
    assert received["Subject"] == f"[{number}] 已收到您的请求：VPN 无法连接"
    assert received["To"] == "zhang.wei@example.gov.cn"
    assert received["Auto-Submitted"] == "auto-generated"
    assert received["In-Reply-To"] == "<ask@example.gov.cn>"
    assert "张伟，您好" in received.get_content() and "服务台" in received.get_content()
    assert run(desk, clock, smtp) == (0, 0, 0)  # never twice
    clock.advance(timedelta(minutes=5))
    [(version,)] = rows(desk, "SELECT version FROM tickets")
    TicketFlow(desk, clock, None).resolve(ticket_id, int(str(version)),
                                          solution="已重置 VPN 账号，请重新登录。")
    assert run(desk, clock, smtp) == (1, 1, 0)
    resolved = smtp_server.inbox.messages[1]
    assert resolved["Subject"].startswith(f"[{number}] 已解决，请确认")
    assert "已重置 VPN 账号" in resolved.get_content()
    timeline = rows(desk, "SELECT kind, json_extract(data, '$.subject') FROM ticket_events "
                          "WHERE kind = 'mail_sent' ORDER BY at")
    assert [subject for _kind, subject in timeline] == [received["Subject"],
                                                         resolved["Subject"]]
    # Unanswered a day later: one reminder, and only one.
    clock.advance(timedelta(hours=23))
    assert reminders(desk, clock, smtp) == 0
    clock.advance(timedelta(hours=1, seconds=1))
    assert reminders(desk, clock, smtp) == 1
    assert run(desk, clock, smtp) == (0, 1, 0)
    assert smtp_server.inbox.messages[2]["Subject"].startswith(f"[{number}] 提醒：请确认")
    clock.advance(timedelta(days=2))
    assert reminders(desk, clock, smtp) == 0


def test_an_smtp_outage_is_retried_with_back_off_and_drains_after(
        desk: Store, clock: ManualClock, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    smtp = config(smtp_server, dovecot, "en")
    mail_in(desk, clock, messages.plain())
    smtp_server.stop()
    assert run(desk, clock, smtp) == (1, 0, 1)
    [(state, attempts, error, next_at)] = rows(
        desk, "SELECT state, attempts, last_error, next_attempt_at FROM outgoing_messages")
    assert (state, attempts) == ("pending", 1) and "Connection" in str(error)
    assert str(next_at).startswith((NOW + timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M:%S"))
    smtp_server.start()
    assert run(desk, clock, smtp) == (0, 0, 0)  # not due yet
    smtp_server.inbox.refuse = True  # back, but "try later" (451)
    clock.advance(timedelta(seconds=31))
    assert run(desk, clock, smtp) == (0, 0, 1)
    smtp_server.inbox.refuse = False
    clock.advance(timedelta(seconds=61))
    assert run(desk, clock, smtp) == (0, 1, 0)
    [sent] = smtp_server.inbox.messages
    assert sent["Subject"].endswith("We received your request: VPN 无法连接")
    assert rows(desk, "SELECT state, attempts FROM outgoing_messages") == [("sent", 3)]


def test_a_message_the_sender_may_have_handed_over_is_never_sent_again(
        desk: Store, clock: ManualClock, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    smtp = config(smtp_server, dovecot)
    mail_in(desk, clock, messages.plain())
    with closing(read_connection(desk.path)) as reader:
        queue_due(desk, reader, clock, NOW - timedelta(minutes=1), "", smtp)
    with desk.unit_of_work() as session:  # as a sender killed during the SMTP dialogue
        for row in session.query(OutgoingMessageRow):
            row.state = "sending"
    assert settle_interrupted(desk, clock) == 1
    assert run(desk, clock, smtp) == (0, 0, 0)
    assert smtp_server.inbox.messages == []
    assert rows(desk, "SELECT state FROM outgoing_messages") == [("uncertain",)]


def test_a_reply_to_the_desks_message_threads_back_and_an_auto_reply_makes_no_loop(
        desk: Store, clock: ManualClock, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    smtp = config(smtp_server, dovecot)
    ticket_id = mail_in(desk, clock, messages.plain())
    run(desk, clock, smtp)
    sent_id = smtp_server.inbox.messages[0]["Message-ID"]
    clock.advance(timedelta(minutes=1))
    reply = mail_in(desk, clock, messages.plain("Re: 您的请求", "谢谢，补充一下日志。",
                                                In_Reply_To=sent_id), uid=2)
    assert reply == ticket_id
    away = MailIntake(desk, clock).store(Fetched(
        "support", 1, 3, clock.now(), raw := messages.plain(
            "自动回复: 您的请求", "我正在休假", In_Reply_To=sent_id,
            Auto_Submitted="auto-replied"), len(raw)))
    assert away.outcome == Outcome.AUTOMATIC and away.ticket_id == ticket_id
    assert run(desk, clock, smtp) == (0, 0, 0)  # neither is answered
    assert len(smtp_server.inbox.messages) == 1


class _Gateway(BaseHTTPRequestHandler):
    """An SMS gateway's HTTP API as Chinese providers run them: JSON in, a code out."""

    received: list[dict[str, object]] = []
    busy = False

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if _Gateway.busy:
            self.send_response(503)
            self.end_headers()
            return
        _Gateway.received.append({"body": body, "key": self.headers.get("X-Api-Key")})
        answer = b'{"code": "OK"}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *_args: object) -> None:
        pass


def test_an_sms_goes_through_the_gateways_http_api_and_waits_out_its_outage(
        desk: Store, clock: ManualClock, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    import threading
    from http.server import ThreadingHTTPServer

    gateway = ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    _Gateway.received, _Gateway.busy = [], True
    sms = SmsConfig(url=f"http://127.0.0.1:{gateway.server_port}/send",
                    body='{"mobile": "{phone}", "content": "{text}", "sign": "服务台"}',
                    headers={"X-Api-Key": "k1"}, success='"OK"', timeout=5)
    try:
        mail_in(desk, clock, messages.plain())
        with desk.unit_of_work() as session:  # the requester left a mobile number too
            session.execute(text("UPDATE requesters SET phone = '13800138000'"))
        smtp = config(smtp_server, dovecot)
        with closing(read_connection(desk.path)) as reader:
            assert queue_due(desk, reader, clock, NOW - timedelta(minutes=1), "", smtp,
                             sms=sms) == 2  # the e-mail and the SMS
            assert queue_due(desk, reader, clock, NOW - timedelta(minutes=1), "", smtp,
                             sms=sms) == 0
        assert send_due(desk, clock, smtp, sms) == (1, 1)  # the gateway is busy (503)
        _Gateway.busy = False
        clock.advance(timedelta(seconds=31))
        assert send_due(desk, clock, smtp, sms) == (1, 0)
        [sent] = _Gateway.received
        assert sent["key"] == "k1"
        assert sent["body"]["mobile"] == "13800138000"  # type: ignore[index]
        assert "已收到您的请求" in str(sent["body"]["content"])  # type: ignore[index]
        assert rows(desk, "SELECT channel, state FROM outgoing_messages ORDER BY channel") \
            == [("email", "sent"), ("sms", "sent")]
    finally:
        gateway.shutdown()


def test_a_mail_in_the_services_first_second_is_told(
        data_dir: DataDir, smtp_server: SmtpServer, dovecot: Dovecot) -> None:
    """IMAP's INTERNALDATE has whole seconds: a mail that reached the mailbox in the second
    the service first ran is stamped before it began telling, and was never told."""
    user = dovecot.add_user()
    while datetime.now(UTC).microsecond > 300_000:  # the start of a second: room to deliver
        time.sleep(0.05)
    # The service starts late in the second the mail reaches the mailbox.
    clock = ManualClock(datetime.now(UTC).replace(microsecond=999_000))
    dovecot.deliver(user, messages.plain("存储扩容申请", "申请扩容 2 TB。"))
    prepare(data_dir, clock)
    seed(data_dir, clock, None)
    service = MailService(Store(data_dir.database), clock, [dovecot.config(user)],
                          smtp=config(smtp_server, dovecot))
    service.start()
    try:
        deadline = time.monotonic() + 20
        while not smtp_server.inbox.messages and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        service.close()
    [told] = smtp_server.inbox.messages
    assert "存储扩容申请" in told["Subject"]
