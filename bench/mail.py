"""Mail benchmark: messages waiting in a real Dovecot mailbox ingested into tickets, against
a bare IMAP fetch of the same messages in the same run; and the time from a message
reaching the mailbox to its ticket on a connected desk (IDLE, the mail service, the sync
server, the desk's pull on the server's poke).

    python -m bench.mail [--messages 1000] [--latency 40] [--pg postgresql://postgres@127.0.0.1/test]

Needs Debian's dovecot-imapd (started here on free ports, as the tests do) and PostgreSQL.
Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from app.domain.clock import SystemClock
from app.domain.roles import Role
from app.mail.imap import Mailbox
from app.mail.intake import MailIntake
from app.mail.reader import MailboxReader
from app.mail.service import open_service
from app.paths import DataDir
from app.services.data_folder import prepare, seed
from app.store.database import Store
from app.sync.runner import SyncRunner
from app.sync.syncer import SyncReport
from bench.common import emit, summary
from bench.sync import PASSWORD, _desk, _ServerProcess, server_with_desk
from tests.mail import messages
from tests.mail.dovecot import Dovecot

SEAT = "seat010"
MAILER = "mail"


def _batch(count: int) -> list[bytes]:
    """A realistic mix: Chinese plain text, GBK, HTML-only, a small attachment, from 50
    senders (well under the per-sender rate)."""
    raws = []
    for n in range(count):
        sender = f"user{n % 50}@example.gov.cn"
        kind = n % 4
        if kind == 0:
            raws.append(messages.plain(f"VPN 无法连接 {n}", "早上 9 点起无法登录 VPN。" * 5,
                                       sender=sender))
        elif kind == 1:
            raws.append(messages.gbk(f"机房空调故障 {n}", "机房温度升高，请派人处理。" * 5,
                                     sender=sender))
        elif kind == 2:
            raws.append(messages.html_only(f"监控告警 {n}", "<p>主机 <b>db-01</b> CPU 98%</p>"
                                           * 5, sender=sender))
        else:
            raws.append(messages.with_attachment(f"日志 {n}", "见附件", "app.log",
                                                 b"2026-12-05 ERROR timeout\n" * 400,
                                                 sender=sender))
    return raws


def _ingest(dovecot: Dovecot, work: Path, count: int) -> tuple[float, float]:
    user = dovecot.add_user()
    dovecot.deliver_many(user, _batch(count))
    config = dovecot.config(user)
    # The baseline: the same messages fetched whole, nothing parsed or stored.
    mailbox = Mailbox(config)
    mailbox.connect()
    started = time.perf_counter()
    fetched = sum(len(batch) for batch in mailbox.fetch(mailbox.waiting_uids()))
    bare_rate = fetched / (time.perf_counter() - started)
    mailbox.close()
    data = DataDir(work / "standalone")
    clock = SystemClock()
    prepare(data, clock)
    seed(data, clock, None)
    store = Store(data.database)
    reader = MailboxReader(config, MailIntake(store, clock), store, clock)
    mailbox = Mailbox(config)
    mailbox.connect()
    started = time.perf_counter()
    stored = reader.take_waiting(mailbox)
    rate = stored / (time.perf_counter() - started)
    mailbox.close()
    store.close()
    assert stored == count, f"{stored} of {count} stored"
    print(f"ingest: {rate:.0f} messages/s stored as tickets; bare fetch: {bare_rate:.0f}/s")
    return rate, bare_rate


def _latency(dovecot: Dovecot, work: Path, pg: str, count: int) -> list[float]:
    url, engine, _clock, _rows = server_with_desk(
        pg, "seatdesk_bench_mail", work / "demo", 200, {SEAT: Role.AGENT, MAILER: Role.MAIL})
    engine.dispose()
    server = _ServerProcess(url)
    user = dovecot.add_user()
    service = open_service(work / "mail", server.url, MAILER, PASSWORD, SystemClock(),
                           [dovecot.config(user, poll_seconds=60.0)])
    service.start()
    store, syncer, _clock = _desk(work / "desk", server.url, SEAT)
    syncer.sync_once()
    seen: dict[str, float] = {}
    lock = threading.Lock()

    def heard(_report: SyncReport) -> None:
        now = time.perf_counter()
        with store.unit_of_work() as session:
            titles = session.execute(
                __import__("sqlalchemy").text(
                    "SELECT title FROM tickets WHERE channel='email' AND title LIKE 'IDLE %'"))
            with lock:
                for (title,) in titles:
                    seen.setdefault(title, now)

    runner = SyncRunner(syncer, lambda *_: None, heard, seed=3)
    runner.start()
    if not all(reader.connected.wait(60) for reader in service.readers):
        raise RuntimeError("the mail service did not connect")
    time.sleep(1.0)
    latencies = []
    for n in range(count):
        title = f"IDLE {n}"
        sent = time.perf_counter()
        dovecot.deliver(user, messages.plain(title, "新邮件", sender=f"u{n}@example.gov.cn"))
        deadline = sent + 15
        while time.perf_counter() < deadline:
            with lock:
                if title in seen:
                    break
            time.sleep(0.005)
        with lock:
            latencies.append(((seen.get(title) or time.perf_counter()) - sent) * 1000)
    runner.stop()
    service.close()
    store.close()
    server.stop()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--latency", type=int, default=40)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="seatdesk-mail-bench-"))
    dovecot = Dovecot.create()
    dovecot.start()
    try:
        rate, bare_rate = _ingest(dovecot, work, args.messages)
        latencies = _latency(dovecot, work, args.pg, args.latency)
    finally:
        dovecot.remove()
    figures = summary(latencies, 0)
    print(f"mailbox -> ticket on a connected desk over {len(latencies)} messages: "
          f"p50 {figures['p50']:.0f} ms, p95 {figures['p95']:.0f} ms")
    emit({"messages": args.messages, "ingest_per_s": round(rate, 1),
          "bare_fetch_per_s": round(bare_rate, 1), "ratio_vs_bare": round(rate / bare_rate, 3),
          "idle_to_desk_p50_ms": figures["p50"], "idle_to_desk_p95_ms": figures["p95"]})


if __name__ == "__main__":
    main()
