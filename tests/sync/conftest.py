"""Fixtures for sync tests: a real PostgreSQL, the real server over real HTTP, desks with
their own SQLite files.

PostgreSQL must be reachable (127.0.0.1:5432, user postgres, or ``SEATDESK_TEST_PG``): these
tests fail, never skip, without it. One template database is migrated and filled with a demo
desk's data once per session; every test gets its own copy (``CREATE DATABASE … TEMPLATE``).

Every desk signs in as an account whose login is a demo staff member's (``ADMIN``, ``AGENT``,
...) and writes as that staff member (``Desk.staff_id``), as a real desk does: the server
refuses a row whose author is not the pushing account's own staff member. Only the
escalation service's account (``ESCALATOR``) has no staff row and writes system entries.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import uvicorn
from sqlalchemy import Engine, select

from app.audit.recorder import AuditRecorder
from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_SUPERVISOR
from app.domain.clock import Clock, ManualClock, SystemClock
from app.domain.roles import Role
from app.paths import DataDir
from app.server.accounts import create_user
from app.server.api import create_app
from app.server.channels.chat_limits import ChatLimits
from app.server.schema import server_engine, upgrade
from app.server.seeding import import_desk
from app.server.tables import rows
from app.services.data_folder import prepare
from app.store.database import Store
from app.sync.client import ServerClient
from app.sync.outbox import OutboxWriter
from app.sync.syncer import Syncer
from app.sync.tokens import MemoryVault
from tests.conftest import T0

ADMIN_URL = os.environ.get("SEATDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PASSWORD = "correct horse battery"
# The server's accounts: demo staff members' logins (each writes as that staff member), and
# the escalation service's, which has no staff row.
ADMIN, SUPERVISOR, OTHER_SUPERVISOR = DEMO_ADMIN, DEMO_SUPERVISOR, "seat003"
AGENT, OTHER_AGENT = DEMO_AGENT, "seat011"
ESCALATOR = "escalator"
ACCOUNTS: dict[str, Role] = {
    ADMIN: Role.ADMIN, SUPERVISOR: Role.SUPERVISOR, OTHER_SUPERVISOR: Role.SUPERVISOR,
    AGENT: Role.AGENT, OTHER_AGENT: Role.AGENT, ESCALATOR: Role.ESCALATOR}
_numbers = itertools.count(1)


def _admin() -> psycopg.Connection:
    try:
        return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is required for sync tests and is unreachable at {ADMIN_URL}: "
                    f"{error}", pytrace=False)


def _url(database: str) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + database


def _drop(conn: psycopg.Connection, name: str) -> None:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database(name: str, template: str | None = None) -> str:
    """A new database ``name`` (a copy of ``template`` if given, else migrated and empty);
    returns its URL. ``drop_database`` removes it."""
    with _admin() as conn:
        _drop(conn, name)
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template
                                                     else ""))
    if template is None:
        engine = server_engine(_url(name))
        upgrade(engine)
        engine.dispose()
    return _url(name)


def drop_database(name: str) -> None:
    with _admin() as conn:
        _drop(conn, name)


@pytest.fixture(scope="session")
def pg_template(demo_desk: DataDir) -> Iterator[str]:
    """A migrated server database holding the demo desk and the ``ACCOUNTS``."""
    name = f"seatdesk_tpl_{os.getpid()}"
    engine = server_engine(create_database(name))
    clock = SystemClock()
    with engine.begin() as conn:
        import_desk(conn, demo_desk.database, "import@server")
        for login, role in ACCOUNTS.items():
            create_user(conn, clock, login, login.title(), role, PASSWORD)
    engine.dispose()
    yield name
    drop_database(name)


@pytest.fixture
def server_db(pg_template: str) -> Iterator[str]:
    name = f"seatdesk_t_{os.getpid()}_{next(_numbers)}"
    yield create_database(name, template=pg_template)
    drop_database(name)


class RunningServer:
    """uvicorn in a thread, on a free port of 127.0.0.1, over the test's database."""

    def __init__(self, url: str, clock: Clock, chat_limits: ChatLimits | None = None) -> None:
        self.db_url = url
        self.clock = clock
        self.chat_limits = chat_limits
        self.engine: Engine = server_engine(url)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def start(self, port: int = 0) -> str:
        app = create_app(self.engine, self.clock, listen_dsn=self.db_url,
                         chat_limits=self.chat_limits)
        self.app = app
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None,
                                access_log=False, lifespan="on", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the sync server did not start")
            time.sleep(0.02)
        sockets = self._server.servers[0].sockets
        self.port = sockets[0].getsockname()[1]
        return self.url

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(10)
            self._server = None

    def restart(self) -> None:
        port = self.port
        self.stop()
        self.start(port)

    def staff_id(self, login: str) -> str | None:
        """The staff member whose login is ``login`` (None: none has it), as the server
        matches an account to its staff member."""
        with self.engine.connect() as conn:
            found = conn.execute(select(rows.c.key).where(
                rows.c.entity == "staff", rows.c.deleted.is_(False),
                rows.c.data["login"].astext == login)).first()
        return None if found is None else str(found.key)


@pytest.fixture
def server_clock() -> ManualClock:
    return ManualClock(T0)


@pytest.fixture
def server(server_db: str, server_clock: ManualClock) -> Iterator[RunningServer]:
    running = RunningServer(server_db, server_clock)
    running.start()
    yield running
    running.stop()
    running.engine.dispose()


@dataclass
class Desk:
    """One seat's desk: its own SQLite file, outbox, audit recorder, client and syncer,
    signed in as ``login``, whose staff member (``staff_id``) authors its writes."""

    data: DataDir
    store: Store
    client: ServerClient
    syncer: Syncer
    clock: ManualClock
    login: str
    staff_id: str | None

    def close(self) -> None:
        self.client.close()
        self.store.close()


@pytest.fixture
def make_desk(server: RunningServer, tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    desks: list[Desk] = []

    def make(login: str = AGENT, *, sync: bool = True) -> Desk:
        data = DataDir(tmp_path / f"desk{len(desks)}")
        data.root.mkdir()
        clock = ManualClock(T0)
        prepare(data, clock)
        store = Store(data.database)
        # As the desk does at sign-in (ui/context.py): the seat authors the audit lines.
        store.author_id, store.author_login = server.staff_id(login), login
        AuditRecorder(store, clock)
        OutboxWriter(store, clock)
        client = ServerClient(server.url, MemoryVault())
        client.sign_in(login, PASSWORD)
        desk = Desk(data, store, client, Syncer(store, client, clock), clock, login,
                    store.author_id)
        if sync:
            desk.syncer.sync_once()
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()
