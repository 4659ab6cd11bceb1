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
