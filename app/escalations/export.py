"""Exporting the escalation ledger as CSV (UTF-8 with a byte-order mark, for Excel and WPS
on a Chinese Windows) or XLSX (openpyxl), one row per line, newest first. Headings and the
names of actions, outcomes and thresholds come from the caller (translated by the UI).
Text a spreadsheet would run as a formula is written as text, as the audit export does."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.escalations.ledger import LedgerEntry

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Words:
    headings: tuple[str, ...] = (
        "Time", "Ticket", "Title", "Target", "Threshold", "Action", "Outcome", "Detail",
        "Owner", "Team", "Category", "Delivered to", "Acknowledged by", "Resolved",
        "Hours to resolution", "Followed by")
    names: Mapping[str, str] = field(default_factory=dict)  # codes -> words


def values(entry: LedgerEntry, zone: ZoneInfo, words: Words) -> list[Any]:
    """One line's cells: times local (naive, in ``zone``), then text; hours as a number."""
    name = words.names.get
    hours = entry.to_resolution_s
    return [entry.at.astimezone(zone).replace(tzinfo=None, microsecond=0), entry.number,
            entry.title, name(entry.kind, entry.kind), name(entry.threshold, entry.threshold),
            name(entry.action, entry.action), name(entry.outcome, entry.outcome),
            entry.detail, entry.owner, entry.team, entry.category,
            ", ".join(entry.delivered_to), ", ".join(entry.acknowledged_by),
            None if entry.resolved_at is None
            else entry.resolved_at.astimezone(zone).replace(tzinfo=None, microsecond=0),
            None if hours is None else round(hours / 3600, 2), entry.follower]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%Y-%m-%d %H:%M:%S"))
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(path: Path, entries: Iterable[LedgerEntry], zone: ZoneInfo,
              words: Words = Words()) -> int:
    """Write the lines to ``path`` as CSV; returns how many. Renamed into place when done."""
    partial = path.with_name(path.name + ".partial")
    written = 0
    with partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(words.headings)
        for entry in entries:
            writer.writerow([_text(cell) for cell in values(entry, zone, words)])
            written += 1
    os.replace(partial, path)
    return written


def write_xlsx(path: Path, entries: Iterable[LedgerEntry], zone: ZoneInfo,
               words: Words = Words(), sheet: str = "Escalation ledger") -> int:
    """Write the lines to ``path`` as an XLSX workbook (real date-time cells); returns how
    many."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    table = book.create_sheet(sheet[:31])
    table.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for text in words.headings:
        cell = WriteOnlyCell(table, value=text)
        cell.font = bold
        heading.append(cell)
    table.append(heading)
    written = 0
    for entry in entries:
        row = []
        for value in values(entry, zone, words):
            if value is None or isinstance(value, float) or hasattr(value, "strftime"):
                cell = WriteOnlyCell(table, value=value)
                if hasattr(value, "strftime"):
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
            else:
                cell = WriteOnlyCell(table, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
                cell.data_type = "s"  # never a formula
            row.append(cell)
        table.append(row)
        written += 1
    partial = path.with_name(path.name + ".partial")
    book.save(partial)
    os.replace(partial, path)
    return written


def export_file(path: Path, entries: Iterable[LedgerEntry], zone: ZoneInfo,
                words: Words = Words()) -> int:
    """XLSX for a ``.xlsx`` name, else CSV."""
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, entries, zone, words)
    return write_csv(path, entries, zone, words)
