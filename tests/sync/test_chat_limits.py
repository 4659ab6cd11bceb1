"""The chat page's rate limit over real HTTP against the real server: per address (chats
started, messages) and per chat (messages), answered 429 with a message and Retry-After,
nothing stored, open again once the window has passed (the server's clock moved)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, inspect, select, text

from app.domain.clock import ManualClock
from app.server.channels.chat_limits import ChatLimits
from app.server.channels.tables import chat_events, chats
from app.server.schema import server_engine, upgrade
from app.server.tables import rows
from tests.sync.conftest import RunningServer
from tests.sync.test_chat import say, start

LIMITS = ChatLimits(starts_per_hour=2, messages_per_minute=3, address_messages_per_minute=5)


@pytest.fixture
def limited_server(server_db: str, server_clock: ManualClock) -> Iterator[RunningServer]:
    """The server with small chat limits (``LIMITS``)."""
    running = RunningServer(server_db, server_clock, LIMITS)
    running.start()
    yield running
    running.stop()
    running.engine.dispose()


def stored(server: RunningServer) -> tuple[int, int, int]:
    """Chats, chat events and timeline entries on the server."""
    with server.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(chats)).scalar_one(),
                conn.execute(select(func.count()).select_from(chat_events)).scalar_one(),
                conn.execute(select(func.count()).select_from(rows).where(
                    rows.c.entity == "ticket_events")).scalar_one())


def refused(answer: requests.Response) -> int:
    """The 429's Retry-After, once its body is checked."""
    assert answer.status_code == 429, answer.text
    assert answer.json() == {"error": "rate_limited", "message": answer.json()["message"]}
    return int(answer.headers["Retry-After"])


def test_a_chat_posting_too_fast_is_refused_and_nothing_stored(
        limited_server: RunningServer, server_clock: ManualClock) -> None:
    chat = start(limited_server)
    for n in range(3):
        assert say(limited_server, chat, f"第{n}条").status_code == 200
    before = stored(limited_server)
    answer = say(limited_server, chat, "第四条")
    assert 0 < refused(answer) <= 60
    assert answer.json()["message"] == "too many messages"
    assert stored(limited_server) == before
    # A guess at the token is told 404 and does not use up the requester's messages.
    assert say(limited_server, {**chat, "token": "guess"}, "x").status_code == 404
    server_clock.advance(timedelta(seconds=61))
    assert say(limited_server, chat, "第四条").status_code == 200
    assert stored(limited_server)[1] == before[1] + 1


def test_one_address_starting_chats_and_posting_is_limited(
        limited_server: RunningServer, server_clock: ManualClock) -> None:
    first, second = start(limited_server), start(limited_server, "13900000002")
    before = stored(limited_server)
    answer = requests.post(f"{limited_server.url}/v1/chat/start", timeout=10, json={
        "name": "王芳", "unit": "市医保局", "contact": "13900000003"})
    assert refused(answer) > 60 * 59
    assert answer.json()["message"] == "too many chats started from this address"
    assert stored(limited_server) == before
    # Five messages a minute from the address, whichever chat they are in.
    for chat in (first, second, first, second, first):
        assert say(limited_server, chat, "你好").status_code == 200
    assert refused(say(limited_server, second, "还在吗")) <= 60
    server_clock.advance(timedelta(hours=1))
    assert say(limited_server, second, "还在吗").status_code == 200
    assert start(limited_server, "13900000003")["token"]


def test_the_limits_are_read_from_the_settings() -> None:
    given = {"chat_starts_per_hour": "5", "chat_messages_per_minute": 0}
    limits = ChatLimits.from_settings(given.get)
    assert limits == ChatLimits(starts_per_hour=5, messages_per_minute=0)
    assert limits.environment()["SEATDESK_CHAT_STARTS_PER_HOUR"] == "5"
    with pytest.raises(ValueError, match="0 \\(no limit\\) or more"):
        ChatLimits.from_settings(lambda name, default: -1)


def test_a_server_from_before_the_limit_gets_the_address_and_the_index(server_db: str
                                                                      ) -> None:
    """A database migrated before server_0007 (its chat tables as server_0005 made them
    then: no address, no index on the ticket) is brought to head."""
    engine = server_engine(server_db)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP INDEX ix_chat_events_address_at"))
            conn.execute(text("ALTER TABLE chat_events DROP COLUMN address"))
            conn.execute(text("DROP INDEX ix_chats_ticket_id"))
            conn.execute(text("UPDATE alembic_version SET version_num = 'server_0006'"))
        upgrade(engine)
        with engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("chat_events")}
            indexes = {i["name"] for table in ("chat_events", "chats")
                       for i in inspect(conn).get_indexes(table)}
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert "address" in columns
        assert {"ix_chat_events_address_at", "ix_chats_ticket_id"} <= indexes
        assert version == "server_0009"
    finally:
        engine.dispose()


def test_open_streams_of_a_chat_are_limited_and_counted_until_they_close(
        server_db: str, server_clock: ManualClock) -> None:
    """A client opening the page's stream again and again: the third of a chat's streams
    (the limit here is 2) is refused with 429 before it starts, a wrong token is refused
    as before and not counted, and once a stream's connection closes another may open."""
    import time

    running = RunningServer(server_db, server_clock, ChatLimits(streams_per_chat=2))
    running.start()
    try:
        chat = start(running)
        url = f"{running.url}/v1/chat/{chat['chat_id']}/stream"

        def open_stream(token: str = chat["token"]) -> requests.Response:
            return requests.get(url, params={"token": token}, stream=True, timeout=10)

        first, second = open_stream(), open_stream()
        assert (first.status_code, second.status_code) == (200, 200)
        assert refused(open_stream()) == 10
        assert open_stream("wrong").status_code == 404
        other = start(running, contact="13900000002")  # another chat is not held back
        with requests.get(f"{running.url}/v1/chat/{other['chat_id']}/stream", stream=True,
                          params={"token": other["token"]}, timeout=10) as theirs:
            assert theirs.status_code == 200
        first.close()
        deadline = time.monotonic() + 15  # the server sees the close at its next write
        while True:
            again = open_stream()
            if again.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert again.status_code == 200
        again.close()
        second.close()
    finally:
        running.stop()
        running.engine.dispose()
