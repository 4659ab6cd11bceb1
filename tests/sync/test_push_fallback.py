"""Push's last line of defence: when PostgreSQL refuses a row the checks let through, the batch
is redone one mutation per savepoint. Over real HTTP, against the real server's database."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.server import push as push_module
from app.server.tables import counters, desks, rows
from tests.sync.conftest import RunningServer
from tests.sync.test_server_api import _token

NEW_REQUESTER = "0190c0de-0000-7000-8000-0000000f00d1"


def _server_rows(server: RunningServer, entity: str, limit: int = 2) -> list[Any]:
    with server.engine.connect() as conn:
        return list(conn.execute(select(rows).where(rows.c.entity == entity)
                                 .order_by(rows.c.key).limit(limit)))


def _snapshot(server: RunningServer) -> dict[tuple[str, str], tuple[Any, ...]]:
    with server.engine.connect() as conn:
        return {(r.entity, r.key): (r.data, r.version, r.deleted, r.seq)
                for r in conn.execute(select(rows))}


def _counter(server: RunningServer) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(counters.c.value)
                                .where(counters.c.name == "change")).scalar_one())


def test_a_row_the_database_refuses_is_rejected_alone_and_the_rest_applied_once(
        server: RunningServer, monkeypatch: pytest.MonkeyPatch) -> None:
    fallbacks: list[int] = []
    one_by_one = push_module._push_one_by_one

    def counted(*args: Any) -> Any:
        fallbacks.append(len(args[4]))
        return one_by_one(*args)

    monkeypatch.setattr(push_module, "_push_one_by_one", counted)
    requester = _server_rows(server, "requesters", 1)[0]
    first, second = _server_rows(server, "tickets")
    before, counter_before = _snapshot(server), _counter(server)
    # Taking another ticket's number by an edit: merge has no rule for it (numbers are
    # checked when a ticket is created), only the unique index on final numbers catches it.
    batch = {"desk_id": "desk-fallback", "mutations": [
        {"id": 1, "entity": "requesters", "key": requester.key, "op": "put",
         "patch": {"name": "回退路径"}, "base_version": requester.version},
        {"id": 2, "entity": "tickets", "key": first.key, "op": "put",
         "patch": {"number": second.data["number"]}, "base_version": first.version},
        {"id": 3, "entity": "requesters", "key": NEW_REQUESTER, "op": "put", "patch": {
            "id": NEW_REQUESTER, "name": "新来的", "unit": "机房", "phone": "010-1",
            "email": "", "updated_at": "2026-01-05T08:00:00+00:00", "deleted": False},
         "base_version": 0}]}
    answer = requests.post(f"{server.url}/v1/push", headers=_token(server), json=batch,
                           timeout=10).json()

    assert fallbacks == [3]  # the batch path failed and the savepoint path ran
    results = answer["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"] == "ticket number already in use"
    assert results[1]["row"]["data"]["number"] == first.data["number"]  # the desk's repair
    after = _snapshot(server)
    written = {key for key in after if after[key] != before.get(key)}
    assert written == {("requesters", requester.key), ("requesters", NEW_REQUESTER)}
    assert after[("requesters", requester.key)][0]["name"] == "回退路径"
    assert after[("requesters", requester.key)][1] == requester.version + 1
    assert after[("tickets", first.key)] == before[("tickets", first.key)]  # not half-written
    # The abandoned batch attempt left no sequence numbers behind: no gap, no extra change.
    new_seqs = sorted(after[key][3] for key in written)
    assert new_seqs == [counter_before + 1, counter_before + 2] == [
        _counter(server) - 1, _counter(server)]

    # Sent again (the desk never heard the answer): each gets the outcome it had (the
    # refusal with its reason), nothing applied twice.
    again = requests.post(f"{server.url}/v1/push", headers=_token(server), json=batch,
                          timeout=10).json()
    assert [r["status"] for r in again["results"]] == ["duplicate", "rejected", "duplicate"]
    assert again["results"][1]["reason"] == "ticket number already in use"
    assert _snapshot(server) == after and _counter(server) == counter_before + 2
    with server.engine.connect() as conn:
        assert conn.execute(select(desks.c.last_mutation_id)
                            .where(desks.c.desk_id == "desk-fallback")).scalar_one() == 3
