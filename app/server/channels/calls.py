"""Phone-call events from a PBX (a source of kind ``pbx``), told to the desks of the seat
whose extension rings.

The PBX posts each step of a call: ringing (caller number, extension), answered, hung up,
missed. The server keeps the call (``calls``), measures the time to answer in rings (seconds
÷ the source's ring length), and appends what the extension's seat must hear to
``call_events``, which his desks long-poll (``GET /v1/calls/events``) - woken by
LISTEN/NOTIFY on ``seatdesk_calls``, like the sync pokes. A call that rang and was never
answered (missed, or abandoned: hung up while ringing) becomes a call-back task: a phone
ticket for the requester with that number, written into the row store like an alert's.
A repeated event (a PBX retrying its post) changes nothing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Connection, Row, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.channels.records import ABANDONED, ANSWERED, MISSED, ring_ms_of, rings_of
from app.domain.clock import Clock
from app.domain.enums import Channel, EventKind, TicketState
from app.domain.ids import new_id
from app.server.channels.lookups import Lookups
from app.server.channels.tables import call_events, calls, phone_extensions
from app.server.channels.writes import RowWrites, write_rows_and_poke
from app.server.roles import staff_id_of
from app.server.tables import counters, rows
from app.sync.entities import encode_value

CALLS_CHANNEL = "seatdesk_calls"
AUTHOR = "pbx@server"
CALL_BACK_TYPE, CALL_BACK_CATEGORY = "consultation", "service_desk"
EXTENSION = r"^[0-9A-Za-z*#]{1,20}$"


class CallEvent(BaseModel):
    """One step of a call, as a PBX posts it (docs/channels.md)."""

    call_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:@-]+$")
    event: str = Field(pattern="^(ringing|answered|hangup|missed)$")
    caller: str = Field(default="", max_length=40, pattern=r"^[0-9+*#-]*$",
                        description="the calling number; empty when withheld")
    extension: str = Field(pattern=EXTENSION)


class ExtensionBody(BaseModel):
    extension: str = Field(max_length=20, pattern=r"^[0-9A-Za-z*#]*$",
                           description="the seat's extension; empty: none")


class ExtensionTaken(Exception):
    pass


def take_call(conn: Connection, clock: Clock, source: Row[Any], event: CallEvent,
              lookups: Lookups) -> dict[str, Any]:
    """Apply one PBX event; returns what it did (``{"call": state, "told": bool}``)."""
    now = clock.now()
    call = conn.execute(select(calls).where(calls.c.source_id == source.id,
                                            calls.c.call_id == event.call_id)
                        .with_for_update()).first()
    if call is None:
        if event.event == "hangup":
            return {"call": "unknown", "told": False}  # nothing rang: nothing to tell
        conn.execute(pg_insert(calls).values(
            source_id=source.id, call_id=event.call_id, caller=event.caller,
            extension=event.extension, state="ringing", ringing_at=now)
            .on_conflict_do_nothing())
        call = conn.execute(select(calls).where(calls.c.source_id == source.id,
                                                calls.c.call_id == event.call_id)
                            .with_for_update()).one()
        if event.event == "ringing":
            _tell(conn, call, "ringing", now)
            return {"call": "ringing", "told": True}
    state, wanted = call.state, _next_state(call.state, event.event)
    if wanted is None:
        return {"call": state, "told": False}  # a repeat, or a step that cannot follow
    values: dict[str, Any] = {"state": wanted}
    rings = None
    if wanted == "answered":
        rings = rings_of((now - call.ringing_at).total_seconds(),
                         ring_ms_of(source.ring_seconds))
        values |= {"answered_at": now, "rings": rings}
    else:
        values["ended_at"] = now
    writes = RowWrites(AUTHOR)
    # A hang-up while ringing: the caller gave up (abandoned); else the PBX stopped it.
    outcome = ANSWERED if wanted == "answered" else ABANDONED if event.event == "hangup" \
        else MISSED
    if wanted == "missed":
        values["ticket_id"] = _call_back(conn, clock, call, lookups, writes, outcome)
    if wanted in ("answered", "missed"):  # it stopped ringing: every desk learns how
        _record(conn, clock, writes, call, source, values, outcome)
    write_rows_and_poke(conn, writes.prepared(conn))
    conn.execute(update(calls).where(calls.c.source_id == source.id,
                                     calls.c.call_id == event.call_id).values(**values))
    _tell(conn, call, wanted, now, rings, values.get("ticket_id"))
    return {"call": wanted, "told": True, "rings": rings, "ticket": values.get("ticket_id")}


def _next_state(state: str, event: str) -> str | None:
    if state == "ringing":
        return {"answered": "answered", "hangup": "missed", "missed": "missed"}.get(event)
    if state == "answered" and event == "hangup":
        return "ended"
    return None


def _tell(conn: Connection, call: Row[Any], event: str, at: datetime,
          rings: float | None = None, ticket_id: str | None = None) -> None:
    login = conn.execute(select(phone_extensions.c.login).where(
        phone_extensions.c.extension == call.extension)).scalar()
    # The sequence from a counter row locked until commit, not a serial: events commit in
    # the order of their numbers, so a desk's cursor never skips one committing late.
    seq = int(conn.execute(update(counters).where(counters.c.name == "call_event")
                           .values(value=counters.c.value + 1)
                           .returning(counters.c.value)).scalar_one())
    conn.execute(insert(call_events).values(
        seq=seq, login=login, call_id=call.call_id, event=event, caller=call.caller,
        extension=call.extension, at=at, rings=rings, ticket_id=ticket_id))
    conn.execute(text(f"NOTIFY {CALLS_CHANNEL}"))


def _record(conn: Connection, clock: Clock, writes: RowWrites, call: Row[Any],
            source: Row[Any], values: dict[str, Any], outcome: str) -> None:
    """The call's record for every desk (``phone_calls``), once it stopped ringing: its
    seat, when it rang and was answered, the ring length, the outcome, the call-back."""
    login = conn.execute(select(phone_extensions.c.login).where(
        phone_extensions.c.extension == call.extension)).scalar()
    writes.insert("phone_calls", {
        "id": new_id(clock), "call_id": call.call_id, "extension": call.extension,
        "caller": call.caller, "seat_id": staff_id_of(conn, login) if login else None,
        "ringing_at": encode_value(call.ringing_at),
        "answered_at": encode_value(values.get("answered_at")),
        "ended_at": encode_value(values.get("ended_at")),
        "ring_ms": ring_ms_of(source.ring_seconds),
        "outcome": outcome, "ticket_id": values.get("ticket_id")})


def _call_back(conn: Connection, clock: Clock, call: Row[Any], lookups: Lookups,
               writes: RowWrites, outcome: str) -> str:
    """The call-back task of a missed call: a phone ticket for the caller's requester (none
    when the number is unknown: the seat finds out on the call back). Its creation names
    the call's outcome, which gives it the call-back target (app/sla/clock.py)."""
    requester = conn.execute(select(rows.c.key).where(
        rows.c.entity == "requesters", ~rows.c.deleted,
        rows.c.data["phone"].astext == call.caller,
        func.coalesce(rows.c.data["merged_into"].astext, "") == "").limit(1)).scalar() \
        if call.caller else None
    type_id = lookups.catalog_id(conn, "ticket_types", CALL_BACK_TYPE)
    category_id = lookups.catalog_id(conn, "categories", CALL_BACK_CATEGORY)
    if type_id is None or category_id is None:
        raise LookupError("the desk has no ticket types or categories")
    ticket_id, now = new_id(clock), encode_value(clock.now())
    number = call.caller or "—"
    # Stored text is read by every desk in its own language: both, Chinese first.
    title = f"回电 Call back {number}"
    detail = (f"未接来电 Missed call from {number} to extension {call.extension}, "
              f"rang at {encode_value(call.ringing_at)}")
    writes.insert("tickets", {
        "id": ticket_id, "number": "SD-P-call", "title": title, "description": detail,
        "requester_id": requester, "channel": str(Channel.PHONE), "type_id": type_id,
        "category_id": category_id, "urgency": 2, "impact": 1, "importance": 1, "level": 3,
        "level_reason": "", "state": str(TicketState.NEW), "pending_reason": "",
        "assignee_id": None, "team_id": None, "created_at": now, "first_response_at": None,
        "resolved_at": None, "closed_at": None, "solution": "", "cause": "",
        "satisfaction": None, "satisfaction_method": "", "closed_unconfirmed": False,
        "updated_at": now, "deleted": False}, numbered=True)
    writes.insert("ticket_events", {
        "id": new_id(clock), "ticket_id": ticket_id, "at": now, "actor_id": None,
        "kind": str(EventKind.CREATED), "body": detail,
        "data": json.dumps({"channel": str(Channel.PHONE), "level": 3,
                            "call": outcome, "caller": call.caller,
                            "call_id": call.call_id})})
    return ticket_id


def events_for(conn: Connection, login: str, after: int) -> tuple[list[dict[str, Any]], int]:
    """The call events for ``login`` after ``after`` and the newest sequence number (of all
    events: the desk's next ``after``). ``after`` < 0: none, only where to start."""
    newest = int(conn.execute(select(counters.c.value).where(
        counters.c.name == "call_event")).scalar_one())
    if after < 0:
        return [], newest
    # When the call started ringing: the intake form's receipt time for the call.
    started = select(calls.c.ringing_at).where(
        calls.c.call_id == call_events.c.call_id,
        calls.c.extension == call_events.c.extension).order_by(
        calls.c.ringing_at.desc()).limit(1).scalar_subquery()
    # Not past ``newest``: each statement reads its own snapshot, so an event committing
    # between the two would otherwise be heard now and again after the returned cursor.
    found = conn.execute(select(call_events, started.label("started")).where(
        call_events.c.login == login, call_events.c.seq > after,
        call_events.c.seq <= newest)
        .order_by(call_events.c.seq).limit(100)).all()
    events = [{"seq": row.seq, "call_id": row.call_id, "event": row.event,
               "caller": row.caller, "extension": row.extension,
               "at": encode_value(row.at), "rings": row.rings, "ticket_id": row.ticket_id,
               "started": encode_value(row.started) if row.started else None}
              for row in found]
    return events, (events[-1]["seq"] if len(events) == 100 else newest)


def set_extension(conn: Connection, login: str, extension: str) -> str:
    """Map ``extension`` to ``login`` (empty: none); ``ExtensionTaken`` if another seat
    has it."""
    owner = conn.execute(select(phone_extensions.c.login).where(
        phone_extensions.c.extension == extension).with_for_update()).scalar()
    if extension and owner not in (None, login):
        raise ExtensionTaken(extension)
    conn.execute(phone_extensions.delete().where(phone_extensions.c.login == login))
    if extension:
        conn.execute(insert(phone_extensions).values(login=login, extension=extension))
    return extension


def extension_of(conn: Connection, login: str) -> str:
    return str(conn.execute(select(phone_extensions.c.extension).where(
        phone_extensions.c.login == login)).scalar() or "")
