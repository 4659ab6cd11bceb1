"""The desk's named sync values in ``sync_state``: the folder's own id, the incarnation, one
desk id per seat that pushed from here, the cursor, the server."""

from __future__ import annotations

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.sync.tables import STATE

_state = STATE
DESK_ID = "desk_id"  # the data folder's own id (provisional ticket numbers carry it)
CURSOR = "cursor"
INCARNATION = "incarnation"
SEAT_DESK_ID = "desk_id:"  # + login: the desk id that seat's changes are pushed under


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


def incarnation(conn: Connection, clock: Clock) -> str:
    """This copy of the data folder: made with the folder, new when the server finds the
    desk reusing ids it had used (restored from a backup, or copied; app/sync/restore.py)."""
    found = read(conn, INCARNATION)
    if not found:
        found = new_id(clock)
        write(conn, INCARNATION, found)
    return found


def seat_desk_id(conn: Connection, clock: Clock, login: str) -> str:
    """The desk id ``login``'s changes are pushed under from this folder, made on first
    use: the server binds a desk id to the account that registered it (DESIGN.md §10)."""
    name = SEAT_DESK_ID + login
    found = read(conn, name)
    if not found:
        found = new_id(clock)
        write(conn, name, found)
    return found


def new_incarnation(conn: Connection, clock: Clock) -> str:
    """Start a new incarnation: a new id, and new desk ids for every seat on next use."""
    conn.execute(delete(_state).where(_state.c.name.startswith(SEAT_DESK_ID, autoescape=True)))
    value = new_id(clock)
    write(conn, INCARNATION, value)
    return value
