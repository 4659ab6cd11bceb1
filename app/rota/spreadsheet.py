"""A minimal XLSX (Office Open XML) of a rota: staff × days, shift codes on their colours.

Written with ``zipfile`` and a few XML templates rather than a spreadsheet library: the
grid needs inline strings and one fill per shift type, nothing more.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from xml.sax.saxutils import escape

from app.rota.model import Assignment, ShiftType

_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""  # noqa: E501
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""  # noqa: E501
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"""  # noqa: E501
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""  # noqa: E501


def _column(n: int) -> str:
    name = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


def _styles(shifts: Sequence[ShiftType]) -> str:
    fills = "".join(
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{s.color.lstrip("#").upper()}"/>'
        f"</patternFill></fill>" for s in shifts)
    xfs = "".join(f'<xf numFmtId="0" fontId="0" fillId="{n + 2}" borderId="0" applyFill="1"/>'
                  for n in range(len(shifts)))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            f'<fills count="{len(shifts) + 2}"><fill><patternFill patternType="none"/></fill>'
            f'<fill><patternFill patternType="gray125"/></fill>{fills}</fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{len(shifts) + 1}">'
            f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>{xfs}</cellXfs>'
            "</styleSheet>")


def _cell(ref: str, text: str, style: int = 0) -> str:
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{styled}><is><t>{escape(text)}</t></is></c>'


def xlsx_bytes(title: str, days: Sequence[date], staff: Sequence[tuple[str, str]],
               plan: Iterable[Assignment], shifts: Sequence[ShiftType]) -> bytes:
    """The workbook as bytes: a header row of dates, one row per person."""
    cells = {(a.staff_id, a.day): a.shift for a in plan}
    style = {s.code: n + 1 for n, s in enumerate(shifts)}
    rows = ['<row r="1">' + "".join(
        _cell(f"{_column(c + 1)}1", d.isoformat()) for c, d in enumerate(days)) + "</row>"]
    for r, (sid, name) in enumerate(staff, start=2):
        row = [_cell(f"A{r}", name)]
        for c, day in enumerate(days, start=1):
            code = cells.get((sid, day))
            if code:
                row.append(_cell(f"{_column(c)}{r}", code, style.get(code, 0)))
        rows.append(f'<row r="{r}">{"".join(row)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK.format(name=escape(title[:31])))
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _styles(shifts))
        book.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()
