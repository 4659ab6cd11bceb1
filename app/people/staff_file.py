"""Reading a staff list as an administrator exports it from Excel or WPS: CSV or XLSX.

- CSV text in UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), else
  GB18030 (a superset of GBK, what Excel and WPS write on a Chinese Windows); the delimiter
  is a comma, semicolon or tab, whichever makes the first rows name the columns.
- XLSX: the first sheet, streamed (openpyxl's read-only mode). A merged cell's value belongs
  to its first cell; it is copied into the rest of the range, so a team merged down the rows
  of its members counts for each of them (read-only mode does not report ranges: they are
  read from the sheet's XML, a few bytes at its end).
- The header is found among the first five rows: a group title above it ("员工信息" merged
  across the sheet) and sub-headers below it (a two-row header whose upper cells are merged)
  are recognised. Header names are Chinese or English, case, spaces and remarks in brackets
  ignored ("登录名（必填）").

Cells are kept as text, by column: what they mean on this desk (which team, which skill) is
decided by ``app.people.staff_import``. Problems are codes with details, never sentences:
the desk translates them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any

# progress(done, total) -> False to stop.
Progress = Callable[[int, int], bool]

HEADER_SCAN = 5  # rows searched for the header
MAX_ROWS = 50_000  # a staff list longer than this is not a staff list (and memory is bounded)
_SAMPLE = 64 * 1024  # characters of a CSV file read to choose its delimiter
_DELIMITERS = (",", ";", "\t")
_PROGRESS_EVERY = 1000  # rows


class Field(StrEnum):
    """A column of the staff list."""

    NAME = "name"
    LOGIN = "login"
    TEAM = "team"
    SKILLS = "skills"
    SENIORITY = "seniority"
    PHONE = "phone"
    EMAIL = "email"
    ROLE = "role"


FIELDS: tuple[Field, ...] = tuple(Field)
REQUIRED: tuple[Field, ...] = (Field.NAME, Field.LOGIN)
_POSITION = {field: index for index, field in enumerate(FIELDS)}

_HEADERS: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("姓名", "名字", "员工姓名", "name", "full name", "staff name"),
    Field.LOGIN: ("登录名", "登录账号", "账号", "帐号", "用户名", "login", "login name",
                  "username", "account"),
    Field.TEAM: ("班组", "所属班组", "团队", "小组", "组", "team", "group"),
    Field.SKILLS: ("技能", "技能组", "skills", "skill"),
    Field.SENIORITY: ("资历", "级别", "职级", "seniority", "level", "grade"),
    Field.PHONE: ("电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "phone",
                  "phone number", "mobile", "mobile phone", "telephone", "tel"),
    Field.EMAIL: ("邮箱", "电子邮件", "电子邮箱", "邮件", "邮箱地址", "email", "e-mail",
                  "email address", "mail"),
    Field.ROLE: ("角色", "role"),
}
_BRACKETED = re.compile(r"[（(【\[].*?[）)】\]]")
_NOT_IN_KEY = re.compile(r"[\s_\-*:：]+")
# What surrounds a cell's text and means nothing: spaces (the ideographic one included),
# and the zero-width characters that copying from web pages and WeChat leaves behind.
_BLANK = " \t\r\n\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"


def header_key(text: str) -> str:
    """A header name as compared: no remarks in brackets, spaces, ``_-*:``; case folded."""
    return _NOT_IN_KEY.sub("", _BRACKETED.sub("", text)).casefold()


_NAMES: dict[str, Field] = {header_key(alias): field
                            for field, aliases in _HEADERS.items() for alias in aliases}


class ImportProblem(StrEnum):
    """What is wrong with a staff list (the file) or with one of its rows; the desk
    translates each. ``Finding.field`` and ``Finding.detail`` say where and what."""

    # The file
    UNREADABLE = "unreadable"  # detail: the system's reason
    NOT_TEXT = "not_text"  # neither UTF-8, UTF-16 nor GB18030
    MALFORMED = "malformed"  # CSV the csv module refuses; detail: the line
    NOT_A_WORKBOOK = "not_a_workbook"  # an .xlsx that is not one
    OLD_WORKBOOK = "old_workbook"  # .xls/.et: to be saved as .xlsx or CSV first
    MISSING_COLUMN = "missing_column"  # field: the required column
    DUPLICATE_COLUMN = "duplicate_column"  # field: named by two columns
    NO_ROWS = "no_rows"
    TOO_MANY_ROWS = "too_many_rows"  # detail: the limit
    # A row
    MISSING_VALUE = "missing_value"  # field
    TOO_LONG = "too_long"  # field; detail: the most characters allowed
    LOGIN_INVALID = "login_invalid"  # spaces inside; detail: the login
    DUPLICATE_LOGIN = "duplicate_login"  # detail: the other lines with it
    LOGIN_OF_REMOVED = "login_of_removed"  # a removed staff member had it; detail: the login
    UNKNOWN_TEAM = "unknown_team"  # detail: as written
    UNKNOWN_SKILL = "unknown_skill"  # detail: as written
    UNKNOWN_SENIORITY = "unknown_seniority"  # detail: as written
    BAD_PHONE = "bad_phone"  # detail: as written
    BAD_EMAIL = "bad_email"  # detail: as written
    UNKNOWN_ROLE = "unknown_role"  # detail: as written


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: its code, the column it concerns, and what was found."""

    problem: ImportProblem
    field: Field | None = None
    detail: str = ""


class FileKind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class FileRow:
    """A data row: its row number as the spreadsheet shows it, and its cells by field
    ('' where empty or where the file has no such column)."""

    line: int
    cells: tuple[str, ...]

    def __getitem__(self, field: Field) -> str:
        return self.cells[_POSITION[field]]


@dataclass(frozen=True)
class StaffFile:
    """A staff list as read: its rows, the columns it has, and what is wrong with the file
    as a whole (a file with problems has no rows)."""

    name: str
    kind: FileKind
    encoding: str  # of a CSV file ('' for XLSX)
    delimiter: str  # of a CSV file ('' for XLSX)
    columns: frozenset[Field]
    rows: tuple[FileRow, ...]
    problems: tuple[Finding, ...]


def read_staff_file(path: Path, progress: Progress | None = None) -> StaffFile | None:
    """Read the staff list at ``path`` (CSV or XLSX, by its suffix); None if ``progress``
    asked to stop."""
    kind = FileKind.XLSX if path.suffix.lower() in (".xlsx", ".xlsm") else FileKind.CSV
    if path.suffix.lower() in (".xls", ".et"):
        return _failed(path, kind, Finding(ImportProblem.OLD_WORKBOOK))
    try:
        if kind is FileKind.XLSX:
            return _read_xlsx(path, progress)
        return _read_csv(path, progress)
    except OSError as error:
        return _failed(path, kind, Finding(ImportProblem.UNREADABLE,
                                           detail=error.strerror or str(error)))


def _failed(path: Path, kind: FileKind, *problems: Finding, encoding: str = "",
            delimiter: str = "") -> StaffFile:
    return StaffFile(path.name, kind, encoding, delimiter, frozenset(), (), problems)


# --- the rows, whatever the format --------------------------------------------------------

@dataclass(frozen=True)
class _Header:
    rows: int  # how many rows of the file it takes, the rows above it included
    columns: dict[int, Field]  # position in the row -> field
    duplicates: tuple[Field, ...]


def _named(row: list[str]) -> list[tuple[int, Field]]:
    return [(index, field) for index, cell in enumerate(row)
            if cell and (field := _NAMES.get(header_key(cell))) is not None]


def _header_from(rows: list[list[str]], start: int) -> _Header:
    """The header starting at ``rows[start]``, with the sub-header rows below it: a row
    continues the header while it names new fields in columns not named yet (a merged
    upper cell repeats its name in its own column, which changes nothing)."""
    columns: dict[int, Field] = {}
    duplicates: list[Field] = []
    end = start
    for index in range(start, len(rows)):
        named = [(column, field) for column, field in _named(rows[index])
                 if columns.get(column) != field]
        if index > start and (not named or any(
                column in columns or field in columns.values() for column, field in named)):
            break
        for column, field in named:
            if field in columns.values() and field not in duplicates:
                duplicates.append(field)
            columns.setdefault(column, field)
        end = index
    return _Header(end + 1, columns, tuple(duplicates))


def find_header(rows: list[list[str]]) -> _Header | None:
    """The first header among ``rows`` naming the required columns; else the one naming
    the most columns (to say which are missing); None if no row names any."""
    best: _Header | None = None
    for start in range(len(rows)):
        if not _named(rows[start]):
            continue
        header = _header_from(rows, start)
        if set(REQUIRED) <= set(header.columns.values()):
            return header
        if best is None or len(header.columns) > len(best.columns):
            best = header
    return best


def _problems_of(header: _Header | None) -> list[Finding]:
    found = set(header.columns.values()) if header is not None else set()
    problems = [Finding(ImportProblem.MISSING_COLUMN, field)
                for field in REQUIRED if field not in found]
    if header is not None:
        problems += [Finding(ImportProblem.DUPLICATE_COLUMN, field)
                     for field in header.duplicates]
    return problems


def _clean(text: str) -> str:
    return text.strip(_BLANK)


_Collected = tuple[_Header | None, list[FileRow], list[Finding]]


def _collect(rows: Iterator[list[str]], report: Callable[[int], bool] | None
             ) -> _Collected | None:
    """Header and data rows of ``rows`` (cells as text, the first row being row 1); None
    if ``report(row number)``, called every thousand rows, asked to stop."""
    head: list[list[str]] = []
    for row in rows:
        head.append([_clean(cell) for cell in row])
        if len(head) == HEADER_SCAN:
            break
    header = find_header(head)
    problems = _problems_of(header)
    if header is None or problems:
        return header, [], problems
    picks = [(position, _POSITION[field]) for position, field in header.columns.items()]
    width = len(FIELDS)
    kept: list[FileRow] = []
    line = header.rows

    def keep(row: list[str]) -> None:
        cells = [""] * width
        for position, slot in picks:
            if position < len(row) and (cell := row[position]):
                cells[slot] = _clean(cell)
        if any(cells):  # Excel exports trailing empty rows as ",,,,"
            kept.append(FileRow(line, tuple(cells)))

    for row in head[header.rows:]:
        line += 1
        keep(row)
    for row in rows:
        line += 1
        keep(row)
        if len(kept) > MAX_ROWS:
            return header, [], [Finding(ImportProblem.TOO_MANY_ROWS, detail=str(MAX_ROWS))]
        if report is not None and line % _PROGRESS_EVERY == 0 and not report(line):
            return None
    if not kept:
        problems.append(Finding(ImportProblem.NO_ROWS))
    return header, kept, problems


def _staff_file(path: Path, kind: FileKind, collected: _Collected | None, encoding: str = "",
                delimiter: str = "") -> StaffFile | None:
    if collected is None:
        return None
    header, rows, problems = collected
    columns = frozenset(header.columns.values()) if header is not None else frozenset()
    return StaffFile(path.name, kind, encoding, delimiter, columns,
                     () if problems else tuple(rows), tuple(problems))


# --- CSV ----------------------------------------------------------------------------------

def text_encoding(path: Path) -> str:
    """UTF-16 if the file starts with its BOM; UTF-8 (a BOM skipped) if all of it decodes
    as UTF-8; else GB18030 (whether it is that is found while reading)."""
    with path.open("rb") as file:
        start = file.read(2)
        if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        try:
            while chunk := file.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig"


def choose_delimiter(sample: str) -> str:
    """The delimiter with which the first rows of ``sample`` name the required columns:
    the one csv.Sniffer guesses if it does, else comma, semicolon, tab; else the guess."""
    try:
        guessed = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        guessed = ","
    for delimiter in dict.fromkeys((guessed, *_DELIMITERS)):
        try:
            head = [row for _n, row in zip(range(HEADER_SCAN),
                                           csv.reader(io.StringIO(sample), delimiter=delimiter),
                                           strict=False)]
        except csv.Error:
            continue
        header = find_header([[_clean(cell) for cell in row] for row in head])
        if header is not None and set(REQUIRED) <= set(header.columns.values()):
            return delimiter
    return guessed


def _read_csv(path: Path, progress: Progress | None) -> StaffFile | None:
    encoding = text_encoding(path)
    size = path.stat().st_size
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        try:
            delimiter = choose_delimiter(text.read(_SAMPLE))
            text.seek(0)
            reader = csv.reader(text, delimiter=delimiter)
            collected = _collect(reader, None if progress is None
                                 else lambda _line: progress(raw.tell(), size))
        except UnicodeDecodeError:
            return _failed(path, FileKind.CSV, Finding(ImportProblem.NOT_TEXT))
        except csv.Error:
            return _failed(path, FileKind.CSV, Finding(
                ImportProblem.MALFORMED, detail=str(reader.line_num + 1)), encoding=encoding)
    return _staff_file(path, FileKind.CSV, collected, encoding, delimiter)


# --- XLSX ---------------------------------------------------------------------------------

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")
_CELL = re.compile(r"([A-Z]+)([0-9]+)")


def _cell_position(reference: str) -> tuple[int, int]:
    """(column, row), both from 1, of a reference such as "B12"."""
    found = _CELL.fullmatch(reference)
    assert found is not None
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return column, int(found.group(2))


def merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row) of each merged range of a read-only
    sheet, read from the end of its XML (read-only mode does not parse them). Empty if this
    openpyxl cannot hand out the sheet's XML."""
    opener = getattr(sheet, "_get_source", None)
    if opener is None:
        return []
    found: list[tuple[int, int, int, int]] = []
    tail = b""
    with opener() as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            end = 0
            for match in _MERGE.finditer(data):
                first = _cell_position(match.group(1).decode())
                last = _cell_position(match.group(2).decode())
                found.append((first[0], first[1], last[0], last[1]))
                end = match.end()
            tail = data[max(end, len(data) - 200):]
    return found


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number or a login typed as a number
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time() else value.isoformat())
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_MAX_FILL = 64  # columns a merged range is copied across at most (a title merged A1:XFD1)


def _filled(rows: Iterator[tuple[object, ...]], ranges: list[tuple[int, int, int, int]]
            ) -> Iterator[list[str]]:
    """Rows as text, each merged range's value copied into all of its cells."""
    starting: dict[int, list[tuple[int, int, int, int]]] = {}
    for merged in ranges:
        starting.setdefault(merged[1], []).append(merged)
    active: list[tuple[int, int, int, str]] = []  # first column, last column, last row, text
    for number, values in enumerate(rows, start=1):
        row = [_cell_text(value) for value in values]
        if active or number in starting:
            active = [span for span in active if span[2] >= number]
            for first, _top, last, bottom in starting.get(number, ()):
                text = row[first - 1] if first <= len(row) else ""
                active.append((first, min(last, first + _MAX_FILL), bottom, text))
            for first, last, _bottom, text in active:
                if len(row) < last:
                    row.extend([""] * (last - len(row)))
                for column in range(first, last + 1):
                    row[column - 1] = text
        yield row


def _read_xlsx(path: Path, progress: Progress | None) -> StaffFile | None:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError):
        return _failed(path, FileKind.XLSX, Finding(ImportProblem.NOT_A_WORKBOOK))
    try:
        if not book.worksheets:
            return _failed(path, FileKind.XLSX, Finding(ImportProblem.NO_ROWS))
        sheet = book.worksheets[0]
        total = sheet.max_row or 0  # from the sheet's stated size: only for progress
        ranges = merged_ranges(sheet)
        # Some writers state a wrong size (WPS, scripts): read every row there is instead.
        sheet.reset_dimensions()
        rows = _filled(sheet.iter_rows(min_row=1, min_col=1, values_only=True), ranges)
        collected = _collect(rows, None if progress is None
                             else lambda line: progress(line, max(total, line)))
    finally:
        book.close()
    return _staff_file(path, FileKind.XLSX, collected)
