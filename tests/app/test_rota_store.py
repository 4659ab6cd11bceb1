"""The rota in the database: demo month, plans saved as diffs, publication, overrides,
and "who is on duty now" as dispatch asks it."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta

import pytest

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.rota.checker import check
from app.rota.defaults import DAY, ON_CALL
from app.rota.model import DESK_ZONE, Assignment
from app.rota.reading import (
    load_assignments,
    load_overrides,
    load_periods,
    load_problem,
    on_duty_at_time,
    on_duty_now,
)
from app.rota.rules import RuleKind
from app.rota.writing import add_override, publish, save_plan
from app.store.database import Store
from tests.conftest import T0

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
TODAY = T0.astimezone(DESK_ZONE).date()


@pytest.fixture
def reader(demo_desk: DataDir) -> sqlite3.Connection:
    return sqlite3.connect(demo_desk.database)


@pytest.fixture
def desk_copy(demo_desk: DataDir, tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    copy = DataDir(tmp_path_factory.mktemp("rota"))
    shutil.copy(demo_desk.database, copy.database)
    return copy


def test_the_demo_publishes_this_month_with_one_manual_rest_violation(
        reader: sqlite3.Connection) -> None:
    periods = load_periods(reader)
    assert [(p.first, p.last, p.published_at is not None) for p in periods] == [
        (FIRST, LAST, True)]
    problem = load_problem(reader, FIRST, LAST)
    assert len(problem.staff) == 40 and [s.code for s in problem.shifts] == ["D", "E", "N", "R"]
    plan = load_assignments(reader, FIRST, LAST)
    hard = [v for v in check(problem, plan) if v.hard]
    assert [v.rule for v in hard] == [RuleKind.MIN_REST]
    assert hard[0].days[1] >= TODAY


def test_on_duty_now_applies_the_overrides_to_the_published_rota(
        reader: sqlite3.Connection) -> None:
    clock = ManualClock(T0)  # 10:00 in Beijing: the day shift
    duty = on_duty_now(reader, clock)
    published = {a.staff_id for a in load_assignments(reader, TODAY, TODAY, True)
                 if a.shift == DAY}
    overrides = load_overrides(reader, TODAY, TODAY)
    assert len(overrides) == 2
    sick = next(o for o in overrides if o.absent_id is not None)
    day_staff = {d.staff_id for d in duty if d.shift == DAY}
    assert sick.absent_id not in day_staff and sick.cover_id in day_staff
    assert day_staff == published - {sick.absent_id} | {o.cover_id for o in overrides}
    assert {d.shift for d in duty} == {DAY, ON_CALL}
    night = on_duty_at_time(reader, T0 + timedelta(hours=15))  # 01:00 next day
    assert {d.shift for d in night if not d.on_call} == {"N"}


def test_saving_a_plan_changes_only_what_changed(desk_copy: DataDir) -> None:
    store = Store(desk_copy.database)
    clock = ManualClock(T0)
    reader = sqlite3.connect(desk_copy.database)
    before = load_assignments(reader, FIRST, LAST)
    moved = before[0]
    changed = [Assignment(moved.day, moved.staff_id, ON_CALL), *before[1:]]
    assert save_plan(store, clock, FIRST, LAST, changed) == (1, 1)
    assert load_assignments(reader, FIRST, LAST) == sorted(changed)
    tombstones = reader.execute(
        "SELECT count(*) FROM rota_assignments WHERE deleted = 1").fetchone()[0]
    assert tombstones == 1
    store.close()


def test_publication_and_overrides_are_kept(desk_copy: DataDir) -> None:
    store = Store(desk_copy.database)
    clock = ManualClock(T0)
    reader = sqlite3.connect(desk_copy.database)
    december = date(2026, 12, 1)
    save_plan(store, clock, december, december, [Assignment(december, "x", DAY)][:0])
    assert load_assignments(reader, december, december, published_only=True) == []
    publish(store, clock, december, date(2026, 12, 31), None)
    assert [p.first for p in load_periods(reader)] == [FIRST, december]
    staff = [row[0] for row in reader.execute("SELECT id FROM staff ORDER BY login LIMIT 2")]
    override = add_override(store, clock, TODAY, DAY, None, staff[0], "重保加岗")
    assert load_overrides(reader, TODAY, TODAY)[-1] == override
    with pytest.raises(ValueError, match="reason"):
        add_override(store, clock, TODAY, DAY, staff[0], staff[1], "  ")
    store.close()


def test_the_rules_of_issue_20_are_stored_and_read_back(desk_copy: DataDir) -> None:
    from dataclasses import replace

    from app.rota.access import Editor
    from app.rota.availability import add_preference
    from app.rota.holidays import DayKind
    from app.rota.model import Coverage, Limits, Preference
    from app.rota.reading import load_preferences, load_setup
    from app.rota.writing import save_coverage, save_limits, save_shift_types

    store, clock = Store(desk_copy.database), ManualClock(T0)
    conn = sqlite3.connect(desk_copy.database)
    setup = load_setup(conn)
    person = setup.staff[3]
    own = Limits(max_shifts=(("N", 0), ("E", 8)), min_minutes=60 * 60, max_minutes=150 * 60,
                 max_consecutive=5, min_consecutive=2, min_days_off=2, max_weekends=2)
    assert save_limits(store, clock, {person.id: own, setup.staff[4].id: Limits()}) == 1
    assert save_limits(store, clock, {person.id: own}) == 0  # unchanged: no new version
    dated = Coverage(DAY, DayKind.WORKDAY, 12, frozenset(), 2, date(2026, 11, 27), 40, 3)
    save_coverage(store, clock, (*setup.coverage, dated))
    shifts = tuple(replace(s, not_followed_by=frozenset({DAY})) if s.code == "N" else s
                   for s in setup.shifts)
    save_shift_types(store, clock, shifts)
    wish = Preference(person.id, date(2026, 11, 28), False, None, weight=25)
    add_preference(store, clock, wish, Editor(True, None))
    with pytest.raises(PermissionError):
        add_preference(store, clock, replace(wish, day=date(2026, 11, 29)),
                       Editor(False, person.id))
    again = load_setup(conn)
    assert next(m for m in again.staff if m.id == person.id).limits == own
    assert next(m for m in again.staff if m.id == setup.staff[4].id).limits == Limits()
    assert dated in again.coverage and len(again.coverage) == len(setup.coverage) + 1
    assert next(s for s in again.shifts if s.code == "N").not_followed_by == {DAY}
    assert [w.weight for w in load_preferences(conn, wish.day, wish.day)
            if w.staff_id == person.id] == [25]
    problem = load_problem(conn, FIRST, LAST)
    assert problem.coverage_for(date(2026, 11, 27), DAY) == dated
    assert problem.coverage_for(date(2026, 11, 26), DAY).headcount == 9  # type: ignore[union-attr]
    conn.close()
    store.close()


def test_a_rota_from_before_issue_20_upgrades_and_keeps_its_meaning(
        demo_desk: DataDir, data_dir: DataDir) -> None:
    """Schema 0013 adds dated cover, weights, successions and own limits: a desk upgraded
    from 0012 has none of them, and its published month breaks the same rules as before."""
    from app.rota.model import Limits
    from app.rota.reading import load_setup
    from app.store import schema

    data_dir.create()
    schema._upgrade(data_dir.database, "0012")
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute(f"ATTACH DATABASE '{demo_desk.database}' AS demo")
        for table in ("ticket_types", "categories", "teams", "staff", "staff_skills",
                      "rota_shift_types", "rota_coverage", "rota_rules", "rota_contracts",
                      "rota_absences", "rota_preferences", "rota_periods",
                      "rota_assignments", "rota_overrides"):
            columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM demo.{table}")
    result = schema.ensure_schema(data_dir.database, ManualClock(T0), data_dir.backups)
    assert (result.before, result.after) == ("0012", schema.schema_head())
    with sqlite3.connect(data_dir.database) as conn:
        setup = load_setup(conn)
        assert all(m.limits == Limits() for m in setup.staff)
        assert all(c.day is None and c.under_weight == c.over_weight == 0
                   for c in setup.coverage)
        assert all(not s.not_followed_by for s in setup.shifts)
        problem = load_problem(conn, FIRST, LAST)
        hard = [v for v in check(problem, load_assignments(conn, FIRST, LAST)) if v.hard]
        assert [v.rule for v in hard] == [RuleKind.MIN_REST]
