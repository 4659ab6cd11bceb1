"""Response-time analysis: when (hour of day x weekday) and where (channel, category,
level, team) times run long, and the trend against the previous period."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.targets import (
    ANY,
    Dimension,
    Outcomes,
    TargetFigures,
    base_sql,
    breakdowns,
    dimension_sql,
    outcomes,
)
from app.sla.policy import TargetKind

BREAKDOWNS = (Dimension.CHANNEL, Dimension.CATEGORY, Dimension.LEVEL, Dimension.TEAM)


@dataclass(frozen=True)
class HeatCell:
    """Stopped targets of one kind created in one local (weekday, hour)."""

    weekday: int  # 0 = Monday
    hour: int
    count: int
    met: int
    mean_s: float

    @property
    def share_met(self) -> float | None:
        return self.met / self.count if self.count else None


def heat_map(conn: sqlite3.Connection, period: Period, now: datetime,
             filters: Filters = ANY, kind: TargetKind = TargetKind.FIRST_RESPONSE
             ) -> dict[tuple[int, int], HeatCell]:
    """(weekday Monday=0, hour) -> count, met and mean counted time of ``kind``."""
    facts.refresh(conn, now)
    base, params = base_sql(period, filters)
    weekday, hour = dimension_sql(Dimension.WEEKDAY, period), dimension_sql(Dimension.HOUR, period)
    cells = {}
    for day, h, count, met, mean in conn.execute(
            f"SELECT {weekday} AS d, {hour} AS h, count(*), sum(f.state = 'met'), "
            f"avg(f.elapsed_s) {base} AND f.kind = ? AND f.elapsed_s IS NOT NULL "
            f"GROUP BY d, h", [*params, str(kind)]):
        monday_first = (int(day) + 6) % 7  # SQLite's %w counts from Sunday
        cells[(monday_first, int(h))] = HeatCell(monday_first, int(h), count, met, mean)
    return cells


@dataclass(frozen=True)
class Trend:
    kind: TargetKind
    current: TargetFigures | None
    previous: Outcomes | None  # counts only: a trend compares the shares met

    @property
    def share_change(self) -> float | None:
        """Change of the share met in points (0.05 = five points better)."""
        if self.current is None or self.previous is None:
            return None
        now, before = self.current.share_met, self.previous.share_met
        return None if now is None or before is None else now - before


@dataclass(frozen=True)
class ResponseAnalysis:
    period: Period
    heat: dict[tuple[int, int], HeatCell]
    breakdowns: dict[Dimension, dict[object, dict[TargetKind, TargetFigures]]]  # + SEAT
    trend: tuple[Trend, ...]
    totals: dict[TargetKind, TargetFigures]


def response_analysis(conn: sqlite3.Connection, period: Period, now: datetime,
                      filters: Filters = ANY) -> ResponseAnalysis:
    heat = heat_map(conn, period, now, filters)
    found = breakdowns(conn, period, now, filters, (None, *BREAKDOWNS, Dimension.SEAT),
                       refresh=False)
    current = found.pop(None).get(None, {})
    by_dimension = {by: figures for by, figures in found.items() if by is not None}
    previous = outcomes(conn, period.previous(), now, filters, refresh=False)
    trend = tuple(Trend(kind, current.get(kind), previous.get(kind)) for kind in TargetKind
                  if kind in current or kind in previous)
    return ResponseAnalysis(period, heat, by_dimension, trend, current)
