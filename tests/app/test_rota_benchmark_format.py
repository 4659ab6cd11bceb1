"""The benchmark's instance format and its independent scorer (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.rota.nrp.instance import InstanceError, parse_instance, read_instance
from app.rota.nrp.score import score
from tests.app.nrp_cases import TINY, tiny

DATA = Path(__file__).parent.parent / "data" / "shift_benchmark"


def test_every_section_is_read() -> None:
    instance = tiny()
    assert instance.horizon == 14
    assert [(s.id, s.minutes, s.not_followed_by) for s in instance.shifts] == [
        ("E", 480, ()), ("L", 480, ("E",))]
    b = instance.staff[1]
    assert (b.max_shifts, b.max_minutes, b.min_minutes, b.max_consecutive, b.min_consecutive,
            b.min_days_off, b.max_weekends) == ((("E", 14), ("L", 0)), 4800, 2400, 4, 2, 2, 1)
    assert instance.days_off == (("A", 3), ("B", 7), ("B", 8))
    assert [(r.staff, r.day, r.shift, r.weight) for r in instance.on_requests] == [
        ("A", 0, "E", 2), ("C", 5, "L", 3)]
    assert instance.off_requests[0].weight == 1
    assert instance.cover[3].under_weight == 50 and instance.cover[3].over_weight == 2


@pytest.mark.parametrize("number,staff,days", [(1, 8, 14), (2, 14, 14), (3, 20, 14),
                                               (4, 10, 28), (5, 16, 28)])
def test_the_published_instances_read(number: int, staff: int, days: int) -> None:
    instance = read_instance(DATA / f"Instance{number}.txt")
    assert (len(instance.staff), instance.horizon) == (staff, days)
    assert instance.cover and instance.on_requests


@pytest.mark.parametrize("change,message", [
    (("E,480,", "E,eight,"), "not a whole number"),
    (("A,3\n", "A,30\n"), "beyond the horizon"),
    (("A,0,E,2", "Z,0,E,2"), "'Z' is not defined"),
    (("SECTION_COVER", "SECTION_CUVER"), "unknown section"),
    (("B,1,E,1", "B,1,X,1"), "'X' is not defined"),
])
def test_a_broken_instance_says_which_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(InstanceError, match=message):
        parse_instance(TINY.replace(*change))


def test_the_scorer_counts_requests_and_cover() -> None:
    instance = tiny()
    # Day 0: A early (request met), C late; day 1: one early (B: off request broken, and one
    # short); day 5: nobody (C's request and the cover of 1 with weight 50 both unmet).
    plan = [("A", 0, "E"), ("C", 0, "L"), ("B", 1, "E")]
    result = score(instance, plan)
    assert result.objective == 1 + 100 + 3 + 50 + 100
    # Over-cover costs its weight per extra person.
    assert score(instance, [*plan, ("A", 1, "E"), ("C", 5, "L"), ("A", 5, "L")]).objective \
        == 1 + 2 + 100


def test_the_scorer_finds_hard_violations() -> None:
    instance = tiny()
    assert score(instance, [("C", 0, "L"), ("C", 1, "E")]).hard["shift rotation"] == 1
    assert score(instance, [("A", 3, "E")]).hard["days off"] == 1
    assert score(instance, [("B", 2, "L")]).hard["max shifts of a type"] == 1
    # Runs of one shift inside the horizon are too short; at its edge they are not.
    assert score(instance, [("A", 4, "E")]).hard["min consecutive shifts"] == 1
    assert "min consecutive shifts" not in score(instance, [("A", 0, "E")]).hard
    assert "min consecutive shifts" not in score(instance, [("A", 13, "E")]).hard
    # One day off between two runs is too short.
    plan = [("A", d, "E") for d in (0, 1, 2, 4, 5, 6)]
    assert score(instance, plan).hard["min consecutive days off"] == 1
    assert score(instance, [("A", d, "E") for d in range(5)]).hard[
        "max consecutive shifts"] == 1
    assert score(instance, [("A", 5, "E"), ("A", 6, "E"), ("A", 12, "E"), ("A", 13, "E")]
                 ).hard["max weekends"] == 1
    assert score(instance, [("A", 0, "E"), ("A", 0, "L")]).hard["one shift a day"] == 1
    assert score(instance, []).hard["min total minutes"] == 3


def test_the_command_plans_and_scores_an_instance(capsys: pytest.CaptureFixture[str]) -> None:
    from app.rota.nrp.__main__ import main

    assert main([str(DATA / "Instance1.txt"), "--limit", "20", "--workers", "2",
                 "--roster"]) == 0
    out = capsys.readouterr().out
    assert "status optimal, objective 607" in out
    assert "hard constraints broken: none" in out
    assert len([line for line in out.splitlines() if len(line) == 4 + 1 + 14]) == 8


def test_the_command_names_a_broken_file(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from app.rota.nrp.__main__ import main

    broken = tmp_path / "broken.txt"
    broken.write_text(TINY.replace("SECTION_COVER", "SECTION_CUVER"), encoding="utf-8")
    assert main([str(broken)]) == 2
    assert "unknown section SECTION_CUVER" in capsys.readouterr().err
