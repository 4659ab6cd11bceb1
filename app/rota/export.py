"""Exports of a rota: iCalendar (RFC 5545; one calendar per person and one for the team)
and CSV (staff × days, shift codes), for phones, mail clients and spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime

from app.rota.model import DESK_ZONE, Assignment, ShiftType

PRODUCT = "-//Seatdesk//Rota//ZH"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def calendar(name: str, plan: Iterable[Assignment], shifts: Sequence[ShiftType],
             names: Mapping[str, str], created: datetime, language: str = "zh_CN") -> str:
    """One VCALENDAR with an event per assignment; times in UTC so every client agrees."""
    by_code = {s.code: s for s in shifts}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(name)}", "X-WR-TIMEZONE:Asia/Shanghai"]
    for item in sorted(plan):
        shift = by_code[item.shift]
        start, end = shift.span(item.day, DESK_ZONE)
        title = shift.name_zh if language == "zh_CN" else shift.name_en
        lines += ["BEGIN:VEVENT",
                  f"UID:{item.day.isoformat()}-{item.shift}-{item.staff_id}@seatdesk",
                  f"DTSTAMP:{_stamp(created)}", f"DTSTART:{_stamp(start)}",
                  f"DTEND:{_stamp(end)}",
                  f"SUMMARY:{_escape(title + ' · ' + names.get(item.staff_id, item.staff_id))}",
                  "TRANSP:OPAQUE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 section 3.1), never inside a
    UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 75:
            out.append(current.decode())
            current = b" "
        current += encoded
    out.append(current.decode())
    return "\r\n".join(out)


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
