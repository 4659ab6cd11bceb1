"""Exports of a rota: iCalendar (RFC 5545; one calendar per person and one for the team)
and CSV (staff × days, shift codes), for phones, mail clients and spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime

from icalendar import Calendar, Event

from app.rota.model import DESK_ZONE, Assignment, ShiftType

PRODUCT = "-//Seatdesk//Rota//ZH"


def calendar(name: str, plan: Iterable[Assignment], shifts: Sequence[ShiftType],
             names: Mapping[str, str], created: datetime, language: str = "zh_CN") -> str:
    """One VCALENDAR with an event per assignment; times in UTC so every client agrees.
    The ``icalendar`` library escapes the text and folds long lines (RFC 5545)."""
    by_code = {s.code: s for s in shifts}
    book = Calendar()
    book.add("prodid", PRODUCT)
    book.add("version", "2.0")
    book.add("calscale", "GREGORIAN")
    book.add("x-wr-calname", name)
    book.add("x-wr-timezone", "Asia/Shanghai")
    for item in sorted(plan):
        shift = by_code[item.shift]
        start, end = shift.span(item.day, DESK_ZONE)
        title = shift.name_zh if language == "zh_CN" else shift.name_en
        event = Event()
        event.add("uid", f"{item.day.isoformat()}-{item.shift}-{item.staff_id}@seatdesk")
        event.add("dtstamp", created.astimezone(UTC))
        event.add("dtstart", start.astimezone(UTC))
        event.add("dtend", end.astimezone(UTC))
        event.add("summary", f"{title} · {names.get(item.staff_id, item.staff_id)}")
        event.add("transp", "OPAQUE")
        book.add_component(event)
    return str(book.to_ical().decode("utf-8"))


def person_calendars(plan: Iterable[Assignment], shifts: Sequence[ShiftType],
                     names: Mapping[str, str], created: datetime, language: str = "zh_CN"
                     ) -> dict[str, str]:
    """staff id -> that person's calendar."""
    mine: dict[str, list[Assignment]] = {}
    for item in plan:
        mine.setdefault(item.staff_id, []).append(item)
    return {sid: calendar(names.get(sid, sid), items, shifts, names, created, language)
            for sid, items in mine.items()}


def csv_text(days: Sequence[date], staff: Sequence[tuple[str, str]],
             plan: Iterable[Assignment]) -> str:
    """staff × days with shift codes; first column the name. UTF-8 with BOM for Excel."""
    cells = {(a.staff_id, a.day): a.shift for a in plan}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["", *(d.isoformat() for d in days)])
    for sid, name in staff:
        writer.writerow([name, *(cells.get((sid, d), "") for d in days)])
    return "\ufeff" + out.getvalue()
