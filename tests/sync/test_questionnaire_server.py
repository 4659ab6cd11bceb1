"""The questionnaire's server side over real HTTP and PostgreSQL: only the mail service asks
for links; a link opens the form, a bad answer is refused and shown again, an answer is
taken once, a reused, unknown or expired link gets a clear page; answers are collected."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests

from app.domain.clock import ManualClock, SystemClock
from app.domain.roles import Role
from app.server.accounts import create_user
from app.sync.client import Refused, ServerClient
from app.sync.tokens import MemoryVault
from tests.sync.conftest import AGENT, PASSWORD, RunningServer


def client(server: RunningServer, login: str) -> ServerClient:
    signed = ServerClient(server.url, MemoryVault())
    signed.sign_in(login, PASSWORD)
    return signed


def link(server: RunningServer) -> str:
    with server.engine.begin() as conn:
        create_user(conn, SystemClock(), "mailer", "Mail", Role.MAIL, PASSWORD)
    mailer = client(server, "mailer")
    path = mailer.call("POST", "/v1/questionnaires",
                       json={"ticket_id": "t-1", "number": "SD-000001", "title": "VPN 无法连接"})
    return server.url + path["path"]


def test_a_link_answered_once_and_collected_by_the_mail_service(
        server: RunningServer) -> None:
    url = link(server)
    page = requests.get(url, timeout=10)
    assert page.status_code == 200 and "SD-000001" in page.text and "VPN 无法连接" in page.text
    bad = requests.post(url, data={"solved": "yes", "score": "9"}, timeout=10)
    assert bad.status_code == 422 and "1 到 5 分" in bad.text
    assert 'value="yes" checked' in bad.text  # what was typed is kept
    unsolved = requests.post(url, data={"solved": "no", "score": "2"}, timeout=10)
    assert unsolved.status_code == 422 and "还有哪些没有解决" in unsolved.text
    done = requests.post(url, data={"solved": "yes", "score": "5", "reason": "fast",
                                    "comment": "很快"}, timeout=10)
    assert done.status_code == 200 and "感谢" in done.text
    again = requests.post(url, data={"solved": "no", "score": "1", "comment": "x"}, timeout=10)
    assert again.status_code == 410 and "已提交过" in again.text
    assert requests.get(url, timeout=10).status_code == 410
    mailer = client(server, "mailer")
    [answer] = mailer.call("GET", "/v1/questionnaires/answers")["answers"]
    assert (answer["ticket_id"], answer["solved"], answer["score"], answer["comment"]) == (
        "t-1", True, 5, "很快")
    mailer.call("POST", f"/v1/questionnaires/{answer['id']}/applied")
    assert mailer.call("GET", "/v1/questionnaires/answers")["answers"] == []


def test_unknown_and_expired_links_and_seats_are_refused(server: RunningServer) -> None:
    url = link(server)
    assert requests.get(url + "x", timeout=10).status_code == 404
    clock = server.clock
    assert isinstance(clock, ManualClock)
    clock.advance(timedelta(days=8))
    expired = requests.get(url, timeout=10)
    assert expired.status_code == 410 and "已过期" in expired.text
    with pytest.raises(Refused):
        client(server, AGENT).call("POST", "/v1/questionnaires", json={
            "ticket_id": "t", "number": "SD-1", "title": "x"})
