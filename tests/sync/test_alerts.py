"""Monitoring alerts into tickets over real HTTP against the real server (issue 19): the
Alertmanager and Zabbix webhooks, dedupe by fingerprint, resolve by rule, storms, tokens,
bad payloads, the administrator-only rules, and a desk pulling the ticket."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.channels import client as channels
from app.channels.client import AlertRule, AlertSource
from app.server.channels.tables import alerts
from app.server.tables import rows
from app.store.models import TicketRow
from app.sync.client import Refused, ServerClient
from tests.sync.conftest import ADMIN, AGENT, Desk, RunningServer
from tests.sync.test_account_admin import admin, signed_in

__all__ = ["admin"]  # the signed-in administrator fixture, shared with the accounts tests


def alert(name: str, status: str = "firing", *, severity: str = "critical",
          starts: str = "2026-12-01T08:00:00Z", instance: str = "web-01:9100",
          fingerprint: str | None = None) -> dict[str, Any]:
    return {"status": status, "labels": {"alertname": name, "severity": severity,
                                         "instance": instance},
            "annotations": {"summary": f"{name} on {instance}",
                            "description": f"{name} fired on {instance}"},
            "startsAt": starts, "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus:9090/graph",
            "fingerprint": fingerprint or f"{name}-{instance}"}


def group(*alerts_: dict[str, Any]) -> dict[str, Any]:
    """Alertmanager's webhook body (version 4) around ``alerts_``."""
    return {"version": "4", "groupKey": "{}:{alertname=\"x\"}", "truncatedAlerts": 0,
            "status": alerts_[0]["status"], "receiver": "seatdesk", "groupLabels": {},
            "commonLabels": {}, "commonAnnotations": {},
            "externalURL": "http://alertmanager:9093", "alerts": list(alerts_)}


Post = Callable[..., requests.Response]


@pytest.fixture
def post(server: RunningServer) -> Post:
    def send(kind: str, token: str | None, body: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return requests.post(f"{server.url}/v1/alerts/{kind}", data=data, timeout=10,
                             headers={**headers, "Content-Type": "application/json"})
    return send


def tickets(server: RunningServer) -> list[dict[str, Any]]:
    """The tickets alerts opened (the demo desk has monitoring tickets of its own)."""
    with server.engine.connect() as conn:
        return list(conn.execute(select(rows.c.data).where(
            rows.c.entity == "tickets", rows.c.data["channel"].astext == "monitoring",
            rows.c.data["level_reason"].astext.startswith("alert rule"))
            .order_by(rows.c.data["number"].astext)).scalars())


def timeline(server: RunningServer, ticket_id: str) -> list[dict[str, Any]]:
    with server.engine.connect() as conn:
        found = conn.execute(select(rows.c.data).where(
            rows.c.entity == "ticket_events", rows.c.data["ticket_id"].astext == ticket_id)
            .order_by(rows.c.seq)).scalars()
        return [{**d, "data": json.loads(d["data"])} for d in found]


def stored_counts(server: RunningServer) -> tuple[int, int]:
    with server.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(rows)).scalar_one(),
                conn.execute(select(func.count()).select_from(alerts)).scalar_one())


def catalog_code(server: RunningServer, entity: str, key: str) -> str:
    with server.engine.connect() as conn:
        return str(conn.execute(select(rows.c.data["code"].astext).where(
            rows.c.entity == entity, rows.c.key == key)).scalar_one())


def test_an_alert_opens_one_ticket_and_its_repeats_are_added_to_it(
        server: RunningServer, admin: ServerClient, post: Post,
        make_desk: Callable[..., Desk]) -> None:
    source = channels.create_source(admin, "Prometheus", "alertmanager")
    assert source.token and len(source.token) >= 40
    first = post("alertmanager", source.token, group(alert("NodeDown")))
    assert first.status_code == 200, first.text
    assert first.json()["opened"] == 1
    [ticket] = tickets(server)
    assert ticket["state"] == "new" and ticket["level"] == 1
    assert ticket["title"] == "NodeDown - web-01:9100 - NodeDown on web-01:9100"
    assert catalog_code(server, "ticket_types", ticket["type_id"]) == "fault"
    assert catalog_code(server, "categories", ticket["category_id"]) == "monitoring"
    assert ticket["requester_id"] is None and ticket["number"].startswith("SD-")
    # Alertmanager resends the firing group: counted, nothing new written.
    before = stored_counts(server)
    again = post("alertmanager", source.token, group(alert("NodeDown")))
    assert again.json() | {"tickets": []} == {"opened": 0, "added": 0, "repeated": 1,
                                              "resolved": 0, "ignored": 0, "tickets": []}
    assert stored_counts(server)[0] == before[0]
    # It resolves (a note, no rule resolves it), then fires again: a new occurrence.
    post("alertmanager", source.token, group(alert("NodeDown", "resolved")))
    post("alertmanager", source.token,
         group(alert("NodeDown", starts="2026-12-01T09:00:00Z")))
    [still] = tickets(server)
    assert still["state"] == "new"
    entries = timeline(server, ticket["id"])
    assert [(e["kind"], e["data"].get("alert")) for e in entries] == [
        ("created", "opened"), ("comment", "resolved"), ("comment", "fired")]
    assert all(e["actor_id"] is None for e in entries)
    # A desk pulls the ticket like any other.
    desk = make_desk(AGENT)
    with desk.store.unit_of_work() as session:
        pulled = session.get(TicketRow, ticket["id"])
        assert pulled is not None and pulled.channel == "monitoring"
        assert pulled.number == ticket["number"]


def test_a_rule_maps_the_alert_and_its_resolution_resolves_the_ticket(
        server: RunningServer, admin: ServerClient, post: Post) -> None:
    source = channels.create_source(admin, "Prometheus", "alertmanager")
    saved = channels.save_rules(admin, [
        AlertRule("alertname", "Disk*", "maintenance", "storage", 2, resolve=True),
        AlertRule("severity", "*", "fault", "network", 3, source_id=source.id)])
    assert [r.category_code for r in channels.read_rules(admin)] == ["storage", "network"]
    assert saved == channels.read_rules(admin)
    post("alertmanager", source.token, group(alert("DiskFull", severity="warning"),
                                             alert("LinkDown", severity="critical")))
    disk, link = tickets(server)
    assert (catalog_code(server, "categories", disk["category_id"]), disk["level"]) == \
        ("storage", 2)
    assert catalog_code(server, "ticket_types", disk["type_id"]) == "maintenance"
    assert (catalog_code(server, "categories", link["category_id"]), link["level"]) == \
        ("network", 3)
    answer = post("alertmanager", source.token,
                  group(alert("DiskFull", "resolved", severity="warning"),
                        alert("LinkDown", "resolved", severity="critical"))).json()
    assert answer["resolved"] == 2
    disk, link = tickets(server)
    assert disk["state"] == "resolved" and disk["resolved_at"]
    assert disk["solution"].startswith("Resolved by monitoring")
    assert link["state"] == "new"  # its rule does not resolve
    assert [e["kind"] for e in timeline(server, disk["id"])] == [
        "created", "comment", "state_changed"]
    # Firing again after its ticket was resolved: a new ticket.
    post("alertmanager", source.token,
         group(alert("DiskFull", severity="warning", starts="2026-12-02T08:00:00Z")))
    assert len(tickets(server)) == 3


def test_a_storm_from_one_source_is_grouped(server: RunningServer, admin: ServerClient,
                                            post: Post) -> None:
    source = channels.create_source(admin, "Zabbix", "zabbix", storm_threshold=3)
    for number in range(6):
        answer = post("zabbix", source.token, {
            "event_id": str(1000 + number), "status": "PROBLEM", "severity": "High",
            "host": f"db-{number:02d}", "trigger": "Free disk space is less than 5%",
            "message": "Problem started", "tags": {"service": "db"}})
        assert answer.status_code == 200, answer.text
    opened = tickets(server)
    assert len(opened) == 4
    storm = opened[3]
    assert storm["title"] == "Alert storm: Zabbix"
    joined = [e for e in timeline(server, storm["id"]) if e["data"].get("alert") == "joined"]
    assert [e["data"]["fingerprint"] for e in joined] == ["1003", "1004", "1005"]
    # The problem's recovery names the same event id: a note on its own ticket.
    post("zabbix", source.token, {"event_id": "1000", "status": "RESOLVED",
                                  "severity": "High", "host": "db-00", "trigger": "x"})
    assert [e["data"].get("alert") for e in timeline(server, opened[0]["id"])] == [
        "opened", "resolved"]


def test_wrong_tokens_and_bad_payloads_are_refused_and_store_nothing(
        server: RunningServer, admin: ServerClient, post: Post) -> None:
    prometheus = channels.create_source(admin, "Prometheus", "alertmanager")
    zabbix = channels.create_source(admin, "Zabbix", "zabbix")
    before = stored_counts(server)
    body = group(alert("NodeDown"))
    assert post("alertmanager", None, body).status_code == 401
    assert post("alertmanager", "not-a-token", body).status_code == 401
    assert post("alertmanager", zabbix.token, body).status_code == 401  # another kind's
    assert post("alertmanager", prometheus.token, "{not json").status_code in (400, 422)
    assert post("alertmanager", prometheus.token, {"alerts": [{"status": "burning"}]}) \
        .status_code == 422
    assert post("alertmanager", prometheus.token,
                group({**alert("X"), "labels": {}, "fingerprint": ""})).status_code == 422
    assert post("alertmanager", prometheus.token,
                group({**alert("X"), "labels": {"alertname": "a\u0000b"}})).status_code == 422
    assert post("zabbix", zabbix.token, {"event_id": "1", "status": "maybe"}) \
        .status_code == 422
    refused = post("alertmanager", "not-a-token", body)
    assert refused.json()["error"] == "unknown_source"
    # A replaced token and a disabled source are refused too.
    renewed = channels.replace_token(admin, prometheus.id)
    assert post("alertmanager", prometheus.token, body).status_code == 401
    channels.set_active(admin, prometheus.id, False)
    assert post("alertmanager", renewed.token, body).status_code == 401
    assert stored_counts(server) == before


def test_only_an_administrator_manages_sources_and_rules(server: RunningServer,
                                                        admin: ServerClient) -> None:
    agent = signed_in(server, AGENT)
    for call, args in ((channels.list_sources, ()), (channels.read_rules, ()),
                       (channels.create_source, ("X", "zabbix")),
                       (channels.save_rules, ([],))):
        with pytest.raises(Refused) as refused:
            call(agent, *args)  # type: ignore[operator]
        assert refused.value.status == 403
    source = channels.create_source(admin, "Prometheus", "alertmanager")
    listed = channels.list_sources(admin)
    assert listed == [AlertSource(source.id, "Prometheus", "alertmanager", True, 20, 300)]
    with pytest.raises(Refused) as taken:
        channels.create_source(admin, "Prometheus", "zabbix")
    assert taken.value.status == 409
    with pytest.raises(Refused) as unknown:
        channels.save_rules(admin, [AlertRule("a", "*", "fault", "hosts", 1,
                                              source_id="0190aaaa-0000-7000-8000-000000000000")])
    assert unknown.value.status == 409


def test_posts_arriving_together_are_taken_together_and_each_answered_alone(
        server: RunningServer, admin: ServerClient, post: Post) -> None:
    """Concurrent posts share transactions (app/server/channels/batching.py): the same
    alert posted by several at once opens one ticket, and a refused post among them is
    refused alone."""
    from concurrent.futures import ThreadPoolExecutor

    source = channels.create_source(admin, "Prometheus", "alertmanager", storm_threshold=0)
    bodies = [group(alert(f"Load{n % 10}")) for n in range(40)]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda body: post("alertmanager", source.token, body),
                                bodies))
        refused = pool.submit(post, "alertmanager", "a wrong token", bodies[0]).result()
    assert [a.status_code for a in answers] == [200] * 40
    assert refused.status_code == 401
    assert sum(a.json()["opened"] for a in answers) == 10
    assert sum(a.json()["repeated"] for a in answers) == 30
    assert len(tickets(server)) == 10


def test_the_alert_writer_ends_with_the_server(server_db: str, server_clock: Any) -> None:
    """The thread writing alert posts is the server's: it ends when the server shuts down
    (a test run started a few dozen servers and kept every writer and its engine)."""
    import threading

    def writers() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "seatdesk-alerts"}

    before = writers()
    running = RunningServer(server_db, server_clock)
    running.start()
    try:
        client = signed_in(running, ADMIN)
        source = channels.create_source(client, "Prometheus", "alertmanager")
        client.close()
        answer = requests.post(f"{running.url}/v1/alerts/alertmanager", timeout=10,
                               json=group(alert("DiskFull")),
                               headers={"Authorization": f"Bearer {source.token}"})
        assert answer.status_code == 200
        [writer] = writers() - before
    finally:
        running.stop()
        running.engine.dispose()
    assert not writer.is_alive()
