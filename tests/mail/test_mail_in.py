"""E-mail in against a real Dovecot: new mail becomes a ticket, replies join theirs, Chinese
and HTML mail read well, oversized attachments are refused but listed, automatic mail makes
no ticket, and nothing is lost or stored twice (issue 18)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.clock import ManualClock
from app.mail.imap import Mailbox, MailboxConfig
from app.mail.intake import MailIntake, Rules
from app.mail.reader import MailboxReader
from app.paths import DataDir
from app.services.data_folder import prepare, seed
from app.store.database import Store
from tests.mail import messages
from tests.mail.dovecot import Dovecot


@pytest.fixture
def clock() -> ManualClock:
    # Near the real time: the mail server stamps arrivals with it.
    return ManualClock(datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1))


@pytest.fixture
def desk(data_dir: DataDir, clock: ManualClock) -> Iterator[Store]:
    prepare(data_dir, clock)
    seed(data_dir, clock, None)  # the catalog only
    opened = Store(data_dir.database)
    yield opened
    opened.close()


def rows(store: Store, sql: str, *args: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(store.path)) as conn:
        return conn.execute(sql, args).fetchall()


def take(store: Store, clock: ManualClock, config: MailboxConfig,
         rules: Rules | None = None) -> int:
    """One pass over the mailbox, as the service makes after connecting."""
    reader = MailboxReader(config, MailIntake(store, clock, rules), store, clock)
    mailbox = Mailbox(config)
    mailbox.connect()
    try:
        return reader.take_waiting(mailbox)
    finally:
        mailbox.close()


def test_a_new_mail_becomes_an_email_ticket_whose_clock_starts_at_its_arrival(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    arrived = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=7)
    dovecot.deliver(mailbox_user, messages.plain(), when=arrived)
    assert take(desk, clock, dovecot.config(mailbox_user)) == 1
    [(number, title, description, channel, created, requester)] = rows(
        desk, "SELECT number, title, description, channel, created_at, requester_id "
              "FROM tickets")
    assert (title, channel) == ("VPN 无法连接", "email")
    assert "无法登录 VPN" in str(description)
    assert str(created).startswith(arrived.strftime("%Y-%m-%d %H:%M:%S"))
    assert rows(desk, "SELECT name, email FROM requesters WHERE id=?", requester) \
        == [("张伟", "zhang.wei@example.gov.cn")]
    assert rows(desk, "SELECT outcome FROM mail_messages") == [("ticket",)]
    assert "$Seatdesk" in dovecot.flags(mailbox_user)[0]  # kept on the server, marked
    # The same requester writing again is found by address, not created twice.
    dovecot.deliver(mailbox_user, messages.plain("磁盘告警", "存储卷使用率 95%",
                                                 sender="ZHANG.WEI@example.gov.cn"))
    assert take(desk, clock, dovecot.config(mailbox_user)) == 1
    assert rows(desk, "SELECT count(*) FROM requesters WHERE email LIKE 'zhang.wei%'") \
        == [(1,)]
    assert str(number).startswith("SD-")


def test_a_reply_joins_its_ticket_by_number_or_by_references_with_quotes_trimmed(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    first = messages.plain(message_id="<first@example.gov.cn>")
    dovecot.deliver(mailbox_user, first)
    take(desk, clock, dovecot.config(mailbox_user))
    [(ticket_id, number)] = rows(desk, "SELECT id, number FROM tickets")
    dovecot.deliver(mailbox_user, messages.plain(
        f"回复: [{number}] VPN 无法连接",
        "现在可以了，谢谢。\n\n在 2026年12月5日 写道：\n> 旧内容"))
    dovecot.deliver(mailbox_user, messages.plain(
        "Re: VPN", "One more thing.\n\n-----Original Message-----\nFrom: desk\nold text",
        In_Reply_To="<first@example.gov.cn>"))
    assert take(desk, clock, dovecot.config(mailbox_user)) == 2
    assert rows(desk, "SELECT count(*) FROM tickets") == [(1,)]
    bodies = [body for (body,) in rows(
        desk, "SELECT e.body FROM ticket_events e JOIN mail_messages m "
              "ON m.id = json_extract(e.data, '$.mail') "
              "WHERE e.ticket_id=? AND e.kind='mail_received' ORDER BY m.uid", ticket_id)]
    assert bodies[1:] == ["现在可以了，谢谢。", "One more thing."]
    assert rows(desk, "SELECT outcome, ticket_id FROM mail_messages ORDER BY uid")[1:] \
        == [("reply", ticket_id), ("reply", ticket_id)]


def test_gbk_mail_labelled_gb2312_and_html_only_mail_read_as_text(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    dovecot.deliver(mailbox_user, messages.gbk("朱镕基路机房空调故障",
                                               "陶喆所在的机房空调停机，温度升高。"))
    dovecot.deliver(mailbox_user, messages.html_only(
        "监控平台告警", "<html><head><style>p{color:red}</style></head><body>"
        "<p>主机 <b>db-01</b> CPU&nbsp;使用率 98%</p><ul><li>时间：10:02</li></ul>"
        "<script>alert(1)</script></body></html>"))
    assert take(desk, clock, dovecot.config(mailbox_user)) == 2
    tickets = dict(rows(desk, "SELECT title, description FROM tickets"))
    assert tickets["朱镕基路机房空调故障"] == "陶喆所在的机房空调停机，温度升高。"
    html_text = tickets["监控平台告警"]
    assert "主机 db-01 CPU 使用率 98%" in html_text and "- 时间：10:02" in html_text
    assert "alert(1)" not in html_text and "color" not in html_text
    assert rows(desk, "SELECT from_name FROM mail_messages "
                      "WHERE from_address='li.na@example.gov.cn'") == [("李娜",)]


def test_an_attachment_over_the_limit_is_listed_but_not_stored(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    big = bytes(range(256)) * (20 * 1024 * 4)  # 20 MB
    dovecot.deliver(mailbox_user, messages.with_attachment(
        "日志文件", "见附件", "系统日志.bin", big))
    dovecot.deliver(mailbox_user, messages.with_attachment(
        "配置截图", "见附件", "config.txt", b"listen 443\n"))
    assert take(desk, clock, dovecot.config(mailbox_user)) == 2
    stored = rows(desk, "SELECT filename, size, stored, length(content) FROM mail_attachments "
                        "ORDER BY size DESC")
    assert stored == [("系统日志.bin", len(big), 0, 0), ("config.txt", 11, 1, 16)]
    [(data,)] = rows(desk, "SELECT e.data FROM ticket_events e JOIN tickets t "
                           "ON t.id = e.ticket_id WHERE t.title='日志文件' "
                           "AND e.kind='mail_received'")
    assert json.loads(str(data))["attachments"] == [
        {"name": "系统日志.bin", "size": len(big), "stored": False}]


def test_auto_replies_and_bounces_make_no_ticket_and_a_sender_is_rate_limited(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    dovecot.deliver(mailbox_user, messages.plain("自动回复: 休假中", "我正在休假。",
                                                 Auto_Submitted="auto-replied"))
    dovecot.deliver(mailbox_user, messages.plain(
        "Undeliverable: VPN", "Delivery failed", sender="MAILER-DAEMON@example.gov.cn"))
    for n in range(3):
        dovecot.deliver(mailbox_user, messages.plain(f"刷屏 {n}", "重复告警"))
    take(desk, clock, dovecot.config(mailbox_user), Rules(per_sender_per_hour=2))
    assert rows(desk, "SELECT count(*) FROM tickets") == [(2,)]
    outcomes = rows(desk, "SELECT outcome, reason FROM mail_messages ORDER BY uid")
    assert [outcome for outcome, _ in outcomes] == [
        "automatic", "automatic", "ticket", "ticket", "rate_limited"]
    assert outcomes[0][1] == "Auto-Submitted: auto-replied"
    assert all("$Seatdesk" in flags for flags in dovecot.flags(mailbox_user))


def test_a_malformed_message_is_kept_aside_with_its_reason(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    dovecot.deliver(mailbox_user, b"From: nobody\r\nSubject: broken\r\n\r\nno address\r\n")
    take(desk, clock, dovecot.config(mailbox_user))
    assert rows(desk, "SELECT count(*) FROM tickets") == [(0,)]
    [(outcome, reason)] = rows(desk, "SELECT outcome, reason FROM mail_messages")
    assert outcome == "quarantined" and "no sender address" in str(reason)
    flags = dovecot.flags(mailbox_user)[0]
    assert "$SeatdeskAside" in flags  # still on the server, marked for the administrator


def test_imaps_and_starttls_with_the_desks_own_ca(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    dovecot.deliver(mailbox_user, messages.plain())
    assert take(desk, clock, dovecot.config(mailbox_user, security="ssl")) == 1
    dovecot.deliver(mailbox_user, messages.plain("第二封", "内容"))
    assert take(desk, clock, dovecot.config(mailbox_user, security="starttls")) == 1
    with pytest.raises(OSError):  # an unknown certificate is refused, not trusted
        Mailbox(dovecot.config(mailbox_user, security="ssl", cafile="")).connect()


_KILLED_AFTER_STORING = """
import os, signal, sys
from app.domain.clock import SystemClock
from app.mail.imap import Mailbox, MailboxConfig
from app.mail.intake import MailIntake
from app.mail.reader import MailboxReader
from app.store.database import Store

def killed(self, uids, *, aside=False):
    os.kill(os.getpid(), signal.SIGKILL)  # the ticket is committed, the mail not flagged

Mailbox.mark_taken = killed
config = MailboxConfig(**eval(sys.argv[2]))
store = Store(sys.argv[1])
clock = SystemClock()
mailbox = Mailbox(config)
mailbox.connect()
MailboxReader(config, MailIntake(store, clock), store, clock).take_waiting(mailbox)
"""


def test_a_service_killed_between_storing_and_flagging_stores_no_duplicate(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    import dataclasses
    import subprocess
    import sys

    dovecot.deliver(mailbox_user, messages.plain())
    config = dovecot.config(mailbox_user)
    killed = subprocess.run([sys.executable, "-c", _KILLED_AFTER_STORING, str(desk.path),
                             repr(dataclasses.asdict(config))], check=False, timeout=60)
    assert killed.returncode == -9
    assert rows(desk, "SELECT count(*) FROM tickets") == [(1,)]
    assert "$Seatdesk" not in dovecot.flags(mailbox_user)[0]
    assert take(desk, clock, config) == 0  # found stored: only flagged now
    assert rows(desk, "SELECT count(*) FROM tickets") == [(1,)]
    assert "$Seatdesk" in dovecot.flags(mailbox_user)[0]


def test_the_reader_idles_then_catches_up_after_the_mail_server_was_down(
        desk: Store, clock: ManualClock, dovecot: Dovecot, mailbox_user: str) -> None:
    import time

    stored: list[str] = []
    # Polling only every minute: a message stored within seconds came by IDLE.
    reader = MailboxReader(dovecot.config(mailbox_user, poll_seconds=60.0),
                           MailIntake(desk, clock), desk, clock,
                           on_stored=lambda s: stored.append(str(s.number)))
    reader.start()
    try:
        assert reader.connected.wait(10)
        started = time.monotonic()
        dovecot.deliver(mailbox_user, messages.plain("IDLE 推送", "新邮件"))
        while not stored and time.monotonic() - started < 10:
            time.sleep(0.02)
        assert len(stored) == 1 and time.monotonic() - started < 5
        dovecot.stop()
        deadline = time.monotonic() + 30
        while reader.connected.is_set() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not reader.connected.is_set() and reader.last_error
        dovecot.start()
        for n in range(3):  # arrives while the reader waits to reconnect
            dovecot.deliver(mailbox_user, messages.plain(f"恢复后 {n}", "补收"))
        deadline = time.monotonic() + 30
        while len(stored) < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(stored) == 4
    finally:
        reader.stop()
        if not dovecot.running:  # the next tests need it, whatever failed here
            dovecot.start()
    assert rows(desk, "SELECT count(*) FROM tickets") == [(4,)]
    assert all("$Seatdesk" in flags for flags in dovecot.flags(mailbox_user))
