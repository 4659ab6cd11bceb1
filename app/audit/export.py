"""Exporting the audit log as CSV or XLSX, for Excel and WPS.

- CSV: UTF-8 with a byte-order mark (Excel and WPS on a Chinese Windows read a CSV without
  one as GBK and garble every name), comma-separated, CRLF line ends, every field quoted
  as needed by ``csv``.
- XLSX (openpyxl, write-only: rows stream to the file, so a long log never sits in memory):
  one sheet, a bold frozen header, the time as a real date-time cell.

Both write the lines a filter matches (``app.audit.reading.lines``), newest first, with the
column headings and the names of kinds and actions the caller gives (translated by the UI;
English by default). Text that a spreadsheet would run as a formula (a leading ``=``, ``+``,
``-``, ``@``) is written as text: an audit log holds names typed by anyone.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.audit.reading import AuditFilter, AuditLine

XLSX_CELL_MAX = 32_767  # characters Excel keeps in one cell
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Words:
    """The export's column headings and the names of kinds and actions."""

    headings: tuple[str, ...] = ("When", "Who", "Login", "Kind", "Action", "Subject",
                                 "Record", "Before", "After")
    kinds: Mapping[str, str] = field(default_factory=dict)
    actions: Mapping[str, str] = field(default_factory=dict)
    nobody: str = "(the desk itself)"


def values(line: AuditLine, zone: ZoneInfo, words: Words) -> list[Any]:
    """One line's cells: local time (naive, in ``zone``), then text."""
    return [line.at.astimezone(zone).replace(tzinfo=None, microsecond=0),
            line.actor or (words.nobody if line.actor_id is None else line.actor_id),
            line.actor_login, words.kinds.get(line.kind, line.kind),
            words.actions.get(line.summary, line.summary), line.subject_name,
            f"{line.subject} {line.subject_id}".strip(), _json(line.before),
            _json(line.after)]


def _json(fields: Mapping[str, Any]) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True) if fields else ""


def _text(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(path: Path, lines: Iterable[AuditLine], zone: ZoneInfo,
              words: Words = Words()) -> int:
    """Write ``lines`` to ``path`` as CSV (UTF-8 with BOM); returns how many. Written under
    a temporary name and renamed when complete."""
    partial = path.with_name(path.name + ".partial")
    written = 0
    with partial.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(words.headings)
        for line in lines:
            cells = values(line, zone, words)
            writer.writerow([cells[0].strftime("%Y-%m-%d %H:%M:%S"),
                             *(_text(cell) for cell in cells[1:])])
            written += 1
    os.replace(partial, path)
    return written


def write_xlsx(path: Path, lines: Iterable[AuditLine], zone: ZoneInfo,
               words: Words = Words(), sheet: str = "Audit log") -> int:
    """Write ``lines`` to ``path`` as an XLSX workbook; returns how many."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    table = book.create_sheet(sheet[:31])
    table.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHI", (20, 14, 12, 12, 12, 24, 30, 50, 50), strict=True):
        table.column_dimensions[column].width = width
    bold = Font(bold=True)
    heading = []
    for text in words.headings:
        cell = WriteOnlyCell(table, value=text)
        cell.font = bold
        heading.append(cell)
    table.append(heading)
    written = 0
    for line in lines:
        table.append(list(_xlsx_cells(table, values(line, zone, words))))
        written += 1
    partial = path.with_name(path.name + ".partial")
    book.save(partial)
    os.replace(partial, path)
    return written


def _xlsx_cells(table: Any, cells: list[Any]) -> Iterator[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    when = WriteOnlyCell(table, value=cells[0])
    when.number_format = "yyyy-mm-dd hh:mm:ss"
    yield when
    for value in cells[1:]:
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))  # control characters XML refuses
        if len(text) > XLSX_CELL_MAX:
            text = text[:XLSX_CELL_MAX - 1] + "…"
        cell = WriteOnlyCell(table, value=text)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        yield cell


class ExportCancelled(Exception):
    """The seat cancelled the export; nothing was left behind."""


def export_file(database: Path, path: Path, chosen: AuditFilter, zone: ZoneInfo,
                words: Words = Words(), language: str = "en",
                progress: Callable[[int, int], bool] | None = None,
                sheet: str = "Audit log") -> int:
    """Export the lines ``chosen`` matches to ``path``: XLSX for a ``.xlsx`` name, else CSV.
    Reads with a connection of its own (it runs off the GUI thread); ``progress(done,
    total)`` is told every few hundred lines and cancels by returning False. Returns how
    many lines were written."""
    from contextlib import closing

    from app.audit.reading import count, lines
    from app.store.reading import read_connection

    with closing(read_connection(database)) as conn:
        total = count(conn, chosen)

        def told(found: Iterable[AuditLine]) -> Iterator[AuditLine]:
            for done, line in enumerate(found, 1):
                if progress is not None and done % PROGRESS_EVERY == 0 \
                        and not progress(done, total):
                    raise ExportCancelled
                yield line

        found = told(lines(conn, chosen, language))
        try:
            if path.suffix.lower() == ".xlsx":
                return write_xlsx(path, found, zone, words, sheet)
            return write_csv(path, found, zone, words)
        finally:
            path.with_name(path.name + ".partial").unlink(missing_ok=True)


def default_name(now: datetime, suffix: str) -> str:
    """A file name for an export made at ``now``: audit-log-2026-11-26.csv."""
    return f"audit-log-{now:%Y-%m-%d}.{suffix}"
