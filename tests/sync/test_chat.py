"""Online chat over real HTTP against the real server (issue 19): a requester's chat opens
a ticket at the first message, seats hear of it, one accepts and answers (the first
response on the timeline, under the seat's staff member), the page's stream carries the
answer, another seat cannot take it, a transfer and an end."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.server.tables import rows
from app.sync.client import Refused
from tests.sync.conftest import AGENT, ESCALATOR, OTHER_AGENT, RunningServer
from tests.sync.test_account_admin import signed_in


def start(server: RunningServer, contact: str = "13900000001") -> dict[str, str]:
    answer = requests.post(f"{server.url}/v1/chat/start", timeout=10, json={
        "name": "李明", "unit": "市财政局", "contact": contact})
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def say(server: RunningServer, chat: dict[str, str], body: str) -> requests.Response:
    return requests.post(f"{server.url}/v1/chat/{chat['chat_id']}/messages", timeout=10,
                         json={"body": body}, headers={"X-Chat-Token": chat["token"]})


def stream(server: RunningServer, chat: dict[str, str], count: int) -> list[dict[str, Any]]:
    """The first ``count`` events of the page's stream (server-sent events)."""
    found: list[dict[str, Any]] = []
    with requests.get(f"{server.url}/v1/chat/{chat['chat_id']}/stream", timeout=10,
                      params={"token": chat["token"]}, stream=True) as answer:
        assert answer.headers["content-type"].startswith("text/event-stream")
        for line in answer.iter_lines(decode_unicode=True):
            if line.startswith("data: "):
                found.append(json.loads(line[6:]))
                if len(found) == count:
                    return found
    return found


def test_a_chat_from_first_message_to_the_seats_answer(server: RunningServer) -> None:
    agent, other = signed_in(server, AGENT), signed_in(server, OTHER_AGENT)
    cursor = agent.call("GET", "/v1/chats/events", params={"after": -1})["last"]
    chat = start(server)
    assert say(server, chat, "VPN 连不上").status_code == 200
    heard = agent.call("GET", "/v1/chats/events", params={"after": cursor, "timeout": 5})
    mine = [e for e in heard["events"] if e["chat_id"] == chat["chat_id"]]
    assert [(e["kind"], e["name"], e["unit"]) for e in mine] == [
        ("waiting", "李明", "市财政局"), ("message", "李明", "市财政局")]
    # Once a seat has the chat, its messages are that seat's desk's only.
    assert other.call("GET", "/v1/chats/events", params={"after": cursor})["events"][1][
        "body"] == "VPN 连不上"
    path = f"/v1/chats/{chat['chat_id']}"
    agent.call("POST", f"{path}/accept")
    with pytest.raises(Refused) as taken:
        other.call("POST", f"{path}/accept")
    assert taken.value.status == 409
    with pytest.raises(Refused):
        other.call("POST", f"{path}/reply", json={"body": "我来"})
    agent.call("POST", f"{path}/reply", json={"body": "请重启客户端"})
    events = stream(server, chat, 4)
    assert [(e["kind"], e["body"]) for e in events] == [
        ("waiting", "李明"), ("message", "VPN 连不上"), ("accepted", ""),
        ("message", "请重启客户端")]
    assert events[3]["author"] == AGENT.title()
    with server.engine.connect() as conn:
        ticket_id = conn.execute(select(rows.c.key).where(
            rows.c.entity == "tickets", rows.c.data["channel"].astext == "chat")
            .order_by(rows.c.seq.desc()).limit(1)).scalar_one()
        ticket = conn.execute(select(rows.c.data).where(
            rows.c.entity == "tickets", rows.c.key == ticket_id)).scalar_one()
        timeline = [d for d in conn.execute(select(rows.c.data).where(
            rows.c.entity == "ticket_events", rows.c.data["ticket_id"].astext == ticket_id)
            .order_by(rows.c.seq)).scalars()]
    assert ticket["first_response_at"] is not None and ticket["description"] == "VPN 连不上"
    assert [(e["kind"], e["body"]) for e in timeline] == [
        ("created", "VPN 连不上"), ("comment", "请重启客户端")]
    assert json.loads(timeline[1]["data"])["first_response"] is True
    assert timeline[1]["actor_id"] == server.staff_id(AGENT)
    # Transferred, then ended: the page hears both; the ended chat takes no message.
    agent.call("POST", f"{path}/transfer", json={"login": OTHER_AGENT})
    other.call("POST", f"{path}/end")
    assert [e["kind"] for e in stream(server, chat, 6)][4:] == ["accepted", "ended"]
    assert say(server, chat, "还在吗").status_code == 409


def test_a_wrong_token_is_told_nothing(server: RunningServer) -> None:
    chat = start(server)
    assert say(server, {**chat, "token": "guess"}, "hello").status_code == 404
    assert requests.get(f"{server.url}/v1/chat/{chat['chat_id']}/stream", timeout=10,
                        params={"token": "guess"}).status_code == 404
    assert requests.post(f"{server.url}/v1/chat/start", timeout=10,
                         json={"name": " ", "contact": "1"}).status_code == 422
    page = requests.get(f"{server.url}/chat", timeout=10)
    assert page.status_code == 200 and "在线客服" in page.text


def test_a_seat_reads_a_whole_conversation_by_chat_ticket_or_open_chats(
        server: RunningServer) -> None:
    agent = signed_in(server, AGENT)
    chat = start(server)
    assert say(server, chat, "打印机脱机").status_code == 200
    whole = agent.call("GET", f"/v1/chats/{chat['chat_id']}")
    assert (whole["name"], whole["state"], whole["seat"]) == ("李明", "waiting", None)
    assert [(e["kind"], e["body"]) for e in whole["events"]] == [
        ("waiting", "李明"), ("message", "打印机脱机")]
    by_ticket = agent.call("GET", "/v1/chats", params={"ticket_id": whole["ticket_id"]})
    assert by_ticket == whole
    with pytest.raises(Refused) as unknown:
        agent.call("GET", "/v1/chats", params={"ticket_id": "0" * 36})
    assert unknown.value.status == 404
    assert requests.get(f"{server.url}/v1/chats/{chat['chat_id']}",
                        timeout=10).status_code == 401  # a seat's, not the requester's
    # What a desk that connects has not heard: the chats waiting and the seat's own.
    other = signed_in(server, OTHER_AGENT)
    taken, ended = start(server, "13900000002"), start(server, "13900000003")
    other.call("POST", f"/v1/chats/{taken['chat_id']}/accept")
    agent.call("POST", f"/v1/chats/{ended['chat_id']}/accept")
    agent.call("POST", f"/v1/chats/{ended['chat_id']}/end")
    assert [c["chat_id"] for c in agent.call("GET", "/v1/chats/open")["chats"]] == [
        chat["chat_id"]]
    assert [c["chat_id"] for c in other.call("GET", "/v1/chats/open")["chats"]] == [
        chat["chat_id"], taken["chat_id"]]
    assert other.call("GET", "/v1/chats/open")["chats"][0] == whole


def test_a_services_account_answers_no_chat(server: RunningServer) -> None:
    """The escalation service signs in like a seat, but takes no conversation."""
    service, agent = signed_in(server, ESCALATOR), signed_in(server, AGENT)
    chat = start(server, contact="13900000009")
    assert say(server, chat, "打印机卡纸").status_code == 200
    path = f"/v1/chats/{chat['chat_id']}"
    for action, body in (("accept", None), ("reply", {"body": "收到"}), ("end", None)):
        with pytest.raises(Refused) as refused:
            service.call("POST", f"{path}/{action}", json=body)
        assert (refused.value.status, refused.value.code) == (403, "forbidden")
    agent.call("POST", f"{path}/accept")  # still waiting for a seat
    assert [e["kind"] for e in stream(server, chat, 3)] == ["waiting", "message", "accepted"]
