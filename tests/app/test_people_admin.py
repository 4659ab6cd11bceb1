"""Administering people: staff, teams and skills, refused to roles that may not, audited
with before and after, and a deactivated person offered for nothing new."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.recorder import AuditRecorder
from app.audit.tables import AuditRow
from app.domain.clock import ManualClock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.people import admin
from app.people.admin import StaffForm
from app.people.reading import open_tickets, people, person, skills, teams
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.directory import staff
from tests.conftest import seat_of

NOVEMBER, DECEMBER = (date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 12, 1),
                                                               date(2026, 12, 31))


@pytest.fixture
def admin_seat(demo_copy: DataDir) -> SignedIn:
    return seat_of(demo_copy, "seat001")


@pytest.fixture
def audited(demo_store: Store, clock: ManualClock, admin_seat: SignedIn) -> Iterator[Store]:
    """The demo store as the desk opens it: audited, its author the signed-in admin."""
    recorder = AuditRecorder(demo_store, clock)
    demo_store.author_id = admin_seat.staff_id
    yield demo_store
    recorder.detach()


@pytest.fixture
def reader(demo_copy: DataDir) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        yield conn


def _team(reader: sqlite3.Connection, code: str) -> str:
    return next(t.id for t in teams(reader) if t.code == code)


def _form(reader: sqlite3.Connection, **changes: object) -> StaffForm:
    values: dict[str, object] = {
        "name": " 王晓明 ", "login": "wangxm", "team_id": _team(reader, "desk_1"),
        "seniority": 2, "skills": frozenset({"network", "service_desk"}),
        "phone": "13800138000", "email": "wangxm@desk.example.gov.cn"}
    values.update(changes)
    return StaffForm(**values)  # type: ignore[arg-type]


def _lines(store: Store) -> list[AuditRow]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditRow).order_by(AuditRow.at, AuditRow.subject,
                                                              AuditRow.subject_id)))


def test_an_administrator_adds_a_person_and_the_audit_names_him(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    new_id = admin.add_staff(audited, clock, admin_seat, _form(reader))
    added = person(reader, new_id)
    assert added is not None
    assert (added.name, added.login, added.seniority, added.skills, added.active) == (
        "王晓明", "wangxm", 2, ("network", "service_desk"), True)
    assert new_id in {m.id for m in staff(reader)}  # offered for work at once
    lines = _lines(audited)
    assert {(line.subject, line.summary) for line in lines} == {
        ("staff", "created"), ("staff_skills", "created")}
    assert {line.actor_id for line in lines} == {admin_seat.staff_id}
    created = next(line for line in lines if line.subject == "staff")
    assert json.loads(created.before) == {}
    assert json.loads(created.after)["login"] == "wangxm"


def test_a_login_is_unique_whatever_its_case_and_never_changes(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    with pytest.raises(DeskError) as taken:
        admin.add_staff(audited, clock, admin_seat, _form(reader, login="SEAT010"))
    assert (taken.value.problem, taken.value.field) == (Problem.LOGIN_TAKEN, "login")
    seat = seat_of(DataDir(audited.path.parent), "seat010")
    assert seat.staff_id is not None
    with pytest.raises(DeskError) as fixed:
        admin.edit_staff(audited, clock, admin_seat, seat.staff_id,
                         _form(reader, login="seat010b"))
    assert fixed.value.problem is Problem.LOGIN_FIXED
    assert _lines(audited) == []


@pytest.mark.parametrize(("changes", "problem", "field"), [
    ({"name": "  "}, Problem.NAME_MISSING, "name"),
    ({"login": "wang xm"}, Problem.LOGIN_INVALID, "login"),
    ({"login": ""}, Problem.LOGIN_INVALID, "login"),
    ({"seniority": 4}, Problem.SENIORITY_INVALID, "seniority"),
    ({"phone": "12345678901234"}, Problem.PHONE_INVALID, "phone"),
    ({"email": "wangxm@"}, Problem.EMAIL_INVALID, "email"),
    ({"team_id": "no-such-team"}, Problem.TEAM_UNKNOWN, "team"),
    ({"skills": frozenset({"juggling"})}, Problem.SKILL_UNKNOWN, "skills"),
])
def test_a_wrong_field_is_named_and_nothing_is_written(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection, changes: dict[str, object], problem: Problem,
        field: str) -> None:
    with pytest.raises(DeskError) as refused:
        admin.add_staff(audited, clock, admin_seat, _form(reader, **changes))
    assert (refused.value.problem, refused.value.field) == (problem, field)
    assert _lines(audited) == [] and len(people(reader)) == 40


def test_an_edit_records_only_what_changed_before_and_after(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    agent = seat_of(DataDir(audited.path.parent), "seat010")
    assert agent.staff_id is not None
    before = person(reader, agent.staff_id)
    assert before is not None
    form = StaffForm(before.name, before.login, _team(reader, "hosts_storage"),
                     before.seniority, frozenset(before.skills) | {"backup"}, "010-66668888",
                     before.email)
    admin.edit_staff(audited, clock, admin_seat, agent.staff_id, form)
    admin.edit_staff(audited, clock, admin_seat, agent.staff_id, form)  # no change: no line
    after = person(reader, agent.staff_id)
    assert after is not None and after.phone == "010-66668888" and "backup" in after.skills
    lines = _lines(audited)
    assert [(line.subject, line.summary) for line in lines] == [
        ("staff", "changed"), ("staff_skills", "created")]
    assert json.loads(lines[0].before) == {"team_id": before.team_id, "phone": before.phone}
    assert json.loads(lines[0].after) == {"team_id": _team(reader, "hosts_storage"),
                                          "phone": "010-66668888"}


@pytest.mark.parametrize("login", ["seat002", "seat010"])  # a supervisor, an agent
def test_a_role_without_manage_people_is_refused(
        audited: Store, clock: ManualClock, reader: sqlite3.Connection, login: str) -> None:
    seat = seat_of(DataDir(audited.path.parent), login)
    audited.author_id = seat.staff_id
    calls = [
        lambda: admin.add_staff(audited, clock, seat, _form(reader)),
        lambda: admin.set_staff_active(audited, clock, seat, people(reader)[5].id, False),
        lambda: admin.add_team(audited, clock, seat, "night", "夜班组", "Night group"),
        lambda: admin.rename_skill(audited, clock, seat, skills(reader)[0].id, "新", "New"),
    ]
    for call in calls:
        with pytest.raises(DeskError) as refused:
            call()
        assert refused.value.problem is Problem.NOT_ALLOWED
    assert _lines(audited) == []


def test_the_actor_must_be_the_author_the_audit_records(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    audited.author_id = seat_of(DataDir(audited.path.parent), "seat010").staff_id
    with pytest.raises(DeskError) as refused:
        admin.add_staff(audited, clock, admin_seat, _form(reader))
    assert refused.value.problem is Problem.NOT_ALLOWED


def test_a_deactivated_person_keeps_history_but_is_offered_nothing_new(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    from app.rota.formulation import build
    from app.rota.reading import load_problem, load_setup

    busy = reader.execute(
        "SELECT assignee_id, count(*) FROM tickets WHERE state = 'in_progress' "
        "GROUP BY assignee_id ORDER BY 2 DESC LIMIT 1").fetchone()[0]
    assigned = open_tickets(reader, busy)
    admin.set_staff_active(audited, clock, admin_seat, busy, False)
    gone = person(reader, busy)
    assert gone is not None and not gone.active
    assert busy not in {m.id for m in staff(reader)}  # pickers, dispatch, auto-assign
    assert open_tickets(reader, busy) == assigned > 0  # their tickets wait for a reassign
    # The published November rota still shows them; December's plan does not offer them.
    november = {m.id: m for m in load_setup(reader, *NOVEMBER).staff}
    assert not november[busy].active
    assert busy not in {m.id for m in load_setup(reader, *DECEMBER).staff}
    problem = load_problem(reader, *NOVEMBER)
    row = next(n for n, m in enumerate(problem.staff) if m.id == busy)
    assert not [cell for cell in build(problem).cells if cell[0] == row]
    line = _lines(audited)[-1]
    assert (line.summary, json.loads(line.before), json.loads(line.after)) == (
        "changed", {"active": True}, {"active": False})

    with pytest.raises(DeskError) as own:
        admin.set_staff_active(audited, clock, admin_seat, str(admin_seat.staff_id), False)
    assert own.value.problem is Problem.OWN_SEAT
    admin.set_staff_active(audited, clock, admin_seat, busy, True)
    assert busy in {m.id for m in staff(reader)}


def test_teams_and_skills_are_added_renamed_and_retired_never_removed(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    team_id = admin.add_team(audited, clock, admin_seat, " Night_Desk ", "夜班组", "")
    skill_id = admin.add_skill(audited, clock, admin_seat, "linux", "", "Linux")
    added_team = next(t for t in teams(reader) if t.id == team_id)
    added_skill = next(s for s in skills(reader) if s.id == skill_id)
    # One name stands for the other; codes are trimmed and lower-cased.
    assert (added_team.code, added_team.name_zh, added_team.name_en) == (
        "night_desk", "夜班组", "夜班组")
    assert (added_skill.name_zh, added_skill.name_en) == ("Linux", "Linux")
    for code in ("night_desk", "1st", "with space"):
        with pytest.raises(DeskError) as wrong:
            admin.add_team(audited, clock, admin_seat, code, "组", "Group")
        assert wrong.value.problem in (Problem.CODE_TAKEN, Problem.CODE_INVALID)
    with pytest.raises(DeskError) as nameless:
        admin.rename_team(audited, clock, admin_seat, team_id, " ", "")
    assert nameless.value.problem is Problem.NAME_MISSING

    member = admin.add_staff(audited, clock, admin_seat, _form(
        reader, team_id=team_id, skills=frozenset({"linux"})))
    admin.rename_team(audited, clock, admin_seat, team_id, "夜间值守组", "Night watch")
    admin.set_team_retired(audited, clock, admin_seat, team_id, True)
    admin.set_skill_retired(audited, clock, admin_seat, skill_id, True)
    # Retired: kept by the people who have them, offered to nobody new.
    kept = person(reader, member)
    assert kept is not None and kept.team_id == team_id and kept.skills == ("linux",)
    admin.edit_staff(audited, clock, admin_seat, member, StaffForm(
        kept.name, kept.login, team_id, 3, frozenset(kept.skills)))
    for changes, problem in (({"team_id": team_id}, Problem.TEAM_UNKNOWN),
                             ({"skills": frozenset({"linux"})}, Problem.SKILL_UNKNOWN)):
        with pytest.raises(DeskError) as retired:
            admin.add_staff(audited, clock, admin_seat, _form(reader, login="other",
                                                              **changes))
        assert retired.value.problem is problem
    assert next(t for t in teams(reader) if t.id == team_id).retired
    assert reader.execute("SELECT count(*) FROM teams WHERE deleted = 1").fetchone()[0] == 0
    summaries = [(line.subject, line.summary) for line in _lines(audited)
                 if line.subject in ("teams", "skills")]
    assert summaries.count(("teams", "changed")) == 2 and ("skills", "created") in summaries


def test_a_rename_refiles_the_name_the_queues_sort_tickets_by(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    staff_id, = reader.execute(
        "SELECT assignee_id FROM tickets WHERE assignee_id IS NOT NULL LIMIT 1").fetchone()
    before = person(reader, staff_id)
    assert before is not None
    form = StaffForm("易名者", before.login, before.team_id, before.seniority,
                     frozenset(before.skills), before.phone, before.email)
    admin.edit_staff(audited, clock, admin_seat, staff_id, form)
    assert reader.execute("SELECT DISTINCT assignee_sort FROM tickets WHERE assignee_id = ?",
                          (staff_id,)).fetchall() == [("易名者",)]
