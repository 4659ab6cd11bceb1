"""Targets met and missed over a period, with the distribution of the actual times.

The outcome of each target of each ticket is the SLA engine's own (``facts``): met or
missed once stopped, breached while running past its deadline, so a report never
disagrees with a ticket's SLA panel. Counts are aggregated in SQL; percentiles are the
nearest rank over the sorted counted times (the time the clock counted, pauses and closed
hours left out - what the panel shows as used).

A target that still runs before its deadline has no outcome yet ("running"); the share
met is met / (met + missed + breached).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.domain.clock import Clock
from app.reports import facts
from app.reports.period import Filters, Period, Span
from app.sla.policy import TargetKind
from app.sla.running import to_ms

# Histogram bin edges, seconds: 30 s, 1, 2, 5, 10, 30 min, 1, 2, 4, 8, 24 h, and beyond.
BIN_EDGES: tuple[int, ...] = (30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 86400)
ANY = Filters()  # every ticket


class Outcome(StrEnum):
    MET = "met"
    MISSED = "missed"  # stopped after its deadline
    BREACHED = "breached"  # still running, past its deadline
    RUNNING = "running"  # still running, before its deadline (no outcome yet)


class Dimension(StrEnum):
    """What figures may be broken down by."""

    CHANNEL = "channel"
    LEVEL = "level"
    TYPE = "type"
    CATEGORY = "category"
    TEAM = "team"
    SEAT = "seat"
    HOUR = "hour"  # local hour of creation, 0-23
    WEEKDAY = "weekday"  # local weekday of creation, 0 = Sunday (SQLite's %w)


def dimension_sql(by: Dimension, period: Period, alias: str = "f") -> str:
    offset = f"'{period.utc_offset_hours():+.2f} hours'"
    local = f"{alias}.created_ms / 1000, 'unixepoch', {offset}"
    return {Dimension.CHANNEL: f"{alias}.channel", Dimension.LEVEL: f"{alias}.level",
            Dimension.TYPE: f"{alias}.type_id", Dimension.CATEGORY: f"{alias}.category_id",
            Dimension.TEAM: f"coalesce({alias}.team_id, '')",
            Dimension.SEAT: f"coalesce({alias}.assignee_id, '')",
            Dimension.HOUR: f"CAST(strftime('%H', {local}) AS INTEGER)",
            Dimension.WEEKDAY: f"CAST(strftime('%w', {local}) AS INTEGER)",
            }[by]


@dataclass(frozen=True)
class Distribution:
    """Counted times of the stopped targets, seconds."""

    count: int
    p50: float | None
    p90: float | None
    p95: float | None
    mean: float | None
    bins: tuple[int, ...]  # len(BIN_EDGES) + 1 counts: below each edge, then beyond


def percentile(ordered: Sequence[float], share: float) -> float | None:
    """Nearest rank: the smallest value with at least ``share`` of them at or below it."""
    if not ordered:
        return None
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def distribution(ordered: Sequence[float]) -> Distribution:
    bins = [0] * (len(BIN_EDGES) + 1)
    for value in ordered:
        bins[next((i for i, edge in enumerate(BIN_EDGES) if value < edge), len(BIN_EDGES))] += 1
    mean = sum(ordered) / len(ordered) if ordered else None
    return Distribution(len(ordered), percentile(ordered, 0.5), percentile(ordered, 0.9),
                        percentile(ordered, 0.95), mean, tuple(bins))


@dataclass(frozen=True)
class TargetFigures:
    kind: TargetKind
    met: int
    missed: int
    breached: int
    running: int
    times: Distribution

    @property
    def decided(self) -> int:
        return self.met + self.missed + self.breached

    @property
    def share_met(self) -> float | None:
        return self.met / self.decided if self.decided else None

    @property
    def share_missed(self) -> float | None:
        return (self.missed + self.breached) / self.decided if self.decided else None


EMPTY = Distribution(0, None, None, None, None, (0,) * (len(BIN_EDGES) + 1))

_FROM = """
FROM rep.target_facts f WHERE f.created_ms >= ? AND f.created_ms < ?{filters}
"""


def base_sql(period: Period, filters: Filters) -> tuple[str, list[object]]:
    where, params = filters.sql("f")
    return _FROM.format(filters=where), [*period.bounds_ms(), *params]


def outcome_sql(now_ms: int) -> str:
    """The outcome of a fact row at ``now_ms``, in SQL (see ``Outcome``)."""
    return (f"CASE WHEN f.state <> 'running' THEN f.state "
            f"WHEN f.deadline_ms IS NOT NULL AND f.deadline_ms <= {int(now_ms)} "
            f"THEN 'breached' ELSE 'running' END")


def _rank(percent: int) -> str:
    """The row number of the nearest-rank percentile among ``c`` values (integer ceil)."""
    return f"max(1, ({percent} * c + 99) / 100)"


def _bins() -> str:
    edges = (0, *BIN_EDGES)
    parts = [f"sum(elapsed_s >= {low} AND elapsed_s < {high})"
             for low, high in zip(edges, edges[1:], strict=False)]
    parts[0] = f"sum(elapsed_s < {BIN_EDGES[0]})"
    parts.append(f"sum(elapsed_s >= {BIN_EDGES[-1]})")
    return ", ".join(parts)


# One statement per breakdown: counts per outcome, the percentiles (nearest rank over the
# non-null times, which the window orders first) and the histogram.
_FIGURES = """
WITH r AS (
    SELECT {group} AS g, f.kind AS kind, f.state AS state, f.deadline_ms AS deadline_ms,
           f.elapsed_s AS elapsed_s,
           row_number() OVER (PARTITION BY {group}, f.kind
                              ORDER BY f.elapsed_s IS NULL, f.elapsed_s) AS n,
           count(f.elapsed_s) OVER (PARTITION BY {group}, f.kind) AS c
    {base}{kinds})
SELECT g, kind, sum(state = 'met'), sum(state = 'missed'),
       sum(state = 'running' AND deadline_ms <= :now),
       sum(state = 'running' AND (deadline_ms IS NULL OR deadline_ms > :now)),
       count(elapsed_s), avg(elapsed_s),
       max(CASE WHEN elapsed_s IS NOT NULL AND n = {p50} THEN elapsed_s END),
       max(CASE WHEN elapsed_s IS NOT NULL AND n = {p90} THEN elapsed_s END),
       max(CASE WHEN elapsed_s IS NOT NULL AND n = {p95} THEN elapsed_s END),
       {bins}
FROM r GROUP BY g, kind
"""


def target_figures(conn: sqlite3.Connection, period: Period, now: datetime,
                   filters: Filters = ANY, by: Dimension | None = None,
                   kinds: Sequence[TargetKind] = tuple(TargetKind), refresh: bool = True
                   ) -> dict[object, dict[TargetKind, TargetFigures]]:
    """Per group of ``by`` (one group ``None`` without it), per target kind: the counts
    of each outcome and the distribution of the counted times."""
    if refresh:
        facts.refresh(conn, now)
    else:
        facts.attach(conn)
    base, params = base_sql(period, filters)
    wanted = [str(k) for k in kinds]
    kind_sql = f" AND f.kind IN ({','.join('?' * len(wanted))})"
    sql = _FIGURES.format(group=dimension_sql(by, period) if by is not None else "NULL",
                          base=base, kinds=kind_sql, p50=_rank(50), p90=_rank(90),
                          p95=_rank(95), bins=_bins())
    named = {f"p{i}": value for i, value in enumerate([*params, *wanted])}
    sql = _numbered(sql, len(named))
    result: dict[object, dict[TargetKind, TargetFigures]] = {}
    for row in conn.execute(sql, named | {"now": to_ms(now) or 0}):
        key, kind, met, missed, breached, running, count, mean, p50, p90, p95 = row[:11]
        times = Distribution(count, p50, p90, p95, mean, tuple(b or 0 for b in row[11:]))
        result.setdefault(key, {})[TargetKind(kind)] = TargetFigures(
            TargetKind(kind), met, missed, breached, running, times if count else EMPTY)
    return result


def _numbered(sql: str, count: int) -> str:
    """Positional ``?`` marks as ``:p0``, ``:p1``... (the statement also names ``:now``)."""
    parts = sql.split("?")
    assert len(parts) == count + 1
    return "".join(part + (f":p{i}" if i < count else "") for i, part in enumerate(parts))


def totals(conn: sqlite3.Connection, period: Period, now: datetime,
           filters: Filters = ANY, refresh: bool = True) -> dict[TargetKind, TargetFigures]:
    """The period's figures per target kind, not broken down."""
    return target_figures(conn, period, now, filters, refresh=refresh).get(None, {})


def ticket_ids(conn: sqlite3.Connection, period: Period, now: datetime, kind: TargetKind,
               outcomes: Sequence[Outcome] = tuple(Outcome), filters: Filters = ANY,
               by: Dimension | None = None, key: object = None) -> list[str]:
    """The tickets behind a figure (a share, a cell of a breakdown), for drilling down."""
    facts.refresh(conn, now)
    base, params = base_sql(period, filters)
    extra = f" AND {dimension_sql(by, period)} = ?" if by is not None else ""
    marks = ",".join("?" * len(outcomes))
    now_ms = to_ms(now) or 0
    rows = conn.execute(
        f"SELECT f.ticket_id {base} AND f.kind = ? AND {outcome_sql(now_ms)} IN ({marks})"
        f"{extra} ORDER BY f.created_ms, f.ticket_id",
        [*params, str(kind), *(str(o) for o in outcomes),
         *([key] if by is not None else [])])
    return [row[0] for row in rows]


@dataclass(frozen=True)
class ChannelToday:
    """Today's figures of one channel for the wallboard."""

    channel: str
    first_response: TargetFigures | None
    resolution: TargetFigures | None


def today_by_channel(conn: sqlite3.Connection, clock: Clock,
                     tz: str | ZoneInfo = "Asia/Shanghai") -> dict[str, ChannelToday]:
    """Per channel, today's (local day in ``tz``) first-response and resolution figures
    against their targets: tickets created today, outcomes as the SLA engine has them."""
    now = clock.now()
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    period = Period.of(Span.DAY, now.astimezone(zone).date(), zone.key)
    figures = target_figures(conn, period, now, by=Dimension.CHANNEL,
                             kinds=(TargetKind.FIRST_RESPONSE, TargetKind.RESOLUTION))
    return {str(channel): ChannelToday(str(channel), kinds.get(TargetKind.FIRST_RESPONSE),
                                       kinds.get(TargetKind.RESOLUTION))
            for channel, kinds in sorted(figures.items(), key=lambda item: str(item[0]))}
