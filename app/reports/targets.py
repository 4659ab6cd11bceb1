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


def dimension_sql(by: Dimension, period: Period) -> str:
    offset = f"'{period.utc_offset_hours():+.2f} hours'"
    return {Dimension.CHANNEL: "t.channel", Dimension.LEVEL: "t.level",
            Dimension.TYPE: "t.type_id", Dimension.CATEGORY: "t.category_id",
            Dimension.TEAM: "coalesce(t.team_id, '')",
            Dimension.SEAT: "coalesce(t.assignee_id, '')",
            Dimension.HOUR: f"CAST(strftime('%H', t.created_at, {offset}) AS INTEGER)",
            Dimension.WEEKDAY: f"CAST(strftime('%w', t.created_at, {offset}) AS INTEGER)",
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
FROM tickets t JOIN rep.target_facts f ON f.ticket_id = t.id
WHERE t.deleted = 0 AND t.created_at >= ? AND t.created_at < ?{filters}
"""


def base_sql(period: Period, filters: Filters) -> tuple[str, list[object]]:
    where, params = filters.sql()
    return _FROM.format(filters=where), [*period.bounds(), *params]


def outcome_sql(now_ms: int) -> str:
    """The outcome of a fact row at ``now_ms``, in SQL (see ``Outcome``)."""
    return (f"CASE WHEN f.state <> 'running' THEN f.state "
            f"WHEN f.deadline_ms IS NOT NULL AND f.deadline_ms <= {int(now_ms)} "
            f"THEN 'breached' ELSE 'running' END")


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
    group = dimension_sql(by, period) if by is not None else "NULL"
    wanted = [str(k) for k in kinds]
    kind_sql = f" AND f.kind IN ({','.join('?' * len(wanted))})"
    now_ms = to_ms(now) or 0
    counts: dict[tuple[object, str], list[int]] = {}
    for key, kind, met, missed, breached, running in conn.execute(
            f"SELECT {group} AS g, f.kind, sum(f.state = 'met'), sum(f.state = 'missed'), "
            f"sum(f.state = 'running' AND f.deadline_ms <= ?), "
            f"sum(f.state = 'running' AND (f.deadline_ms IS NULL OR f.deadline_ms > ?)) "
            f"{base}{kind_sql} GROUP BY g, f.kind", [now_ms, now_ms, *params, *wanted]):
        counts[(key, kind)] = [met, missed, breached, running]
    times: dict[tuple[object, str], list[float]] = {}
    for key, kind, elapsed in conn.execute(
            f"SELECT {group} AS g, f.kind, f.elapsed_s {base}{kind_sql} "
            f"AND f.elapsed_s IS NOT NULL ORDER BY f.elapsed_s", [*params, *wanted]):
        times.setdefault((key, kind), []).append(elapsed)
    result: dict[object, dict[TargetKind, TargetFigures]] = {}
    for (key, kind), (met, missed, breached, running) in counts.items():
        result.setdefault(key, {})[TargetKind(kind)] = TargetFigures(
            TargetKind(kind), met, missed, breached, running,
            distribution(times.get((key, kind), [])))
    return result


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
        f"SELECT t.id {base} AND f.kind = ? AND {outcome_sql(now_ms)} IN ({marks}){extra} "
        f"ORDER BY t.created_at",
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
