"""The server's merge rules for one mutation against the stored row (DESIGN.md section 6.3).

Per field against the version the desk last saw (``base_version``): fields nobody else
changed since then simply take the new value; for a field changed by someone else in the
meantime, server order wins - the mutation applied later sets the value - and the value it
replaces is kept in the conflict log. A ticket's state only moves along the state machine:
an illegal move keeps the server's state and logs the desk's as the loser. Desk clocks are
never compared. Pure: no I/O, so the property tests can drive it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.enums import TicketState
from app.domain.states import NEEDS_ASSIGNEE, can_transition
from app.sync.entities import Entity, UnknownField

# Bookkeeping fields: the latest write wins silently, a difference is no conflict.
QUIET_FIELDS = frozenset({"updated_at"})
# The field-versions entry of every field that has none of its own: the insert's. Most rows
# are never edited, or in one field or two; a full map per row doubled what a push reads.
EVERY_FIELD = ""


class Rejected(ValueError):
    """The mutation cannot be applied at all; the reason goes back to the desk."""


@dataclass(frozen=True)
class StoredRow:
    """A row as the server holds it: values, and per field (version, author) of last change
    (``EVERY_FIELD`` for the fields not changed since the insert)."""

    data: dict[str, Any]
    field_versions: dict[str, list[Any]]
    version: int
    deleted: bool = False


@dataclass(frozen=True)
class FieldConflict:
    field: str
    kept: Any  # the value the row holds now
    lost: Any  # the value that did not survive
    kept_by: str
    lost_by: str


@dataclass
class Merged:
    row: StoredRow
    conflicts: list[FieldConflict] = field(default_factory=list)
    changed: bool = True


def desk_of(author: str) -> str:
    """Authors are ``login@desk``: a desk's own earlier edits never conflict with its later
    ones, even before it has heard back the version they made."""
    return author.rpartition("@")[2]


def _required(entity: Entity) -> set[str]:
    return {c.name for c in entity.table.columns
            if c.name in entity.fields and not c.nullable and c.default is None
            and c.server_default is None and not c.primary_key}


def check_values(entity: Entity, values: dict[str, Any]) -> None:
    """Refuse unknown fields and values a column cannot hold (``Rejected``)."""
    try:
        entity.decode(values)
    except UnknownField as error:
        raise Rejected(str(error)) from error
    if entity.name == "tickets" and "state" in values:
        try:
            TicketState(values["state"])
        except ValueError as error:
            raise Rejected(f"tickets: unknown state {values['state']!r}") from error


def insert(entity: Entity, patch: dict[str, Any], version: int, author: str) -> StoredRow:
    check_values(entity, patch)
    missing = sorted(_required(entity) - patch.keys())
    if missing:
        raise Rejected(f"{entity.name}: missing {', '.join(missing)}")
    return StoredRow(dict(patch), inserted_versions(version, author), version)


def inserted_versions(version: int, author: str) -> dict[str, list[Any]]:
    """The field versions of a row as written: one entry for every field."""
    return {EVERY_FIELD: [version, author]}


def _state_allowed(current: dict[str, Any], wanted: str, merged: dict[str, Any]) -> bool:
    if current.get("state") is None:
        return True
    here, there = TicketState(current["state"]), TicketState(wanted)
    if there == here:
        return True
    if not can_transition(here, there):
        return False
    return there not in NEEDS_ASSIGNEE or merged.get("assignee_id") is not None


def update(entity: Entity, stored: StoredRow, patch: dict[str, Any], base_version: int,
           version: int, author: str) -> Merged:
    """Apply ``patch`` written against ``base_version`` on top of ``stored``."""
    check_values(entity, patch)
    if entity.append_only:
        if all(stored.data.get(k) == v for k, v in patch.items()):
            return Merged(stored, changed=False)
        raise Rejected(f"{entity.name} rows never change once written")
    data = dict(stored.data)
    versions = {k: list(v) for k, v in stored.field_versions.items()}
    conflicts: list[FieldConflict] = []
    merged_view = {**data, **patch}
    inserted = versions.get(EVERY_FIELD, [0, ""])
    for name, value in patch.items():
        current = data.get(name)
        if value == current and name in data:
            continue
        last_version, last_author = versions.get(name, inserted)
        if entity.name == "tickets" and name == "state" and not _state_allowed(
                data, value, merged_view):
            conflicts.append(FieldConflict(name, current, value, last_author, author))
            continue
        if (last_version > base_version and name not in QUIET_FIELDS
                and desk_of(last_author) != desk_of(author)):
            conflicts.append(FieldConflict(name, value, current, author, last_author))
        data[name] = value
        versions[name] = [version, author]
    changed = data != stored.data
    row = StoredRow(data, versions, version if changed else stored.version, stored.deleted)
    return Merged(row, conflicts, changed)


def tombstone(entity: Entity, stored: StoredRow, version: int, author: str) -> Merged:
    """A delete: rows are never removed, they become tombstones."""
    if entity.append_only:
        raise Rejected(f"{entity.name} rows are never deleted")
    if stored.deleted:
        return Merged(stored, changed=False)
    data = dict(stored.data)
    versions = {k: list(v) for k, v in stored.field_versions.items()}
    if entity.has_tombstone:
        data["deleted"] = True
        versions["deleted"] = [version, author]
    return Merged(StoredRow(data, versions, version, deleted=True))
