"""Writing the shown month to iCalendar and CSV files (the formats live in app/rota)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.rota.export import calendar, csv_text, person_calendars
from ui.rota.grid_model import RotaGridModel


def export_ical(model: RotaGridModel, folder: Path, created: datetime, language: str
                ) -> list[Path]:
    """The team calendar and one per person into ``folder``; returns the files written."""
    problem, plan = model.problem, model.plan()
    names = {m.id: m.name for m in problem.staff}
    folder.mkdir(parents=True, exist_ok=True)
    month = f"{problem.days[0]:%Y-%m}"
    title = QCoreApplication.translate("RotaPage", "Desk rota {month}").format(month=month)
    team = folder / f"rota-{month}-team.ics"
    team.write_text(calendar(title, plan, problem.shifts, names, created, language),
                    encoding="utf-8", newline="")
    written = [team]
    for sid, text in person_calendars(plan, problem.shifts, names, created, language).items():
        path = folder / f"rota-{month}-{names.get(sid, sid)}.ics"
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written


def export_csv(model: RotaGridModel, path: Path) -> None:
    problem = model.problem
    path.write_text(csv_text(problem.days, [(m.id, m.name) for m in problem.staff],
                             model.plan()), encoding="utf-8", newline="")


def export_xlsx(model: RotaGridModel, path: Path) -> None:
    from app.rota.spreadsheet import xlsx_bytes

    problem = model.problem
    path.write_bytes(xlsx_bytes(f"{problem.days[0]:%Y-%m}", problem.days,
                                [(m.id, m.name) for m in problem.staff], model.plan(),
                                problem.shifts))


def rota_html(model: RotaGridModel) -> str:
    """The month as an HTML table (shift colours, weekend/holiday shading) for printing."""
    from app.rota.holidays import DayKind

    problem = model.problem
    title = QCoreApplication.translate("RotaPage", "Desk rota {month}").format(
        month=f"{problem.days[0]:%Y-%m}")
    shade = {DayKind.WEEKEND: "#eef1f5", DayKind.HOLIDAY: "#fde2df"}
    head = "".join(f'<th bgcolor="{shade.get(problem.kinds[d], "#ffffff")}">{d.day}</th>'
                   for d in problem.days)
    rows = []
    for member in problem.staff:
        cells = []
        for day in problem.days:
            code = model.cell((member.id, day))
            color = problem.shift(code).color if code else shade.get(problem.kinds[day],
                                                                     "#ffffff")
            cells.append(f'<td align="center" bgcolor="{color}">'
                         f'{escape(model.shift_label(code)) if code else ""}</td>')
        rows.append(f"<tr><td>{escape(member.name)}</td>{''.join(cells)}</tr>")
    legend = " ".join(f'<span style="background:{s.color}">&nbsp;'
                      f"{escape(model.shift_label(s.code))}&nbsp;</span> "
                      f"{escape(model.shift_name(s.code))}" for s in problem.shifts)
    return (f"<h3>{escape(title)}</h3><p>{legend}</p>"
            '<table border="1" cellspacing="0" cellpadding="1" style="font-size:7pt">'
            f"<tr><th></th>{head}</tr>{''.join(rows)}</table>")


def export_pdf(model: RotaGridModel, path: Path, a3: bool = False) -> None:
    """A printable landscape PDF, A4 or A3 (QTextDocument lays out and paints it)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3 if a3 else QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.setHtml(rota_html(model))
    document.print_(writer)
