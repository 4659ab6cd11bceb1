from __future__ import annotations

from app.domain.clock import ManualClock
from app.domain.dispatch import suggest
from app.domain.enums import Level, Seniority, StaffStatus
from app.domain.people import StaffMember
from app.paths import DataDir


def member(name: str, seniority: Seniority, skills: set[str],
           status: StaffStatus = StaffStatus.AVAILABLE) -> StaffMember:
    return StaffMember(name, name, name, None, seniority, status, frozenset(skills))


def test_level_one_goes_to_a_skilled_senior_expert() -> None:
    people = [member("junior", Seniority.ENGINEER, {"network"}),
              member("expert", Seniority.SENIOR_EXPERT, {"network"}),
              member("dba", Seniority.SENIOR_EXPERT, {"database"})]
    ranked = suggest(people, "network", Level.ONE, {})
    assert [s.staff.name for s in ranked] == ["expert", "junior", "dba"]
    assert ranked[0].skill > 0 and ranked[2].skill == 0


def test_workload_and_availability_move_candidates_down() -> None:
    people = [member("busy", Seniority.ENGINEER, {"hosts"}),
              member("free", Seniority.ENGINEER, {"hosts"}),
              member("away", Seniority.ENGINEER, {"hosts"}, StaffStatus.AWAY)]
    ranked = suggest(people, "hosts", Level.THREE, {"busy": 8, "free": 1})
    assert [s.staff.name for s in ranked] == ["free", "busy", "away"]
    assert ranked[1].workload == -24.0 and ranked[1].open_tickets == 8


def test_with_a_rota_only_people_on_duty_are_available() -> None:
    people = [member("night", Seniority.EXPERIENCED, {"network"}),
              member("day", Seniority.EXPERIENCED, {"network"}, StaffStatus.BUSY)]
    ranked = suggest(people, "network", Level.TWO, {}, on_duty=frozenset({"day"}))
    assert [s.staff.name for s in ranked] == ["day", "night"]
    assert (ranked[0].on_duty, ranked[1].on_duty) == (True, False)
    assert ranked[1].availability == -100.0
    without_rota = suggest(people, "network", Level.TWO, {})
    assert without_rota[0].staff.name == "night" and without_rota[0].on_duty is None


def test_automatic_assignment_picks_the_best_available_team_member(
        demo_copy: DataDir, clock: ManualClock) -> None:
    import sqlite3

    from app.domain.enums import Channel
    from app.domain.grading import GradingWeights
    from app.services.auto_assign import auto_assign
    from app.services.intake import Intake, TicketDraft
    from app.store.database import Store
    from app.store.reading import read_connection
    from tests.app.helpers import first_id

    db = demo_copy.database
    store = Store(db)
    reader = read_connection(db)
    team_id, team_code = sqlite3.connect(db).execute(
        "SELECT t.id, t.code FROM teams t JOIN staff s ON s.team_id = t.id "
        "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    draft = TicketDraft("磁盘告警", "存储阵列磁盘故障告警。", first_id(db, "requesters"),
                        Channel.PHONE, first_id(db, "ticket_types"), first_id(db, "categories"))
    ticket = Intake(store, clock, GradingWeights(), None).log(draft).id
    chosen = auto_assign(store, reader, clock, None, ticket, team_code)
    assert chosen is not None and chosen.staff.team_id == team_id
    assert chosen.availability > 0  # nobody away or off duty gets it
    assignee, state = reader.execute("SELECT assignee_id, state FROM tickets WHERE id = ?",
                                     (ticket,)).fetchone()
    assert (assignee, state) == (chosen.staff.id, "assigned")
    # A team nobody can take work for leaves the ticket alone.
    with store.unit_of_work() as session:
        session.connection().exec_driver_sql(
            "UPDATE staff SET status = 'away' WHERE team_id = ?", (team_id,))
    other = Intake(store, clock, GradingWeights(), None).log(draft).id
    from app.rota.reading import on_duty_ids

    assert on_duty_ids(reader, clock) is not None  # the demo's published rota covers now
    with store.unit_of_work() as session:  # ... and nobody of the team is on it
        session.connection().exec_driver_sql(
            "DELETE FROM rota_overrides WHERE cover_id IN (SELECT id FROM staff "
            "WHERE team_id = ?)", (team_id,))
        session.connection().exec_driver_sql(
            "DELETE FROM rota_assignments WHERE staff_id IN (SELECT id FROM staff "
            "WHERE team_id = ?)", (team_id,))
    assert auto_assign(store, reader, clock, None, other, team_code) is None
    assert reader.execute("SELECT assignee_id FROM tickets WHERE id = ?",
                          (other,)).fetchone()[0] is None
    assert auto_assign(store, reader, clock, None, other, "no-such-team") is None
    store.close()
