"""iCalendar and CSV exports."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.rota.defaults import DAY, NIGHT, SHIFTS
from app.rota.export import calendar, csv_text, person_calendars
from app.rota.model import Assignment

PLAN = [Assignment(date(2026, 10, 1), "a", NIGHT), Assignment(date(2026, 10, 1), "b", DAY)]
NAMES = {"a": "王伟", "b": "李娜"}
CREATED = datetime(2026, 9, 1, tzinfo=UTC)


def test_team_calendar_has_one_event_per_shift_in_utc() -> None:
    text = calendar("值班表", PLAN, SHIFTS, NAMES, CREATED)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    # The 00:00-08:00 night of 1 October in Beijing is 16:00-24:00 UTC on 30 September.
    assert "DTSTART:20260930T160000Z\r\nDTEND:20261001T000000Z" in text
    assert "SUMMARY:夜班 · 王伟" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_one_calendar_per_person() -> None:
    calendars = person_calendars(PLAN, SHIFTS, NAMES, CREATED, language="en")
    assert set(calendars) == {"a", "b"}
    assert "SUMMARY:Day · 李娜" in calendars["b"] and "Night" not in calendars["b"]


def test_csv_is_staff_by_days() -> None:
    text = csv_text([date(2026, 10, 1), date(2026, 10, 2)], [("a", "王伟"), ("b", "李娜")], PLAN)
    assert text.lstrip("\ufeff").splitlines() == [
        ",2026-10-01,2026-10-02", "王伟,N,", "李娜,D,"]


def test_calendar_text_is_escaped_and_folded_by_the_library() -> None:
    from icalendar import Calendar

    names = {"a": "王伟, 值班长; 第一组\\" + "很长的名字" * 10}
    text = calendar("值班表", PLAN[:1], SHIFTS, names, CREATED)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "王伟\\, 值班长\\; 第一组\\\\" in text.replace("\r\n ", "")
    parsed = Calendar.from_ical(text)
    [event] = parsed.walk("VEVENT")
    assert str(event["summary"]) == "夜班 · " + names["a"]  # read back whole


def test_xlsx_is_a_valid_workbook_with_coloured_shifts() -> None:
    import io

    from openpyxl import load_workbook

    from app.rota.spreadsheet import xlsx_bytes

    data = xlsx_bytes("2026-10", [date(2026, 10, 1), date(2026, 10, 2)],
                      [("a", "王伟"), ("b", "=李娜")], PLAN, SHIFTS)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "2026-10"
    assert [c.value for c in sheet[1]] == [None, "2026-10-01", "2026-10-02"]
    assert (sheet["A2"].value, sheet["B2"].value, sheet["C2"].value) == ("王伟", "N", None)
    assert sheet["B2"].fill.fgColor.rgb == "FF6C5B9E"  # the night's colour
    assert sheet["A3"].value == "=李娜" and sheet["A3"].data_type == "s"  # not a formula
    assert sheet["B3"].value == "D" and sheet["B3"].fill.fgColor.rgb == "FFF6D365"
