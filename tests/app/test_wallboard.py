"""The wallboard's snapshot on a desk whose tickets, rota and escalations are known.

The desk (``build_known_desk``, also used by the ledger's and the pages' tests): three
seats - Ann and Bo on today's day shift in team 1, Cai on the evening shift in team 2 -
and five faults logged through the services, the clock at T0 (10:00 in Beijing):

    ticket  logged     what happened                          at T0
    t1      T0 - 3 h   nothing (urgent: level 1)              new, nobody holds it
    t2      T0 - 2 h   assigned to Ann 5 min later            assigned (not picked up)
    t3      T0 - 50 m  assigned to Bo and started             in progress
    t4      T0 - 30 m  assigned to Ann, pending the vendor    pending vendor
    t5      T0 - 20 m  taken by Bo, resolved 10 min later     resolved

The SLA monitor runs at T0 and escalates (notify the supervisor) every breached pickup
and resolution: t1's pickup (nobody took it within 15 min) and resolution, t2's
resolution (1 h). Nobody answered t1, t2 or t3 within the minute: their first responses
are breached too. Cai is shown t2's line a minute later, Ann acknowledges it after
another (the clock goes back to T0).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel, Level, Rating, TicketState
from app.domain.grading import GradingWeights
from app.domain.ids import new_id
from app.paths import DataDir
from app.rota.defaults import SHIFTS
from app.rota.model import DESK_ZONE, Assignment
from app.rota.writing import publish, save_plan, save_shift_types
from app.services.data_folder import prepare, seed
from app.services.intake import Intake, RequesterDraft, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.sla.monitor import due_thresholds, open_ticket_ids, refresh_targets
from app.sla.receipts import ACKNOWLEDGED, DELIVERED, record_receipts
from app.store.database import Store
from app.store.models import StaffRow
from app.store.reading import read_connection
from app.wallboard import snapshot
from tests.conftest import T0


@dataclass
class KnownDesk:
    data: DataDir
    store: Store
    clock: ManualClock
    staff: dict[str, str]  # name -> id
    teams: dict[str, str]  # code -> id
    tickets: dict[str, str]  # t1..t5 -> id
    numbers: dict[str, str]  # t1..t5 -> number
    category: str
    fault: str
    requester: str

    def log(self, title: str, author: str | None = None, urgent: bool = False) -> str:
        rating = Rating.HIGH if urgent else Rating.LOW
        draft = TicketDraft(title, "", self.requester, Channel.PHONE, self.fault, self.category,
                            rating, rating, rating)
        return Intake(self.store, self.clock, GradingWeights(), author).log(draft).id

    def flow(self, who: str) -> TicketFlow:
        return TicketFlow(self.store, self.clock, self.staff[who])


def _one(conn: sqlite3.Connection, sql: str) -> str:
    return str(conn.execute(sql).fetchone()[0])


def _seats_on_duty(store: Store, clock: ManualClock, team_ids: list[str]) -> dict[str, str]:
    """Ann and Bo (first team) on today's day shift, Cai (second team) on the evening."""
    staff: dict[str, str] = {}
    with store.unit_of_work() as session:
        for name, login, team in (("Ann", "ann", team_ids[0]), ("Bo", "bo", team_ids[0]),
                                  ("Cai", "cai", team_ids[1])):
            staff[name] = new_id(clock)
            session.add(StaffRow(id=staff[name], name=name, login=login, team_id=team,
                                 seniority=2, status="available", version=1,
                                 updated_at=clock.now(), deleted=False))
    today = T0.astimezone(DESK_ZONE).date()
    save_shift_types(store, clock, SHIFTS)
    day, evening = SHIFTS[0].code, SHIFTS[1].code
    save_plan(store, clock, today, today, [
        Assignment(today, staff["Ann"], day), Assignment(today, staff["Bo"], day),
        Assignment(today, staff["Cai"], evening)])
    publish(store, clock, today, today, staff["Ann"])
    return staff


def build_known_desk(data: DataDir, clock: ManualClock) -> KnownDesk:
    """The desk described in this module's docstring; ``clock`` ends at T0."""
    clock.set(T0 - timedelta(hours=4))
    prepare(data, clock)
    seed(data, clock, None)
    store = Store(data.database)
    conn = sqlite3.connect(data.database)
    teams = dict(conn.execute("SELECT code, id FROM teams ORDER BY code").fetchall()[:2])
    fault = _one(conn, "SELECT id FROM ticket_types WHERE code = 'fault'")
    category = _one(conn, "SELECT id FROM categories ORDER BY position LIMIT 1")
    conn.close()
    staff = _seats_on_duty(store, clock, list(teams.values()))
    requester = Intake(store, clock, GradingWeights(), None).add_requester(
        RequesterDraft("王敏", "市大数据局", "13800000000", ""))
    desk = KnownDesk(data, store, clock, staff, teams, {}, {}, category, fault, requester)
    ids = desk.tickets
    clock.set(T0 - timedelta(hours=3))
    ids["t1"] = desk.log("数据库连接超时", urgent=True)
    clock.set(T0 - timedelta(hours=2))
    ids["t2"] = desk.log("存储卷只读")
    clock.advance(timedelta(minutes=5))
    desk.flow("Ann").assign(ids["t2"], 1, staff["Ann"])
    clock.set(T0 - timedelta(minutes=50))
    ids["t3"] = desk.log("VPN 无法登录")
    version = desk.flow("Bo").assign(ids["t3"], 1, staff["Bo"])
    desk.flow("Bo").start(ids["t3"], version)
    clock.set(T0 - timedelta(minutes=30))
    ids["t4"] = desk.log("防火墙策略变更")
    version = desk.flow("Ann").assign(ids["t4"], 1, staff["Ann"])
    desk.flow("Ann").pend(ids["t4"], version, vendor=True, reason="等待厂商")
    clock.set(T0 - timedelta(minutes=20))
    ids["t5"] = desk.log("打印机脱机")
    version = desk.flow("Bo").take(ids["t5"], 1)
    clock.advance(timedelta(minutes=10))
    desk.flow("Bo").resolve(ids["t5"], version, solution="重启打印服务")
    clock.set(T0)
    reader = read_connection(data.database)
    refresh_targets(store, reader, open_ticket_ids(reader), clock.now())
    due_thresholds(store, reader, clock)
    lines = dict(reader.execute(
        "SELECT ticket_id || ':' || kind, id FROM sla_escalations").fetchall())
    t2_line = lines[f"{ids['t2']}:resolution"]
    clock.advance(timedelta(minutes=1))
    record_receipts(store, clock, [t2_line], staff["Cai"], DELIVERED)
    clock.advance(timedelta(minutes=1))
    record_receipts(store, clock, [t2_line], staff["Ann"], ACKNOWLEDGED)
    clock.set(T0)
    desk.numbers = {key: _one(reader, f"SELECT number FROM tickets WHERE id = '{value}'")
                    for key, value in ids.items()}
    reader.close()
    return desk


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


def test_open_work_by_state_and_level(known: KnownDesk, reader: sqlite3.Connection) -> None:
    board = snapshot.take(reader, known.clock)
    assert board.taken_at == T0
    assert board.open_total == 4  # t5 is resolved
    assert {state: board.by_state(state) for state in TicketState if board.by_state(state)} == {
        TicketState.NEW: 1, TicketState.ASSIGNED: 1, TicketState.IN_PROGRESS: 1,
        TicketState.PENDING_VENDOR: 1}
    assert {level: board.by_level(level) for level in Level} == {
        Level.ONE: 1, Level.TWO: 0, Level.THREE: 3}
    assert board.open_counts[(TicketState.NEW, Level.ONE)] == 1
    assert board.unassigned == 1  # t1
    assert board.not_picked_up == 1  # t2: Ann has not started it


def test_sla_risk_comes_from_the_monitors_index(known: KnownDesk,
                                                reader: sqlite3.Connection) -> None:
    board = snapshot.take(reader, known.clock)
    ids = known.tickets
    states = {(t, k): s for t, k, s in reader.execute(
        "SELECT ticket_id, kind, state FROM sla_running")}
    # t1: 3 h old, nobody took it; t2: assigned, its hour to resolve long gone.
    assert states[(ids["t1"], "pickup")] == "breached"
    assert states[(ids["t2"], "resolution")] == "breached"
    # t3: 50 of its 60 minutes used, past the 75 % at-risk share; nobody answered it.
    assert states[(ids["t3"], "resolution")] == "at_risk"
    assert states[(ids["t3"], "first_response")] == "breached"
    # A ticket counts once per state, as the queue's "at risk" / "breached" views count.
    assert (board.breached, board.at_risk) == (3, 1)
    known.clock.advance(timedelta(minutes=20))  # the counts follow the index, not the clock
    assert snapshot.take(reader, known.clock).at_risk == 1


def test_on_duty_now_with_each_ones_open_load(known: KnownDesk,
                                              reader: sqlite3.Connection) -> None:
    board = snapshot.take(reader, known.clock)
    assert board.on_duty is not None
    assert [(s.name, s.shift, s.open_load) for s in board.on_duty] == [
        ("Ann", "D", 2), ("Bo", "D", 1)]  # Cai works the evening; Bo's t5 is resolved
    known.clock.set(T0 + timedelta(hours=8))  # 18:00 in Beijing: the evening shift
    later = snapshot.take(reader, known.clock)
    assert later.on_duty is not None
    assert [(s.name, s.open_load) for s in later.on_duty] == [("Cai", 0)]


def test_no_published_rota_says_so(store: Store, clock: ManualClock,
                                   data_dir: DataDir) -> None:
    conn = read_connection(data_dir.database)
    assert snapshot.on_duty(conn, clock) is None
    board = snapshot.take(conn, clock)
    assert board.open_total == 0 and board.oldest == () and board.escalations == ()
    conn.close()


def test_oldest_waiting_tickets_leave_out_paused_and_resolved(
        known: KnownDesk, reader: sqlite3.Connection) -> None:
    board = snapshot.take(reader, known.clock, oldest=8)
    ids = known.tickets
    assert [t.id for t in board.oldest] == [ids["t1"], ids["t2"], ids["t3"]]
    assert [t.assignee for t in board.oldest] == ["", "Ann", "Bo"]
    assert board.oldest[0].created_at == T0 - timedelta(hours=3)
    assert [t.id for t in snapshot.take(reader, known.clock, oldest=2).oldest] == [
        ids["t1"], ids["t2"]]


def test_last_escalations_with_who_saw_them(known: KnownDesk,
                                            reader: sqlite3.Connection) -> None:
    board = snapshot.take(reader, known.clock)
    ids = known.tickets
    lines = {(line.ticket_id, line.kind): line for line in board.escalations}
    assert set(lines) == {(ids["t1"], "pickup"), (ids["t1"], "resolution"),
                          (ids["t2"], "resolution")}
    t2 = lines[(ids["t2"], "resolution")]
    assert (t2.action, t2.threshold, t2.at) == ("notify_supervisor", "breached", T0)
    assert t2.number == known.numbers["t2"]
    assert t2.delivered_to == ("Cai", "Ann") and t2.acknowledged_by == ("Ann",)
    assert lines[(ids["t1"], "pickup")].delivered_to == ()
    assert len(snapshot.take(reader, known.clock, escalations=2).escalations) == 2


def test_a_ticket_logged_and_taken_moves_the_counts(known: KnownDesk,
                                                    reader: sqlite3.Connection) -> None:
    before = snapshot.take(reader, known.clock)
    new = known.log("新工单")
    after = snapshot.take(reader, known.clock)
    assert after.open_total == before.open_total + 1
    assert after.unassigned == before.unassigned + 1
    known.flow("Bo").take(new, 1)
    taken = snapshot.take(reader, known.clock)
    assert (taken.unassigned, taken.not_picked_up) == (before.unassigned,
                                                       before.not_picked_up + 1)
    assert taken.on_duty is not None
    assert {s.name: s.open_load for s in taken.on_duty}["Bo"] == 2


def test_todays_figures_come_from_the_function_given(known: KnownDesk,
                                                     reader: sqlite3.Connection) -> None:
    seen = []

    def today(conn: sqlite3.Connection, clock: object) -> str:
        seen.append(conn)
        return "figures"

    assert snapshot.take(reader, known.clock, today=today).today == "figures"
    assert seen == [reader]
    assert snapshot.take(reader, known.clock).today is None
