"""Which local tables sync, and how their rows travel as JSON.

A synced row is addressed by (entity, key): the entity is the table name, the key its
primary key (composite keys joined with ``|``). Values travel as JSON: datetimes as ISO 8601
UTC text, everything else as is. The local ``version`` column is the desk's own edit counter
(two windows on one ticket) and never travels; the server keeps its own row versions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, cached_property
from typing import Any

from sqlalchemy import Boolean, Date, Integer, Table, UniqueConstraint

from app.store.tables import all_tables
from app.store.types import UTCDateTime

# In dependency order: a row's references come before it, so an initial upload or a
# replay in this order never trips a foreign key. Left out on purpose (docs/sync.md): the
# knowledge base's search index and tag index (kb_search, kb_index_rows, kb_article_tags,
# derived from kb_articles and rebuilt by the pull), and the SLA monitor's state
# (sla_running, sla_notifications: per desk, derived or the seat's own).
SYNCED_TABLES: tuple[str, ...] = (
    "ticket_types", "teams", "staff", "staff_skills", "skills", "categories", "requesters",
    "desk_settings", "audit_log",
    "tickets", "ticket_events", "ticket_links", "saved_filters", "phone_calls",
    "kb_articles", "kb_article_versions", "kb_ticket_links", "kb_article_events",
    "rota_shift_types", "rota_coverage", "rota_rules", "rota_contracts", "rota_absences",
    "rota_preferences", "rota_periods", "rota_assignments", "rota_overrides",
    "sla_policies", "sla_calendar_overrides", "sla_escalations", "sla_escalation_receipts",
    "sla_holiday_years",
    "process_plans", "process_plan_steps", "process_verifications", "process_reviews",
    "process_analyses",
    "mail_messages", "mail_attachments", "message_templates", "outgoing_messages",
)
# Rows that are never edited after they are written: they cannot conflict. An SLA policy
# version is immutable because tickets keep the version they were created under; a change
# of policy is a new version.
APPEND_ONLY: frozenset[str] = frozenset({
    "ticket_events", "ticket_links", "kb_article_versions", "kb_ticket_links",
    "kb_article_events", "rota_overrides", "sla_policies", "audit_log",
    "sla_escalation_receipts", "process_verifications", "process_reviews",
    "process_analyses", "mail_messages", "mail_attachments", "phone_calls"})
# Rota rows a seat may write for himself (the column naming the person): a wish about his
# own shifts, and the days he is unavailable (app/rota/access.py, the desk's own rule).
OWN_ROWS: dict[str, str] = {"rota_preferences": "staff_id", "rota_absences": "staff_id"}
# ...and only rows of these kinds: leave is granted, not declared (a hard rule for the
# planner, with no request/approval state), so a supervisor records it.
# A wish's weight is the supervisor's to set (issue 20): a seat's own wishes keep the usual
# weight (0; None in rows stored before the field existed).
OWN_ROW_KINDS: dict[str, tuple[str, frozenset[object]]] = {
    "rota_absences": ("kind", frozenset({"unavailable"})),
    "rota_preferences": ("weight", frozenset({0, None}))}
# ...and of a line written once, only these fields change afterwards (a webhook's outcome
# arrives after its call).
LATER_FIELDS: dict[str, frozenset[str]] = {"sla_escalations": frozenset({"outcome", "detail"})}
# The field naming who wrote a row: the server sets nothing, but refuses a row whose author
# is not the staff member of the account that pushed it (DESIGN.md section 10). Who may
# write each table at all is app.domain.roles.TABLE_WRITERS.
AUTHOR_FIELDS: dict[str, str] = {
    "ticket_events": "actor_id", "ticket_links": "actor_id", "kb_ticket_links": "actor_id",
    "kb_article_events": "actor_id", "kb_articles": "author_id",
    "kb_article_versions": "editor_id",
    "rota_periods": "published_by", "rota_overrides": "author_id",
    "sla_policies": "author_id", "desk_settings": "author_id", "audit_log": "actor_id",
    "sla_escalation_receipts": "staff_id", "sla_holiday_years": "author_id",
    "message_templates": "author_id",
    "process_plans": "author_id", "process_plan_steps": "author_id",
    "process_verifications": "verifier_id", "process_reviews": "reviewer_id",
    "process_analyses": "author_id"}
# An author field naming who did a later act is empty until the act: a draft period has no
# publisher yet. Empty is allowed there while the act's own time is empty too.
AUTHOR_OF_ACT: dict[str, str] = {"rota_periods": "published_at"}
# Rows that belong to one person: only they change or remove them (a saved filter).
OWNED_ROWS: dict[str, str] = {"saved_filters": "owner_id"}
# Never travel: the desk's own edit counter, and sort keys each desk derives itself. A
# primary key is never local, whatever its name (sla_policies is keyed by ``version``).
LOCAL_COLUMNS: frozenset[str] = frozenset({"version", "requester_sort", "category_sort_zh",
                                           "category_sort_en", "type_sort_zh", "type_sort_en",
                                           "unit_sort", "assignee_sort"})
KEY_SEPARATOR = "|"


class UnknownField(ValueError):
    """A patch names a field the entity does not have, or a value of the wrong type."""


@dataclass(frozen=True)
class Entity:  # frozen, yet cached_property works: it writes to the instance __dict__
    """One synced table: its key columns and the fields that travel."""

    name: str
    table: Table
    key_columns: tuple[str, ...]
    fields: tuple[str, ...]

    @property
    def append_only(self) -> bool:
        return self.name in APPEND_ONLY

    @property
    def has_tombstone(self) -> bool:
        return "deleted" in self.table.c

    @property
    def has_edit_counter(self) -> bool:
        """Whether the table has the desk's own ``version`` counter (not a travelling key)."""
        return "version" in self.table.c and "version" not in self.key_columns

    @cached_property
    def unique_fields(self) -> tuple[str, ...]:
        """Single columns besides the key that the local schema keeps unique: two rows with
        one value would make every desk's pull fail, so the server refuses the second."""
        names = {c.name for c in self.table.columns if c.unique}
        names |= {next(iter(u.columns)).name for u in self.table.constraints
                  if isinstance(u, UniqueConstraint) and len(u.columns) == 1}
        return tuple(sorted(names & self._field_set - set(self.key_columns)))

    def key_of(self, values: Mapping[str, Any]) -> str:
        return KEY_SEPARATOR.join(str(values[c]) for c in self.key_columns)

    def key_values(self, key: str) -> dict[str, str]:
        return dict(zip(self.key_columns, key.split(KEY_SEPARATOR), strict=True))

    def encode(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Column values (Python) → JSON-ready values, only the fields that travel."""
        return {name: encode_value(values[name]) for name in self.fields if name in values}

    @cached_property
    def _times(self) -> frozenset[str]:
        return frozenset(c.name for c in self.table.columns if isinstance(c.type, UTCDateTime))

    @cached_property
    def _days(self) -> frozenset[str]:
        return frozenset(c.name for c in self.table.columns if isinstance(c.type, Date))

    def convert(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Server rows → column values. The server checked every value when it took the
        write, so only times and days need parsing; unknown fields (a newer server) are
        dropped."""
        times, days, fields = self._times, self._days, self._field_set
        return {name: (parse_time(value) if name in times and value is not None
                       else date.fromisoformat(value) if name in days and value is not None
                       else value)
                for name, value in data.items() if name in fields}

    def sqlite_row(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Server rows → the values SQLite stores for a new row (times as the naive UTC
        text UTCDateTime writes), without making datetime objects on the way."""
        fields = self._field_set
        row = {name: value for name, value in data.items() if name in fields}
        for name in self._times:  # a few per table: cheaper than a test on every field
            value = row.get(name)
            if value is not None:
                row[name] = sqlite_time(value)
        return row

    @cached_property
    def _field_set(self) -> frozenset[str]:
        return frozenset(self.fields)

    def decode(self, patch: Mapping[str, Any]) -> dict[str, Any]:
        """JSON values → column values; refuses unknown fields and wrong types."""
        decoded: dict[str, Any] = {}
        for name, value in patch.items():
            if name not in self.fields:
                raise UnknownField(f"{self.name} has no field {name!r}")
            decoded[name] = decode_value(self.table.c[name].type, value, name)
        return decoded


def encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):  # a calendar day (rota): no zone, ISO text as SQLite keeps it
        return value.isoformat()
    return value


SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's SQLite DateTime stores a time


def sqlite_time(value: str) -> str:
    """ISO 8601 text → the stored form; the common case (UTC, as desks encode) by slicing."""
    if len(value) in (25, 32) and value.endswith("+00:00") and value[10] == "T":
        body = value[:-6].replace("T", " ")
        return body if len(body) == 26 else body + ".000000"
    return parse_time(value).strftime(SQLITE_TIME)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def _time(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError("a time without its zone")
    return parsed.astimezone(UTC)


def _day(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("not a day (YYYY-MM-DD)")
    return date.fromisoformat(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not a boolean")
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not an integer")
    if not -2**63 <= value < 2**63:  # what SQLite (and so every desk) can store
        raise ValueError("out of range")
    return value


def _text(value: Any, length: int | None) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    if "\x00" in value:  # PostgreSQL's JSONB cannot store it; no desk writes it
        raise ValueError("contains a NUL character")
    if length is not None and len(value) > length:
        raise ValueError(f"longer than {length} characters")
    return value


_DECODERS: tuple[tuple[type, Callable[[Any], Any]], ...] = (
    (UTCDateTime, _time), (Date, _day), (Boolean, _boolean), (Integer, _integer))


def decode_value(column_type: Any, value: Any, name: str) -> Any:
    if value is None:
        return None
    try:
        for kind, decode in _DECODERS:
            if isinstance(column_type, kind):
                return decode(value)
        return _text(value, getattr(column_type, "length", None))
    except (ValueError, OverflowError) as error:
        # OverflowError: a time at the calendar's edge whose UTC falls outside it
        # (0001-01-01T00:00:00+14:00).
        raise UnknownField(f"{name}: {error}") from error


def _entity(table: Table) -> Entity:
    keys = tuple(c.name for c in table.primary_key.columns)
    fields = tuple(c.name for c in table.columns
                   if c.name not in LOCAL_COLUMNS or c.name in keys)
    return Entity(table.name, table, keys, fields)


@cache
def entities() -> dict[str, Entity]:
    """Every synced entity by name, in dependency order (one shared, read-only mapping)."""
    tables = all_tables().tables
    return {name: _entity(tables[name]) for name in SYNCED_TABLES}
