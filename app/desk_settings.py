"""Desk-wide settings: one typed record every desk of a service desk shares.

What decides how the whole desk works - the grading weights, the confirmation timeout, the
backup schedule, the auto-assign team, the desk's name and time zone - lives in the synced
table ``desk_settings`` (schema 0007), one row per key with a JSON value, changed by
administrators only (``Capability.MANAGE_SETTINGS``; the server refuses anyone else's push
of the table). A seat's own preferences (language, sound, quiet hours, window layout) stay
in ``settings.json`` (``app.settings``).

- ``read`` gives the declared defaults (the customer's numbers) overridden by the rows; a
  stored value of the wrong type or out of its range falls back to its default, so a row
  from another version of Seatdesk never stops a desk.
- ``save`` checks the actor's role, then writes one row per changed key through the ORM:
  the sync outbox and the audit log (``app.audit.recorder``, before and after) follow.
- ``adopt_settings_file``: a standalone desk upgraded from a version that kept these values
  in ``settings.json`` moves the values it had customised into rows, once, with one audit
  line naming the file (docs/architecture.md, "Desk-wide settings").

SLA business hours are not here: they are part of each SLA policy version
(``app.sla.policy.WorkingHours``), synced and versioned with it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from app.domain.grading import GradingWeights
from app.domain.roles import Capability
from app.identity.seat import SignedIn
from app.services.errors import DeskError, Problem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.domain.clock import Clock
    from app.paths import DataDir
    from app.store.database import Store

DESK_NAME_MAX = 80
DEFAULT_TIME_ZONE = "Asia/Shanghai"
# Inclusive ranges of the numeric settings: what the form offers and what ``read`` keeps.
RANGES: dict[str, tuple[float, float]] = {
    "confirmation_timeout_hours": (1, 720),  # an hour to 30 days
    "backup_interval_hours": (0.5, 168),  # half an hour to a week
    "backups_kept": (1, 365),
    "review_sample_percent": (0, 100),
}
SETTINGS_FILE = "settings.json"  # where older versions kept these values (adoption)


@dataclass(frozen=True)
class DeskSettings:
    """Every desk-wide setting, with its default."""

    desk_name: str = ""  # "" until the setup walk-through or an administrator names it
    time_zone: str = DEFAULT_TIME_ZONE  # IANA name: how the desk shows and enters times
    grading: GradingWeights = field(default_factory=GradingWeights)
    confirmation_timeout_hours: float = 72.0  # a resolution closes unconfirmed after this
    backup_interval_hours: float = 4.0
    backups_kept: int = 10
    auto_assign_team: str = ""  # team code whose members new tickets go to; "" = by hand
    # Level-3 results a senior engineer reviews (app/process): 100 = all of them.
    review_sample_percent: int = 100

    @property
    def confirmation_timeout(self) -> timedelta:
        return timedelta(hours=self.confirmation_timeout_hours)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


KEYS: tuple[str, ...] = tuple(spec.name for spec in fields(DeskSettings))
DEFAULTS = DeskSettings()


@dataclass(frozen=True)
class Stamp:
    """Who wrote a setting last, and when (``author`` is "" for nobody: an adoption)."""

    key: str
    at: datetime
    version: int
    author_id: str | None
    author: str


# --- values ------------------------------------------------------------------------------

@cache
def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def checked(key: str, value: Any) -> Any:
    """``value`` as ``key`` keeps it (trimmed, as float or int...); DeskError naming
    the key when it has the wrong type or is out of range. KeyError for an unknown key."""
    default = getattr(DEFAULTS, key)
    if isinstance(default, GradingWeights):
        if isinstance(value, Mapping):
            try:
                value = GradingWeights(**{k: float(v) for k, v in value.items()})
            except (TypeError, ValueError) as error:
                raise DeskError(Problem.GRADING_INVALID, key) from error
        if not isinstance(value, GradingWeights):
            raise DeskError(Problem.GRADING_INVALID, key)
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise DeskError(Problem.SETTING_INVALID, key)
        value = value.strip()
        if key == "desk_name" and len(value) > DESK_NAME_MAX:
            raise DeskError(Problem.TEXT_TOO_LONG, key, str(DESK_NAME_MAX))
        if key == "time_zone" and not _known_zone(value):
            raise DeskError(Problem.TIME_ZONE_UNKNOWN, key)
        return value
    # Numbers: bool is an int in Python, never a number of hours.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DeskError(Problem.SETTING_INVALID, key)
    if isinstance(default, int) and value != int(value):
        raise DeskError(Problem.SETTING_INVALID, key)
    low, high = RANGES[key]
    if not low <= value <= high:
        raise DeskError(Problem.SETTING_OUT_OF_RANGE, key, f"{_number(low)}–{_number(high)}")
    return type(default)(value)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def encode(key: str, value: Any) -> str:
    """The JSON text a row stores for ``key``."""
    if isinstance(value, GradingWeights):
        return json.dumps(asdict(value), sort_keys=True)
    return json.dumps(value, ensure_ascii=False)


def decode(key: str, text: str) -> Any:
    """The value a row holds for ``key``; DeskError when it is not one (see ``checked``)."""
    try:
        raw = json.loads(text)
    except (TypeError, ValueError) as error:
        raise DeskError(Problem.SETTING_INVALID, key) from error
    return checked(key, raw)


# --- reading -----------------------------------------------------------------------------

def from_values(values: Mapping[str, Any]) -> DeskSettings:
    """The defaults overridden by ``values`` (JSON-decoded); a wrong or unknown one is
    left out, as ``app.settings`` does with a hand-edited file."""
    kept: dict[str, Any] = {}
    for key, raw in values.items():
        if key not in KEYS:
            continue  # a setting of a newer Seatdesk: it knows what to do with it
        try:
            kept[key] = checked(key, raw)
        except DeskError:
            continue
    return replace(DEFAULTS, **kept)


def read(conn: sqlite3.Connection) -> DeskSettings:
    """The desk's settings: defaults, overridden by the rows of ``desk_settings``."""
    try:
        rows = conn.execute("SELECT key, value FROM desk_settings").fetchall()
    except sqlite3.OperationalError:  # a database from before schema 0007
        return DEFAULTS
    values: dict[str, Any] = {}
    for key, text in rows:
        try:
            values[key] = json.loads(text)
        except (TypeError, ValueError):
            continue
    return from_values(values)


def stamps(conn: sqlite3.Connection) -> dict[str, Stamp]:
    """Who changed each stored setting last, and when (keys never written are absent)."""
    from app.store.reading import parse_sqlite_utc

    rows = conn.execute(
        "SELECT d.key, d.updated_at, d.version, d.author_id, coalesce(s.name, '') "
        "FROM desk_settings d LEFT JOIN staff s ON s.id = d.author_id").fetchall()
    return {key: Stamp(key, parse_sqlite_utc(at), version, author_id, name)
            for key, at, version, author_id, name in rows if key in KEYS}


def last_change(conn: sqlite3.Connection) -> Stamp | None:
    """The most recent change of any setting, or None while every one is its default."""
    found = stamps(conn).values()
    return max(found, key=lambda s: s.at) if found else None


# --- writing -----------------------------------------------------------------------------

def save(store: Store, clock: Clock, actor: SignedIn, **changes: Any) -> list[str]:
    """Change desk-wide settings as ``actor``; returns the keys written (those whose value
    differs from the desk's current one), in ``KEYS`` order.

    Raises DeskError: ``NOT_ALLOWED`` for a role without ``MANAGE_SETTINGS`` (or an actor
    who is not the Store's author: the audit line would name someone else), a value's
    problem naming its key, ``TEAM_UNKNOWN`` for an auto-assign team that is not an
    active team. Nothing is written unless every value is right."""
    if not actor.may(Capability.MANAGE_SETTINGS) or store.author_id != actor.staff_id:
        raise DeskError(Problem.NOT_ALLOWED)
    unknown = set(changes) - set(KEYS)
    if unknown:
        raise TypeError(f"unknown desk settings: {sorted(unknown)}")
    values = {key: checked(key, changes[key]) for key in KEYS if key in changes}
    with store.unit_of_work() as session:
        if values.get("auto_assign_team"):
            _check_team(session, values["auto_assign_team"])
        return write(session, clock, actor.staff_id, values)


def write(session: Session, clock: Clock, author_id: str | None,
          values: Mapping[str, Any]) -> list[str]:
    """Write ``values`` (already ``checked``) in ``session``, one row per key whose value
    changes; returns those keys. For callers that check the role themselves and need the
    rows in their own transaction (the setup walk-through's first administrator)."""
    from sqlalchemy import select

    from app.store.models import DeskSettingRow

    held = {row.key: row for row in session.scalars(
        select(DeskSettingRow).where(DeskSettingRow.key.in_(list(values))))}
    now = clock.now()
    written: list[str] = []
    for key in KEYS:
        if key not in values:
            continue
        text, row = encode(key, values[key]), held.get(key)
        if row is None:
            if values[key] == getattr(DEFAULTS, key):
                continue  # the default needs no row (and no audit line saying nothing)
            session.add(DeskSettingRow(key=key, value=text, version=1, updated_at=now,
                                       author_id=author_id))
        else:
            if _same(key, row.value, values[key]):
                continue
            row.value, row.version = text, row.version + 1
            row.updated_at, row.author_id = now, author_id
        written.append(key)
    return written


def _same(key: str, stored: str, value: Any) -> bool:
    try:
        return bool(decode(key, stored) == value)
    except DeskError:
        return False


def _check_team(session: Session, code: str) -> None:
    from sqlalchemy import select

    from app.store.models import TeamRow

    found = session.scalar(select(TeamRow.id).where(
        TeamRow.code == code, TeamRow.deleted.is_(False), TeamRow.retired.is_(False)))
    if found is None:
        raise DeskError(Problem.TEAM_UNKNOWN, "auto_assign_team", code)


# --- the upgrade from settings.json ------------------------------------------------------

def customised_in_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The desk-wide values an older ``settings.json`` (its parsed JSON) held that differ
    from the defaults and are valid; the others are nothing to keep."""
    found: dict[str, Any] = {}
    for key in KEYS:
        if key not in data:
            continue
        raw = data[key]
        if isinstance(getattr(DEFAULTS, key), float) and isinstance(raw, int) \
                and not isinstance(raw, bool):
            raw = float(raw)
        try:
            value = checked(key, raw)
        except DeskError:
            continue
        if value != getattr(DEFAULTS, key):
            found[key] = value
    return found


def adopt_settings_file(data: DataDir, clock: Clock, file_values: Mapping[str, Any]
                        ) -> list[str]:
    """Move the desk-wide values a standalone desk had customised in ``settings.json``
    (``file_values``: the file's keys for them, as written, ``SettingsFile.moved``) into
    ``desk_settings``; returns the keys written.

    A key that already has a row is left alone (the rows are the desk's settings from the
    first adoption on), so running this again writes nothing. The rows carry no author (the
    file does not say who set them); one audit line records the adoption. Only the caller
    knows whether the desk is standalone: a desk connected to a server takes the server's
    settings and must not call this (ui/launch.py)."""
    found = customised_in_file(file_values)
    if not found:
        return []
    from contextlib import closing

    with closing(sqlite3.connect(data.database)) as conn:
        held = {row[0] for row in conn.execute("SELECT key FROM desk_settings")}
    found = {key: value for key, value in found.items() if key not in held}
    if not found:
        return []
    from app.audit.recorder import Action, AuditKind, record
    from app.store.database import Store

    store = Store(data.database)
    try:
        with store.unit_of_work() as session:
            written = write(session, clock, None, found)
            record(session, clock, None, AuditKind.SETTINGS, "desk_settings", SETTINGS_FILE,
                   Action.IMPORTED, after={
                       key: json.loads(encode(key, found[key])) for key in written})
    finally:
        store.close()
    return written
