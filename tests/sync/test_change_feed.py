"""The change feed (issue 23): rows reach listening desks in the stream itself, read once
per server process however many desks listen; a desk already current does not pull; a
burst costs each desk a bounded number of pulls; a server restart loses no change; older
desks still long-poll."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from app.server.cli import JsonLogs
from app.server.feed import HEARTBEAT_EVENT, QUEUE, Subscriber, hint_event
from app.sync.client import ServerClient
from app.sync.feed import FeedEvent
from app.sync.feed import parse as parse_all
from app.sync.runner import Link, SyncRunner
from app.sync.syncer import SyncStatus
from tests.sync.conftest import (
    ADMIN,
    AGENT,
    OTHER_AGENT,
    PASSWORD,
    Desk,
    RunningServer,
    create_database,
    drop_database,
)
from tests.sync.test_scenarios import edit_requester, log_ticket, one
from tests.sync.test_server_command import ROOT, _free_port


class Counted:
    """Counts a desk's pulls and pokes (the requests the feed is there to save)."""

    def __init__(self, client: ServerClient) -> None:
        self.pulls = self.pokes = 0
        pull, poke = client.pull, client.poke

        def counted_pull(*args: Any, **kwargs: Any) -> Any:
            self.pulls += 1
            return pull(*args, **kwargs)

        def counted_poke(*args: Any, **kwargs: Any) -> Any:
            self.pokes += 1
            return poke(*args, **kwargs)

        client.pull = counted_pull  # type: ignore[method-assign]
        client.poke = counted_poke  # type: ignore[method-assign]


@pytest.fixture
def runners() -> Iterator[Callable[..., SyncRunner]]:
    started: list[SyncRunner] = []

    def start(desk: Desk, *, feed: bool = True) -> SyncRunner:
        links: list[Link] = []

        def on_link(link: Link, _status: SyncStatus) -> None:
            links.append(link)

        runner = SyncRunner(desk.syncer, on_link, lambda _r: None, seed=3)
        runner.use_feed = feed
        runner.start()
        started.append(runner)
        deadline = time.monotonic() + 10
        while not (runner.live if feed else Link.ONLINE in links):
            assert time.monotonic() < deadline, "the desk did not come online"
            time.sleep(0.02)
        time.sleep(0.2)  # the first round is over, the stream or long-poll is held
        return runner

    yield start
    for runner in started:
        runner.stop()


def _wait(condition: Callable[[], bool], what: str, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def test_a_listening_desk_gets_the_rows_in_the_stream_without_pulling(
        make_desk: Callable[..., Desk], runners: Callable[..., SyncRunner]) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    counted = Counted(b.client)
    runners(b)
    pulls = counted.pulls  # the first round pulls: the feed is not open yet
    ticket_id, number = log_ticket(a)
    a.syncer.sync_once()
    _wait(lambda: one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) == number,
          "desk b did not get the ticket from the stream")
    assert counted.pulls == pulls  # the rows came in the stream: no round trip of b's own
    assert b.syncer.cursor() == a.syncer.cursor()


def test_a_desk_stops_listening_at_once(make_desk: Callable[..., Desk],
                                        runners: Callable[..., SyncRunner]) -> None:
    # The feed's thread blocks reading the held stream: closing the socket under it did
    # not wake it, so every desk that closed waited for the server's next heartbeat.
    runner = runners(make_desk(AGENT))
    started = time.monotonic()
    runner.stop(timeout=10)
    assert time.monotonic() - started < 2
    assert not any(thread.is_alive() for thread in runner._threads)


def parse(lines: Iterator[bytes]) -> list[FeedEvent]:
    """The stream's events without its heartbeats."""
    return [event for event in parse_all(lines) if not event.alive]


def _stream(server: RunningServer, token: str, cursor: int,
            lifetime: float = 10.0) -> requests.Response:
    return requests.get(f"{server.url}/v1/stream", params={"cursor": cursor,
                                                           "timeout": lifetime},
                        headers={"Authorization": f"Bearer {token}"}, stream=True, timeout=20)


def _token(server: RunningServer, login: str = AGENT) -> str:
    answer = requests.post(f"{server.url}/v1/login", json={"login": login,
                                                            "password": PASSWORD}, timeout=10)
    return str(answer.json()["access_token"])


def test_a_desk_at_the_servers_cursor_is_not_told_to_pull_and_one_behind_is(
        make_desk: Callable[..., Desk], server: RunningServer) -> None:
    a = make_desk(AGENT)
    token = _token(server)
    newest = a.syncer.cursor()
    current = _stream(server, token, newest, lifetime=1.0)
    behind = _stream(server, token, newest - 5, lifetime=1.0)
    assert current.headers["content-type"].startswith("text/event-stream")
    assert list(parse(current.iter_lines())) == []  # heartbeats only, then the end
    [hint] = list(parse(behind.iter_lines()))
    assert hint.page is None and hint.cursor == newest
    # The long-poll of older desks names the cursor too: a desk at it has nothing to do.
    poke = requests.get(f"{server.url}/v1/poke", params={"cursor": newest - 5, "timeout": 0},
                        headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    assert poke == {"changed": True, "cursor": newest}


def test_one_read_of_the_database_serves_every_stream(
        make_desk: Callable[..., Desk], server: RunningServer) -> None:
    a = make_desk(AGENT)
    token, cursor = _token(server), a.syncer.cursor()
    got: list[list[Any]] = [[] for _ in range(6)]

    def listen(into: list[Any]) -> None:
        with _stream(server, token, cursor, lifetime=4.0) as answer:
            into.extend(parse(answer.iter_lines()))

    threads = [threading.Thread(target=listen, args=(into,)) for into in got]
    for thread in threads:
        thread.start()
    feed = server.app.state.feed
    _wait(lambda: feed.streams == 6, "the streams did not open")
    read_before = feed.batches
    ticket_id, _ = log_ticket(a)
    a.syncer.sync_once()
    for thread in threads:
        thread.join(15)
    assert feed.batches - read_before == 1  # one query for six desks
    for events in got:
        [event] = events
        assert event.page is not None and event.page.after == cursor
        assert ticket_id in {c.key for c in event.page.page.changes if c.entity == "tickets"}
        assert event.cursor == event.page.page.cursor > cursor
    assert feed.streams == 0  # ended streams leave the feed


def test_a_burst_of_a_hundred_writes_costs_each_desk_a_bounded_number_of_pulls(
        make_desk: Callable[..., Desk], runners: Callable[..., SyncRunner]) -> None:
    a, b, c = make_desk(AGENT), make_desk(OTHER_AGENT), make_desk(ADMIN)
    counts = [Counted(b.client), Counted(c.client)]
    for desk in (b, c):
        runners(desk)
    before = [count.pulls for count in counts]
    requesters = [r for (r,) in _rows(a, "SELECT id FROM requesters ORDER BY id")]
    assert len(requesters) >= 50
    for i in range(100):
        edit_requester(a, requesters[i % 50], phone=f"1390000{i:04d}")
        a.syncer.sync_once()  # a hundred pushes, one commit and one notification each
    for desk in (b, c):
        _wait(lambda d=desk: one(d, "SELECT phone FROM requesters WHERE id = ?",  # type: ignore[misc]
                                 requesters[49]) == "13900000099",
              "a desk missed the end of the burst", 30)
        assert {p for (p,) in _rows(desk, "SELECT phone FROM requesters WHERE phone LIKE "
                                          "'1390000%'")} == {f"1390000{i:04d}"
                                                             for i in range(50, 100)}
    # The rows came in the stream; a pull only where a desk fell behind (none, mostly).
    pulls = [count.pulls - first for count, first in zip(counts, before, strict=True)]
    assert max(pulls) <= 3, pulls


def _rows(desk: Desk, sql: str) -> list[tuple[Any, ...]]:
    import sqlite3

    with sqlite3.connect(desk.data.database) as conn:
        return conn.execute(sql).fetchall()


def test_a_server_restart_during_a_held_stream_loses_no_change(
        make_desk: Callable[..., Desk], server: RunningServer,
        runners: Callable[..., SyncRunner]) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    runner = runners(b)
    server.stop()
    _wait(lambda: not runner.live, "the desk did not notice the server going")
    server.start(server.port)
    # Written before desk b is back on the stream: it must come with b's reconnect.
    ticket_id, number = log_ticket(a)
    a.syncer.sync_once()
    _wait(lambda: one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) == number,
          "the change made while desk b was away never reached it", 30)
    _wait(lambda: runner.live, "desk b did not listen again")
    edit_requester(a, one(a, "SELECT id FROM requesters ORDER BY id LIMIT 1"), phone="110")
    a.syncer.sync_once()
    _wait(lambda: one(b, "SELECT count(*) FROM requesters WHERE phone = '110'") == 1,
          "the stream after the restart carried nothing")


def test_an_older_desks_long_poll_still_works_and_waits_for_its_round(
        make_desk: Callable[..., Desk], runners: Callable[..., SyncRunner]) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    counted = Counted(b.client)
    runners(b, feed=False)
    pokes_before = counted.pokes
    ticket_id, number = log_ticket(a)
    a.syncer.sync_once()
    _wait(lambda: one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) == number,
          "the long-polling desk did not get the ticket")
    time.sleep(0.5)
    # The poke that said "changed", then one poke from the new cursor, which waits: not a
    # volley of pokes answered at once while the round was still pulling.
    assert counted.pokes - pokes_before <= 2


def test_a_slow_stream_is_told_to_pull_instead_of_queueing_without_end() -> None:
    async def overflow() -> Subscriber:
        subscriber = Subscriber(0)
        for cursor in range(1, QUEUE + 5):
            subscriber.send(b"event: changes\n...\n\n", cursor)
        return subscriber

    subscriber = asyncio.run(overflow())
    queued = [subscriber.queue.get_nowait() for _ in range(subscriber.queue.qsize())]
    assert subscriber.dropped == 1 and subscriber.cursor == QUEUE + 4
    # What was dropped is not lost: the desk is told to pull up to the newest cursor.
    assert queued[0] == hint_event(QUEUE + 1) and len(queued) == 4
    assert HEARTBEAT_EVENT not in queued


def test_the_json_log_keeps_the_traceback() -> None:
    try:
        raise RuntimeError("pool exhausted")
    except RuntimeError:
        record = logging.LogRecord("seatdesk.server", logging.ERROR, __file__, 1,
                                   "push failed", None, sys.exc_info())
    line = json.loads(JsonLogs().format(record))
    assert line["message"] == "push failed"
    assert "RuntimeError: pool exhausted" in line["traceback"]


@pytest.fixture
def database() -> Iterator[str]:
    name = f"seatdesk_workers_{os.getpid()}"
    yield create_database(name)
    drop_database(name)


def test_serve_with_two_workers_streams_a_change_taken_by_either(
        database: str, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SEATDESK_PASSWORD": PASSWORD}
    subprocess.run([sys.executable, "-m", "app.server.cli", "--db", database, "create-user",
                    "admin", "--role", "admin", "--password-stdin"], input=PASSWORD + "\n",
                   text=True, check=True, cwd=ROOT, env=env, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "app.server.cli", "--db", database,
                               "serve", "--port", str(port), "--workers", "2"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _healthy(url, server), "the server did not start", 60)
        token = requests.post(f"{url}/v1/login", json={"login": "admin", "password": PASSWORD},
                              timeout=10).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        events: list[Any] = []
        # Several streams: with two workers they land on both, and every one hears.
        answers = [requests.get(f"{url}/v1/stream", params={"cursor": 0, "timeout": 5},
                                headers=headers, stream=True, timeout=20) for _ in range(4)]
        readers = [threading.Thread(target=lambda r=r: events.extend(parse(r.iter_lines())))
                   for r in answers]
        for reader in readers:
            reader.start()
        time.sleep(1.0)
        # A new account: its audit line is a change every desk pulls.
        made = requests.post(f"{url}/v1/accounts", headers=headers, timeout=10, json={
            "login": "seat050", "name": "Seat 50", "role": "agent", "password": PASSWORD})
        assert made.status_code == 201, made.text
        for reader in readers:
            reader.join(15)
        assert len(events) == 4, events
        assert {e.cursor for e in events} == {1}
        assert all(e.page is not None for e in events)
    finally:
        server.terminate()
        server.wait(15)


def _healthy(url: str, server: subprocess.Popen[str]) -> bool:
    assert server.poll() is None, server.communicate()[1]
    try:
        return requests.get(f"{url}/v1/health", timeout=1).ok
    except requests.RequestException:
        return False


def test_a_kept_alive_connection_closed_under_a_request_is_asked_again() -> None:
    """The server closed a kept-alive connection as a request went out on it (as uvicorn
    did at 50 desks): the client asks once more on a new connection instead of failing."""
    import socket

    from app.sync.tokens import MemoryVault

    ok = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n"
          b"\r\n{\"status\": \"ok\"}")
    listener = socket.create_server(("127.0.0.1", 0))
    served: list[str] = []

    def serve() -> None:
        first, _ = listener.accept()
        first.recv(65536)
        first.sendall(ok)  # kept alive...
        first.recv(65536)
        first.close()  # ...and closed under the next request, without an answer
        served.append("dropped")
        second, _ = listener.accept()
        second.recv(65536)
        second.sendall(ok)
        second.close()
        served.append("answered")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client = ServerClient(f"http://127.0.0.1:{listener.getsockname()[1]}", MemoryVault())
    try:
        assert client.health()
        assert client.health()  # on the dropped connection, then a new one
        thread.join(5)
        assert served == ["dropped", "answered"]
    finally:
        client.close()
        listener.close()
