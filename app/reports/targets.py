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
from bisect import bisect_left
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
    """Of times already in ascending order."""
    below = [bisect_left(ordered, edge) for edge in BIN_EDGES]
    bins = [b - a for a, b in zip([0, *below], [*below, len(ordered)], strict=True)]
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


Breakdowns = dict[Dimension | None, dict[object, dict[TargetKind, TargetFigures]]]


def breakdowns(conn: sqlite3.Connection, period: Period, now: datetime,
               filters: Filters = ANY, dims: Sequence[Dimension | None] = (None,),
               kinds: Sequence[TargetKind] = tuple(TargetKind), refresh: bool = True
               ) -> Breakdowns:
    """For each of ``dims`` (``None``: the period as a whole), per group and target kind:
    the counts of each outcome and the distribution of the counted times.

    One statement reads the period's facts ordered by counted time; every breakdown is
    then made in one pass (a window-function statement per breakdown took ~2 s each on
    a year of a busy desk), the percentiles picked from the already ordered times."""
    if refresh:
        facts.refresh(conn, now)
    else:
        facts.attach(conn)
    base, params = base_sql(period, filters)
    wanted = [str(k) for k in kinds]
    columns = ", ".join(dimension_sql(by, period) if by is not None else "NULL" for by in dims)
    sql = (f"SELECT f.kind, f.state, f.deadline_ms, f.elapsed_s, {columns} {base}"
           f" AND f.kind IN ({','.join('?' * len(wanted))}) ORDER BY f.elapsed_s")
    now_ms = to_ms(now) or 0
    width = len(dims)
    counts: list[dict[tuple[object, str], list[int]]] = [{} for _ in dims]
    times: list[dict[tuple[object, str], list[float]]] = [{} for _ in dims]
    slot = {"met": 0, "missed": 1}
    for row in conn.execute(sql, [*params, *wanted]):
        kind, state, deadline, elapsed = row[0], row[1], row[2], row[3]
        index = slot.get(state)
        if index is None:
            index = 2 if deadline is not None and deadline <= now_ms else 3
        for d in range(width):
            cell = (row[4 + d], kind)
            found = counts[d].get(cell)
            if found is None:
                found = counts[d][cell] = [0, 0, 0, 0]
            found[index] += 1
            if elapsed is not None:
                listed = times[d].get(cell)
                if listed is None:
                    times[d][cell] = [elapsed]
                else:
                    listed.append(elapsed)
    result: Breakdowns = {}
    for d, by in enumerate(dims):
        groups: dict[object, dict[TargetKind, TargetFigures]] = {}
        for (key, kind), (met, missed, breached, running) in counts[d].items():
            ordered = times[d].get((key, kind), [])
            groups.setdefault(key, {})[TargetKind(kind)] = TargetFigures(
                TargetKind(kind), met, missed, breached, running,
                distribution(ordered) if ordered else EMPTY)
        result[by] = groups
    return result


def target_figures(conn: sqlite3.Connection, period: Period, now: datetime,
                   filters: Filters = ANY, by: Dimension | None = None,
                   kinds: Sequence[TargetKind] = tuple(TargetKind), refresh: bool = True
                   ) -> dict[object, dict[TargetKind, TargetFigures]]:
    """Per group of ``by`` (one group ``None`` without it), per target kind: the counts
    of each outcome and the distribution of the counted times."""
    return breakdowns(conn, period, now, filters, (by,), kinds, refresh)[by]


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
