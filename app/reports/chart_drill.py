"""The tickets behind a part of a chart on the Reports page: a bar of the first-response
histogram, a cell of the weekday × hour heat map. Read from the reports' facts
(``rep.target_facts``, brought up to date by the figures the chart shows) in SQL here,
not in the page (issue 17: the pages only draw).

The page computes its figures on a connection of its own; the desk's reader these run on
attaches the facts' file on first use (clicking a bar raised "no such table:
rep.target_facts" before)."""

from __future__ import annotations

import sqlite3

from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.targets import Dimension, dimension_sql


def first_responses_between(conn: sqlite3.Connection, period: Period, filters: Filters,
                            low_s: float, high_s: float | None) -> list[str]:
    """Tickets of ``period`` whose first response took ``low_s`` to ``high_s`` seconds
    (no upper bound: None), oldest first."""
    facts.attach(conn)
    sql = ("SELECT f.ticket_id FROM rep.target_facts f WHERE f.created_ms >= ? AND "
           "f.created_ms < ? AND f.kind = 'first_response' AND f.elapsed_s >= ?"
           + ("" if high_s is None else " AND f.elapsed_s < ?"))
    where, params = filters.sql("f")
    args = [*period.bounds_ms(), low_s, *([] if high_s is None else [high_s])]
    return [r[0] for r in conn.execute(sql + where + " ORDER BY f.created_ms",
                                       [*args, *params])]


def created_at_hour(conn: sqlite3.Connection, period: Period, filters: Filters,
                    weekday: int, hour: int) -> list[str]:
    """Tickets of ``period`` created on ``weekday`` (0 = Monday) in ``hour``, local time
    (the heat map's cell), oldest first."""
    facts.attach(conn)
    day, at = dimension_sql(Dimension.WEEKDAY, period), dimension_sql(Dimension.HOUR, period)
    where, params = filters.sql("f")
    return [r[0] for r in conn.execute(
        "SELECT f.ticket_id FROM rep.target_facts f WHERE f.created_ms >= ? AND "
        f"f.created_ms < ? AND f.kind = 'first_response' AND "
        f"({day} + 6) % 7 = ? AND {at} = ?{where} ORDER BY f.created_ms",
        [*period.bounds_ms(), weekday, hour, *params])]
