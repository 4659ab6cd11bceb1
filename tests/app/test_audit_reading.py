"""Reading the audit log: filters by person, kind and period, newest first, keyset pages
along the log's indexes; exports to CSV (UTF-8 with BOM) and XLSX read back as Excel would."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.audit import reading
from app.audit.export import Words, write_csv, write_xlsx
from app.audit.reading import AuditFilter, AuditLine, Cursor, period
from app.audit.recorder import Action, AuditKind, AuditRecorder, record
from app.desk_settings import save
from app.domain.clock import ManualClock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.people.admin import StaffForm, add_staff
from app.store.database import Store
from tests.conftest import T0, seat_of

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def people(demo_copy: DataDir) -> dict[str, SignedIn]:
    return {role: seat_of(demo_copy, login) for role, login in
            (("admin", "seat001"), ("supervisor", "seat002"), ("agent", "seat010"))}


@pytest.fixture
def reader(demo_copy: DataDir) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        yield conn


@pytest.fixture
def logged(demo_store: Store, clock: ManualClock, people: dict[str, SignedIn]) -> Store:
    """Lines by three people over three days (T0 is 10:00 in Shanghai on 26 November):
    the administrator's real changes through the recorder, and lines written directly."""
    admin, supervisor = people["admin"], people["supervisor"]
    recorder = AuditRecorder(demo_store, clock)
    demo_store.author_id = admin.staff_id
    clock.set(T0 - timedelta(days=1))  # 25 November
    add_staff(demo_store, clock, admin, StaffForm("王晓明", "wangxm", admin.team_id, 2))
    clock.set(T0)
    save(demo_store, clock, admin, confirmation_timeout_hours=48)
    recorder.detach()
    with demo_store.unit_of_work() as session:
        clock.set(T0 + timedelta(hours=15))  # 01:00 on 27 November in Shanghai
        record(session, clock, supervisor.staff_id, AuditKind.ROTA, "rota_periods", "p1",
               Action.PUBLISHED, {}, {"published_by": supervisor.staff_id})
        clock.advance(timedelta(minutes=1))
        record(session, clock, None, AuditKind.SETTINGS, "desk_settings", "settings.json",
               Action.IMPORTED, {}, {"backups_kept": 30})
    clock.set(T0)
    return demo_store


def test_newest_first_with_names_not_ids(logged: Store, reader: sqlite3.Connection,
                                         people: dict[str, SignedIn]) -> None:
    found = reading.page(reader, AuditFilter(), language="zh_CN")
    assert found.next is None
    kinds = [(line.kind, line.summary) for line in found.lines]
    assert kinds[:2] == [("settings", "imported"), ("rota", "published")]
    assert ("settings", "changed") not in kinds and ("settings", "created") in kinds
    assert kinds[-1] == ("people", "created")
    assert [line.at for line in found.lines] == sorted((line.at for line in found.lines),
                                                       reverse=True)
    published = found.lines[1]
    assert (published.actor, published.actor_login) == (people["supervisor"].name, "seat002")
    assert found.lines[0].actor == "" and found.lines[0].actor_id is None
    person = next(line for line in found.lines if line.subject == "staff")
    assert person.subject_name == "王晓明"
    assert person.after["login"] == "wangxm"
    team = next(c for c in reading.changes(reader, person, "zh_CN") if c.field == "team_id")
    assert (team.had_before, team.had_after, team.before) == (False, True, None)
    assert team.after_name  # the team's Chinese name, not its id
    rota = reading.changes(reader, published)
    assert [(c.field, c.after_name) for c in rota] == [
        ("published_by", people["supervisor"].name)]


def test_filters_by_person_kind_and_period(logged: Store, reader: sqlite3.Connection,
                                           people: dict[str, SignedIn]) -> None:
    def subjects(chosen: AuditFilter) -> list[str]:
        return [line.subject for line in reading.page(reader, chosen).lines]

    admin = people["admin"].staff_id
    assert set(subjects(AuditFilter(actor_id=admin))) == {"staff", "staff_skills",
                                                          "desk_settings"} - {"staff_skills"}
    assert subjects(AuditFilter(actor_id=people["agent"].staff_id)) == []
    assert subjects(AuditFilter(kind=AuditKind.ROTA)) == ["rota_periods"]
    assert subjects(AuditFilter(kind=AuditKind.SETTINGS, actor_id=admin)) == ["desk_settings"]
    since, until = period(date(2026, 11, 26), date(2026, 11, 26), SHANGHAI)
    assert subjects(AuditFilter(since=since, until=until)) == ["desk_settings"]
    since, until = period(date(2026, 11, 27), None, SHANGHAI)
    assert subjects(AuditFilter(since=since, until=until)) == ["desk_settings",
                                                               "rota_periods"]
    assert reading.count(reader, AuditFilter(until=period(None, date(2026, 11, 25),
                                                          SHANGHAI)[1])) == 1
    assert [a.login for a in reading.actors(reader)] == sorted(
        ["seat001", "seat002"], key=lambda login: next(
            p.name for p in people.values() if p.login == login))


def _many(store: Store, clock: ManualClock, people: dict[str, SignedIn], n: int) -> None:
    """``n`` lines, three at each moment (ties on ``at``), alternating people and kinds."""
    actors = [people["admin"].staff_id, people["supervisor"].staff_id]
    kinds = [AuditKind.PEOPLE, AuditKind.ROTA, AuditKind.CATALOG]
    with store.unit_of_work() as session:
        for i in range(n):
            clock.set(T0 + timedelta(minutes=i // 3))
            record(session, clock, actors[i % 2], kinds[i % 3], "staff", f"row{i}",
                   Action.CHANGED, {"n": i}, {"n": i + 1})


@pytest.mark.parametrize("chosen", [
    {}, {"actor": "admin"}, {"kind": AuditKind.ROTA}, {"actor": "supervisor", "period": 1}])
def test_keyset_pages_cover_every_line_once(
        demo_store: Store, clock: ManualClock, people: dict[str, SignedIn],
        reader: sqlite3.Connection, chosen: dict[str, object]) -> None:
    _many(demo_store, clock, people, 451)
    actor = people[str(chosen["actor"])].staff_id if "actor" in chosen else None
    since = T0 + timedelta(minutes=20) if "period" in chosen else None
    until = T0 + timedelta(minutes=120) if "period" in chosen else None
    filt = AuditFilter(actor_id=actor, kind=chosen.get("kind"),  # type: ignore[arg-type]
                       since=since, until=until)
    seen: list[AuditLine] = []
    cursor: Cursor | None = None
    while True:
        found = reading.page(reader, filt, cursor, limit=40)
        seen += found.lines
        if found.next is None:
            break
        cursor = found.next
    expected = reader.execute(
        "SELECT id FROM audit_log a" + reading._where(filt, None)[0]  # noqa: SLF001
        + " ORDER BY at DESC, id DESC", reading._where(filt, None)[1]).fetchall()
    assert [line.id for line in seen] == [row[0] for row in expected]
    assert len(seen) == reading.count(reader, filt) > 40
    assert [line.id for line in reading.lines(reader, filt, batch=17)] == [
        line.id for line in seen]


@pytest.mark.parametrize(("chosen", "index"), [
    (AuditFilter(), "ix_audit_log_at"),
    (AuditFilter(actor_id="x"), "ix_audit_log_actor_at"),
    (AuditFilter(kind="rota"), "ix_audit_log_kind_at"),
    (AuditFilter(since=T0, until=T0 + timedelta(days=1)), "ix_audit_log_at"),
])
def test_each_filter_reads_along_an_index(reader: sqlite3.Connection, chosen: AuditFilter,
                                          index: str) -> None:
    for cursor in (None, Cursor("2026-11-26 02:00:00.000000", "z")):
        sql, values = reading.page_sql(chosen, cursor)
        plan = " | ".join(row[3] for row in reader.execute(
            "EXPLAIN QUERY PLAN " + sql, [*values, 10]))
        assert f"USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan, plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan  # never a sort of them all


def _words() -> Words:
    return Words(headings=("时间", "操作人", "登录名", "类别", "操作", "对象", "记录", "之前",
                           "之后"), kinds={"settings": "设置", "people": "人员"},
                 actions={"changed": "修改", "created": "新增"}, nobody="系统")


def test_csv_export_opens_in_excel_and_wps(logged: Store, reader: sqlite3.Connection,
                                          tmp_path: Path, people: dict[str, SignedIn]) -> None:
    path = tmp_path / "审计日志.csv"
    chosen = AuditFilter(actor_id=people["admin"].staff_id)
    written = write_csv(path, reading.lines(reader, chosen, "zh_CN"), SHANGHAI, _words())
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel and WPS read it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == list(_words().headings)
    assert len(rows) - 1 == written == reading.count(reader, chosen)
    settings_row = rows[1]
    assert settings_row[:6] == ["2026-11-26 10:00:00", people["admin"].name, "seat001",
                                "设置", "新增", "confirmation_timeout_hours"]
    assert '"value": "48.0"' in settings_row[8]
    assert any(row[5] == "王晓明" for row in rows[1:])
    assert not list(tmp_path.glob("*.partial"))


def test_a_formula_in_a_name_stays_text(demo_store: Store, clock: ManualClock,
                                        reader: sqlite3.Connection, tmp_path: Path,
                                        people: dict[str, SignedIn]) -> None:
    with demo_store.unit_of_work() as session:
        record(session, clock, people["admin"].staff_id, AuditKind.REQUESTERS, "units",
               "=HYPERLINK(\"http://x\")", Action.CHANGED, {"unit": "=1+1"}, {"unit": "-2"})
    lines = list(reading.lines(reader, AuditFilter()))
    write_csv(tmp_path / "a.csv", lines, SHANGHAI)
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as file:
        row = list(csv.reader(file))[1]
    assert row[5] == "'=HYPERLINK(\"http://x\")"
    write_xlsx(tmp_path / "a.xlsx", lines, SHANGHAI)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert sheet is not None
    cell = sheet.cell(row=2, column=6)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(\"http://x\")", "s")


def test_xlsx_export_reads_back(logged: Store, reader: sqlite3.Connection, tmp_path: Path,
                                people: dict[str, SignedIn]) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "audit.xlsx"
    written = write_xlsx(path, reading.lines(reader, AuditFilter(), "zh_CN"), SHANGHAI,
                         _words(), sheet="审计日志")
    book = load_workbook(path)
    sheet = book["审计日志"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == _words().headings
    assert len(rows) - 1 == written == reading.count(reader, AuditFilter())
    newest = rows[1]
    assert newest[0] == datetime(2026, 11, 27, 1, 1)  # a real date-time, Shanghai time
    assert newest[1] == "系统" and newest[4] == "imported"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert any(row[5] == "王晓明" and row[3] == "人员" for row in rows[1:])
