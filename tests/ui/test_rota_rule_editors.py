"""The editors of the rules issue 20 added, driven the way a supervisor uses them (the
tool bar's button, the dialog's fields and OK), on the demo desk (November 2026, today
the 26th): personal limits, cover for particular dates, forbidden successions, a wish's
weight, and the per-person costs of the plan."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QDialog, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.roles import Capability
from app.rota.checker import total_cost
from app.rota.defaults import DAY, NIGHT
from app.rota.reading import load_preferences, load_setup, load_shifts
from app.rota.rules import RuleKind
from tests.conftest import seat_of
from tests.ui.conftest import shown_page
from ui.desk import Desk
from ui.rota.costs_view import CostsDialog
from ui.rota.dated_cover_dialog import DatedCoverDialog
from ui.rota.grid_model import COVERAGE_ROLE
from ui.rota.limits_dialog import LimitsDialog
from ui.rota.page import RotaPage
from ui.rota.successions_dialog import SuccessionsDialog

FRIDAY = date(2026, 11, 27)  # a workday after today: not fixed by publication
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(desk: Desk) -> RotaPage:
    return shown_page(desk, "rota", RotaPage)


def rows(desk: Desk, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(desk.context.data.database)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def in_dialog(qtbot: QtBot, kind: type[QDialog], steps: Callable[[QDialog], None]) -> list[str]:
    """Run ``steps`` in the modal ``kind`` once the click has opened it; returns what went
    wrong inside (an assertion there would otherwise leave the dialog open)."""
    errors: list[str] = []
    poll = QTimer(QApplication.instance(), interval=10)

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            return
        poll.stop()
        try:
            steps(dialog)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(repr(error))
            dialog.reject()

    poll.timeout.connect(run)
    poll.start()
    return errors


def type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    """Select the field's text and type over it, as a person does."""
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_personal_limits_forbid_a_shift_and_the_grid_shows_it(qtbot: QtBot, page: RotaPage,
                                                              desk: Desk) -> None:
    model = page.model
    member = next(m for m in model.problem.staff
                  if any(model.cell((m.id, d)) == NIGHT for d in model.problem.days))
    nights = sum(1 for d in model.problem.days if model.cell((member.id, d)) == NIGHT)

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, LimitsDialog)
        type_into(qtbot, dialog.spin(member.id, NIGHT), "0")
        type_into(qtbot, dialog.spin(member.id, "max_weekends"), "3")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = in_dialog(qtbot, LimitsDialog, steps)
    qtbot.mouseClick(page.limits_button, LEFT)
    assert errors == []
    stored = rows(desk, "SELECT max_shifts, max_weekends FROM rota_contracts "
                        f"WHERE staff_id = '{member.id}' AND deleted = 0")
    assert stored == [(f"{NIGHT}=0", 3)]
    found = [v for v in model.violations if v.rule is RuleKind.MAX_SHIFTS_OF_TYPE]
    assert [(v.staff_id, v.data["count"]) for v in found] == [(member.id, nights)]
    assert page.planning_problem().staff[model.row_of(member.id)].limits.max_of(NIGHT) == 0
    assert any("may not work Night" in page.side.violation_list.item(n).text()
               for n in range(page.side.violation_list.count()))


def test_impossible_limits_say_why_and_store_nothing(qtbot: QtBot, page: RotaPage,
                                                     desk: Desk) -> None:
    before = rows(desk, "SELECT * FROM rota_contracts ORDER BY id")
    member = page.model.problem.staff[0]
    seen: list[str] = []

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, LimitsDialog)
        type_into(qtbot, dialog.spin(member.id, "min_minutes"), "150")
        type_into(qtbot, dialog.spin(member.id, "max_minutes"), "120")
        qtbot.mouseClick(dialog.ok_button, LEFT)
        assert dialog.isVisible() and not dialog.message.isHidden()
        seen.append(dialog.message.text())
        dialog.reject()

    errors = in_dialog(qtbot, LimitsDialog, steps)
    qtbot.mouseClick(page.limits_button, LEFT)
    assert errors == []
    assert seen == [f"{member.name}: at least 150 h but at most 120 h."]
    assert rows(desk, "SELECT * FROM rota_contracts ORDER BY id") == before


def test_cover_for_a_date_replaces_its_kind_of_day_and_keeps_its_weights(
        qtbot: QtBot, page: RotaPage, desk: Desk) -> None:
    footer_row = len(page.model.problem.staff) + [
        s.code for s in page.model.problem.shifts].index(DAY)
    thursday = date(2026, 11, 26)

    def need(day: date) -> int:
        index = page.model.index(footer_row, page.model.column_of(day))
        return int(index.data(COVERAGE_ROLE)[1])

    assert need(FRIDAY) == need(thursday) == 9

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, DatedCoverDialog)
        qtbot.mouseClick(dialog.add_button, LEFT)
        row = dialog.table.rowCount() - 1
        day, shift = dialog.cell(row, 0), dialog.cell(row, 1)
        assert isinstance(day, QDateEdit) and isinstance(shift, QComboBox)
        day.setDate(QDate(2026, 11, 27))
        shift.setCurrentIndex(shift.findData(DAY))
        for column, text in ((2, "12"), (4, "40")):
            spin = dialog.cell(row, column)
            assert isinstance(spin, QSpinBox)
            type_into(qtbot, spin, text)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = in_dialog(qtbot, DatedCoverDialog, steps)
    qtbot.mouseClick(page.dated_cover_button, LEFT)
    assert errors == []
    assert rows(desk, "SELECT day, shift_code, headcount, under_weight FROM rota_coverage "
                      "WHERE day IS NOT NULL AND deleted = 0") == [("2026-11-27", DAY, 12, 40)]
    assert (need(FRIDAY), need(thursday)) == (12, 9)
    # Saving the cover by kind of day keeps the dated row.
    dialog = page.coverage_dialog()
    qtbot.addWidget(dialog)
    page.set_coverage(dialog.coverage())
    assert need(FRIDAY) == 12
    short = [v for v in page.model.violations if v.rule is RuleKind.COVERAGE
             and v.days == (FRIDAY,) and v.shift == DAY]
    assert short and short[0].data["need"] == 12


def test_a_dated_row_twice_is_refused(qtbot: QtBot, page: RotaPage, desk: Desk) -> None:
    seen: list[str] = []

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, DatedCoverDialog)
        qtbot.mouseClick(dialog.add_button, LEFT)
        qtbot.mouseClick(dialog.add_button, LEFT)  # the same date and shift again
        qtbot.mouseClick(dialog.ok_button, LEFT)
        seen.append(dialog.message.text())
        dialog.reject()

    errors = in_dialog(qtbot, DatedCoverDialog, steps)
    qtbot.mouseClick(page.dated_cover_button, LEFT)
    assert errors == [] and seen == ["2026-11-01 · Day: entered twice."]
    assert rows(desk, "SELECT * FROM rota_coverage WHERE day IS NOT NULL") == []


def test_a_forbidden_succession_is_stored_and_checked(qtbot: QtBot, page: RotaPage,
                                                      desk: Desk) -> None:
    model = page.model
    person = model.problem.staff[0]
    model.set_cells({(person.id, FRIDAY): NIGHT, (person.id, date(2026, 11, 28)): DAY})

    def steps(dialog: QDialog) -> None:
        assert isinstance(dialog, SuccessionsDialog)
        assert "the minimum rest forbids it already" in dialog.box(DAY, NIGHT).toolTip()
        qtbot.mouseClick(dialog.box(NIGHT, DAY), LEFT)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = in_dialog(qtbot, SuccessionsDialog, steps)
    qtbot.mouseClick(page.successions_button, LEFT)
    assert errors == []
    night = next(s for s in load_shifts(desk.context.reader) if s.code == NIGHT)
    assert night.not_followed_by == {DAY}
    found = [v for v in model.violations if v.rule is RuleKind.FORBIDDEN_SUCCESSIONS]
    assert any(v.staff_id == person.id and v.days == (FRIDAY, date(2026, 11, 28))
               for v in found)
    # Editing the shift types keeps the succession.
    dialog = page.shift_types_dialog()
    qtbot.addWidget(dialog)
    page.set_shift_types(dialog.shift_types())
    assert (NIGHT, DAY) in page.model.problem.successions()


def test_a_supervisor_weighs_a_wish_a_seat_cannot(qtbot: QtBot, page: RotaPage,
                                                  desk: Desk) -> None:
    dialog = page.absence_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    person = dialog.staff_id()
    type_into(qtbot, dialog.wish_weight, "25")
    dialog.wish_day.setDate(QDate(2026, 11, 30))
    add = next(b for b in dialog.findChildren(QWidget) if getattr(b, "text", lambda: "")()
               == "Add wish")
    qtbot.mouseClick(add, LEFT)
    wishes = [w for w in load_preferences(desk.context.reader, date(2026, 11, 30),
                                          date(2026, 11, 30)) if w.staff_id == person]
    assert [w.weight for w in wishes] == [25]
    assert dialog.wish_list.item(dialog.wish_list.count() - 1).text().endswith("weight 25")
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))
    seat = RotaPage(desk.context, desk.window, supervisor=desk.context.may(
        Capability.PLAN_ROTA))
    seat.ensure_loaded()
    assert not seat.limits_button.isEnabled() and not seat.dated_cover_button.isEnabled()
    theirs = seat.absence_dialog()
    qtbot.addWidget(theirs)
    assert not theirs.wish_weight.isEnabled()


def test_the_costs_window_shows_what_each_soft_rule_costs_per_person(
        qtbot: QtBot, page: RotaPage, desk: Desk, qtmodeltester: object) -> None:
    model = page.model
    qtbot.mouseClick(page.costs_button, LEFT)
    dialog = page.findChild(CostsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    person = model.problem.staff[0]
    # Nights for one person from today on: the fair-nights rule (soft) starts costing.
    model.set_cells({(person.id, date(2026, 11, d)): NIGHT for d in range(26, 31)})
    costs = dialog.model
    qtmodeltester.check(costs)  # type: ignore[attr-defined]
    assert costs.total == total_cost(model.violations) > 0
    row = next(n for n, r in enumerate(costs.rows) if r.staff_id == person.id)
    column = costs.rules.index(RuleKind.FAIR_NIGHTS) + 1
    assert costs.index(row, column).data(Qt.ItemDataRole.UserRole) > 0
    assert costs.index(row, 0).data() == person.name
    assert "Fair nights" in costs.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert costs.headerData(column, Qt.Orientation.Horizontal) == "Fair nights"
    assert [r.total for r in costs.rows] == sorted((r.total for r in costs.rows),
                                                   reverse=True)
    assert dialog.summary.text().endswith(str(costs.total))
    stored = load_setup(desk.context.reader)
    assert stored.rules  # the setup is unchanged by looking at costs


def test_cover_by_kind_of_day_has_its_own_costs_too(qtbot: QtBot, page: RotaPage,
                                                    desk: Desk) -> None:
    from app.rota.holidays import DayKind

    dialog = page.coverage_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    under, over = dialog.weight_widgets(NIGHT, DayKind.WEEKEND)
    assert under.text() == "rule's" and under.value() == 0
    type_into(qtbot, under, "30")
    type_into(qtbot, over, "2")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.set_coverage(dialog.coverage())
    assert rows(desk, "SELECT under_weight, over_weight FROM rota_coverage WHERE deleted = 0 "
                      f"AND shift_code = '{NIGHT}' AND day_kind = 'weekend'") == [(30, 2)]
    stored = [c for c in page.model.problem.coverage
              if c.shift == NIGHT and c.day_kind is DayKind.WEEKEND]
    assert [(c.under_weight, c.over_weight) for c in stored] == [(30, 2)]
