"""The background sync loop: pokes carry a change from desk to desk without waiting for the
periodic round; backoff grows with jitter and is capped."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable

from app.sync.runner import BACKOFF_MAX, Link, SyncRunner, backoff
from app.sync.syncer import SyncReport, SyncStatus
from tests.sync.conftest import AGENT, OTHER_AGENT, Desk, RunningServer
from tests.sync.test_scenarios import log_ticket, one


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    rng = random.Random(7)
    first = [backoff(1, rng) for _ in range(50)]
    fifth = [backoff(5, rng) for _ in range(50)]
    assert all(0.5 <= w <= 1.0 for w in first)
    assert all(8.0 <= w <= 16.0 for w in fifth)
    assert len({round(w, 6) for w in fifth}) > 40  # jittered, not in lockstep
    assert max(backoff(30, rng) for _ in range(50)) <= BACKOFF_MAX


def test_a_poke_brings_a_change_to_the_other_desk_well_before_the_periodic_round(
        make_desk: Callable[..., Desk]) -> None:
    a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
    links: list[Link] = []
    reports: list[SyncReport] = []

    def on_link(link: Link, _status: SyncStatus) -> None:
        links.append(link)

    runners = [SyncRunner(d.syncer, on_link, reports.append, seed=1) for d in (a, b)]
    for runner in runners:
        runner.start()
    try:
        deadline = time.monotonic() + 5
        while links.count(Link.ONLINE) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)  # both poke threads are now waiting on the server
        ticket_id, number = log_ticket(a)
        started = time.monotonic()
        runners[0].wake()
        while one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) is None:
            assert time.monotonic() - started < 5.0, "desk b did not hear of the ticket"
            time.sleep(0.01)
        assert one(b, "SELECT number FROM tickets WHERE id = ?", ticket_id) == number
        # The report (which refreshes the views) follows the commit that made the row visible.
        while not any(ticket_id in r.ticket_ids for r in reports):
            assert time.monotonic() - started < 5.0, "no report named the ticket"
            time.sleep(0.01)
    finally:
        for runner in runners:
            runner.stop()


def test_a_poke_crosses_server_instances_through_listen_notify(
        make_desk: Callable[..., Desk], server: RunningServer) -> None:
    """Two instances behind a load balancer: a write taken by one wakes a desk long-polling
    the other (PostgreSQL NOTIFY reaches every listening instance)."""
    second = RunningServer(server.db_url, server.clock)
    second.start()
    try:
        a, b = make_desk(AGENT), make_desk(OTHER_AGENT)
        b.client.base_url = second.url  # b talks to the other instance from now on
        woke = threading.Event()

        def long_poll() -> None:
            woke.set() if b.client.poke(b.syncer.cursor(), timeout=10) else None

        poller = threading.Thread(target=long_poll, daemon=True)
        poller.start()
        time.sleep(0.5)  # b is now waiting on the second instance
        assert not woke.is_set()
        log_ticket(a)
        a.syncer.sync_once()  # committed through the first instance
        assert woke.wait(5), "the second instance did not wake its desk"
        b.syncer.sync_once()
        assert one(b, "SELECT count(*) FROM tickets") == one(a, "SELECT count(*) FROM tickets")
    finally:
        second.stop()
        second.engine.dispose()
