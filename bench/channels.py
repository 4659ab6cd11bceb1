"""Channels benchmark (issue 19): monitoring alerts accepted per second, with dedupe and
no loss, against the same server's health endpoint under the same load; and a PBX's
ringing event → the caller pop-up shown on the seat's desk (offscreen Qt, the desk's own
SQLite for the caller), against a bare health round trip.

    python -m bench.channels [--alerts 2000] [--clients 8] [--pg postgresql://…/test]

Starts ``seatdesk-server serve`` in its own process on a fresh database holding the
reference catalog. ``--clients`` threads post Alertmanager bodies of one alert each (the
worst case: Alertmanager groups alerts, so a real post carries several); every tenth post
is a resend of an earlier alert, which must be counted and not open a ticket. Then one
batched run (50 alerts a post). Checks afterwards that every distinct alert opened exactly
one ticket and every post was counted. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import requests
from sqlalchemy import Engine, func, select

from app.domain.clock import SystemClock
from app.domain.roles import Role
from app.paths import DataDir
from app.server.accounts import create_user
from app.server.channels.chat_limits import ChatLimits
from app.server.channels.tables import alerts
from app.server.tables import rows
from app.sync.client import ServerClient
from app.sync.tokens import MemoryVault
from bench.common import emit, summary
from bench.sync import PASSWORD, _ServerProcess, server_with_desk

RESEND_EVERY = 10


def _alert(source: int, number: int) -> dict[str, object]:
    name = f"Bench{number % 50}"
    instance = f"host-{source}-{number}:9100"
    return {"status": "firing", "labels": {"alertname": name, "severity": "warning",
                                           "instance": instance},
            "annotations": {"summary": f"{name} on {instance}"},
            "startsAt": "2026-12-01T08:00:00Z", "fingerprint": f"{source}-{number}"}


def _poster(url: str, queues: dict[str, list[tuple[str, bytes]]],
            failures: list[str]) -> Callable[[str], None]:
    """A thread's loop: take the next post of its token's queue until it is empty."""
    lock = threading.Lock()

    def worker(token: str) -> None:
        http = requests.Session()
        queue = queues[token]
        while True:
            with lock:
                if not queue:
                    return
                path, body = queue.pop()
            answer = http.post(url + path, data=body, timeout=30, headers={
                "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            if answer.status_code != 200:
                failures.append(f"{answer.status_code} {answer.text[:200]}")

    return worker


def _timed(clients: int, count: int, worker: Callable[[str], None],
           failures: list[str], tokens: list[str]) -> float:
    """Run ``clients`` threads of ``worker`` (thread i with token i mod n); per second."""
    threads = [threading.Thread(target=worker, args=(tokens[i % len(tokens)],))
               for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} posts failed, first: {failures[0]}")
    return count / elapsed


def _health(clients: int, count: int, url: str) -> float:
    remaining = [count]
    lock = threading.Lock()
    failures: list[str] = []

    def worker(_token: str) -> None:
        http = requests.Session()
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            if not http.get(url + "/v1/health", timeout=30).ok:
                failures.append("health")

    return _timed(clients, count, worker, failures, ["-"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--alerts", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    # The reference catalog only: the fault type, the monitoring category.
    folder = Path(tempfile.mkdtemp(prefix="seatdesk-channels-bench-")) / "desk"
    url, engine, _clock, _rows = server_with_desk(
        args.pg, "seatdesk_bench_channels", folder, None, {"admin": Role.ADMIN})
    desk = DataDir(folder)
    # One requester posts 100 messages in seconds: over the chat page's rate limit, which
    # this bench does not measure (tests/sync/test_chat_limits.py tests it).
    os.environ.update(ChatLimits(0, 0, 0).environment())
    server = _ServerProcess(url)
    try:
        admin = ServerClient(server.url, MemoryVault())
        admin.sign_in("admin", PASSWORD)
        # Several sources, as a cloud's desk has (Prometheus per zone, Zabbix); storms off,
        # so every distinct alert must open its own ticket.
        sources = [admin.call("POST", "/v1/alerts/sources", json={
            "name": f"prometheus-{n}", "kind": "alertmanager", "storm_threshold": 0})
            for n in range(4)]
        health_rate = _health(args.clients, args.alerts, server.url)
        print(f"health: {health_rate:.0f} requests/s ({args.clients} clients)")

        popup = _popups(server.url, admin, engine, desk, args.calls)
        popup |= _chat_messages(server.url, args.calls)
        popup["chat_ratio_vs_health"] = round(popup["chat_p95_ms"] / popup["health_p95_ms"], 1)
        single_rate, distinct = _concurrent_rate(args, sources, server.url)
        batched_rate = _batched(sources, server.url, args)
        with engine.connect() as conn:
            tickets = conn.execute(select(func.count()).select_from(rows).where(
                rows.c.entity == "tickets",
                rows.c.data["channel"].astext == "monitoring")).scalar_one()
            received = conn.execute(select(func.sum(alerts.c.received))).scalar_one()
    finally:
        server.stop()
    expected_tickets, expected_received = distinct + args.alerts // 50 * 50, args.alerts * 2
    if (tickets, received) != (expected_tickets, expected_received):
        raise SystemExit(f"lost or doubled: {tickets} tickets (expected {expected_tickets}), "
                         f"{received} alerts counted (expected {expected_received})")
    print(f"alerts, one per post, 4 sources at once: {single_rate:.0f} alerts/s")
    print(f"alerts, 50 per post: {batched_rate:.0f} alerts/s")
    print(f"tickets {tickets}, alerts counted {received}")
    print(f"chat message → shown in the seat's chat window over {args.calls} messages: "
          f"p50 {popup['chat_p50_ms']} ms, p95 {popup['chat_p95_ms']} ms "
          f"({popup['chat_ratio_vs_health']}× the bare health round trip's p95)")
    print(f"ringing → pop-up shown over {args.calls} calls: p50 {popup['popup_p50_ms']} ms, "
          f"p95 {popup['popup_p95_ms']} ms; bare health round trip p95 "
          f"{popup['health_p95_ms']} ms")
    emit({"alerts": args.alerts, "clients": args.clients,
          "alerts_per_s": round(single_rate), "alerts_batched_per_s": round(batched_rate),
          "health_per_s": round(health_rate),
          "ratio_vs_health": round(single_rate / health_rate, 2),
          "tickets": tickets, "alerts_counted": received, **popup})


def _popups(url: str, admin: ServerClient, engine: Engine, desk: DataDir,
            calls: int) -> dict[str, float]:
    """Post ``calls`` ringing events; time each until the seat's pop-up shows it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from app.channels.calls import CallListener, caller, set_extension
    from app.store.reading import read_connection
    from ui.channels.caller_popup import CallerPopup

    application = QApplication.instance() or QApplication([])
    with engine.begin() as conn:
        create_user(conn, SystemClock(), "seat", "Seat", Role.AGENT, PASSWORD)
    seat = ServerClient(url, MemoryVault())
    seat.sign_in("seat", PASSWORD)
    set_extension(seat, "8001")
    token = str(admin.call("POST", "/v1/alerts/sources",
                           json={"name": "pbx", "kind": "pbx"})["token"])
    reader = read_connection(desk.database)
    popup = CallerPopup()

    class Bridge(QObject):
        heard = Signal(object)

    bridge = Bridge()
    bridge.heard.connect(lambda event: popup.show_call(event, caller(reader, event.caller)))
    listener = CallListener(seat, bridge.heard.emit, lambda _offline: None)
    listener.start()
    http = requests.Session()
    time.sleep(0.5)  # the listener's first call only learns where events start
    shown, bare = [], []
    for number in range(calls):
        started = time.perf_counter()
        http.get(url + "/v1/health", timeout=10)
        bare.append((time.perf_counter() - started) * 1000)
        call_id = f"bench-{number}"
        started = time.perf_counter()
        http.post(url + "/v1/calls/events", timeout=10, headers={
            "Authorization": f"Bearer {token}"}, json={
            "call_id": call_id, "event": "ringing", "caller": "13800000001",
            "extension": "8001"})
        while popup.call is None or popup.call.call_id != call_id or not popup.isVisible():
            application.processEvents()
            time.sleep(0.0005)
        shown.append((time.perf_counter() - started) * 1000)
    listener.stop()
    figures, base = summary(shown), summary(bare)
    return {"popup_p50_ms": figures["p50"], "popup_p95_ms": figures["p95"],
            "health_p95_ms": base["p95"],
            "popup_ratio_vs_health": round(figures["p95"] / base["p95"], 1)}


def _chat_messages(url: str, count: int) -> dict[str, float]:
    """A requester's chat accepted by the seat; each message posted by the requester, timed
    until the seat's chat window shows it."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from app.channels.chats import ChatListener, accept
    from ui.channels.chat_book import ChatBook
    from ui.channels.chat_window import ChatWindow

    application = QApplication.instance() or QApplication([])
    seat = ServerClient(url, MemoryVault())
    seat.sign_in("seat", PASSWORD)
    book = ChatBook(None, lambda: "seat", lambda: seat)
    window = ChatWindow(None, book, list)  # shows each event as the book hears it

    class Bridge(QObject):
        heard = Signal(object)

    bridge = Bridge()
    bridge.heard.connect(book.hear)
    listener = ChatListener(seat, bridge.heard.emit, lambda _offline: None)
    listener.start()
    http = requests.Session()
    time.sleep(0.5)
    chat = http.post(url + "/v1/chat/start", timeout=10, json={
        "name": "Bench", "unit": "Bench unit", "contact": "13900000000"}).json()
    headers = {"X-Chat-Token": chat["token"]}
    http.post(f"{url}/v1/chat/{chat['chat_id']}/messages", timeout=10, headers=headers,
              json={"body": "first"})
    accept(seat, chat["chat_id"])
    shown = []
    for number in range(count):
        text = f"message {number}"
        started = time.perf_counter()
        posted = http.post(f"{url}/v1/chat/{chat['chat_id']}/messages", timeout=10,
                           headers=headers, json={"body": text})
        posted.raise_for_status()
        while (found := book.chats.get(chat["chat_id"])) is None or \
                text not in [event.body for event in found.in_order()[-3:]]:
            application.processEvents()
            time.sleep(0.0005)
        shown.append((time.perf_counter() - started) * 1000)
    listener.stop()
    window.close()
    figures = summary(shown)
    return {"chat_p50_ms": figures["p50"], "chat_p95_ms": figures["p95"]}


def _concurrent_rate(args: argparse.Namespace, sources: list[dict[str, object]],
                     url: str) -> tuple[float, int]:
    """Every source posting at once (each thread with its source's token): the figure."""
    per_source: list[list[tuple[str, bytes]]] = [[] for _ in sources]
    distinct = 0
    for number in range(args.alerts):
        source = number % len(sources)
        # A resend of the source's previous alert (sources take turns).
        resend = number % RESEND_EVERY == 1 and number >= len(sources)
        fingerprint = number - len(sources) if resend else number
        distinct += not resend
        per_source[source].append(("/v1/alerts/alertmanager", orjson.dumps(
            {"alerts": [_alert(source + 100, fingerprint)]})))
    failures: list[str] = []
    queues = {str(s["token"]): list(reversed(q)) for s, q in zip(sources, per_source,
                                                                 strict=True)}
    worker = _poster(url, queues, failures)
    return _timed(args.clients, args.alerts, worker, failures, list(queues)), distinct


def _batched(sources: list[dict[str, object]], url: str, args: argparse.Namespace) -> float:
    posts = []
    for start in range(0, args.alerts, 50):
        posts.append(("/v1/alerts/alertmanager", orjson.dumps({"alerts": [
            _alert(200, number) for number in range(start, start + 50)]})))
    token = str(sources[0]["token"])
    failures: list[str] = []
    worker = _poster(url, {token: list(reversed(posts))}, failures)
    return _timed(2, len(posts), worker, failures, [token]) * 50


if __name__ == "__main__":
    main()
