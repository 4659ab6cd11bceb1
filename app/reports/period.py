"""Report periods (day, week, month, custom) in the desk's zone, and the filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.store.reading import sqlite_utc_text


class Span(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """Local days ``first`` to ``last`` (inclusive) in ``zone``; tickets count in the
    period they were created in."""

    first: date
    last: date
    zone: str = "Asia/Shanghai"
    span: Span = Span.CUSTOM

    @classmethod
    def of(cls, span: Span, day: date, zone: str = "Asia/Shanghai") -> Period:
        """The day, week (Monday to Sunday) or month holding ``day``."""
        if span is Span.DAY or span is Span.CUSTOM:
            return cls(day, day, zone, Span.DAY)
        if span is Span.WEEK:
            monday = day - timedelta(days=day.weekday())
            return cls(monday, monday + timedelta(days=6), zone, span)
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1), zone, span)

    @classmethod
    def month(cls, year: int, month: int, zone: str = "Asia/Shanghai") -> Period:
        return cls.of(Span.MONTH, date(year, month, 1), zone)

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time(), ZoneInfo(self.zone)).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        after = self.last + timedelta(days=1)
        return datetime.combine(after, time(), ZoneInfo(self.zone)).astimezone(UTC)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The period of the same kind just before (the trend's comparison)."""
        if self.span is Span.MONTH:
            return Period.of(Span.MONTH, self.first - timedelta(days=1), self.zone)
        return Period(self.first - timedelta(days=self.days),
                      self.first - timedelta(days=1), self.zone, self.span)

    def utc_offset_hours(self) -> float:
        """The zone's offset at the period's start (hour-of-day figures use it)."""
        offset = self.start.astimezone(ZoneInfo(self.zone)).utcoffset()
        return 0.0 if offset is None else offset.total_seconds() / 3600

    def bounds_ms(self) -> tuple[int, int]:
        """Start and end in epoch milliseconds (the facts' ``created_ms``)."""
        return round(self.start.timestamp() * 1000), round(self.end.timestamp() * 1000)

    def bounds(self) -> tuple[str, str]:
        """Start and end as ``tickets.created_at`` stores them, to compare in SQL."""
        return sqlite_utc_text(self.start), sqlite_utc_text(self.end)


@dataclass(frozen=True)
class Filters:
    """Which tickets count; an empty tuple means any."""

    levels: tuple[int, ...] = ()
    type_ids: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    category_ids: tuple[str, ...] = ()
    team_ids: tuple[str, ...] = ()
    seat_ids: tuple[str, ...] = field(default=())

    def sql(self, alias: str = "t") -> tuple[str, list[object]]:
        """``AND ...`` conditions on the tickets table and their parameters."""
        parts: list[str] = []
        params: list[object] = []
        for column, values in (("level", self.levels), ("type_id", self.type_ids),
                               ("channel", self.channels), ("category_id", self.category_ids),
                               ("team_id", self.team_ids), ("assignee_id", self.seat_ids)):
            if values:
                parts.append(f" AND {alias}.{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        return "".join(parts), params
