"""Queue filters a seat saves under a name (synced like tickets: UUIDv7, version, tombstone)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from app.domain.clock import Clock
from app.domain.enums import Channel, Level, TicketState
from app.services.errors import DeskError, Problem
from app.store.queues import QueueFilter, View

if TYPE_CHECKING:
    from app.store.database import Store

NAME_MAX = 80


class SavedFilter(NamedTuple):
    id: str
    name: str
    view: View
    filters: QueueFilter


def filter_to_json(view: View, filters: QueueFilter) -> str:
    data: dict[str, Any] = {
        "view": view.value, "text": filters.text,
        "states": sorted(s.value for s in filters.states),
        "levels": sorted(int(lv) for lv in filters.levels),
        "channels": sorted(c.value for c in filters.channels),
        "type_ids": sorted(filters.type_ids), "category_ids": sorted(filters.category_ids),
        "assignee_id": filters.assignee_id, "team_id": filters.team_id,
        "requester_id": filters.requester_id,
        "created_from": filters.created_from.isoformat() if filters.created_from else None,
        "created_to": filters.created_to.isoformat() if filters.created_to else None,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def filter_from_json(text: str) -> tuple[View, QueueFilter]:
    data = json.loads(text)

    def when(key: str) -> datetime | None:
        return datetime.fromisoformat(data[key]) if data.get(key) else None

    return View(data.get("view", "all")), QueueFilter(
        states=frozenset(TicketState(s) for s in data.get("states", [])),
        levels=frozenset(Level(lv) for lv in data.get("levels", [])),
        channels=frozenset(Channel(c) for c in data.get("channels", [])),
        type_ids=frozenset(data.get("type_ids", [])),
        category_ids=frozenset(data.get("category_ids", [])),
        assignee_id=data.get("assignee_id"), team_id=data.get("team_id"),
        requester_id=data.get("requester_id"), text=data.get("text", ""),
        created_from=when("created_from"), created_to=when("created_to"))


def saved_filters(reader: sqlite3.Connection, owner_id: str | None) -> list[SavedFilter]:
    rows = reader.execute(
        "SELECT id, name, definition FROM saved_filters WHERE deleted = 0 AND "
        "(owner_id = ? OR owner_id IS NULL) ORDER BY position, name", (owner_id,))
    found = []
    for filter_id, name, definition in rows:
        view, filters = filter_from_json(definition)
        found.append(SavedFilter(filter_id, name, view, filters))
    return found


def save_filter(store: Store, clock: Clock, owner_id: str | None, name: str, view: View,
                filters: QueueFilter) -> str:
    name = name.strip()
    if not name:
        raise DeskError(Problem.REASON_MISSING, "name")
    if len(name) > NAME_MAX:
        raise DeskError(Problem.TITLE_TOO_LONG, "name", str(NAME_MAX))
    from app.domain.ids import new_id  # uuid and secrets: only when a filter is saved
    from app.store.models import SavedFilterRow  # write side: loaded on first save

    filter_id = new_id(clock)
    with store.unit_of_work() as session:
        session.add(SavedFilterRow(id=filter_id, owner_id=owner_id, name=name,
                                   definition=filter_to_json(view, filters), position=0,
                                   version=1, updated_at=clock.now(), deleted=False))
    return filter_id


def delete_filter(store: Store, clock: Clock, filter_id: str) -> None:
    """A tombstone, not a delete: the deletion must reach other desks when they sync."""
    from app.store.models import SavedFilterRow

    with store.unit_of_work() as session:
        row = session.get(SavedFilterRow, filter_id)
        if row is None:
            raise DeskError(Problem.NOT_FOUND, "filter")
        row.deleted, row.version, row.updated_at = True, row.version + 1, clock.now()
