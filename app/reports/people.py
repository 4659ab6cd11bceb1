"""Seats, channels and satisfaction over a period (tickets created in it)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.targets import ANY, Dimension, TargetFigures, target_figures
from app.reports.ticket_rows import TicketRows, ticket_rows
from app.sla.policy import TargetKind

_IN_PERIOD = "t.created_ms >= ? AND t.created_ms < ?{filters}"
_TICKETS = f"""
FROM rep.ticket_facts t WHERE {_IN_PERIOD}
"""


def _tickets(period: Period, filters: Filters) -> tuple[str, list[object]]:
    where, params = filters.sql()
    return _TICKETS.format(filters=where), [*period.bounds_ms(), *params]


def _in_period(period: Period, filters: Filters) -> tuple[str, list[object]]:
    """The period's tickets (``t``: the facts) as a condition, for a query from another
    table."""
    where, params = filters.sql()
    return _IN_PERIOD.format(filters=where), [*period.bounds_ms(), *params]


@dataclass(frozen=True)
class SeatFigures:
    """One seat (or team): tickets it holds that were created in the period."""

    key: str  # staff id or team id ('' = nobody)
    taken: int
    resolved: int
    reopened: int
    rated: int
    satisfaction: float | None  # mean score 1-5
    targets: dict[TargetKind, TargetFigures]
    duty_hours: float | None = None  # from the published rota (seats only)
    sent_back: int = 0  # level-3 reviews that sent a result back (issue 16's review)

    @property
    def reopen_rate(self) -> float | None:
        return self.reopened / self.resolved if self.resolved else None

    @property
    def tickets_per_duty_hour(self) -> float | None:
        return self.taken / self.duty_hours if self.duty_hours else None


def duty_hours(conn: sqlite3.Connection, period: Period) -> dict[str, float]:
    """Hours each person was on a (non on-call) shift of the published rota in the period,
    overrides applied."""
    from app.rota.duty import staffing
    from app.rota.reading import load_assignments, load_overrides, load_shifts

    try:
        shifts = {s.code: s for s in load_shifts(conn)}
        published = load_assignments(conn, period.first, period.last, True)
        overrides = load_overrides(conn, period.first, period.last)
    except sqlite3.Error:
        return {}
    hours: dict[str, float] = {}
    slots = {(a.day, a.shift) for a in published} | {(o.day, o.shift) for o in overrides}
    for day, code in slots:
        shift = shifts.get(code)
        if shift is None or shift.on_call:
            continue
        for staff_id, _override in staffing(day, code, published, overrides):
            hours[staff_id] = hours.get(staff_id, 0.0) + shift.minutes / 60
    return hours


def seats(conn: sqlite3.Connection, period: Period, now: datetime, filters: Filters = ANY,
          by: Dimension = Dimension.SEAT,
          targets: dict[object, dict[TargetKind, TargetFigures]] | None = None,
          rows: TicketRows | None = None) -> list[SeatFigures]:
    """Per seat (``Dimension.SEAT``) or team (``Dimension.TEAM``); ``targets``: the
    breakdown by the same dimension, ``rows`` the period's tickets, when the caller has
    them already."""
    facts.refresh(conn, now)
    column = "coalesce(t.assignee_id, '')" if by is Dimension.SEAT else "coalesce(t.team_id, '')"
    if targets is None:
        targets = target_figures(conn, period, now, filters, by, refresh=False)
    duty = duty_hours(conn, period) if by is Dimension.SEAT else {}
    read = rows if rows is not None else ticket_rows(conn, period, filters)
    # Tickets nobody holds are no seat's (nor any team's here).
    groups = read.groups(read.column("seat" if by is Dimension.SEAT else "team", ""),
                         read.present("seat"))
    # From the reviews (few: level 3, sampled) to the period's tickets, not the reverse.
    in_period, period_params = _in_period(period, filters)
    sent_back = dict(conn.execute(
        f"SELECT {column} AS k, count(*) FROM process_reviews r JOIN rep.ticket_facts t "
        f"INDEXED BY ix_ticket_facts_ticket ON t.ticket_id = r.ticket_id "
        f"WHERE {in_period} AND r.approved = 0 AND t.assignee_id IS NOT NULL GROUP BY k",
        period_params).fetchall())
    return [SeatFigures(str(g.key), g.tickets, g.resolved, g.reopened, g.rated, g.mean_score,
                        targets.get(g.key, {}), duty.get(str(g.key)) if by is Dimension.SEAT
                        else None, int(sent_back.get(g.key, 0)))
            for g in groups]


def sent_back_ticket_ids(conn: sqlite3.Connection, period: Period, filters: Filters,
                         by: Dimension, key: str) -> list[str]:
    """The period's tickets of seat (or team) ``key`` whose result a review sent back."""
    column = "coalesce(t.assignee_id, '')" if by is Dimension.SEAT else "coalesce(t.team_id, '')"
    in_period, params = _in_period(period, filters)
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT t.ticket_id FROM process_reviews r JOIN rep.ticket_facts t "
        "INDEXED BY ix_ticket_facts_ticket ON t.ticket_id = r.ticket_id "
        f"WHERE {in_period} AND r.approved = 0 AND {column} = ? ORDER BY t.ticket_id",
        [*params, key])]


@dataclass(frozen=True)
class ChannelFigures:
    channel: str
    volume: int
    first_response: TargetFigures | None
    rated: int
    satisfaction: float | None


def channels(conn: sqlite3.Connection, period: Period, now: datetime,
             filters: Filters = ANY,
             targets: dict[object, dict[TargetKind, TargetFigures]] | None = None,
             rows: TicketRows | None = None) -> list[ChannelFigures]:
    """Per channel: volume, first response against its target, satisfaction."""
    facts.refresh(conn, now)
    if targets is None:
        targets = target_figures(conn, period, now, filters, Dimension.CHANNEL,
                                 (TargetKind.FIRST_RESPONSE,), refresh=False)
    read = rows if rows is not None else ticket_rows(conn, period, filters)
    # Busiest first (SQLite's ORDER BY count(*) DESC), a tie by name.
    groups = sorted(read.groups(read.column("channel")), key=lambda g: -g.tickets)
    return [ChannelFigures(str(g.key), g.tickets,
                           targets.get(g.key, {}).get(TargetKind.FIRST_RESPONSE), g.rated,
                           g.mean_score)
            for g in groups]


@dataclass(frozen=True)
class Satisfaction:
    scores: dict[int, int]  # score 1-5 -> tickets
    by_method: dict[str, dict[int, int]]  # call_back / questionnaire / '' -> scores
    closed: int  # closed tickets of the period
    unconfirmed: int  # of them, closed without the requester's confirmation

    @property
    def rated(self) -> int:
        return sum(self.scores.values())

    @property
    def mean(self) -> float | None:
        total = self.rated
        return sum(s * n for s, n in self.scores.items()) / total if total else None


def satisfaction(conn: sqlite3.Connection, period: Period, now: datetime,
                 filters: Filters = ANY, rows: TicketRows | None = None) -> Satisfaction:
    facts.refresh(conn, now)
    read = rows if rows is not None else ticket_rows(conn, period, filters)
    rated = read.rows[read.rated]
    scores: dict[int, int] = {}
    by_method: dict[str, dict[int, int]] = {}
    pairs: Counter[tuple[str, int]] = Counter()
    for method, score, count in zip(rated["method"].tolist(), rated["score"].tolist(),
                                    rated["tickets"].tolist(), strict=True):
        pairs[(method, int(score))] += count
    for (method, score), count in sorted(pairs.items()):  # SQLite's GROUP BY order
        scores[score] = scores.get(score, 0) + count
        by_method.setdefault(method, {})[score] = count
    closed = read.rows[read.rows["closed"] == 1]
    return Satisfaction(dict(sorted(scores.items())), by_method, int(closed["tickets"].sum()),
                        int((closed["unconfirmed"] * closed["tickets"]).sum()))


def satisfaction_ticket_ids(conn: sqlite3.Connection, period: Period, now: datetime,
                            score: int | None = None, unconfirmed: bool = False,
                            filters: Filters = ANY) -> list[str]:
    """The tickets behind a satisfaction figure."""
    facts.refresh(conn, now)
    base, params = _tickets(period, filters)
    extra = " AND t.closed_unconfirmed = 1" if unconfirmed else ""
    if score is not None:
        extra += " AND t.satisfaction = ?"
        params.append(score)
    sql = f"SELECT t.ticket_id {base}{extra} ORDER BY t.created_ms, t.ticket_id"
    return [row[0] for row in conn.execute(sql, params)]
