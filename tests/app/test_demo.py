from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import timedelta

from app.demo import catalog
from app.domain.clock import ManualClock
from app.domain.enums import Channel, TicketState
from app.domain.grading import Grading, GradingWeights
from app.domain.states import TRANSITIONS
from app.paths import DataDir
from app.services.data_folder import needs_seed, prepare, seed
from app.store.reading import parse_sqlite_utc
from tests.conftest import T0


def rows(data: DataDir, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data.database) as conn:
        return conn.execute(sql).fetchall()


def test_the_demo_desk_has_the_customers_shape(demo_desk: DataDir) -> None:
    assert rows(demo_desk, "SELECT count(*) FROM categories") == [(12,)]
    assert rows(demo_desk, "SELECT count(*) FROM staff") == [(40,)]
    assert rows(demo_desk, "SELECT count(*) FROM tickets") == [(600,)]
    assert rows(demo_desk, "SELECT value FROM counters WHERE name='ticket_number'") == [(600,)]
    channels = {c for (c,) in rows(demo_desk, "SELECT DISTINCT channel FROM tickets")}
    assert channels == {c.value for c in Channel}
    levels = {lv for (lv,) in rows(demo_desk, "SELECT DISTINCT level FROM tickets")}
    assert levels == {1, 2, 3}
    titles = [t for (t,) in rows(demo_desk, "SELECT title FROM tickets LIMIT 50")]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in titles)


def test_tickets_span_the_last_60_days_numbered_in_time_order(demo_desk: DataDir) -> None:
    created = [parse_sqlite_utc(str(c)) for (c,) in
               rows(demo_desk, "SELECT created_at FROM tickets ORDER BY number")]
    assert created == sorted(created)
    assert created[-1] <= T0
    assert created[0] >= T0 - timedelta(days=61)
    assert created[-1] - created[0] > timedelta(days=50)


def test_levels_follow_the_grading_rule(demo_desk: DataDir) -> None:
    weights = GradingWeights()
    for urgency, impact, importance, level in rows(
        demo_desk, "SELECT urgency, impact, importance, level FROM tickets"
    ):
        assert Grading(urgency, impact, importance).level(weights) == level  # type: ignore[arg-type]


def test_timelines_follow_the_state_machine(demo_desk: DataDir) -> None:
    final = dict(rows(demo_desk, "SELECT id, state FROM tickets"))
    walked: dict[object, str] = {}
    for ticket_id, data in rows(
        demo_desk,
        "SELECT ticket_id, data FROM ticket_events WHERE kind='state_changed' ORDER BY at, rowid",
    ):
        change = json.loads(str(data))
        assert walked.get(ticket_id, "new") == change["from"]
        assert TicketState(change["to"]) in TRANSITIONS[TicketState(change["from"])]
        walked[ticket_id] = change["to"]
    assert all(walked.get(tid, "new") == state for tid, state in final.items())


def test_open_work_has_an_assignee_and_old_tickets_are_mostly_closed(demo_desk: DataDir) -> None:
    assert rows(demo_desk, "SELECT count(*) FROM tickets WHERE state NOT IN ('new',"
                "'resolved','closed') AND assignee_id IS NULL") == [(0,)]
    states = Counter(s for (s,) in rows(
        demo_desk, "SELECT state FROM tickets WHERE created_at < '2026-11-10'"))
    assert states["closed"] / sum(states.values()) > 0.85


def test_same_seed_and_clock_give_the_same_desk(tmp_path_factory: object) -> None:
    dumps = []
    for name in ("a", "b"):
        data = DataDir(tmp_path_factory.mktemp(name))  # type: ignore[attr-defined]
        clock = ManualClock(T0)
        prepare(data, clock)
        seed(data, clock, 120, seed=5)
        dumps.append(rows(data, "SELECT * FROM tickets ORDER BY id")
                     + rows(data, "SELECT * FROM ticket_events ORDER BY id"))
    assert dumps[0] == dumps[1]


def test_an_empty_desk_gets_the_catalog_only(data_dir: DataDir, clock: ManualClock) -> None:
    prepare(data_dir, clock)
    assert needs_seed(data_dir)
    seed(data_dir, clock, None)
    assert not needs_seed(data_dir)
    assert rows(data_dir, "SELECT count(*) FROM ticket_types") == [(len(catalog.TICKET_TYPES),)]
    assert rows(data_dir, "SELECT count(*) FROM tickets") == [(0,)]
    assert rows(data_dir, "SELECT count(*) FROM staff") == [(0,)]


def test_every_demo_category_has_an_owner_with_its_skill(demo_desk: DataDir) -> None:
    with sqlite3.connect(demo_desk.database) as conn:
        rows = conn.execute(
            "SELECT c.code, s.login, EXISTS (SELECT 1 FROM staff_skills k WHERE "
            "k.staff_id = c.owner_id AND k.skill = c.skill) FROM categories c "
            "LEFT JOIN staff s ON s.id = c.owner_id").fetchall()
    assert rows and all(login is not None and has_skill for _code, login, has_skill in rows)
