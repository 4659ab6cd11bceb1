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
from app.reports import facts, reading, tally
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
    # Local hour and weekday in integer arithmetic: strftime() per row cost a year's heat
    # map ~100 ms. The same numbers for any time after 1970 (the division floors), with the
    # offset as the strftime modifier '+8.00 hours' had it; 1970-01-01 was a Thursday (4).
    seconds = round(float(f"{period.utc_offset_hours():.2f}") * 3600)
    local = f"({alias}.created_ms / 1000 + {seconds})"
    return {Dimension.CHANNEL: f"{alias}.channel", Dimension.LEVEL: f"{alias}.level",
            Dimension.TYPE: f"{alias}.type_id", Dimension.CATEGORY: f"{alias}.category_id",
            Dimension.TEAM: f"coalesce({alias}.team_id, '')",
            Dimension.SEAT: f"coalesce({alias}.assignee_id, '')",
            Dimension.HOUR: f"({local} / 3600 % 24)",
            Dimension.WEEKDAY: f"(({local} / 86400 + 4) % 7)",
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
class Outcomes:
    """How many targets of one kind had each outcome."""

    kind: TargetKind
    met: int
    missed: int
    breached: int
    running: int

    @property
    def decided(self) -> int:
        return self.met + self.missed + self.breached

    @property
    def share_met(self) -> float | None:
        return self.met / self.decided if self.decided else None

    @property
    def share_missed(self) -> float | None:
        return (self.missed + self.breached) / self.decided if self.decided else None


@dataclass(frozen=True)
class TargetFigures(Outcomes):
    """The outcomes and the distribution of the counted times."""

    times: Distribution


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


def outcome_code_sql(now_ms: int) -> str:
    """The outcome of a fact row at ``now_ms`` as ``tally.Facts`` codes it (0 met,
    1 missed, 2 breached, 3 running)."""
    return (f"CASE f.state WHEN 'met' THEN 0 WHEN 'missed' THEN 1 ELSE "
            f"CASE WHEN f.deadline_ms <= {int(now_ms)} THEN 2 ELSE 3 END END")


Breakdowns = dict[Dimension | None, dict[object, dict[TargetKind, TargetFigures]]]


def breakdowns(conn: sqlite3.Connection, period: Period, now: datetime,
               filters: Filters = ANY, dims: Sequence[Dimension | None] = (None,),
               kinds: Sequence[TargetKind] = tuple(TargetKind), refresh: bool = True
               ) -> Breakdowns:
    """For each of ``dims`` (``None``: the period as a whole), per group and target kind:
    the counts of each outcome and the distribution of the counted times.

    One statement reads the period's facts (unsorted: a sort in SQLite cost more than the
    read); every breakdown is then tallied column-wise (``tally.py``), the percentiles
    picked from each group's ordered times. A window-function statement per breakdown
    took ~2 s each on a year of a busy desk, a Python pass per row ~1 s in all."""
    if refresh:
        facts.refresh(conn, now)
    else:
        facts.attach(conn)
    where, params = filters.sql("f")
    found = reading.read(conn, f"f.created_ms >= ? AND f.created_ms < ?{where}",
                         [*period.bounds_ms(), *params], [str(k) for k in kinds],
                         outcome_code_sql(to_ms(now) or 0),
                         [_column(by, period) for by in dims if by is not None])
    if found is None:
        return {by: {} for by in dims}
    order = found.facts.stopped_order()
    groups = iter(found.groups)
    result: Breakdowns = {}
    for by in dims:
        keys, group = tally.whole(found.facts) if by is None else next(groups)
        cells = tally.tally(found.facts, keys, group, order, _figures)
        result[by] = {key: {k: by_kind[str(k)] for k in TargetKind if str(k) in by_kind}
                      for key, by_kind in cells.items()}
    return result


# Dimensions read as their numbers in rep.codes (facts.CODED) rather than as ids.
_CODED = {Dimension.TYPE: "type", Dimension.CHANNEL: "channel",
          Dimension.CATEGORY: "category", Dimension.TEAM: "team", Dimension.SEAT: "seat"}


def _column(by: Dimension, period: Period) -> reading.Column:
    return reading.Column(dimension_sql(by, period), _CODED.get(by))


def _figures(cell: tally.Cell) -> TargetFigures:
    return TargetFigures(TargetKind(cell.kind), *cell.counts,
                         distribution(cell.times) if cell.times else EMPTY)


def target_figures(conn: sqlite3.Connection, period: Period, now: datetime,
                   filters: Filters = ANY, by: Dimension | None = None,
                   kinds: Sequence[TargetKind] = tuple(TargetKind), refresh: bool = True
                   ) -> dict[object, dict[TargetKind, TargetFigures]]:
    """Per group of ``by`` (one group ``None`` without it), per target kind: the counts
    of each outcome and the distribution of the counted times."""
    return breakdowns(conn, period, now, filters, (by,), kinds, refresh)[by]


def outcomes(conn: sqlite3.Connection, period: Period, now: datetime,
             filters: Filters = ANY, refresh: bool = True) -> dict[TargetKind, Outcomes]:
    """The period's outcomes per target kind, counted in SQL: what a trend compares (the
    previous month of a busy desk is ~170 000 targets; reading them for their times cost
    twice as much, for times nobody shows)."""
    if refresh:
        facts.refresh(conn, now)
    else:
        facts.attach(conn)
    base, params = base_sql(period, filters)
    counts: dict[str, list[int]] = {}
    for kind, outcome, count in conn.execute(
            f"SELECT f.kind, {outcome_code_sql(to_ms(now) or 0)} AS o, count(*) {base} "
            "GROUP BY f.kind, o", params):
        counts.setdefault(kind, [0, 0, 0, 0])[outcome] = count
    return {k: Outcomes(k, *counts[str(k)]) for k in TargetKind if str(k) in counts}


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
