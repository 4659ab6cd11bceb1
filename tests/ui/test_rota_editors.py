"""The rota page's editors on the demo desk (November 2026, today the 26th): coverage,
leave and wishes, shift types. Wrong input shows a message and stores nothing; what is
stored reaches the grid, its footer, the violations and the planner's problem at once."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.roles import Capability
from app.rota.defaults import DAY, NIGHT
from app.rota.holidays import DayKind
from app.rota.model import AbsenceKind
from app.rota.reading import load_absences, load_setup, load_shifts
from app.rota.rules import RuleKind
from tests.conftest import seat_of
from tests.ui.conftest import shown_page
from ui.desk import Desk
from ui.rota.grid_model import COVERAGE_ROLE, SHORTAGE, VIOLATION_ROLE, Column
from ui.rota.page import RotaPage

FRIDAY = date(2026, 11, 27)  # a workday after today: not fixed by publication


@pytest.fixture
def page(desk: Desk) -> RotaPage:
    return shown_page(desk, "rota", RotaPage)


def table_dump(desk: Desk, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(desk.context.data.database)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def footer_index(page: RotaPage, code: str, day: date):  # type: ignore[no-untyped-def]
    row = len(page.model.problem.staff) + [s.code for s in page.model.problem.shifts].index(code)
    return page.model.index(row, page.model.column_of(day))


def test_wrong_coverage_shows_why_and_stores_nothing(qtbot: QtBot, page: RotaPage, desk: Desk,
                                                     qtmodeltester: object) -> None:
    before = table_dump(desk, "rota_coverage")
    dialog = page.coverage_dialog()
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.table.model())  # type: ignore[attr-defined]
    assert dialog.table.rowCount() == 4 * 3
    people, seniors, skills = dialog.row_widgets(NIGHT, DayKind.WORKDAY)
    assert (people.value(), seniors.value()) == (4, 1)
    seniors.setValue(5)
    day_people, _, day_skills = dialog.row_widgets(DAY, DayKind.WEEKEND)
    day_people.setValue(0)  # but "network" is still required
    assert day_skills.chosen() == {"network"}
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.message.isHidden()
    text = dialog.message.text()
    assert "Night · Workday: 5 seniors asked for, but only 4 people." in text
    assert "Day · Weekend: skills are required but nobody is (headcount 0)." in text
    assert table_dump(desk, "rota_coverage") == before


def test_saved_coverage_shows_in_the_footer_and_the_violations(page: RotaPage,
                                                               desk: Desk) -> None:
    footer = footer_index(page, DAY, FRIDAY)
    have, need = footer.data(COVERAGE_ROLE)
    assert need == 9 and have >= 9 and not footer.data(VIOLATION_ROLE)
    dialog = page.coverage_dialog()
    people, seniors, skills = dialog.row_widgets(DAY, DayKind.WORKDAY)
    people.setValue(have + 1)
    skills.set_chosen({"network"})  # no longer cloud
    # The seat reads the skill's name (the category that asks for it), not its code.
    assert skills.text() == "Network"
    assert "Network" in [action.text() for action in skills.menu().actions()]
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.set_coverage(dialog.coverage())
    stored = {(c.shift, c.day_kind): c for c in load_setup(desk.context.reader).coverage}
    assert stored[DAY, DayKind.WORKDAY].headcount == have + 1
    assert stored[DAY, DayKind.WORKDAY].skills == {"network"}
    assert len(stored) == 12  # every shift type and kind of day, written in one go
    footer = footer_index(page, DAY, FRIDAY)
    assert footer.data(COVERAGE_ROLE) == (have, have + 1)
    assert footer.data(VIOLATION_ROLE) == 2
    assert footer.data(Qt.ItemDataRole.BackgroundRole).color() == SHORTAGE
    short = [v for v in page.model.violations if v.rule is RuleKind.COVERAGE
             and v.shift == DAY and v.days == (FRIDAY,)]
    assert short and short[0].data["need"] == have + 1
    assert any("of" in page.side.violation_list.item(n).text()
               for n in range(page.side.violation_list.count()))
    # The next auto-plan gets the raised headcount.
    planned = page.planning_problem().coverage_for(FRIDAY, DAY)
    assert planned is not None and planned.headcount == have + 1


def test_leave_shades_the_grid_and_flags_a_shift_on_that_day(qtbot: QtBot, page: RotaPage,
                                                             desk: Desk) -> None:
    model = page.model
    saturday = date(2026, 11, 28)
    row = next(r for r in range(40) if model.cell((model.staff_at(r).id, FRIDAY))
               and not model.cell((model.staff_at(r).id, saturday))
               and not model.absence((model.staff_at(r).id, FRIDAY)))
    person = model.staff_at(row)
    dialog = page.absence_dialog()
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findData(person.id))
    before = table_dump(desk, "rota_absences")
    # Wrong first: the last day before the first.
    dialog.first.setDate(dialog.first.date().addDays(27))  # 28 November
    dialog.last.setDate(dialog.first.date().addDays(-1))
    dialog.add_absence()
    assert not dialog.message.isHidden()
    assert dialog.message.text() == "The last day is before the first day."
    assert table_dump(desk, "rota_absences") == before
    # Then right: leave on 27 and 28 November.
    dialog.first.setDate(dialog.first.date().addDays(-1))
    dialog.last.setDate(dialog.first.date().addDays(1))
    dialog.kind.setCurrentIndex(dialog.kind.findData(AbsenceKind.LEAVE))
    dialog.reason.setText("年假")
    with qtbot.waitSignal(dialog.absences_changed):
        dialog.add_absence()
    assert dialog.message.isHidden() and dialog.absence_list.count() >= 1
    stored = [a for a in load_absences(desk.context.reader, FRIDAY, saturday)
              if a.staff_id == person.id]
    assert [(a.first, a.last, a.note) for a in stored] == [(FRIDAY, saturday, "年假")]
    # The shift on the Friday is now a hard leave violation, in red with its reasons.
    worked = model.index(row, model.column_of(FRIDAY))
    assert worked.data(VIOLATION_ROLE) == 2
    tip = worked.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("leave: 年假") and f"{person.name} is on leave on 11/27" in tip
    assert [v.days for v in model.violations
            if v.rule is RuleKind.LEAVE and v.staff_id == person.id] == [(FRIDAY,)]
    texts = [page.side.violation_list.item(n).text()
             for n in range(page.side.violation_list.count())]
    assert f"{person.name} is on leave on 11/27" in texts
    # The free Saturday is hatched, with the reason in its tooltip.
    free = model.index(row, model.column_of(saturday))
    brush = free.data(Qt.ItemDataRole.BackgroundRole)
    assert brush.style() == Qt.BrushStyle.BDiagPattern
    assert free.data(Qt.ItemDataRole.ToolTipRole) == "leave: 年假"
    # The next auto-plan keeps the person off both days.
    assert page.planning_problem().absent(person.id, saturday)
    # A wish on a day away is refused; removing the leave clears the violation.
    dialog.wish_day.setDate(dialog.last.date())
    dialog.add_wish()
    assert dialog.message.text() == "Absent on 2026-11-28 already."
    dialog.absence_list.setCurrentRow(
        next(n for n in range(dialog.absence_list.count())
             if "年假" in dialog.absence_list.item(n).text()))
    dialog.remove_absence()
    assert not [v for v in model.violations if v.rule is RuleKind.LEAVE
                and v.staff_id == person.id]
    after = model.index(row, model.column_of(saturday)).data(Qt.ItemDataRole.BackgroundRole)
    assert after is None or after.style() != Qt.BrushStyle.BDiagPattern


def test_a_seat_enters_only_his_own_unavailability_and_wishes(qtbot: QtBot, page: RotaPage,
                                                              desk: Desk) -> None:
    agent = seat_of(desk.context.data, "seat010")
    me = agent.staff_id
    # Leave the supervisor (the desk's administrator) entered for the agent: he sees it but
    # cannot remove it.
    supervisor = page.absence_dialog()
    qtbot.addWidget(supervisor)
    supervisor.person.setCurrentIndex(supervisor.person.findData(me))
    supervisor.first.setDate(supervisor.first.date().addDays(29))  # 30 November
    supervisor.kind.setCurrentIndex(supervisor.kind.findData(AbsenceKind.LEAVE))
    supervisor.add_absence()
    desk.context.switch_seat(agent)  # the agent takes the desk
    seat = RotaPage(desk.context, desk.window,
                    supervisor=desk.context.may(Capability.PLAN_ROTA))
    seat.ensure_loaded()
    assert me is not None and seat.absences_button.isEnabled()
    assert not seat.coverage_button.isEnabled() and not seat.shifts_button.isEnabled()
    dialog = seat.absence_dialog()
    qtbot.addWidget(dialog)
    assert dialog.person.count() == 1 and dialog.person.currentData() == me
    assert [dialog.kind.itemData(n) for n in range(dialog.kind.count())] == [
        AbsenceKind.UNAVAILABLE]
    leave_rows = [n for n in range(dialog.absence_list.count())
                  if dialog.absence_list.item(n).text().startswith("Leave")]
    assert leave_rows
    before = table_dump(desk, "rota_absences")
    dialog.absence_list.setCurrentRow(leave_rows[0])
    dialog.remove_absence()
    assert dialog.message.text().startswith("Only a supervisor may do that")
    assert table_dump(desk, "rota_absences") == before
    dialog.first.setDate(dialog.first.date().addDays(28))  # 29 November
    dialog.reason.setText("家中有事")
    dialog.add_absence()
    dialog.wish_day.setDate(dialog.wish_day.date().addDays(27))
    dialog.wanted.setCurrentIndex(1)  # the day off
    dialog.add_wish()
    assert dialog.message.isHidden()
    mine = [a for a in load_absences(desk.context.reader, date(2026, 11, 29),
                                     date(2026, 11, 29)) if a.staff_id == me]
    assert [(a.kind, a.note) for a in mine] == [(AbsenceKind.UNAVAILABLE, "家中有事")]
    assert dialog.wish_list.count() == 1
    assert seat.model.absence((me, date(2026, 11, 29))) is not None


def test_shift_types_are_checked_and_a_new_one_joins_the_grid(qtbot: QtBot, page: RotaPage,
                                                              desk: Desk) -> None:
    before = table_dump(desk, "rota_shift_types")
    dialog = page.shift_types_dialog()
    qtbot.addWidget(dialog)
    assert [r.code.isReadOnly() for r in dialog.rows] == [True] * 4
    new = dialog.add_row()
    new.code.setText("D")
    new.hours.setValue(0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    lines = dialog.message.text().splitlines()
    assert lines == ["The code D is used twice.", "D: both names are needed.",
                     "D: the length must be more than 0 and at most 24 h."]
    dialog.table.setCurrentCell(1, 0)
    dialog.remove_row()  # the evening shift, which the rota uses
    dialog.accept()
    assert "E is used by the rota or its overrides and cannot be removed." in \
        dialog.message.text()
    assert table_dump(desk, "rota_shift_types") == before
    dialog.close()

    dialog = page.shift_types_dialog()
    qtbot.addWidget(dialog)
    late = dialog.add_row()
    late.code.setText("l")
    late.name_zh.setText("晚班")
    late.name_en.setText("Late")
    late.hours.setValue(10)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    page.set_shift_types(dialog.shift_types())
    assert [s.code for s in load_shifts(desk.context.reader)] == ["D", "E", "N", "R", "L"]
    assert page.model.rowCount() == 40 + 5 and not page.footer.isRowHidden(44)
    # The new letter is a key in the grid.
    selection = page.view.selectionModel()
    index = page.model.index(0, Column.FIRST_DAY + 29)
    selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    page.view.setCurrentIndex(index)
    qtbot.keyClick(page.view, Qt.Key.Key_L)
    assert page.model.cell((page.model.staff_at(0).id, date(2026, 11, 30))) == "L"
