"""Importing staff from CSV and XLSX files as Excel and WPS write them (issue 14)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Seniority
from app.domain.roles import Role
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.people.staff_file import (
    MAX_ROWS,
    Field,
    FileKind,
    Finding,
    ImportProblem,
    read_staff_file,
)
from app.people.staff_import import (
    AccountAction,
    Preview,
    RowAction,
    apply,
    preview,
    preview_file,
)
from app.services.errors import DeskError, Problem
from app.store.database import Store
from tests.conftest import seat_of

P = ImportProblem
HEADER = ["姓名", "登录名", "班组", "技能", "资历", "电话", "邮箱", "角色"]
WANG = ["王小明", "wangxm", "desk_1", "网络、主机", "资深工程师", "13800138000",
        "wangxm@desk.example.gov.cn", "坐席"]
LI = ["李娜", "lina", "Hosts and storage", "storage", "1", "010-66668888", "", ""]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    import csv
    import io

    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


@pytest.fixture
def reader(demo_copy: DataDir) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        yield conn


@pytest.fixture
def admin(demo_copy: DataDir, demo_store: Store) -> SignedIn:
    """seat001, the demo administrator, signed in: the Store writes as them."""
    seat = seat_of(demo_copy, "seat001")
    demo_store.author_id, demo_store.author_login = seat.staff_id, seat.login
    return seat


def counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in
                 ("staff", "staff_skills", "desk_accounts", "audit_log", "sync_outbox"))


def problems_of(result: Preview) -> dict[int, set[tuple[ImportProblem, str]]]:
    return {line.line: {(f.problem, f.detail) for f in line.problems}
            for line in result.rows if line.problems}


# --- reading files ------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "expected"), [
    ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-8-sig", "utf-8-sig"),
    ("utf-8", "utf-8-sig"), ("utf-16", "utf-16")])
def test_reads_every_encoding_excel_and_wps_write(tmp_path: Path, encoding: str,
                                                  expected: str) -> None:
    path = write_csv(tmp_path / "staff.csv", [HEADER, WANG, LI], encoding)
    read = read_staff_file(path)
    assert read is not None
    assert (read.encoding, read.problems) == (expected, ())
    assert [row[Field.NAME] for row in read.rows] == ["王小明", "李娜"]
    assert read.rows[0][Field.SKILLS] == "网络、主机"
    assert read.rows[0].line == 2


def test_gbk_file_is_not_taken_for_utf8(tmp_path: Path) -> None:
    """GBK bytes of a few Chinese words can look like UTF-8 at the start: the whole file
    decides."""
    rows = [HEADER, *([*WANG[:1], f"u{i}", *WANG[2:]] for i in range(3000)),
            ["张三丰", "zsf", "服务台一组", "", "", "", "", ""]]
    read = read_staff_file(write_csv(tmp_path / "staff.csv", rows, "gbk"))
    assert read is not None and read.encoding == "gb18030"
    assert read.rows[-1][Field.NAME] == "张三丰" and read.rows[-1][Field.TEAM] == "服务台一组"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_found(tmp_path: Path, delimiter: str) -> None:
    # Commas inside a semicolon or tab file are not quoted: they must not split the skills.
    path = write_csv(tmp_path / "staff.csv", [HEADER, ["王小明", "wangxm", "desk_1", "网络,主机",
                                                       "2", "", "", ""]], delimiter=delimiter)
    assert (b'"' in path.read_bytes()) == (delimiter == ",")
    read = read_staff_file(path)
    assert read is not None and read.delimiter == delimiter
    assert read.rows[0][Field.SKILLS] == "网络,主机"


def test_headers_in_english_with_remarks_and_any_case(tmp_path: Path) -> None:
    header = ["Full Name", "LOGIN (required)", "Team", "Skills", "Seniority",
              "Phone Number", "E-mail", "Role", "Remarks"]
    read = read_staff_file(write_csv(tmp_path / "staff.csv",
                                     [header, [*WANG, "a note that is not imported"]]))
    assert read is not None and read.problems == ()
    assert read.columns == frozenset(Field)
    assert read.rows[0].cells == tuple(WANG)
    chinese = ["姓名（必填）", "账号*", "手机号", "电子邮件"]
    read = read_staff_file(write_csv(tmp_path / "zh.csv",
                                     [chinese, ["王小明", "wangxm", "13800138000", "a@b.cn"]]))
    assert read is not None and read.rows[0][Field.PHONE] == "13800138000"


def test_missing_required_column_is_a_file_problem(tmp_path: Path,
                                                   reader: sqlite3.Connection) -> None:
    rows = [["姓名", "班组"], ["王小明", "desk_1"]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None
    assert result.problems == (Finding(P.MISSING_COLUMN, Field.LOGIN),)
    assert result.rows == () and not result.acceptable
    result = preview_file(reader, write_csv(tmp_path / "none.csv", [["a", "b"], ["c", "d"]]),
                          connected=False)
    assert result is not None and {f.field for f in result.problems} == {Field.NAME,
                                                                        Field.LOGIN}


def test_two_columns_for_one_field_and_an_empty_list(tmp_path: Path) -> None:
    read = read_staff_file(write_csv(tmp_path / "dup.csv", [
        ["姓名", "登录名", "电话", "手机"], ["王小明", "wangxm", "", "13800138000"]]))
    assert read is not None and read.problems == (Finding(P.DUPLICATE_COLUMN, Field.PHONE),)
    read = read_staff_file(write_csv(tmp_path / "empty.csv", [HEADER, [""] * 8, [""] * 8]))
    assert read is not None and read.problems == (Finding(P.NO_ROWS),)


def test_files_that_are_not_staff_lists(tmp_path: Path) -> None:
    old = tmp_path / "staff.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(500))
    bad = tmp_path / "staff.xlsx"
    bad.write_bytes(b"PK not really a zip")
    binary = tmp_path / "staff.csv"
    binary.write_bytes(bytes(range(256)) * 40)
    read = {path.name: read_staff_file(path) for path in (old, bad, binary)}
    assert {name: r.problems[0].problem for name, r in read.items() if r} == {
        "staff.xls": P.OLD_WORKBOOK, "staff.xlsx": P.NOT_A_WORKBOOK, "staff.csv": P.NOT_TEXT}
    missing = read_staff_file(tmp_path / "gone.csv")
    assert missing is not None and missing.problems[0].problem is P.UNREADABLE


def test_ten_megabyte_files_parse_with_bounded_memory(tmp_path: Path) -> None:
    """A 10 MB list with a long remarks column is read whole and the remarks never kept; a
    10 MB list of more rows than any desk has staff stops at the limit."""
    import psutil

    process = psutil.Process()
    notes = "备注" * 600
    wide = tmp_path / "wide.csv"
    with wide.open("w", encoding="gbk", newline="") as out:
        out.write(",".join([*HEADER, "备注"]) + "\r\n")
        for i in range(4300):
            out.write(f"员工{i},u{i},desk_1,网络,1,13800138000,u{i}@x.cn,坐席,{notes}\r\n")
    long = tmp_path / "long.csv"
    with long.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(HEADER) + "\r\n")
        for i in range(150_000):
            out.write(f"员工{i},u{i},desk_1,网络,1,13800138000,u{i}@x.cn,坐席\r\n")
    assert wide.stat().st_size > 10_000_000 and long.stat().st_size > 10_000_000
    before = process.memory_info().rss
    read = read_staff_file(wide)
    assert read is not None and len(read.rows) == 4300 and read.problems == ()
    too_long = read_staff_file(long)
    assert too_long is not None and too_long.rows == ()
    assert too_long.problems == (Finding(P.TOO_MANY_ROWS, detail=str(MAX_ROWS)),)
    assert process.memory_info().rss - before < 150_000_000


def test_reading_stops_when_asked(tmp_path: Path) -> None:
    rows = [HEADER, *([*WANG[:1], f"u{i}", *WANG[2:]] for i in range(5000))]
    path = write_csv(tmp_path / "staff.csv", rows)
    seen: list[tuple[int, int]] = []
    assert read_staff_file(path, lambda done, total: bool(seen.append((done, total)))) is None
    assert len(seen) == 1 and 0 < seen[0][0] <= seen[0][1] == path.stat().st_size


def test_xlsx_with_merged_header_cells(tmp_path: Path) -> None:
    """A title merged across the sheet, a two-row header (姓名 and 登录名 merged down over
    both rows, 联系方式 over 电话 and 邮箱), and a team merged down over its members."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["服务台人员名单（2026 年 12 月）"])
    sheet.append(["姓名", "登录名", "班组", "技能", "资历", "联系方式", None, "角色"])
    sheet.append([None, None, None, None, None, "电话", "邮箱", None])
    sheet.append(["王小明", "wangxm", "desk_1", "网络", 2, 13800138000, "w@x.gov.cn", "坐席"])
    sheet.append(["李娜", "lina", None, "主机", 1.0, "010-66668888", None, "agent"])
    sheet.append(["赵强", 10086, None, None, None, None, None, None])
    sheet.merge_cells("A1:H1")
    for column in "ABCDEH":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("F2:G2")
    sheet.merge_cells("C4:C6")
    path = tmp_path / "staff.xlsx"
    book.save(path)
    read = read_staff_file(path)
    assert read is not None and read.kind is FileKind.XLSX and read.problems == ()
    assert read.columns == frozenset(Field)
    assert [row.line for row in read.rows] == [4, 5, 6]
    assert read.rows[0].cells == ("王小明", "wangxm", "desk_1", "网络", "2", "13800138000",
                                  "w@x.gov.cn", "坐席")
    assert [row[Field.TEAM] for row in read.rows] == ["desk_1"] * 3  # merged down
    assert read.rows[1][Field.SENIORITY] == "1" and read.rows[2][Field.LOGIN] == "10086"


def test_xlsx_header_below_a_group_title_and_a_stated_size_that_lies(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["员工信息"])
    sheet.append(HEADER)
    sheet.append(WANG)
    book.save(tmp_path / "staff.xlsx")
    read = read_staff_file(tmp_path / "staff.xlsx")
    assert read is not None and read.problems == () and read.rows[0].cells == tuple(WANG)


# --- the preview --------------------------------------------------------------------------

def test_preview_resolves_teams_skills_seniority_and_roles(tmp_path: Path,
                                                          reader: sqlite3.Connection) -> None:
    rows = [HEADER, WANG, LI,
            ["赵强", "zhaoq", "网络安全组", "Network, security devices; 备份系统", "senior expert",
             "", "", "Supervisor"],
            ["钱芳", "qianf", "", "Databases and middleware 网络", "中级", "", "", "技术负责人"]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows, "gbk"),
                          connected=False)
    assert result is not None and result.acceptable, problems_of(result)
    wang, li, zhao, qian = result.rows
    teams = dict(reader.execute("SELECT code, id FROM teams"))
    assert (wang.team_id, wang.skills, wang.seniority, wang.role) == (
        teams["desk_1"], ("network", "hosts"), Seniority.EXPERIENCED, Role.AGENT)
    assert (li.team_id, li.skills, li.role, li.account) == (
        teams["hosts_storage"], ("storage",), None, AccountAction.NONE)
    assert zhao.skills == ("network", "security_devices", "backup")
    assert (zhao.seniority, zhao.role) == (Seniority.SENIOR_EXPERT, Role.SUPERVISOR)
    assert (qian.team_id, qian.skills) == (None, ("database", "network"))
    assert (result.new, result.updated, result.with_problems) == (4, 0, 0)
    assert {line.account for line in result.rows if line.role} == {AccountAction.NEW}


def test_every_row_problem_is_reported(tmp_path: Path, reader: sqlite3.Connection) -> None:
    rows = [HEADER,
            ["", "nobody", "", "", "", "", "", ""],
            ["无登录", "", "", "", "", "", "", ""],
            ["重复一", "Dup", "", "", "", "", "", ""],
            ["重复二", "dup", "", "", "", "", "", ""],
            ["坏数据", "bad login", "desk_99", "网络、魔法", "4", "12345678", "not-mail", "神"],
            ["长名字" * 30, "ok.login", "", "", "", "", "", ""]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None and not result.acceptable
    found = problems_of(result)
    assert found[2] == {(P.MISSING_VALUE, "")}
    assert found[3] == {(P.MISSING_VALUE, "")}
    assert found[4] == {(P.DUPLICATE_LOGIN, "5")} and found[5] == {(P.DUPLICATE_LOGIN, "4")}
    assert found[6] == {(P.LOGIN_INVALID, "bad login"), (P.UNKNOWN_TEAM, "desk_99"),
                        (P.UNKNOWN_SKILL, "魔法"), (P.UNKNOWN_SENIORITY, "4"),
                        (P.BAD_PHONE, "12345678"), (P.BAD_EMAIL, "not-mail"),
                        (P.UNKNOWN_ROLE, "神")}
    assert found[7] == {(P.TOO_LONG, "80")}
    assert result.with_problems == 6
    assert [f.field for f in result.rows[0].problems] == [Field.NAME]


def test_existing_logins_are_updates_not_problems(tmp_path: Path,
                                                 reader: sqlite3.Connection) -> None:
    reader.execute("UPDATE staff SET active = 0 WHERE login = 'seat040'")
    reader.commit()
    rows = [HEADER, ["新名字", "SEAT012", "", "", "", "", "", "坐席"],
            ["回来了", "seat040", "", "", "", "", "", ""], WANG]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None and result.acceptable
    assert [line.action for line in result.rows] == [RowAction.UPDATE, RowAction.REACTIVATE,
                                                     RowAction.NEW]
    assert result.rows[0].account is AccountAction.KEPT  # seat012 has an account
    assert (result.new, result.updated) == (1, 2)


def test_retired_team_and_skill_only_for_who_has_them(tmp_path: Path,
                                                     reader: sqlite3.Connection) -> None:
    reader.execute("UPDATE teams SET retired = 1 WHERE code = 'desk_2'")
    reader.execute("UPDATE skills SET retired = 1 WHERE code = 'service_desk'")
    reader.commit()
    member = reader.execute("SELECT s.login FROM staff s JOIN teams t ON t.id = s.team_id "
                            "WHERE t.code = 'desk_2' LIMIT 1").fetchone()[0]
    rows = [HEADER, ["老成员", member, "服务台二组", "服务台", "", "", "", ""],
            ["新成员", "newbie", "服务台二组", "服务台", "", "", "", ""]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None
    assert problems_of(result) == {3: {(P.UNKNOWN_TEAM, "服务台二组"),
                                       (P.UNKNOWN_SKILL, "服务台")}}


# --- applying -----------------------------------------------------------------------------

def test_import_writes_staff_skills_accounts_and_one_audit_line(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    before = counts(reader)
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", [HEADER, WANG, LI]),
                          connected=False)
    assert result is not None
    done = apply(demo_store, clock, result, admin)
    assert (done.created, done.updated, done.accounts) == (2, 0, 1)
    staff, skills, accounts, audit, outbox = counts(reader)
    assert (staff, skills, accounts, audit, outbox) == (
        before[0] + 2, before[1] + 3, before[2] + 1, before[3] + 1, before[4])
    wang = reader.execute("SELECT id, name, seniority, status, phone, email, active, team_id "
                          "FROM staff WHERE login = 'wangxm'").fetchone()
    assert wang[1:7] == ("王小明", 2, "available", "13800138000",
                         "wangxm@desk.example.gov.cn", 1)
    assert {r[0] for r in reader.execute("SELECT skill FROM staff_skills WHERE staff_id = ?",
                                         (wang[0],))} == {"network", "hosts"}
    assert reader.execute("SELECT role, password_hash, active FROM desk_accounts WHERE "
                          "login = 'wangxm'").fetchone() == ("agent", "", 1)
    li_seniority = reader.execute("SELECT seniority FROM staff WHERE login = 'lina'")
    assert li_seniority.fetchone() == (1,)
    kind, actor, after = reader.execute("SELECT kind, actor_id, after FROM audit_log "
                                        "ORDER BY at DESC, id DESC LIMIT 1").fetchone()
    assert (kind, actor) == ("import", admin.staff_id)
    assert json.loads(after) == {"file": "staff.csv", "created": ["wangxm", "lina"],
                                 "updated": {}, "skills_replaced": [],
                                 "accounts": {"agent": ["wangxm"]}}


def test_update_keeps_empty_cells_replaces_skills_and_refiles_tickets(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    staff_id, login, phone, email, team_id = reader.execute(
        "SELECT s.id, s.login, s.phone, s.email, s.team_id FROM staff s WHERE EXISTS "
        "(SELECT 1 FROM tickets t WHERE t.assignee_id = s.id) ORDER BY s.login LIMIT 1"
    ).fetchone()
    reader.execute("UPDATE staff SET active = 0 WHERE id = ?", (staff_id,))
    reader.commit()
    rows = [HEADER, ["改名了", login.upper(), "", "备份系统", "3", "", "", ""]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None and result.rows[0].action is RowAction.REACTIVATE
    done = apply(demo_store, clock, result, admin)
    assert (done.created, done.updated, done.accounts) == (0, 1, 0)
    assert reader.execute("SELECT name, login, phone, email, team_id, seniority, active, "
                          "version FROM staff WHERE id = ?", (staff_id,)).fetchone() == (
        "改名了", login, phone, email, team_id, 3, 1, 2)
    assert [r[0] for r in reader.execute("SELECT skill FROM staff_skills WHERE staff_id = ?",
                                         (staff_id,))] == ["backup"]
    assert {r[0] for r in reader.execute("SELECT DISTINCT assignee_sort FROM tickets WHERE "
                                         "assignee_id = ?", (staff_id,))} == {"改名了"}
    before = json.loads(reader.execute("SELECT before FROM audit_log ORDER BY at DESC, "
                                       "id DESC LIMIT 1").fetchone()[0])
    assert before["updated"][login]["active"] is False
    again = preview_file(reader, tmp_path / "staff.csv", connected=False)
    assert again is not None
    assert apply(demo_store, clock, again, admin).unchanged == 1


def test_nothing_is_written_from_a_preview_with_problems(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    before = counts(reader)
    rows = [HEADER, WANG, [*LI[:2], "no_such_team", *LI[3:]]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None
    with pytest.raises(DeskError) as refused:
        apply(demo_store, clock, result, admin)
    assert (refused.value.problem, refused.value.detail) == (Problem.IMPORT_HAS_PROBLEMS, "1")
    assert counts(reader) == before


def test_only_who_manages_people_imports(tmp_path: Path, reader: sqlite3.Connection,
                                         demo_copy: DataDir, demo_store: Store,
                                         clock: ManualClock) -> None:
    agent = seat_of(demo_copy, "seat010")
    demo_store.author_id, demo_store.author_login = agent.staff_id, agent.login
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", [HEADER, LI]),
                          connected=False)
    assert result is not None and result.acceptable
    before = counts(reader)
    with pytest.raises(DeskError) as refused:
        apply(demo_store, clock, result, agent)
    assert refused.value.problem is Problem.NOT_ALLOWED
    assert counts(reader) == before


def test_a_login_taken_since_the_preview_writes_nothing(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", [HEADER, WANG, LI]),
                          connected=False)
    assert result is not None and result.acceptable
    reader.execute("INSERT INTO staff (id, name, login, seniority, status, phone, email, "
                   "version, updated_at, deleted, active) SELECT 'x', 'Someone', 'LINA', "
                   "1, 'available', '', '', 1, updated_at, 0, 1 FROM staff LIMIT 1")
    reader.commit()
    before = counts(reader)
    with pytest.raises(DeskError) as refused:
        apply(demo_store, clock, result, admin)
    assert (refused.value.problem, refused.value.detail) == (Problem.IMPORT_OUTDATED, "lina")
    assert counts(reader) == before


def test_a_failure_midway_undoes_the_whole_import(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    """An account made for a new login after the preview: the staff rows are already
    inserted when the accounts' unique login refuses; all of it rolls back."""
    rows = [HEADER, *([f"员工{i}", f"u{i:04d}", "desk_1", "网络", "", "", "", "坐席"]
                      for i in range(300))]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=False)
    assert result is not None and result.acceptable
    reader.execute("INSERT INTO desk_accounts (id, login, role, password_hash, active, "
                   "created_at) VALUES ('a', 'u0299', 'agent', '', 1, '2026-11-26 02:00:00')")
    reader.commit()
    before = counts(reader)
    with pytest.raises(DeskError) as refused:
        apply(demo_store, clock, result, admin)
    assert refused.value.problem is Problem.IMPORT_OUTDATED
    assert counts(reader) == before
    assert reader.execute("SELECT count(*) FROM staff WHERE login LIKE 'u0%'").fetchone() == (0,)


def test_connected_desk_imports_staff_through_the_outbox_without_accounts(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    from app.sync.outbox import OutboxWriter

    OutboxWriter(demo_store, clock)  # what a connected desk attaches
    login = "seat012"
    rows = [HEADER, WANG, ["新名字", login, "", "备份系统", "", "", "", ""]]
    result = preview_file(reader, write_csv(tmp_path / "staff.csv", rows), connected=True)
    assert result is not None and result.acceptable
    assert {line.account for line in result.rows} == {AccountAction.NONE}
    before = counts(reader)
    done = apply(demo_store, clock, result, admin)
    assert (done.created, done.updated, done.accounts) == (1, 1, 0)
    assert counts(reader)[2] == before[2]  # no account: the server's
    outbox = reader.execute("SELECT entity, op, key, patch, login FROM sync_outbox "
                            "ORDER BY id").fetchall()
    by_entity = [(entity, op) for entity, op, *_rest in outbox]
    assert by_entity.count(("staff", "put")) == 2
    assert by_entity.count(("staff_skills", "put")) == 3  # wangxm's two, seat012's backup
    assert by_entity.count(("staff_skills", "delete")) >= 1  # seat012's former skills
    assert by_entity.count(("audit_log", "put")) == 1
    assert {row[4] for row in outbox if row[0] != "audit_log"} == {"seat001"}
    renamed = next(json.loads(row[3]) for row in outbox
                   if row[0] == "staff" and "login" not in json.loads(row[3]))
    assert set(renamed) == {"name", "updated_at"} and renamed["name"] == "新名字"
    new = next(json.loads(row[3]) for row in outbox
               if row[0] == "staff" and "login" in json.loads(row[3]))
    assert new["login"] == "wangxm" and new["seniority"] == 2 and "version" not in new


def test_preview_of_an_xlsx_is_imported_like_a_csv(
        tmp_path: Path, reader: sqlite3.Connection, demo_store: Store, clock: ManualClock,
        admin: SignedIn) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append([*WANG[:5], 13800138000, *WANG[6:]])
    book.save(tmp_path / "staff.xlsx")
    read = read_staff_file(tmp_path / "staff.xlsx")
    assert read is not None
    result = preview(reader, read, connected=False)
    assert result.acceptable and result.rows[0].phone == "13800138000"
    assert apply(demo_store, clock, result, admin).created == 1
