"""Writing the audit log in the same transaction as the change it records.

An ORM ``before_flush`` listener on the desk's Store (like the sync outbox) turns every new,
changed or removed row of an audited table into an audit line - who (the Store's signed-in
author), when (the injected clock), what (area, table, row, action) and the changed fields
before and after. So no service can forget to audit, and a change and its line commit or
vanish together. Actions the rows cannot tell apart (a merge, an import, a password reset)
are recorded by their service with ``record``. Pulled rows are written with Core, not the
ORM: they arrive with the audit lines their own desk wrote.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from app.audit.tables import AuditRow
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.store.database import Store
from app.sync.entities import encode_value


class AuditKind(StrEnum):
    """The area of an action, what the audit page filters by."""

    ACCOUNTS = "accounts"
    PEOPLE = "people"
    CATALOG = "catalog"
    REQUESTERS = "requesters"
    SETTINGS = "settings"
    SLA = "sla"
    ROTA = "rota"
    KB = "kb"
    IMPORT = "import"


class Action(StrEnum):
    CREATED = "created"
    CHANGED = "changed"
    REMOVED = "removed"
    PUBLISHED = "published"
    MERGED = "merged"
    IMPORTED = "imported"
    PASSWORD_SET = "password_set"


# Which tables are audited, under which area. Fields listed in ``_SECRET`` are recorded as
# changed, never with their value; ``_WATCHED`` tables are audited only when published
# (an article is audited when it is published, not at every draft keystroke; a rota period
# when it is published).
AUDITED: dict[str, AuditKind] = {
    "desk_accounts": AuditKind.ACCOUNTS,
    "staff": AuditKind.PEOPLE, "teams": AuditKind.PEOPLE, "skills": AuditKind.PEOPLE,
    "staff_skills": AuditKind.PEOPLE,
    "ticket_types": AuditKind.CATALOG, "categories": AuditKind.CATALOG,
    "desk_settings": AuditKind.SETTINGS,
    "sla_policies": AuditKind.SLA, "sla_calendar_overrides": AuditKind.SLA,
    "sla_holiday_years": AuditKind.SLA,
    "rota_periods": AuditKind.ROTA, "rota_overrides": AuditKind.ROTA,
    "kb_articles": AuditKind.KB,
}
_SECRET: dict[str, frozenset[str]] = {"desk_accounts": frozenset({"password_hash"})}
_WATCHED: frozenset[str] = frozenset({"kb_articles", "rota_periods"})
_IGNORED = frozenset({"version", "updated_at"})
REDACTED = "••••"


def record(session: Session, clock: Clock, actor_id: str | None, kind: AuditKind,
           subject: str, subject_id: str, action: Action | str,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    """Add an audit line to ``session`` (for what rows alone do not say)."""
    session.add(AuditRow(
        id=new_id(clock), at=clock.now(), actor_id=actor_id, kind=str(kind),
        subject=subject, subject_id=subject_id, summary=str(action),
        before=_json(before or {}), after=_json(after or {})))


def _json(values: dict[str, Any]) -> str:
    return json.dumps({k: encode_value(v) for k, v in values.items()}, ensure_ascii=False,
                      sort_keys=True)


def _key(obj: Any) -> str:
    identity = inspect(obj).identity or tuple(
        getattr(obj, c.key) for c in inspect(obj).mapper.primary_key)
    return "|".join(str(part) for part in identity)


class AuditRecorder:
    """Listens to a Store's sessions and audits their changes to ``AUDITED`` tables."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store, self._clock = store, clock
        event.listen(store.sessions, "before_flush", self._before_flush)

    def detach(self) -> None:
        event.remove(self._store.sessions, "before_flush", self._before_flush)

    def _before_flush(self, session: Session, _context: UOWTransaction,
                      _instances: object) -> None:
        actor = self._store.author_id
        for obj in list(session.new):
            if (table := _audited(obj)) is not None:
                after = self._fields(obj, table, new=True)
                self._add(session, actor, table, obj, Action.CREATED, {}, after)
        for obj in list(session.dirty):
            if (table := _audited(obj)) is not None and session.is_modified(obj):
                before, after = self._changes(obj, table)
                if after:
                    self._add(session, actor, table, obj, Action.CHANGED, before, after)
        for obj in list(session.deleted):
            if (table := _audited(obj)) is not None:
                before = self._fields(obj, table, new=False)
                self._add(session, actor, table, obj, Action.REMOVED, before, {})

    def _add(self, session: Session, actor: str | None, table: str, obj: Any, action: Action,
             before: dict[str, Any], after: dict[str, Any]) -> None:
        if action is not Action.REMOVED:
            action = _action(table, after, action)
        if table in _WATCHED and action is not Action.PUBLISHED:
            return  # a draft article or an unpublished plan is nobody's business yet
        record(session, self._clock, actor, AUDITED[table], table, _key(obj), action,
               before, after)

    def _fields(self, obj: Any, table: str, *, new: bool) -> dict[str, Any]:
        secret = _SECRET.get(table, frozenset())
        values: dict[str, Any] = {}
        for attr in inspect(obj).mapper.column_attrs:
            name = attr.columns[0].name
            if name in _IGNORED:
                continue
            value = getattr(obj, attr.key)
            values[name] = REDACTED if name in secret and value else value
        return values

    def _changes(self, obj: Any, table: str) -> tuple[dict[str, Any], dict[str, Any]]:
        state = inspect(obj)
        secret = _SECRET.get(table, frozenset())
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            name = attr.columns[0].name
            history = state.attrs[attr.key].history
            if name in _IGNORED or not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old == new:
                continue
            before[name] = REDACTED if name in secret else old
            after[name] = REDACTED if name in secret else new
        return before, after


def _audited(obj: Any) -> str | None:
    table = getattr(obj, "__table__", None)
    name = getattr(table, "name", None)
    return name if name in AUDITED else None


def _action(table: str, after: dict[str, Any], default: Action) -> Action:
    if after.get("deleted"):
        return Action.REMOVED
    if table == "rota_periods" and {"published_at", "published_by"} & set(after):
        return Action.PUBLISHED  # (re)published; periods are never unpublished
    if table == "kb_articles" and after.get("state") == "published":
        return Action.PUBLISHED
    if "password_hash" in after and default is Action.CHANGED:
        return Action.PASSWORD_SET
    return default
