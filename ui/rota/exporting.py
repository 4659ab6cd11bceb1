"""Writing the shown month to iCalendar and CSV files (the formats live in app/rota)."""

from __future__ import annotations

from datetime import datetime
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
