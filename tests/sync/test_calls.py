"""Phone-call events over real HTTP against the real server (issue 19): a PBX's events for
an extension reach the desk of the seat who has it, rings are measured, a missed call
becomes a call-back task, repeats and wrong tokens change nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from app.channels import calls as desk_calls
from app.channels import client as channels
from app.channels.calls import CallEvent, CallListener
from app.domain.clock import ManualClock
from app.server.tables import rows
from app.sync.client import Refused, ServerClient
from tests.sync.conftest import AGENT, OTHER_AGENT, RunningServer
from tests.sync.test_account_admin import admin, signed_in

__all__ = ["admin"]


class Heard:
    def __init__(self) -> None:
        self.events: list[CallEvent] = []
        self.arrived = threading.Condition()

    def __call__(self, event: CallEvent) -> None:
        with self.arrived:
            self.events.append(event)
            self.arrived.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[CallEvent]:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.events) >= count, timeout), \
                self.events
            return list(self.events)


@pytest.fixture
def pbx(server: RunningServer, admin: ServerClient) -> Callable[..., requests.Response]:
    token = channels.create_source(admin, "PBX", "pbx").token

    def post(event: str, call_id: str = "c1", caller: str = "13800000001",
             extension: str = "8001", token: str | None = token) -> requests.Response:
        return requests.post(f"{server.url}/v1/calls/events", timeout=10, json={
            "call_id": call_id, "event": event, "caller": caller, "extension": extension},
            headers={"Authorization": f"Bearer {token}"} if token else {})
    return post


@pytest.fixture
def agent(server: RunningServer) -> Iterator[ServerClient]:
    client = signed_in(server, AGENT)
    yield client
    client.close()


@pytest.fixture
def heard(agent: ServerClient) -> Iterator[Heard]:
    """What the agent's desk hears: a real listener long-polling the server."""
    collected = Heard()
    listener = CallListener(agent, collected, lambda _offline: None, wait=5)
    listener.start()
    yield collected
    listener.stop()


def a_requester(server: RunningServer) -> tuple[str, str]:
    with server.engine.connect() as conn:
        key, phone = conn.execute(select(rows.c.key, rows.c.data["phone"].astext).where(
            rows.c.entity == "requesters", ~rows.c.deleted,
            rows.c.data["phone"].astext != "").order_by(rows.c.key).limit(1)).one()
    return str(key), str(phone)


def test_the_extensions_seat_hears_the_call_and_its_rings(
        server: RunningServer, server_clock: ManualClock, agent: ServerClient,
        heard: Heard, pbx: Callable[..., requests.Response]) -> None:
    assert desk_calls.set_extension(agent, "8001") == "8001"
    assert desk_calls.my_extension(agent) == "8001"
    other = signed_in(server, OTHER_AGENT)
    with pytest.raises(Refused) as taken:
        desk_calls.set_extension(other, "8001")
    assert taken.value.status == 409
    pbx("ringing", caller="13800000001")
    [ringing] = heard.wait_for(1)
    assert (ringing.event, ringing.caller, ringing.extension) == ("ringing", "13800000001",
                                                                "8001")
    assert pbx("ringing").json()["told"] is False  # the PBX retried its post
    server_clock.advance(timedelta(seconds=20))
    answered = pbx("answered").json()
    assert answered["rings"] == 4.0  # 20 s at the default ring length of 5 s
    assert heard.wait_for(2)[1].rings == 4.0
    pbx("hangup")
    assert [e.event for e in heard.wait_for(3)] == ["ringing", "answered", "ended"]
    # Another extension's call is not this seat's.
    pbx("ringing", call_id="c2", extension="8002")
    assert pbx("hangup", call_id="c2", extension="8002").json()["call"] == "missed"
    assert len(heard.events) == 3


def test_a_missed_call_becomes_a_call_back_task(
        server: RunningServer, agent: ServerClient, heard: Heard,
        pbx: Callable[..., requests.Response]) -> None:
    desk_calls.set_extension(agent, "8001")
    requester, phone = a_requester(server)
    pbx("ringing", caller=phone)
    answer = pbx("missed", caller=phone).json()
    assert answer["call"] == "missed"
    with server.engine.connect() as conn:
        ticket = conn.execute(select(rows.c.data).where(
            rows.c.entity == "tickets", rows.c.key == answer["ticket"])).scalar_one()
    assert ticket["channel"] == "phone" and ticket["requester_id"] == requester
    assert ticket["title"] == f"回电 Call back {phone}" and ticket["number"].startswith("SD-")
    events = heard.wait_for(2)
    assert (events[1].event, events[1].ticket_id) == ("missed", answer["ticket"])
    assert pbx("missed", caller=phone).json()["told"] is False  # no second task


def test_an_event_committing_during_a_read_is_heard_once(server: RunningServer) -> None:
    """The read takes the cursor, then the events: an event committed between the two
    statements (each reads its own snapshot) is left for the next read, never told now and
    again after a cursor that lies before it (the CI run of 2026-12-05 heard 'answered'
    twice)."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from app.server.channels.calls import events_for
    from app.server.channels.tables import call_events
    from app.server.tables import counters

    with server.engine.connect() as conn:  # rolled back: nothing stays behind
        newest = int(conn.execute(select(counters.c.value).where(
            counters.c.name == "call_event")).scalar_one())
        # As the second statement sees it: the row is there, the counter read said before.
        conn.execute(insert(call_events).values(
            seq=newest + 1, login="skew", call_id="c9", event="answered", caller="",
            extension="8009", at=datetime(2026, 12, 5, tzinfo=UTC)))
        first, cursor = events_for(conn, "skew", newest)
        assert first == [] and cursor == newest
        conn.execute(counters.update().where(counters.c.name == "call_event")
                     .values(value=newest + 1))
        second, cursor = events_for(conn, "skew", cursor)
        assert [e["event"] for e in second] == ["answered"] and cursor == newest + 1
        assert events_for(conn, "skew", cursor)[0] == []


def test_wrong_tokens_and_bad_events_are_refused(
        server: RunningServer, admin: ServerClient,
        pbx: Callable[..., requests.Response]) -> None:
    alerts_token = channels.create_source(admin, "Prometheus", "alertmanager").token
    assert pbx("ringing", token=None).status_code == 401
    assert pbx("ringing", token="nope").status_code == 401
    assert pbx("ringing", token=alerts_token).status_code == 401
    assert pbx("pickup").status_code == 422
    assert pbx("ringing", caller="<script>").status_code == 422
    with server.engine.connect() as conn:
        assert conn.execute(select(rows.c.key).where(
            rows.c.entity == "tickets", rows.c.data["channel"].astext == "phone",
            rows.c.data["title"].astext.startswith("回电"))).first() is None
