"""The escalation ledger read, filtered, analysed and exported, on the known desk of
tests/app/test_wallboard.py (three lines at T0: t1's pickup and resolution, t2's
resolution; t2 was Ann's, Cai was shown it and Ann acknowledged it)."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.clock import ManualClock
from app.domain.ids import new_id
from app.escalations.analysis import analyse, percentile, spread
from app.escalations.export import Words, write_csv, write_xlsx
from app.escalations.ledger import LedgerEntry, LedgerFilter, choices, read_ledger
from app.paths import DataDir
from app.sla.tables import SlaEscalationRow
from app.store.reading import read_connection
from tests.app.test_wallboard import KnownDesk, build_known_desk
from tests.conftest import T0

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def known(data_dir: DataDir, clock: ManualClock) -> Iterator[KnownDesk]:
    desk = build_known_desk(data_dir, clock)
    yield desk
    desk.store.close()


@pytest.fixture
def reader(known: KnownDesk) -> Iterator[sqlite3.Connection]:
    conn = read_connection(known.data.database)
    yield conn
    conn.close()


def by_key(entries: list[LedgerEntry], known: KnownDesk) -> dict[tuple[str, str], LedgerEntry]:
    names = {ticket_id: key for key, ticket_id in known.tickets.items()}
    return {(names[e.ticket_id], e.kind): e for e in entries}


def test_every_line_with_its_owner_then_and_who_saw_it(known: KnownDesk,
                                                       reader: sqlite3.Connection) -> None:
    lines = by_key(read_ledger(reader, "en"), known)
    assert set(lines) == {("t1", "pickup"), ("t1", "resolution"), ("t2", "resolution")}
    t2 = lines[("t2", "resolution")]
    assert (t2.number, t2.threshold, t2.action, t2.outcome, t2.at) == (
        known.numbers["t2"], "breached", "notify_supervisor", "pending", T0)
    assert (t2.owner_id, t2.owner, t2.team_id) == (
        known.staff["Ann"], "Ann", list(known.teams.values())[0])
    assert t2.delivered_to == ("Cai", "Ann") and t2.acknowledged_by == ("Ann",)
    t1 = lines[("t1", "pickup")]
    assert (t1.owner_id, t1.owner, t1.team_id, t1.team) == (None, "", None, "")
    assert t1.level == 1 and t1.category_id == known.category
    assert t1.rule == "pickup breached → notify_supervisor"


def test_the_owner_is_who_held_the_ticket_then_not_now(known: KnownDesk,
                                                       reader: sqlite3.Connection) -> None:
    # t2 goes to Bo after it was escalated: the line still names Ann.
    known.clock.advance(timedelta(minutes=5))
    version = int(reader.execute("SELECT version FROM tickets WHERE id = ?",
                                 (known.tickets["t2"],)).fetchone()[0])
    known.flow("Bo").assign(known.tickets["t2"], version, known.staff["Bo"])
    lines = by_key(read_ledger(reader, "en"), known)
    assert lines[("t2", "resolution")].owner == "Ann"
    # A line written after the reassignment names Bo.
    with known.store.unit_of_work() as session:
        session.add(SlaEscalationRow(id=new_id(known.clock), ticket_id=known.tickets["t2"],
                                     kind="update", threshold="breached", window=1,
                                     action="raise_level", at=known.clock.now(),
                                     outcome="done", detail="level 3 -> 2"))
    assert by_key(read_ledger(reader, "en"), known)[("t2", "update")].owner == "Bo"


def test_filters(known: KnownDesk, reader: sqlite3.Connection) -> None:
    first_team, second_team = list(known.teams.values())

    def keys(narrow: LedgerFilter) -> set[tuple[str, str]]:
        return set(by_key(read_ledger(reader, "zh_CN", narrow), known))

    assert len(keys(LedgerFilter(since=T0))) == 3
    assert keys(LedgerFilter(until=T0)) == set()  # until is exclusive
    assert keys(LedgerFilter(since=T0 + timedelta(seconds=1))) == set()
    assert len(keys(LedgerFilter(actions=frozenset({"notify_supervisor"})))) == 3
    assert keys(LedgerFilter(actions=frozenset({"webhook"}))) == set()
    assert len(keys(LedgerFilter(outcomes=frozenset({"pending"})))) == 3
    assert keys(LedgerFilter(outcomes=frozenset({"done"}))) == set()
    assert len(keys(LedgerFilter(category_ids=frozenset({known.category})))) == 3
    assert keys(LedgerFilter(team_ids=frozenset({first_team}))) == {("t2", "resolution")}
    assert keys(LedgerFilter(team_ids=frozenset({second_team}))) == set()
    offered = choices(reader, "en")
    assert offered["actions"] == [("notify_supervisor", "notify_supervisor")]
    assert offered["outcomes"] == [("pending", "pending")]
    assert known.category in {code for code, _name in offered["categories"]}


def test_analysis_counts_and_time_to_resolution(known: KnownDesk,
                                                reader: sqlite3.Connection) -> None:
    # t2 is resolved 30 minutes after its escalation, t1 not yet.
    known.clock.advance(timedelta(minutes=30))
    version = int(reader.execute("SELECT version FROM tickets WHERE id = ?",
                                 (known.tickets["t2"],)).fetchone()[0])
    known.flow("Ann").resolve(known.tickets["t2"], version, solution="更换存储路径")
    found = analyse(read_ledger(reader, "en"))
    assert found.total == 3
    assert found.by_rule == [("resolution breached → notify_supervisor", 2),
                             ("pickup breached → notify_supervisor", 1)]
    category = next(name for code, name in choices(reader, "en")["categories"]
                    if code == known.category)
    assert found.by_category == [(category, 3)]
    team_name = str(reader.execute("SELECT name_en FROM teams WHERE id = ?",
                                   (list(known.teams.values())[0],)).fetchone()[0])
    assert found.by_team == [("", 2), (team_name, 1)]
    assert found.by_outcome == [("pending", 3)]
    assert (found.to_resolution.resolved, found.to_resolution.unresolved) == (1, 2)
    assert found.to_resolution.percentiles == {50: 1800.0, 90: 1800.0, 95: 1800.0}
    by_rule = found.to_resolution_by_rule
    assert by_rule["pickup breached → notify_supervisor"].resolved == 0
    assert by_rule["resolution breached → notify_supervisor"].percentiles[50] == 1800.0


def _entry(at: datetime, resolved_after_s: float | None) -> LedgerEntry:
    resolved = None if resolved_after_s is None else at + timedelta(seconds=resolved_after_s)
    return LedgerEntry("l", "t", "SD-1", "", "resolution", "breached", "raise_level", at,
                       "done", "", 2, "c", "Cat", None, "", None, "", resolved, (), ())


def test_percentiles_by_nearest_rank() -> None:
    at = datetime(2026, 11, 1, tzinfo=UTC)
    entries = [_entry(at, s * 60.0) for s in range(1, 101)] + [_entry(at, None)]
    found = spread(entries)
    assert (found.resolved, found.unresolved) == (100, 1)
    assert found.percentiles == {50: 3000.0, 90: 5400.0, 95: 5700.0}
    assert percentile([5.0], 95) == 5.0
    assert spread([]).percentiles == {}
    with pytest.raises(ValueError):
        percentile([], 50)


def test_export_csv_with_bom_and_xlsx(known: KnownDesk, reader: sqlite3.Connection,
                                      tmp_path: Path) -> None:
    entries = read_ledger(reader, "zh_CN")
    words = Words(names={"notify_supervisor": "通知值班长", "pending": "已发送"})
    target = tmp_path / "ledger.csv"
    assert write_csv(target, entries, ZONE, words) == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(words.headings)
    t2 = next(r for r in rows[1:] if r[1] == known.numbers["t2"])
    assert t2[0] == "2026-11-26 10:00:00"  # local time
    assert (t2[5], t2[6], t2[8], t2[11], t2[12]) == ("通知值班长", "已发送", "Ann", "Cai, Ann",
                                                     "Ann")
    book_path = tmp_path / "ledger.xlsx"
    assert write_xlsx(book_path, entries, ZONE, words) == 3
    from openpyxl import load_workbook

    sheet = load_workbook(book_path).active
    assert sheet is not None
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0] == words.headings and len(cells) == 4
    assert cells[1][0] == datetime(2026, 11, 26, 10, 0)  # a real date-time cell
    assert not list(tmp_path.glob("*.partial"))


def test_formula_looking_text_is_written_as_text(tmp_path: Path) -> None:
    entry = _entry(datetime(2026, 11, 1, tzinfo=UTC), None)
    odd = LedgerEntry(**{**entry.__dict__, "title": "=HYPERLINK(\"x\")"})
    target = tmp_path / "odd.csv"
    write_csv(target, [odd], ZONE)
    assert "'=HYPERLINK" in target.read_text(encoding="utf-8-sig")
