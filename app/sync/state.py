"""The desk's named sync values (desk id, cursor, server, user) in ``sync_state``."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.sync.tables import STATE

_state = STATE
DESK_ID = "desk_id"
CURSOR = "cursor"


def read(conn: Connection, name: str, default: str = "") -> str:
    value = conn.execute(select(_state.c.value).where(_state.c.name == name)).scalar()
    return default if value is None else str(value)


def write(conn: Connection, name: str, value: str) -> None:
    conn.execute(insert(_state).values(name=name, value=value)
                 .on_conflict_do_update(index_elements=["name"], set_={"value": value}))


def desk_id(conn: Connection, clock: Clock) -> str:
    """This desk's id, made once and kept for the life of the data folder."""
    found = read(conn, DESK_ID)
    if not found:
        found = new_id(clock)
        write(conn, DESK_ID, found)
    return found
