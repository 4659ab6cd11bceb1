from __future__ import annotations

from app.domain.dispatch import suggest
from app.domain.enums import Level, Seniority, StaffStatus
from app.domain.people import StaffMember


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
