"""The period's ticket facts, counted once for every per-ticket section.

Seats, teams, channels, satisfaction, closed unconfirmed and the comments' reasons each
grouped ``rep.ticket_facts`` in a statement of their own: six reads and six SQLite sorts of
a year's 100 000 rows. One statement now counts the tickets of each combination of what
those sections group by (~1 200 combinations on the 100 000-ticket demo desk); each section
adds those counts up (numpy). Counts are integers and a mean is the exact sum of integer
scores over their count, so the figures are SQLite's own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.tally import codes_of

Objects = npt.NDArray[np.object_]
Flags = npt.NDArray[np.bool_]
_LAYOUT = np.dtype([("seat", "O"), ("team", "O"), ("channel", "O"), ("done", "i8"),
                    ("closed", "i8"), ("reopened", "i8"), ("score", "f8"), ("method", "O"),
                    ("unconfirmed", "i8"), ("reason", "O"), ("tickets", "i8")])
_SQL = """
SELECT t.assignee_id, t.team_id, t.channel, t.state IN ('resolved', 'closed'),
       t.state = 'closed', t.reopened, t.satisfaction, t.satisfaction_method,
       t.closed_unconfirmed, t.reason, count(*)
FROM rep.ticket_facts t WHERE t.created_ms >= ? AND t.created_ms < ?{filters}
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
"""


@dataclass(frozen=True)
class Group:
    """The counts of one group of tickets."""

    key: object
    tickets: int
    resolved: int
    reopened: int
    rated: int
    mean_score: float | None


@dataclass(frozen=True)
class TicketRows:
    """One row per combination, with its count of tickets (``tickets``)."""

    rows: npt.NDArray[np.void]

    def column(self, name: str, none: object = None) -> Objects:
        """A column, its NULLs as ``none`` (``''``: what ``coalesce(x, '')`` groups)."""
        found: Objects = self.rows[name]
        if none is None:
            return found
        return np.array([none if v is None else v for v in found.tolist()], dtype=object)

    def present(self, name: str) -> Flags:
        """Rows whose ``name`` is not NULL."""
        return np.array([v is not None for v in self.rows[name].tolist()], dtype=bool)

    @property
    def rated(self) -> Flags:
        found: Flags = ~np.isnan(self.rows["score"])
        return found

    def groups(self, keys: Objects, among: Flags | None = None) -> list[Group]:
        """Per distinct value of ``keys`` (of the rows ``among``), in the order SQLite's
        GROUP BY gives: ascending."""
        rows = self.rows if among is None else self.rows[among]
        keys = keys if among is None else keys[among]
        if not len(rows):
            return []
        distinct, codes = codes_of(keys.tolist())
        size = len(distinct)
        rated = ~np.isnan(rows["score"])

        weight = rows["tickets"]

        def total(per_ticket: npt.NDArray[np.generic] | None) -> list[int]:
            weights = weight if per_ticket is None else weight * per_ticket
            return [int(n) for n in np.bincount(codes, weights, minlength=size).tolist()]

        tickets, resolved = total(None), total(rows["done"])
        reopened, scored = total(rows["reopened"]), total(rated)
        sums = total(np.where(rated, rows["score"], 0.0))
        found = [Group(distinct[i], tickets[i], resolved[i], reopened[i], scored[i],
                       sums[i] / scored[i] if scored[i] else None) for i in range(size)]
        return sorted(found, key=lambda g: (g.key is not None, g.key))  # NULL first


def ticket_rows(conn: sqlite3.Connection, period: Period, filters: Filters) -> TicketRows:
    """Read the period's ticket facts (up to date: the caller refreshed them)."""
    facts.attach(conn)
    where, params = filters.sql()
    return TicketRows(np.fromiter(conn.execute(_SQL.format(filters=where),
                                               [*period.bounds_ms(), *params]),
                                  dtype=_LAYOUT))
