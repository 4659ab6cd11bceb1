"""Seats, channels and satisfaction over a period (tickets created in it)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.targets import ANY, Dimension, TargetFigures, target_figures
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
          targets: dict[object, dict[TargetKind, TargetFigures]] | None = None
          ) -> list[SeatFigures]:
    """Per seat (``Dimension.SEAT``) or team (``Dimension.TEAM``); ``targets``: the
    breakdown by the same dimension when the caller has it already."""
    facts.refresh(conn, now)
    column = "coalesce(t.assignee_id, '')" if by is Dimension.SEAT else "coalesce(t.team_id, '')"
    base, params = _tickets(period, filters)
    if targets is None:
        targets = target_figures(conn, period, now, filters, by, refresh=False)
    duty = duty_hours(conn, period) if by is Dimension.SEAT else {}
    rows = conn.execute(
        f"SELECT {column} AS k, count(*), sum(t.state IN ('resolved', 'closed')), "
        f"sum(t.reopened), count(t.satisfaction), avg(t.satisfaction) {base} "
        f"AND t.assignee_id IS NOT NULL GROUP BY k ORDER BY k", params).fetchall()
    # From the reviews (few: level 3, sampled) to the period's tickets, not the reverse.
    in_period, period_params = _in_period(period, filters)
    sent_back = dict(conn.execute(
        f"SELECT {column} AS k, count(*) FROM process_reviews r JOIN rep.ticket_facts t "
        f"INDEXED BY ix_ticket_facts_ticket ON t.ticket_id = r.ticket_id "
        f"WHERE {in_period} AND r.approved = 0 AND t.assignee_id IS NOT NULL GROUP BY k",
        period_params).fetchall())
    return [SeatFigures(key, taken, resolved, reopened, rated, mean, targets.get(key, {}),
                        duty.get(key) if by is Dimension.SEAT else None,
                        int(sent_back.get(key, 0)))
            for key, taken, resolved, reopened, rated, mean in rows]


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
             targets: dict[object, dict[TargetKind, TargetFigures]] | None = None
             ) -> list[ChannelFigures]:
    """Per channel: volume, first response against its target, satisfaction."""
    facts.refresh(conn, now)
    if targets is None:
        targets = target_figures(conn, period, now, filters, Dimension.CHANNEL,
                                 (TargetKind.FIRST_RESPONSE,), refresh=False)
    base, params = _tickets(period, filters)
    rows = conn.execute(f"SELECT t.channel, count(*), count(t.satisfaction), "
                        f"avg(t.satisfaction) {base} GROUP BY t.channel ORDER BY count(*) DESC",
                        params)
    return [ChannelFigures(channel, volume,
                           targets.get(channel, {}).get(TargetKind.FIRST_RESPONSE), rated, mean)
            for channel, volume, rated, mean in rows]


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
                 filters: Filters = ANY) -> Satisfaction:
    facts.refresh(conn, now)
    base, params = _tickets(period, filters)
    scores: dict[int, int] = {}
    by_method: dict[str, dict[int, int]] = {}
    for method, score, count in conn.execute(
            f"SELECT t.satisfaction_method, t.satisfaction, count(*) {base} "
            f"AND t.satisfaction IS NOT NULL GROUP BY 1, 2", params):
        scores[score] = scores.get(score, 0) + count
        by_method.setdefault(method, {})[score] = count
    closed, unconfirmed = conn.execute(
        f"SELECT count(*), coalesce(sum(t.closed_unconfirmed), 0) {base} "
        f"AND t.state = 'closed'", params).fetchone()
    return Satisfaction(dict(sorted(scores.items())), by_method, closed, unconfirmed)


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
