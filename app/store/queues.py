"""Queue read model: the views a seat works from, filters, SQL sorting, quick search.

Pages are fetched with keyset pagination on (sort expression, id), so scrolling to the
end of 100 000 tickets never makes SQLite step over the rows already shown.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from app.domain.enums import Channel, Level, TicketState
from app.domain.numbers import TICKET_PREFIX
from app.domain.states import OPEN_STATES, PENDING_STATES
from app.domain.validation import digits
from app.store.reading import parse_sqlite_utc, sqlite_utc_text
from app.store.ticket_index import match_expression

_TICKET_NUMBER = re.compile(rf"^{TICKET_PREFIX}-\d+$", re.IGNORECASE)  # not ORA-00600


class View(StrEnum):
    MINE = "mine"
    TEAM = "team"
    UNASSIGNED = "unassigned"
    PENDING = "pending"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    # Fed by the SLA monitor's index (app/sla): tickets with a target at risk / breached.
    AT_RISK = "at_risk"
    BREACHED = "breached"
    ALL = "all"


class SortColumn(StrEnum):
    NUMBER = "number"
    LEVEL = "level"
    TITLE = "title"
    TYPE = "type"
    CATEGORY = "category"
    REQUESTER = "requester"
    UNIT = "unit"
    CHANNEL = "channel"
    STATE = "state"
    ASSIGNEE = "assignee"
    CREATED = "created"
    UPDATED = "updated"
    TIME_TO_BREACH = "time_to_breach"


@dataclass(frozen=True)
class Seat:
    """Who is looking: "my" and "my team's" views depend on it."""

    staff_id: str | None
    team_id: str | None


@dataclass(frozen=True)
class QueueFilter:
    """Narrowing on top of a view; empty means no narrowing."""

    states: frozenset[TicketState] = frozenset()
    levels: frozenset[Level] = frozenset()
    channels: frozenset[Channel] = frozenset()
    type_ids: frozenset[str] = frozenset()
    category_ids: frozenset[str] = frozenset()
    assignee_id: str | None = None
    team_id: str | None = None
    requester_id: str | None = None
    text: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None


@dataclass(frozen=True)
class Sort:
    column: SortColumn = SortColumn.CREATED
    descending: bool = True


class QueueItem(NamedTuple):
    """One queue row, already joined with the names it shows.

    A named tuple made straight from the page's row, with enum members looked up in
    dictionaries and the two times kept as the store's text until shown: a page of 80 rows
    is built on every view switch and refresh, and a frozen dataclass, enum calls and time
    parsing were most of a small view's time beyond the bare SQL.
    """

    id: str
    number: str
    title: str
    level: Level
    state: TicketState
    channel: Channel
    type_name: str
    type_color: str
    type_icon: str
    category_name: str
    category_color: str
    requester: str
    unit: str
    phone: str
    assignee: str
    created_text: str  # naive UTC, as SQLite holds it
    updated_text: str
    version: int
    sort_value: Any = None  # the value of the sort column, for the next page's keyset

    @property
    def created_at(self) -> datetime:
        return parse_sqlite_utc(self.created_text)

    @property
    def updated_at(self) -> datetime:
        return parse_sqlite_utc(self.updated_text)


_SORT_SQL = {
    SortColumn.NUMBER: "t.number", SortColumn.LEVEL: "t.level", SortColumn.TITLE: "t.title",
    # Copies of the names on the ticket, each with an (name, id) index: no join, no sort of
    # every ticket before the first page (app/store/sort_keys.py).
    SortColumn.TYPE: "t.type_sort_{lang}",
    SortColumn.CATEGORY: "t.category_sort_{lang}", SortColumn.REQUESTER: "t.requester_sort",
    SortColumn.UNIT: "t.unit_sort",
    SortColumn.CHANNEL: "t.channel", SortColumn.STATE: "t.state",
    SortColumn.ASSIGNEE: "t.assignee_sort", SortColumn.CREATED: "t.created_at",
    SortColumn.UPDATED: "t.updated_at",
    # The nearest deadline of the ticket's running SLA targets; none sorts last.
    SortColumn.TIME_TO_BREACH: "coalesce((SELECT min(sr.deadline_ms) FROM sla_running sr "
                               "WHERE sr.ticket_id = t.id), 9007199254740991)",  # NO_DEADLINE
}


_FROM = """
FROM tickets t
JOIN ticket_types ty ON ty.id = t.type_id
JOIN categories c ON c.id = t.category_id
LEFT JOIN requesters r ON r.id = t.requester_id
LEFT JOIN staff s ON s.id = t.assignee_id
"""

_COLUMNS = """t.id, t.number, t.title, t.level, t.state, t.channel, ty.{name}, ty.color,
ty.icon, c.{name}, c.color, coalesce(r.name, ''), coalesce(r.unit, ''),
coalesce(r.phone, ''), coalesce(s.name, ''), t.created_at, t.updated_at, t.version"""


def _in(column: str, values: frozenset[Any], where: list[str], params: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(sorted(str(v) if isinstance(v, str) else int(v) for v in values))


class QueueReader:
    """Counts and pages of tickets for views and filters, in the desk's language."""

    def __init__(self, conn: sqlite3.Connection, language: str) -> None:
        self._conn = conn
        self._lang = "zh" if language.startswith("zh") else "en"
        self._name = f"name_{self._lang}"

    def where(self, view: View, seat: Seat, filters: QueueFilter) -> tuple[str, list[Any]]:
        """The WHERE clause (with its parameters) selecting a view narrowed by filters."""
        where, params = ["t.deleted = 0"], []
        open_states = frozenset(OPEN_STATES)
        if view == View.MINE:
            where.append("t.assignee_id = ?")
            params.append(seat.staff_id or "")
            _in("t.state", open_states, where, params)
        elif view == View.TEAM:
            where.append("t.team_id = ?")
            params.append(seat.team_id or "")
            _in("t.state", open_states, where, params)
        elif view == View.UNASSIGNED:
            where.append("t.assignee_id IS NULL")
            _in("t.state", open_states, where, params)
        elif view == View.PENDING:
            _in("t.state", frozenset(PENDING_STATES), where, params)
        elif view == View.AWAITING_CONFIRMATION:
            _in("t.state", frozenset({TicketState.RESOLVED}), where, params)
        elif view in (View.AT_RISK, View.BREACHED):
            where.append("t.id IN (SELECT ticket_id FROM sla_running WHERE state = ?)")
            params.append(view.value)
        self._narrow(filters, where, params)
        return " AND ".join(where), params

    def _narrow(self, f: QueueFilter, where: list[str], params: list[Any]) -> None:
        _in("t.state", f.states, where, params)
        _in("t.level", f.levels, where, params)
        _in("t.channel", f.channels, where, params)
        _in("t.type_id", f.type_ids, where, params)
        _in("t.category_id", f.category_ids, where, params)
        for column, value in (("t.assignee_id", f.assignee_id), ("t.team_id", f.team_id),
                              ("t.requester_id", f.requester_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if f.created_from is not None:
            where.append("t.created_at >= ?")
            params.append(sqlite_utc_text(f.created_from))
        if f.created_to is not None:
            where.append("t.created_at < ?")
            params.append(sqlite_utc_text(f.created_to))
        if f.text.strip():
            self._search(f.text.strip(), where, params)

    def _search(self, text: str, where: list[str], params: list[Any]) -> None:
        """Ticket number, requester name, unit or phone, or words in title and description
        (through the full-text index, so Chinese words need no table scan)."""
        if _TICKET_NUMBER.match(text):
            # A full ticket number: one index look-up, no text scan.
            where.append("t.number = ?")
            params.append(text.upper())
            return
        like = f"%{_escape_like(text)}%"
        clauses = ["t.number = ?", "t.requester_id IN (SELECT id FROM requesters WHERE "
                   "name LIKE ? ESCAPE '\\' OR unit LIKE ? ESCAPE '\\')"]
        values: list[Any] = [text.upper(), like, like]
        expression = match_expression(text)
        if expression is not None:
            clauses.append("t.id IN (SELECT ticket_id FROM ticket_index_rows WHERE search_rowid "
                           "IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?))")
            values.append(expression)
        else:  # nothing the index can look up (e.g. only punctuation): scan the text
            clauses.append("t.title LIKE ? ESCAPE '\\'")
            values.append(like)
        number_digits = digits(text)
        if number_digits and len(number_digits) == len(text.replace("-", "").strip()):
            # Bare digits: a ticket number typed without its prefix, or a phone number.
            clauses.append("t.number = ?")
            values.append(f"SD-{int(number_digits):06d}")
            if len(number_digits) >= 4:
                clauses.append("t.requester_id IN (SELECT id FROM requesters WHERE "
                               "replace(replace(phone, '-', ''), ' ', '') LIKE ?)")
                values.append(f"%{number_digits}%")
        where.append("(" + " OR ".join(clauses) + ")")
        params.extend(values)

    def count(self, view: View, seat: Seat, filters: QueueFilter = QueueFilter()) -> int:
        if filters == QueueFilter() and view in _INDEX_COUNTS:
            return int(self._conn.execute(*_INDEX_COUNTS[view]).fetchone()[0])
        where, params = self.where(view, seat, filters)
        # Every condition is on the tickets table itself (text search uses subqueries).
        return int(self._conn.execute(f"SELECT count(*) FROM tickets t WHERE {where}",
                                      params).fetchone()[0])

    def page_sql(self, view: View, seat: Seat, filters: QueueFilter, sort: Sort,
                 after: QueueItem | None, limit: int) -> tuple[str, list[Any]]:
        """The statement for one page: the ids are chosen first over the narrowest join
        (usually the tickets table alone, often on an index), then only those rows are
        joined with the names they show."""
        where, params = self.where(view, seat, filters)
        expression = _SORT_SQL[sort.column].format(name=self._name, lang=self._lang)
        direction, compare = ("DESC", "<") if sort.descending else ("ASC", ">")
        order = f"ORDER BY {expression} {direction}, t.id {direction}"
        if sort.column is SortColumn.TIME_TO_BREACH:
            chosen, chosen_params = _by_deadline(where, params, sort.descending, after, limit)
        else:
            if after is not None:
                where += f" AND ({expression}, t.id) {compare} (?, ?)"
                params += [after.sort_value, after.id]
            # Every other sort key lives on the ticket: the page comes from the tickets alone.
            chosen = f"SELECT t.id FROM tickets t WHERE {where} {order} LIMIT ?"
            chosen_params = [*params, limit]
        sql = (f"SELECT {_COLUMNS.format(name=self._name)}, {expression} {_FROM} "
               f"WHERE t.id IN ({chosen}) {order}")
        return sql, chosen_params

    def page(self, view: View, seat: Seat, filters: QueueFilter, sort: Sort,
             after: QueueItem | None, limit: int) -> list[QueueItem]:
        """Up to ``limit`` rows in ``sort`` order, following ``after`` (the last row shown)."""
        sql, params = self.page_sql(view, seat, filters, sort, after, limit)
        return list(map(_item, self._conn.execute(sql, params).fetchall()))


# Unfiltered views counted from an index alone, without reading a ticket: the views'
# counts are refreshed on every change. Tombstones are rare and come from their partial
# index. All: count(*) walks the smallest index. At risk and breached: the monitor's index
# on (state, ticket_id) - looking each ticket up took 30 ms for 4 000 breached tickets.
_LIVE_COUNT = ("SELECT (SELECT count(*) FROM tickets) - (SELECT count(*) FROM tickets "
               "INDEXED BY ix_tickets_tombstones WHERE deleted = 1)")
_SLA_COUNT = ("SELECT count(DISTINCT ticket_id) FROM sla_running WHERE state = ? AND "
              "ticket_id NOT IN (SELECT id FROM tickets INDEXED BY ix_tickets_tombstones "
              "WHERE deleted = 1)")
_INDEX_COUNTS: dict[View, tuple[str, tuple[str, ...]]] = {
    View.ALL: (_LIVE_COUNT, ()), View.AT_RISK: (_SLA_COUNT, (View.AT_RISK.value,)),
    View.BREACHED: (_SLA_COUNT, (View.BREACHED.value,))}

NO_DEADLINE = 9007199254740991  # sorts after every deadline (largest exact JS integer)


def _by_deadline(where: str, params: list[Any], descending: bool, after: QueueItem | None,
                 limit: int) -> tuple[str, list[Any]]:
    """A page of tickets by their nearest SLA deadline, without computing it for all of
    them: the tickets with running targets (the monitor's index holds a few thousand) are
    ordered by it; all others share the last place, so they come along the primary key,
    as many as a page can take."""
    direction, compare = ("DESC", "<") if descending else ("ASC", ">")
    running = (f"SELECT t.id AS id, coalesce(d.k, {NO_DEADLINE}) AS k FROM (SELECT ticket_id, "
               "min(deadline_ms) AS k FROM sla_running GROUP BY ticket_id) d JOIN tickets t "
               f"ON t.id = d.ticket_id WHERE {where}")
    running_params = list(params)
    idle_where = f"{where} AND NOT EXISTS (SELECT 1 FROM sla_running sr WHERE sr.ticket_id = t.id)"
    idle_params = list(params)
    if after is not None:
        running = f"SELECT id, k FROM ({running}) WHERE (k, id) {compare} (?, ?)"
        running_params += [after.sort_value, after.id]
        if after.sort_value == NO_DEADLINE:  # already among those without a deadline
            idle_where += f" AND t.id {compare} ?"
            idle_params.append(after.id)
        elif descending:  # those without a deadline came first and are all shown
            idle_where += " AND 0"
    idle = (f"SELECT * FROM (SELECT t.id AS id, {NO_DEADLINE} AS k FROM tickets t "
            f"WHERE {idle_where} ORDER BY t.id {direction} LIMIT ?)")
    chosen = (f"SELECT id FROM ({running} UNION ALL {idle}) "
              f"ORDER BY k {direction}, id {direction} LIMIT ?")
    return chosen, [*running_params, *idle_params, limit, limit]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_LEVELS = {member.value: member for member in Level}
_STATES = {member.value: member for member in TicketState}
_CHANNELS = {member.value: member for member in Channel}


def _item(row: tuple[Any, ...]) -> QueueItem:
    return QueueItem._make((row[0], row[1], row[2], _LEVELS[row[3]], _STATES[row[4]],
                            _CHANNELS[row[5]], *row[6:]))
