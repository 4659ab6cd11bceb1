"""Schemathesis fuzzes every operation of the sync server's OpenAPI schema: the real FastAPI
app over the test's own PostgreSQL database, signed in as an administrator (so pushes reach
every entity's checks and the account endpoints do their work), as an agent (refused
there) and not at all. No input may cause a 5xx, and every answer - errors included - must
have a documented status, content type and shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case
from sqlalchemy import Engine

from app.domain.clock import ManualClock
from app.server import accounts
from app.server.api import create_app
from app.server.schema import server_engine
from app.sync.entities import entities
from tests.conftest import T0
from tests.sync.conftest import ADMIN, AGENT, PASSWORD, RunningServer
from tests.sync.test_server_api import _token

CLOCK = ManualClock(T0)  # tokens never expire mid-run: this clock stands still
EXAMPLES = 25  # per operation: the whole run stays well under a minute


@pytest.fixture
def fuzzed_engine(server_db: str) -> Iterator[Engine]:
    engine = server_engine(server_db)
    yield engine
    engine.dispose()


@pytest.fixture(params=[ADMIN, AGENT, None], ids=["admin", "agent", "signed-out"])
def auth(fuzzed_engine: Engine, request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param is None:
        return {}
    with fuzzed_engine.begin() as conn:
        _user, tokens = accounts.login(conn, CLOCK, request.param, PASSWORD)
    return {"Authorization": f"Bearer {tokens.access}"}


def test_no_input_breaks_the_api_or_its_schema(fuzzed_engine: Engine,
                                               auth: dict[str, str]) -> None:
    # Driven through Hypothesis directly: schemathesis' pytest plugin (``from_fixture``)
    # reads a pytest attribute that pytest 9.2 no longer has.
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(fuzzed_engine, CLOCK))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {
        "POST /v1/push", "GET /v1/pull", "POST /v1/login", "POST /v1/numbers/lease",
        "GET /v1/accounts", "POST /v1/accounts", "PUT /v1/accounts/{login}/role",
        "PUT /v1/accounts/{login}/active", "PUT /v1/accounts/{login}/password",
        "GET /v1/stream"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow])
        def call(case: Case) -> None:
            if case.path in ("/v1/poke", "/v1/stream"):
                # A long poll (a stream) may wait: the fuzzer checks its answers, not its
                # patience.
                case.query = {**(case.query or {}), "timeout": 0}
            case.call_and_validate(headers=auth)

        call()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=5)


@st.composite
def mutations(draw: st.DrawFn) -> dict[str, Any]:
    """A mutation of a real entity with some of its real fields: the schema cannot tell the
    fuzzer those names, and without them it never gets past "unknown entity"."""
    entity = draw(st.sampled_from(list(entities().values())))
    names = draw(st.lists(st.sampled_from(entity.fields), max_size=4, unique=True))
    return {"id": 1, "entity": entity.name, "op": draw(st.sampled_from(["put", "delete"])),
            "key": draw(st.text(st.characters(exclude_characters="\x00"), min_size=1,
                                max_size=40)),
            "patch": {name: draw(JSON_VALUES) for name in names},
            "base_version": draw(st.integers(0, 3))}


@pytest.mark.parametrize("login", [ADMIN, AGENT])
def test_pushed_rows_of_real_entities_are_applied_or_refused_never_a_server_error(
        server: RunningServer, login: str) -> None:
    """As an agent too: the role checks read the pushed values, which may be anything."""
    session = requests.Session()
    session.headers.update(_token(server, login))
    desks = iter(range(10**6))

    @given(batch=st.lists(mutations(), min_size=1, max_size=5))
    @settings(max_examples=60, deadline=None, derandomize=True, database=None)
    def push(batch: list[dict[str, Any]]) -> None:
        for number, mutation in enumerate(batch, 1):
            mutation["id"] = number
        answer = session.post(f"{server.url}/v1/push", timeout=10, json={
            "desk_id": f"fuzz-{next(desks)}", "mutations": batch})
        assert answer.status_code == 200, answer.text
        assert [r["status"] in ("applied", "rejected") for r in answer.json()["results"]] == [
            True] * len(batch)

    push()
