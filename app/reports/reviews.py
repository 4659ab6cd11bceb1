"""Level-3 reviews in a period, for the reports (issue 16): how many results were reviewed,
how many sent back, and the findings, each with its ticket and reviewer."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from app.store.reading import parse_sqlite_utc


@dataclass(frozen=True)
class Finding:
    ticket_id: str
    number: str
    title: str
    reviewer: str
    at: datetime
    findings: str


@dataclass(frozen=True)
class ReviewFigures:
    reviewed: int
    approved: int
    sent_back: int
    findings: tuple[Finding, ...]

    @property
    def sent_back_share(self) -> float | None:
        return self.sent_back / self.reviewed if self.reviewed else None


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def review_figures(conn: sqlite3.Connection, start: datetime, end: datetime) -> ReviewFigures:
    """The reviews made in [start, end): counts, and every finding of a result sent back."""
    bounds = (_stored(start), _stored(end))
    approved, total = conn.execute(
        "SELECT coalesce(sum(approved), 0), count(*) FROM process_reviews "
        "WHERE at >= ? AND at < ?", bounds).fetchone()
    findings = tuple(
        Finding(tid, number, title, reviewer, parse_sqlite_utc(at), text)
        for tid, number, title, reviewer, at, text in conn.execute(
            "SELECT t.id, t.number, t.title, coalesce(s.name, ''), r.at, r.findings "
            "FROM process_reviews r JOIN tickets t ON t.id = r.ticket_id "
            "LEFT JOIN staff s ON s.id = r.reviewer_id "
            "WHERE r.at >= ? AND r.at < ? AND r.approved = 0 ORDER BY r.at, r.id", bounds))
    return ReviewFigures(int(total), int(approved), int(total) - int(approved), findings)
