"""The server's contract at its edges: clear errors for bad requests, roles and limits, and
a pull cursor that cannot skip a change whose transaction commits late."""

from __future__ import annotations

import threading
import time

import requests
from sqlalchemy import text

from app.sync.protocol import MAX_BODY
from tests.sync.conftest import AGENT, OTHER_AGENT, PASSWORD, RunningServer


def _token(server: RunningServer, login: str = AGENT) -> dict[str, str]:
    body = requests.post(f"{server.url}/v1/login", json={"login": login, "password": PASSWORD},
                         timeout=10).json()
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_health_and_errors_are_clear_json(server: RunningServer) -> None:
    assert requests.get(f"{server.url}/v1/health", timeout=10).json()["status"] == "ok"
    unauthenticated = requests.get(f"{server.url}/v1/pull", timeout=10)
    assert unauthenticated.status_code == 401
    assert unauthenticated.json() == {"error": "unauthenticated", "message": "sign in first"}
    bad = requests.post(f"{server.url}/v1/push", headers=_token(server), timeout=10,
                        json={"desk_id": "d", "mutations": [{"id": 0, "entity": "tickets"}]})
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_request"
    huge = requests.post(f"{server.url}/v1/push", headers=_token(server), timeout=10,
                         data=b"x" * (MAX_BODY + 1))
    assert huge.status_code == 413 and huge.json()["error"] == "too_large"


def test_failed_logins_are_capped(server: RunningServer) -> None:
    for _ in range(10):
        wrong = requests.post(f"{server.url}/v1/login", timeout=10,
                              json={"login": OTHER_AGENT, "password": "guess"})
        assert wrong.status_code == 401 and wrong.json()["error"] == "login_refused"
    capped = requests.post(f"{server.url}/v1/login", timeout=10,
                           json={"login": OTHER_AGENT, "password": PASSWORD})
    assert capped.status_code == 429  # even the right password waits out the window


def test_unknown_entities_and_bad_values_are_rejected_with_a_reason(
        server: RunningServer) -> None:
    answer = requests.post(f"{server.url}/v1/push", headers=_token(server), timeout=10, json={
        "desk_id": "desk-x", "mutations": [
            {"id": 1, "entity": "payroll", "key": "k", "op": "put", "patch": {},
             "base_version": 0},
            {"id": 2, "entity": "requesters", "key": "r1", "op": "put",
             "patch": {"name": 5}, "base_version": 0},
        ]}).json()
    reasons = [r["reason"] for r in answer["results"]]
    assert [r["status"] for r in answer["results"]] == ["rejected", "rejected"]
    assert reasons[0] == "unknown entity 'payroll'"
    assert reasons[1] == "name: not text"
    assert answer["last_mutation_id"] == 2  # refused, but never offered again


def test_a_change_committing_late_is_not_skipped_by_the_cursor(server: RunningServer) -> None:
    headers = _token(server)
    own = server.staff_id(AGENT)  # a saved filter is its owner's

    def cursor_now() -> int:
        page = requests.get(f"{server.url}/v1/pull", headers=headers, timeout=10,
                            params={"cursor": 0, "limit": 2000})
        cursor = 0
        while True:
            body = page.json()
            cursor = body["cursor"]
            if not body["more"]:
                return int(cursor)
            page = requests.get(f"{server.url}/v1/pull", headers=headers, timeout=10,
                                params={"cursor": cursor, "limit": 2000})

    start = cursor_now()
    slow = server.engine.connect()
    transaction = slow.begin()
    # A writer takes the next sequence number and is slow to commit ...
    low = slow.execute(text("UPDATE sync_counters SET value = value + 1 WHERE name = 'change' "
                            "RETURNING value")).scalar_one()
    slow.execute(text("INSERT INTO sync_rows (entity, key, data, field_versions, version, "
                      "deleted, seq) VALUES ('requesters', 'late', '{}', '{}', 1, false, :s)"),
                 {"s": low})
    done = threading.Event()

    def push() -> None:  # ... while another desk's push wants a later one
        requests.post(f"{server.url}/v1/push", headers=headers, timeout=30, json={
            "desk_id": "desk-y", "mutations": [{"id": 1, "entity": "saved_filters",
                                                "key": "f1", "op": "put", "base_version": 0,
                                                "patch": {"id": "f1", "name": "mine",
                                                          "definition": "{}",
                                                          "position": 0, "deleted": False,
                                                          "updated_at": "2026-11-26T02:00:00+00:00",
                                                          "owner_id": own}}]})
        done.set()

    threading.Thread(target=push, daemon=True).start()
    time.sleep(0.5)
    assert not done.is_set()  # the later sequence waits for the earlier commit
    assert cursor_now() == start  # and nothing newer is visible meanwhile
    transaction.commit()
    slow.close()
    assert done.wait(10)
    page = requests.get(f"{server.url}/v1/pull", headers=headers, timeout=10,
                        params={"cursor": start}).json()
    assert [c["key"] for c in page["changes"]] == ["late", "f1"]
