"""The requesters' comments on their confirmations, classified into the questionnaire's
short list of reasons (``app.domain.questionnaire.REASONS``), over a period (issue 17).

No column holds a reason: a confirmation's comment is the body of the ticket's
``satisfaction`` event (``TicketFlow.confirm``). An answered questionnaire writes the
requester's pick into it as ``原因：<Chinese label>`` (``app/mail/answers.py``), which
decides; otherwise keywords in Chinese and English do, and a comment none match is
"other". A confirmation without a comment is not counted. Only the latest confirmation
of a ticket counts (one reopened and confirmed again was rated again). The derived
facts (``facts.py``, ``ticket_facts.reason``) keep each ticket's reason, classified when
its events change, so a report only counts in SQL.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from app.domain.questionnaire import REASONS
from app.reports import facts
from app.reports.period import Filters, Period
from app.reports.targets import ANY
from app.reports.ticket_rows import TicketRows, ticket_rows

OTHER = "other"
_IN_PERIOD = "t.created_ms >= ? AND t.created_ms < ?"
# The questionnaire's pick, as answers.py writes it; English labels too (a seat may type them).
_EXPLICIT = re.compile(r"原因[：:]\s*([^。；;\n]+)|reason:\s*([^.;\n]+)", re.IGNORECASE)
_LABELS = {label.strip().casefold(): code
           for code, labels in REASONS.items() for label in labels}
# Checked in this order, first match wins: complaints before praise, so that "不及时"
# (not timely) is slow rather than fast.
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("slow", ("慢", "等了", "很久", "太久", "不及时", "拖", "迟迟", "没人理", "too slow", "slow",
              "waited", "took long", "took too long", "late", "delay")),
    ("unclear", ("不清楚", "听不懂", "看不懂", "没说清", "说不清", "不明白", "含糊",
                 "unclear", "confus", "didn't understand", "did not understand",
                 "not clear")),
    ("attitude", ("态度", "耐心", "热情", "礼貌", "客气", "亲切", "友好", "kind", "patient",
                  "polite", "friendly", "attitude", "rude", "helpful")),
    ("skill", ("专业", "技术", "熟练", "可靠", "经验", "skill", "expert", "professional",
               "knew", "competent", "knowledge")),
    ("fast", ("及时", "快", "迅速", "马上", "立刻", "立即", "效率", "quick", "fast", "prompt",
              "soon", "right away", "immediately", "efficient")),
)


def classify(comment: str) -> str | None:
    """The reason of one comment: a code of ``REASONS``; None for no comment."""
    text = comment.strip()
    if not text:
        return None
    for match in _EXPLICIT.finditer(text):
        label = (match.group(1) or match.group(2) or "").strip().casefold()
        if label in _LABELS:
            return _LABELS[label]
    lowered = text.casefold()
    for code, words in KEYWORDS:
        if any(word in lowered for word in words):
            return code
    return OTHER


@dataclass(frozen=True)
class ReasonFigures:
    """Commented confirmations of the period's tickets per reason."""

    counts: dict[str, int]  # every code of REASONS, in its order -> tickets
    rated: int  # confirmations with a score, commented or not

    @property
    def commented(self) -> int:
        return sum(self.counts.values())


def reasons(conn: sqlite3.Connection, period: Period, now: datetime,
            filters: Filters = ANY, rows: TicketRows | None = None) -> ReasonFigures:
    """Rated tickets of the period per reason (classified when the facts were kept);
    ``rows``: the period's tickets when the caller has them already."""
    facts.refresh(conn, now)
    read = rows if rows is not None else ticket_rows(conn, period, filters)
    rated = read.rows[read.rated]
    found: Counter[str | None] = Counter()
    for reason, count in zip(rated["reason"].tolist(), rated["tickets"].tolist(), strict=True):
        found[reason] += count
    counts = dict.fromkeys(REASONS, 0)
    for reason, count in sorted((r, n) for r, n in found.items() if r is not None):
        counts[reason] = counts.get(reason, 0) + count  # in SQLite's GROUP BY order
    return ReasonFigures(counts, sum(found.values()))


def reason_ticket_ids(conn: sqlite3.Connection, period: Period, now: datetime, reason: str,
                      filters: Filters = ANY) -> list[str]:
    """The tickets behind one reason's count."""
    facts.refresh(conn, now)
    where, params = filters.sql()
    return [row[0] for row in conn.execute(
        f"SELECT t.ticket_id FROM rep.ticket_facts t WHERE {_IN_PERIOD}{where} "
        "AND t.satisfaction IS NOT NULL AND t.reason = ? ORDER BY t.created_ms, t.ticket_id",
        [*period.bounds_ms(), *params, reason])]
