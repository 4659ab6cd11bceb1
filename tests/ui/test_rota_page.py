"""The rota page on the demo desk: the grid model, live checks, editing, auto-plan off the
GUI thread, publish and exports."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.rota.checker import hard_violations
from app.rota.planner import PlanProgress, PlanResult, PlanStatus
from app.rota.reading import load_periods
from app.rota.rules import RuleKind
from tests.conftest import seat_of
from tests.ui.conftest import shown_page
from ui.desk import Desk
from ui.rota.grid_model import SHIFT_ROLE, VIOLATION_ROLE, Column
from ui.rota.page import RotaPage


@pytest.fixture
def page(desk: Desk) -> RotaPage:
    return shown_page(desk, "rota", RotaPage)


def select(page: RotaPage, row: int, day: int, to_day: int | None = None) -> None:
    model = page.model
    selection = page.view.selectionModel()
    selection.clearSelection()
    for column in range(Column.FIRST_DAY + day - 1, Column.FIRST_DAY + (to_day or day)):
        selection.select(model.index(row, column), QItemSelectionModel.SelectionFlag.Select)
    # Without NoUpdate, setCurrentIndex would select the current cell alone again.
    selection.setCurrentIndex(model.index(row, Column.FIRST_DAY + day - 1),
                              QItemSelectionModel.SelectionFlag.NoUpdate)


def test_the_grid_model_passes_the_model_tester(qtmodeltester: object, page: RotaPage) -> None:
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 40 + 4
    assert page.model.columnCount() == Column.FIRST_DAY + 30


def test_the_demo_month_shows_its_rest_violation_in_red(page: RotaPage) -> None:
    hard = [v for v in page.model.violations if v.hard]
    assert [v.rule for v in hard] == [RuleKind.MIN_REST]
    row = page.model.row_of(hard[0].staff_id or "")
    index = page.model.index(row, page.model.column_of(hard[0].days[1]))
    assert index.data(VIOLATION_ROLE) == 2
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#d93025")
    assert "11 h" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert page.side.violation_list.item(0).text().startswith(page.model.problem.staff[row].name)


def test_a_missing_skill_is_named_like_its_category(page: RotaPage) -> None:
    model = page.model
    day = model.problem.days[0]
    model.set_cells({(m.id, day): None for m in model.problem.staff})  # nobody works
    lines = [page.side.violation_list.item(n).text()
             for n in range(page.side.violation_list.count())]
    skill_lines = [line for line in lines if "nobody with the skill" in line]
    assert skill_lines  # the demo's day shift asks for network and cloud people
    assert all(line.endswith(("skill Network", "skill Cloud platform")) for line in skill_lines)
    assert any(line.endswith("skill Network") for line in skill_lines)


def test_keyboard_edits_are_checked_live_and_undoable(qtbot: QtBot, page: RotaPage) -> None:
    model = page.model
    row = next(r for r in range(40) if not model.cell((model.staff_at(r).id, date(2026, 11, 3)))
               and not model.cell((model.staff_at(r).id, date(2026, 11, 4))))
    person = model.staff_at(row).id
    before = len([v for v in model.violations if v.hard])
    select(page, row, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_E)
    select(page, row, 4)
    qtbot.keyClick(page.view, Qt.Key.Key_1)  # the first shift type: day
    assert model.cell((person, date(2026, 11, 3))) == "E"
    assert model.index(row, Column.FIRST_DAY + 3).data(SHIFT_ROLE) == "D"
    rest = [v for v in model.violations if v.rule is RuleKind.MIN_REST and v.staff_id == person]
    assert len(rest) == 1 and len([v for v in model.violations if v.hard]) > before
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert model.cell((person, date(2026, 11, 3))) is None
    assert not [v for v in model.violations if v.staff_id == person and v.hard]
    page.undo_stack.redo()
    assert model.cell((person, date(2026, 11, 3))) == "E"
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)  # the current selection: 4 November
    assert model.cell((person, date(2026, 11, 4))) is None


def test_copy_and_paste_a_block(qtbot: QtBot, page: RotaPage) -> None:
    model = page.model
    source = [model.cell((model.staff_at(0).id, date(2026, 11, d))) for d in (1, 2, 3)]
    select(page, 0, 1, 3)
    page.view.copy_selection()
    select(page, 1, 10)
    page.view.paste()
    assert [model.cell((model.staff_at(1).id, date(2026, 11, d))) for d in (10, 11, 12)] == source
    page.undo_stack.undo()


def test_the_auto_plan_button_plans_for_the_whole_time_limit(
        qtbot: QtBot, page: RotaPage, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22: the button's clicked(bool) passed False as the time limit."""
    from ui.rota.page import PLAN_SECONDS

    limits: list[float] = []
    monkeypatch.setattr(page.runner, "start", lambda _problem, seconds: limits.append(seconds))
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert limits == [PLAN_SECONDS] and PLAN_SECONDS >= 10
    page.runner.running = False  # the stand-in planned nothing


def test_auto_plan_runs_off_the_gui_thread_and_can_be_cancelled(qtbot: QtBot,
                                                                page: RotaPage) -> None:
    # Ticks of a GUI timer counted only while the plan is being made: a solver on the GUI
    # thread would block them all until its result was already in.
    ticks: list[int] = []
    planning = [True]
    from PySide6.QtCore import QTimer

    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(1) if planning[0] else None)
    timer.start(5)

    def first_plan(progress: PlanProgress) -> None:
        if progress.plan is not None:
            page.runner.cancel()

    page.runner.progress_changed.connect(first_plan)
    page.runner.plan_finished.connect(lambda _result: planning.__setitem__(0, False))
    with qtbot.waitSignal(page.runner.plan_finished, timeout=60_000) as finished:
        page.start_planning(seconds=40)
        assert page.cancel_button.isEnabled() and not page.plan_button.isEnabled()
    timer.stop()
    result = finished.args[0]
    assert isinstance(result, PlanResult)
    # Cancelled at the first plan, unless CP-SAT proved it optimal first (only the last
    # days of the month are free: the published past is fixed).
    assert result.status in (PlanStatus.FEASIBLE, PlanStatus.OPTIMAL) and result.elapsed < 40
    assert ticks  # the event loop kept running while CP-SAT worked
    problem = page.model.problem
    assert hard_violations(problem, page.model.plan()) == []
    # Published past days were kept: 1-25 November are as the demo published them.
    kept = page.planning_problem().fixed
    assert all(page.model.cell(cell) == code for cell, code in kept.items())
    assert page.plan_button.isEnabled() and page.undo_stack.canUndo()
    assert "score" in page.score_label.text()


def test_publish_and_exports(qtbot: QtBot, page: RotaPage, desk: Desk, tmp_path: Path) -> None:
    with qtbot.waitSignal(page.plan_saved):
        page.publish()
    periods = load_periods(sqlite3.connect(desk.context.data.database))
    assert [(p.first, p.published_at is not None) for p in periods] == [
        (date(2026, 11, 1), True)]
    # Published under the signed-in seat's name, and audited.
    assert desk.context.reader.execute(
        "SELECT published_by FROM rota_periods").fetchone() == (desk.context.seat.staff_id,)
    assert desk.context.reader.execute(
        "SELECT actor_id, summary FROM audit_log WHERE subject = 'rota_periods'").fetchall(
    ) == [(desk.context.seat.staff_id, "published")]
    written = page.export_ical(tmp_path / "ics")
    team = written[0].read_text(encoding="utf-8")
    assert team.count("BEGIN:VEVENT") == len(page.model.plan())
    assert len(written) == 1 + len({a.staff_id for a in page.model.plan()})
    page.export_file(tmp_path / "rota.pdf", "pdf")
    page.export_file(tmp_path / "rota-a3.pdf", "a3.pdf")
    assert (tmp_path / "rota.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "rota-a3.pdf").stat().st_size > 1000
    page.export_file(tmp_path / "rota.xlsx", "xlsx")
    assert (tmp_path / "rota.xlsx").read_bytes()[:2] == b"PK"
    page.export_file(tmp_path / "rota.csv", "csv")
    lines = (tmp_path / "rota.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 41 and lines[0].startswith(",2026-11-01")
    assert "On duty now:" in page.side.duty_label.text()


def test_a_year_without_holiday_data_is_flagged_and_not_planned(page: RotaPage) -> None:
    page.show_month(date(2027, 1, 15))
    assert page.banner.isVisibleTo(page) and "2027" in page.banner.text()
    assert not page.plan_button.isEnabled()
    page.show_month(date(2026, 11, 1))
    assert not page.banner.isVisibleTo(page) and page.plan_button.isEnabled()


def test_my_shifts_and_a_reminder_before_the_next_one(qtbot: QtBot, page: RotaPage,
                                                      desk: Desk) -> None:
    from datetime import timedelta

    from app.domain.clock import ManualClock

    panel = page.person_panel
    panel.person.setCurrentIndex(3)
    staff_id = panel.person.currentData()
    mine = [a for a in page.model.plan() if a.staff_id == staff_id]
    assert panel.shift_list.count() >= len(mine) - 2  # overrides may move one or two
    assert panel.next_label.text().startswith("Next shift:")
    clock = desk.context.clock
    assert isinstance(clock, ManualClock)
    from app.rota.duty import next_shift
    from app.rota.reading import load_assignments, load_overrides

    reader = desk.context.reader
    first, last = date(2026, 11, 1), date(2026, 12, 8)
    coming = next_shift(staff_id, clock.now(), page.model.problem.shifts,
                        load_assignments(reader, first, last, True),
                        load_overrides(reader, first, last))
    assert coming is not None
    clock.set(coming.start - timedelta(minutes=20))
    with qtbot.waitSignal(panel.reminder_due) as reminded:
        panel.check_reminder()
    assert panel.person.currentText() in reminded.args[0]
    # The reminder reaches the seat outside the rota page too: the status bar and the tray
    # message (or, without a tray, the in-window toast).
    assert panel.person.currentText() in desk.window.statusBar().currentMessage()
    toast = desk.sla.announcer.toast
    assert desk.sla.announcer.tray is None  # offscreen has no tray: the toast stands in
    assert not toast.isHidden() and panel.person.currentText() in toast.text()
    with qtbot.assertNotEmitted(panel.reminder_due):
        panel.check_reminder()  # once per shift


def test_covering_a_published_shift_changes_who_is_on_duty(qtbot: QtBot, page: RotaPage,
                                                           desk: Desk) -> None:
    from app.rota.reading import on_duty_now
    from ui.rota.cover_dialog import CoverDialog

    reader = desk.context.reader
    before = on_duty_now(reader, desk.context.clock)
    working = next(d for d in before if not d.on_call and d.override_id is None)
    free = next(m.id for m in page.model.problem.staff
                if page.model.cell((m.id, working.day)) is None
                and all(d.staff_id != m.id for d in before))
    history = page.side.override_list.count()
    page.cover(working.staff_id, working.day, free, "病假")
    assert reader.execute("SELECT author_id FROM rota_overrides WHERE reason = '病假'"
                          ).fetchone() == (desk.context.seat.staff_id,)
    after = {d.staff_id for d in on_duty_now(reader, desk.context.clock)}
    assert working.staff_id not in after and free in after
    assert page.side.override_list.count() == history + 1
    assert "病假" in page.side.override_list.item(history).text()
    dialog = CoverDialog("11-26 Day", [("a", "A"), ("b", "B")], page)
    qtbot.addWidget(dialog)
    assert not dialog._ok.isEnabled()
    dialog.reason.setText("swap")
    assert dialog._ok.isEnabled() and dialog.cover.currentData() == "a"


def test_rules_are_editable_and_the_plan_is_rechecked(qtbot: QtBot, page: RotaPage,
                                                      desk: Desk) -> None:
    from app.rota.reading import load_setup
    from ui.rota.rules_dialog import RulesDialog

    dialog = RulesDialog(page.model.problem.rules, page)
    qtbot.addWidget(dialog)
    row = [r.kind for r in page.model.problem.rules].index(RuleKind.MIN_REST)
    enabled, hard, weight, value = dialog._widgets[row]
    assert hard.isChecked() and not weight.isEnabled()
    hard.setChecked(False)
    weight.setValue(50)
    value.setValue(12)
    page.set_rules(dialog.rules())
    assert not [v for v in page.model.violations if v.hard]
    rest = [v for v in page.model.violations if v.rule is RuleKind.MIN_REST]
    assert rest and rest[0].data["hours"] == 12
    stored = {r.kind: r for r in load_setup(desk.context.reader).rules}
    assert (stored[RuleKind.MIN_REST].hard, stored[RuleKind.MIN_REST].weight,
            stored[RuleKind.MIN_REST].value) == (False, 50, 12)


def test_dragging_shifts_moves_them_as_one_undoable_step(page: RotaPage) -> None:
    model = page.model
    day1, day2 = date(2026, 11, 2), date(2026, 11, 3)
    source_row = next(r for r in range(40) if model.cell((model.staff_at(r).id, day1)))
    target_row = next(r for r in range(40) if not model.cell((model.staff_at(r).id, day1)))
    source, target = model.staff_at(source_row).id, model.staff_at(target_row).id
    code = model.cell((source, day1))
    col = model.column_of(day1)
    data = model.mimeData([model.index(source_row, col)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1,
                                 model.index(target_row, col))
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(target_row, col))
    assert model.cell((source, day1)) is None and model.cell((target, day1)) == code
    page.undo_stack.undo()
    assert model.cell((source, day1)) == code and model.cell((target, day1)) is None
    copy = model.mimeData([model.index(source_row, col)])
    model.dropMimeData(copy, Qt.DropAction.CopyAction, -1, -1,
                       model.index(source_row, model.column_of(day2)))
    assert model.cell((source, day1)) == code == model.cell((source, day2))


def test_the_rota_page_keeps_or_tools_off_the_start_up_path() -> None:
    import subprocess
    import sys

    code = ("import sys, ui.desk, ui.rota.page, app.rota.reading, app.rota.progress\n"
            "print(sorted(m for m in ('ortools', 'pandas', 'sqlalchemy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"


def test_the_page_is_built_and_its_month_read_only_when_first_shown(desk: Desk) -> None:
    assert desk.window.findChild(RotaPage) is None  # nothing of the rota at start-up
    desk.window.show_page("rota")
    page = desk.window.findChild(RotaPage)
    assert page is not None and page.loaded and page.model.rowCount() == 44


def test_only_a_role_that_plans_the_rota_publishes_and_the_page_follows_the_seat(
        desk: Desk) -> None:
    page = shown_page(desk, "rota", RotaPage)
    assert page.supervisor and page.publish_button.isEnabled()  # the demo administrator
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))  # an agent
    assert not page.supervisor and not page.publish_button.isEnabled()
    assert not page.rules_button.isEnabled()
    assert page.absences_button.isEnabled()  # his own unavailability
    desk.context.switch_seat(seat_of(desk.context.data, "seat002"))  # a supervisor
    assert page.supervisor and page.publish_button.isEnabled()


def visible_in(widget: QWidget, inside: QWidget) -> bool:
    """``widget`` shows and lies wholly inside ``inside`` (not folded, not off the edge)."""
    if not widget.isVisible():
        return False
    corner = widget.mapTo(inside, widget.rect().bottomRight())
    return inside.rect().contains(widget.mapTo(inside, widget.rect().topLeft())) \
        and inside.rect().contains(corner)


def test_a_small_screen_shows_the_whole_month_and_the_planners_status(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22: at 1024×700 the later days and the auto-plan status fell off-screen."""
    desk.window.resize(1024, 700)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    page = shown_page(desk, "rota", RotaPage)
    header = page.view.horizontalHeader()
    last = page.model.columnCount() - 1

    def month_in_view() -> bool:
        return header.sectionViewportPosition(last) + header.sectionSize(last) \
            <= page.view.viewport().width()

    qtbot.waitUntil(month_in_view)
    assert page.side.isHidden() and not page.side_toggle.isChecked()
    assert page.model.headerData(Column.FIRST_DAY, Qt.Orientation.Horizontal) == "1\nS"
    # Auto-plan: its status shows on the page's own line, not behind the tool bar's fold.
    monkeypatch.setattr(page.runner, "start", lambda _problem, seconds: None)
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert page.score_label.text() == "Planning…"
    assert visible_in(page.score_label, page) and visible_in(page.progress, page)
    page.runner.running = False  # the stand-in planned nothing
    # The seat asks for the side panel: it comes back (the days scroll), and stays.
    qtbot.mouseClick(page.side_toggle, Qt.MouseButton.LeftButton)
    assert page.side.isVisible()
    desk.window.resize(1000, 700)
    qtbot.wait(20)
    assert page.side.isVisible()
    # On a wide screen the days have their full width and weekday names.
    qtbot.mouseClick(page.side_toggle, Qt.MouseButton.LeftButton)
    desk.window.resize(1920, 1080)
    qtbot.waitUntil(lambda: header.sectionSize(last) == 28)
    assert page.model.headerData(Column.FIRST_DAY, Qt.Orientation.Horizontal) == "1\nSun"
    assert month_in_view()
