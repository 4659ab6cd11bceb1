"""Staff import benchmark: a 10 000-row staff list as CSV (GBK) and XLSX on a demo desk.

Generates --rows people (every demo seat among them, so some rows are updates; teams and
skills written by code, Chinese or English name; a role on each row, so a standalone desk
makes an account for each new person), then for each format, on a fresh copy of the demo
desk, times reading + preview and the import itself (one transaction: staff, skills,
accounts, the audit line). Baseline in the same run: the same CSV decoded with csv.reader
and the same staff, skill and account rows inserted with sqlite3 executemany, no checks.
The issue's bar: 10 000 rows in at most 5 s.

    python -m bench.staff_import [--rows 10000] [--tickets 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from random import Random

from app.audit.recorder import AuditRecorder
from app.demo.catalog import GIVEN_NAMES, SURNAMES, TEAMS
from app.domain.clock import ManualClock
from app.identity.seat import first_administrator
from app.paths import DataDir
from app.people.staff_import import apply, preview_file
from app.services.data_folder import prepare, seed
from app.store.database import Store
from app.store.reading import read_connection
from bench.common import emit

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
HEADER = ["姓名", "登录名", "班组", "技能", "资历", "电话", "邮箱", "角色"]
SENIORITY = ("1", "2", "3", "工程师", "资深工程师", "高级专家", "senior expert")
ROLES = ("坐席",) * 8 + ("agent", "值班长", "技术负责人")


def staff_rows(count: int, demo_logins: list[str], skills: dict[str, tuple[str, str]],
               rng: Random) -> list[list[str]]:
    """``count`` people: the demo seats first (updates), then new ones."""
    rows = []
    for n in range(count):
        team = rng.choice(TEAMS)
        team_text = rng.choice((team.code, team.name_zh, team.name_en))
        chosen = rng.sample(list(skills), rng.randrange(1, 4))
        skill_text = "、".join(rng.choice((code, skills[code][0])) for code in chosen)
        login = demo_logins[n] if n < len(demo_logins) else f"imp{n:05d}"
        rows.append([rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES), login, team_text,
                     skill_text, rng.choice(SENIORITY),
                     "1" + rng.choice("3589") + f"{rng.randrange(10 ** 9):09d}",
                     f"{login}@desk.example.gov.cn", rng.choice(ROLES)])
    return rows


def write_files(rows: list[list[str]], folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([HEADER, *rows])
    csv_path = folder / "staff.csv"
    csv_path.write_bytes(text.getvalue().encode("gbk"))
    # Written as Excel and WPS write: shared strings and the sheet's size stated up front
    # (openpyxl's write-only mode writes neither, and such a file reads about twice slower).
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "人员"
    sheet.append(["服务台人员名单"])  # a title row above the header, as offices write them
    sheet.append(HEADER)
    for row in rows:
        sheet.append([*row[:5], int(row[5]), *row[6:]])  # phones typed as numbers
    xlsx_path = folder / "staff.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def fresh_copy(demo: DataDir, folder: Path) -> DataDir:
    if folder.exists():
        shutil.rmtree(folder)
    copy = DataDir(folder)
    copy.create()
    shutil.copy(demo.database, copy.database)
    return copy


def run_import(data: DataDir, path: Path) -> tuple[float, float, int]:
    """Seconds to read + preview and to import ``path``; rows written."""
    clock = ManualClock(NOW)
    started = time.perf_counter()
    reader = read_connection(data.database)
    preview = preview_file(reader, path, connected=False)
    read = time.perf_counter() - started
    assert preview is not None and preview.acceptable, preview and preview.problems
    actor = first_administrator(reader)
    reader.close()
    assert actor is not None
    store = Store(data.database)
    store.author_id, store.author_login = actor.staff_id, actor.login
    AuditRecorder(store, clock)
    started = time.perf_counter()
    result = apply(store, clock, preview, actor)
    written = time.perf_counter() - started
    store.close()
    return read, written, result.created + result.updated


def bare_import(data: DataDir, path: Path) -> float:
    """csv.reader and executemany of the same staff, skill and account rows: no checks."""
    started = time.perf_counter()
    conn = sqlite3.connect(data.database)
    teams: dict[str, str] = {}
    for id_, *names in conn.execute("SELECT id, code, name_zh, name_en FROM teams"):
        teams.update(dict.fromkeys(names, id_))
    skills: dict[str, str] = {}
    for code, *names in conn.execute("SELECT code, name_zh, name_en FROM skills"):
        skills.update(dict.fromkeys((code, *names), code))
    existing = {login for (login,) in conn.execute("SELECT login FROM staff")}
    staff, staff_skills, accounts = [], [], []
    stamp = NOW.replace(tzinfo=None).isoformat(sep=" ")
    with path.open(encoding="gb18030", newline="") as file:
        reader = csv.reader(file)
        next(reader)
        for name, login, team, skill_text, _seniority, phone, email, _role in reader:
            if login in existing:
                continue
            staff_id = str(uuid.uuid4())
            staff.append((staff_id, name, login, teams.get(team), 1, "available", phone,
                          email, 1, stamp, 0, 1))
            staff_skills += [(staff_id, skills[s]) for s in skill_text.split("、")]
            accounts.append((str(uuid.uuid4()), login, "agent", "", 1, stamp))
    conn.executemany("INSERT INTO staff (id, name, login, team_id, seniority, status, phone, "
                     "email, version, updated_at, deleted, active) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", staff)
    conn.executemany("INSERT OR IGNORE INTO staff_skills (staff_id, skill) VALUES (?, ?)",
                     staff_skills)
    conn.executemany("INSERT INTO desk_accounts (id, login, role, password_hash, active, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?)", accounts)
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def median(runs: list[float]) -> float:
    return round(statistics.median(runs), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--tickets", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-staff-import-") as temp:
        folder = Path(temp)
        demo = DataDir(folder / "demo")
        clock = ManualClock(NOW)
        prepare(demo, clock)
        seed(demo, clock, args.tickets)
        conn = sqlite3.connect(demo.database)
        logins = [login for (login,) in conn.execute("SELECT login FROM staff ORDER BY login")]
        skills = {code: (zh, en) for code, zh, en in
                  conn.execute("SELECT code, name_zh, name_en FROM skills")}
        conn.close()
        csv_path, xlsx_path = write_files(staff_rows(args.rows, logins, skills, Random(14)),
                                          folder)
        print(f"{args.rows} rows ({len(logins)} updates) on a demo desk of {args.tickets} "
              f"tickets; CSV {csv_path.stat().st_size / 1e6:.1f} MB (GBK), XLSX "
              f"{xlsx_path.stat().st_size / 1e6:.1f} MB")
        timings: dict[str, list[tuple[float, float]]] = {"csv": [], "xlsx": []}
        bare: list[float] = []
        runs: list[tuple[str, Callable[[DataDir], None]]] = [
            ("csv", lambda data: _record(timings["csv"], run_import(data, csv_path), args.rows)),
            ("xlsx", lambda data: _record(timings["xlsx"], run_import(data, xlsx_path),
                                          args.rows)),
            ("bare", lambda data: bare.append(bare_import(data, csv_path)))]
        for turn in range(args.runs):  # in turns, so load on the machine touches all alike
            for name, run in runs:
                run(fresh_copy(demo, folder / f"{name}-{turn}"))
        for name, parts in timings.items():
            print(f"{name}: read + preview {median([p[0] for p in parts]):.2f} s, import "
                  f"{median([p[1] for p in parts]):.2f} s, total "
                  f"{median([sum(p) for p in parts]):.2f} s (median of {args.runs})")
        print(f"bare csv.reader + executemany: {median(bare):.2f} s")
        csv_total = median([sum(p) for p in timings["csv"]])
        xlsx_total = median([sum(p) for p in timings["xlsx"]])
        emit({"bench": "staff_import", "rows": args.rows, "tickets": args.tickets,
              "runs": args.runs,
              "csv_read_preview_s": median([p[0] for p in timings["csv"]]),
              "csv_apply_s": median([p[1] for p in timings["csv"]]),
              "csv_total_s": csv_total,
              "xlsx_read_preview_s": median([p[0] for p in timings["xlsx"]]),
              "xlsx_apply_s": median([p[1] for p in timings["xlsx"]]),
              "xlsx_total_s": xlsx_total, "bare_s": median(bare),
              "ratio_vs_bare": round(csv_total / median(bare), 2),
              "xlsx_ratio_vs_bare": round(xlsx_total / median(bare), 2),
              "within_5s": max(csv_total, xlsx_total) <= 5.0})
    return 0


def _record(into: list[tuple[float, float]], timing: tuple[float, float, int], rows: int
            ) -> None:
    read, written, imported = timing
    assert imported == rows, (imported, rows)
    into.append((read, written))


if __name__ == "__main__":
    raise SystemExit(main())
