"""The XLSX of a rota: staff × days, shift codes on their shift type's colour, written
with ``openpyxl`` (which the staff import and the reports use too)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from app.rota.model import Assignment, ShiftType

# Characters Excel refuses in a sheet's name (at most 31 characters).
_NOT_IN_SHEET_NAME = re.compile(r"[\\/*?:\[\]]")


def xlsx_bytes(title: str, days: Sequence[date], staff: Sequence[tuple[str, str]],
               plan: Iterable[Assignment], shifts: Sequence[ShiftType]) -> bytes:
    """The workbook as bytes: a header row of dates, one row per person."""
    cells = {(a.staff_id, a.day): a.shift for a in plan}
    fills = {s.code: PatternFill("solid", fgColor="FF" + s.color.lstrip("#").upper())
             for s in shifts}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _NOT_IN_SHEET_NAME.sub("-", title)[:31] or "Rota"
    sheet.append(["", *(d.isoformat() for d in days)])
    for row, (sid, name) in enumerate(staff, start=2):
        first = sheet.cell(row, 1, name)
        first.data_type = "s"  # a name starting with "=" is text, not a formula
        for column, day in enumerate(days, start=2):
            code = cells.get((sid, day))
            if code:
                cell = sheet.cell(row, column, code)
                if code in fills:
                    cell.fill = fills[code]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
