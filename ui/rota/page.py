"""The rota page: the month grid, auto-plan with progress, violations, publish, export.

Signals:
    plan_saved(): the month was written to the database (saved or published).
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.rota.access import Editor
from app.rota.holidays import CalendarUnknown, provisional_kinds
from app.rota.model import DESK_ZONE
from app.rota.problem import RotaProblem
from app.rota.reading import (
    load_absences,
    load_assignments,
    load_overrides,
    load_periods,
    load_preferences,
    load_problem,
    load_setup,
    on_duty_now,
    skill_names,
)
from ui.context import DeskContext
from ui.rota.commands import ReplacePlan
from ui.rota.exporting import export_csv, export_ical, export_pdf, export_xlsx
from ui.rota.grid_model import Column, RotaGridModel
from ui.rota.grid_view import RotaGridView
from ui.rota.runner import PlanRunner
from ui.rota.setup_editing import RotaSetupEditing
from ui.rota.side_panel import RotaSidePanel

if TYPE_CHECKING:
    pass

PLAN_SECONDS = 30.0
DAY_WIDTH = 28
MIN_DAY_WIDTH = 21  # a day number and a one-character weekday
ROW_HEIGHT = 20


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


class RotaPage(QWidget, RotaSetupEditing):
    plan_saved = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None,
                 supervisor: bool = True) -> None:
        super().__init__(parent)
        self._context = context
        self.supervisor = supervisor
        self.today = context.clock.now().astimezone(DESK_ZONE).date()
        self.first, self.last = month_bounds(self.today)
        self.undo_stack = QUndoStack(self)
        self.runner = PlanRunner(self)
        self.runner.progress_changed.connect(self._on_progress)
        self.runner.plan_finished.connect(self._on_finished)
        self._before_plan: list = []
        self.model = RotaGridModel(self._empty_problem(), context.language)
        self._build()
        self.loaded = False  # the month is read when the page is first shown

    def set_supervisor(self, supervisor: bool) -> None:
        """Another seat signed in: publishing, covering and rules follow their role."""
        self.supervisor = supervisor
        if self.loaded:
            self.refresh()

    def ensure_loaded(self) -> None:
        """Read the month on first use: the rota is not on the desk's start-up path."""
        if not self.loaded:
            self.show_month(self.first)

    # --- layout --------------------------------------------------------------------------

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # clicked(bool) would hand ``checked`` (False) to the slot's first parameter: the
        # auto-plan button planned for 0 seconds and always "stopped before a plan".
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def _build(self) -> None:
        self.month_label = QLabel(self)
        self.month_label.setObjectName("month")
        self.plan_button = self._button(self.tr("Auto-plan"), self.start_planning)
        self.cancel_button = self._button(self.tr("Cancel"), self.runner.cancel)
        self.cancel_button.setEnabled(False)
        self.publish_button = self._button(self.tr("Publish"), self.publish)
        self.cover_button = self._button(self.tr("Cover…"), self._ask_cover)
        self.rules_button = self._button(self.tr("Rules…"), self._ask_rules)
        self.coverage_button = self._button(self.tr("Coverage…"), self._ask_coverage)
        self.absences_button = self._button(self.tr("Leave and wishes…"), self._ask_absences)
        self.shifts_button = self._button(self.tr("Shift types…"), self._ask_shift_types)
        from ui.rota import rule_editors

        # Limits, dated cover, successions (supervisors), and the costs of the plan.
        (self.limits_button, self.dated_cover_button, self.successions_button,
         self.costs_button) = rule_editors.buttons(self, self._button)
        self.rule_editor_buttons = (self.limits_button, self.dated_cover_button,
                                    self.successions_button)
        self.cover_button.setToolTip(self.tr(
            "Someone else works the selected published shift (an override, kept as history)"))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        # A tool bar folds what does not fit behind its extension button: the page stays
        # usable in a narrow window.
        bar = QToolBar(self)
        bar.addWidget(self._button("◀", lambda: self.show_month(self.first - timedelta(1))))
        bar.addWidget(self.month_label)
        bar.addWidget(self._button("▶", lambda: self.show_month(self.last + timedelta(1))))
        bar.addSeparator()
        for button in (self.plan_button, self.cancel_button):
            bar.addWidget(button)
        undo_button, redo_button = QToolButton(self), QToolButton(self)
        undo_button.setDefaultAction(undo)
        redo_button.setDefaultAction(redo)
        bar.addWidget(undo_button)
        bar.addWidget(redo_button)
        bar.addWidget(self._button(self.tr("Save"), self.save))
        for button in (self.publish_button, self.cover_button, self.rules_button,
                       self.coverage_button, self.absences_button, self.shifts_button,
                       *self.rule_editor_buttons, self.costs_button):
            bar.addWidget(button)
        bar.addWidget(self._export_button())
        self._bar = bar
        self._build_status()
        self._build_grid()

    def _build_status(self) -> None:
        # The planner's progress and score on a line of their own below the grid: at the
        # end of the tool bar they were folded away in a narrow window (issue 22).
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("plan_status")
        self.side_toggle = QToolButton(self)
        self.side_toggle.setObjectName("side_toggle")
        self.side_toggle.setText(self.tr("Checks and people"))
        self.side_toggle.setCheckable(True)
        self.side_toggle.setChecked(True)
        self.side_toggle.setToolTip(self.tr(
            "Show or hide the side panel (in a narrow window it gives its room to the days)"))
        self.side_toggle.clicked.connect(self._side_chosen)
        self._side_choice: bool | None = None  # None: follows the window's width

    @property
    def context(self) -> DeskContext:
        return self._context

    def _export_button(self) -> QToolButton:
        export = QToolButton(self)
        export.setText(self.tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(self.tr("iCalendar (team and each person)…"), self._ask_ical)
        menu.addAction(self.tr("CSV…"), lambda: self._ask_file("csv"))
        menu.addAction(self.tr("Excel (XLSX)…"), lambda: self._ask_file("xlsx"))
        menu.addAction(self.tr("PDF, A4 landscape…"), lambda: self._ask_file("pdf"))
        menu.addAction(self.tr("PDF, A3 landscape…"), lambda: self._ask_file("a3.pdf"))
        export.setMenu(menu)
        self.export_button = export
        return export

    def _build_grid(self) -> None:

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#banner { background: #fdecea; color: #8a1c12;"
                                  " padding: 4px; }")
        self.banner.setVisible(False)

        self.view = RotaGridView(self.model, self.undo_stack, self)
        self.view.verticalHeader().hide()
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Coverage counts stay in sight below the staff rows, whatever the scrolling.
        self.footer = QTableView(self)
        self.footer.setObjectName("coverage")
        self.footer.setModel(self.model)
        self.footer.horizontalHeader().hide()
        self.footer.verticalHeader().hide()
        self.footer.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.horizontalScrollBar().valueChanged.connect(
            self.footer.horizontalScrollBar().setValue)
        for table in (self.view, self.footer):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            table.horizontalHeader().setMinimumSectionSize(MIN_DAY_WIDTH)
            table.horizontalHeader().setDefaultSectionSize(DAY_WIDTH)
            table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
            table.setColumnWidth(Column.NAME, 76)
            table.setColumnWidth(Column.HOURS, 40)
        self._build_side()

    def _build_side(self) -> None:
        self.side = RotaSidePanel(self._context, self.model, self)
        self.side.cell_requested.connect(self.view.setCurrentIndex)
        self.person_panel = self.side.person_panel
        grid = QWidget(self)
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.setSpacing(0)
        grid_layout.addWidget(self.view, 1)
        grid_layout.addWidget(self.footer)
        splitter = QSplitter(self)
        splitter.addWidget(grid)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1040, 220])
        self.splitter = splitter
        status = QHBoxLayout()
        status.addWidget(self.score_label, 1)
        status.addWidget(self.progress)
        status.addWidget(self.side_toggle)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(status)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit_days)
        self.model.modelReset.connect(self._fit_timer.start)  # another month, other days

    # --- fitting the month into the window ------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_timer.start()

    def _side_chosen(self, shown: bool) -> None:
        self._side_choice = shown
        self.fit_days()

    def _days_room(self, with_side: bool) -> int:
        """Pixels the day columns would have, with or without the side panel."""
        fixed = self.view.columnWidth(Column.NAME) + self.view.columnWidth(Column.HOURS) \
            + self.view.verticalScrollBar().sizeHint().width() + 2 * self.view.frameWidth()
        side = self.side.minimumSizeHint().width() + self.splitter.handleWidth() \
            if with_side else 0
        return self.width() - 16 - fixed - side

    @Slot()
    def fit_days(self) -> None:
        """The whole month in view where it can be: day columns narrow down to
        ``MIN_DAY_WIDTH`` (weekdays shortened to a letter or character), and in a narrow
        window the side panel gives way unless the seat asked for it."""
        days = max(1, self.model.columnCount() - Column.FIRST_DAY)
        side = self._side_choice if self._side_choice is not None else \
            self._days_room(True) >= days * MIN_DAY_WIDTH
        if self.side.isHidden() == side:
            self.side.setVisible(side)
        self.side_toggle.setChecked(side)
        width = max(MIN_DAY_WIDTH, min(DAY_WIDTH, self._days_room(side) // days))
        self.model.set_narrow(width < DAY_WIDTH)
        for table in (self.view, self.footer):
            header = table.horizontalHeader()
            if header.defaultSectionSize() != width:
                header.setDefaultSectionSize(width)
                for column in range(Column.FIRST_DAY, self.model.columnCount()):
                    header.resizeSection(column, width)

    # --- loading -------------------------------------------------------------------------

    def _empty_problem(self) -> RotaProblem:
        days = (self.first,)
        return RotaProblem(days=days, staff=(), shifts=(), coverage=(),
                           kinds=provisional_kinds(days))

    @Slot()
    def refresh(self) -> None:
        """Reload the shown month from the database (unless the planner is running)."""
        if self.runner.running or not self.loaded:
            return
        self.show_month(self.first)

    def show_month(self, day: date) -> None:
        if self.runner.running:
            return
        self.first, self.last = month_bounds(day)
        self.loaded = True
        reader = self._context.reader
        problem = self._read_problem()
        self.model.set_skill_names(skill_names(reader, self._context.language))
        self.model.set_problem(problem, load_assignments(reader, self.first, self.last))
        self._split_rows()
        self.person_panel.set_month(problem.staff, problem.shifts, problem.days)
        self._show_overrides()
        self.undo_stack.clear()
        self.month_label.setText(self.tr("{year}-{month:02d}").format(
            year=self.first.year, month=self.first.month))
        published = any(p.first == self.first and p.published_at is not None
                        for p in load_periods(reader))
        self.month_label.setToolTip(self.tr("Published") if published else self.tr("Draft"))
        self.plan_button.setEnabled(not self.calendar_missing)
        self.publish_button.setEnabled(self.supervisor)
        self.cover_button.setEnabled(self.supervisor and published)
        for button in (self.rules_button, self.coverage_button, self.shifts_button,
                       *self.rule_editor_buttons):
            button.setEnabled(self.supervisor)
        # Seats enter their own unavailability and wishes (app.rota.availability).
        self.absences_button.setEnabled(self.supervisor or self.editor().staff_id is not None)
        if self.calendar_missing:
            self._set_banner(self.tr(
                "The holiday calendar has no data for {years}: public holidays and make-up "
                "working days are not known, so auto-planning is off.").format(
                years=", ".join(map(str, self.calendar_missing))) + " " + self.tr(
                "An administrator enters them once with File > Official holidays…."))
        else:
            self._set_banner("")
        self._show_on_duty()

    def _read_problem(self) -> RotaProblem:
        """The shown month as stored; without holiday data, with provisional day kinds
        (and ``calendar_missing`` set, which turns auto-planning off)."""
        reader = self._context.reader
        self.calendar_missing: tuple[int, ...] = ()
        try:
            return load_problem(reader, self.first, self.last)
        except CalendarUnknown as missing:
            self.calendar_missing = missing.years
        setup = load_setup(reader, self.first, self.last)
        days = tuple(self.first + timedelta(n) for n in range((self.last - self.first).days + 1))
        return RotaProblem(days=days, staff=setup.staff, shifts=setup.shifts,
                           coverage=setup.coverage, rules=setup.rules,
                           kinds=provisional_kinds(days),
                           absences=load_absences(reader, self.first, self.last),
                           preferences=load_preferences(reader, self.first, self.last))

    def reload_setup(self) -> None:
        """Re-read coverage, absences, wishes and shift types after an edit and re-check
        the plan as it stands (unsaved cells and hand edits stay)."""
        if self.runner.running:
            return
        self.model.set_skill_names(skill_names(self._context.reader, self._context.language))
        self.model.set_setup(self._read_problem())
        self._split_rows()
        self.person_panel.set_month(self.model.problem.staff, self.model.problem.shifts,
                                    self.model.problem.days)

    def editor(self) -> Editor:
        """Who edits absences and wishes here: the supervisor, or the seat at this desk."""
        return Editor(self.supervisor, self._context.seat.staff_id)

    def _split_rows(self) -> None:
        staff = len(self.model.problem.staff)
        for row in range(self.model.rowCount()):
            self.view.setRowHidden(row, row >= staff)
            self.footer.setRowHidden(row, row < staff)
        shifts = len(self.model.problem.shifts)
        self.footer.setFixedHeight(shifts * ROW_HEIGHT + 2 * self.footer.frameWidth() + 1)

    def _set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _show_overrides(self) -> None:
        self.side.show_overrides(load_overrides(self._context.reader, self.first, self.last))

    def _show_on_duty(self) -> None:
        self.side.show_on_duty(on_duty_now(self._context.reader, self._context.clock))

    # --- planning ------------------------------------------------------------------------

    def planning_problem(self) -> RotaProblem:
        """The month with published past days and hand edits fixed (a re-plan keeps them)."""
        fixed: dict[tuple[str, date], str | None] = {}
        published = any(p.first <= self.first <= p.last and p.published_at is not None
                        for p in load_periods(self._context.reader))
        if published:
            for day in self.model.problem.days:
                if day < self.today:
                    for member in self.model.problem.staff:
                        fixed[member.id, day] = self.model.cell((member.id, day))
        fixed.update(self.model.edited_cells())
        # The plan shown is the solver's starting point (after a small change most of it
        # still holds).
        return replace(self.model.problem, fixed=fixed, hint=tuple(self.model.plan()))

    @Slot()
    def start_planning(self, seconds: float = PLAN_SECONDS) -> None:
        if self.runner.running or self.calendar_missing:
            return
        self._before_plan = self.model.plan()
        self._seconds = seconds
        self.plan_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.score_label.setText(self.tr("Planning…"))
        self._set_banner("")
        self.runner.start(self.planning_problem(), seconds)

    @Slot(object)
    def _on_progress(self, progress: object) -> None:
        elapsed = getattr(progress, "elapsed", 0.0)
        self.progress.setValue(min(100, int(100 * elapsed / self._seconds)))
        objective, bound = getattr(progress, "objective", None), getattr(progress, "bound", None)
        if objective is not None:
            gap = getattr(progress, "gap", None) or 0.0
            self.score_label.setText(self.tr(
                "Best so far: score {score:g}, bound {bound:g}, gap {gap:.0%}").format(
                score=objective, bound=bound or 0.0, gap=gap))
        plan = getattr(progress, "plan", None)
        if plan is not None:
            self.model.replace_all(plan)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        from app.rota.progress import PlanResult, PlanStatus

        assert isinstance(result, PlanResult)
        self.runner.running = False
        self.plan_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        if result.plan:
            self.undo_stack.push(ReplacePlan(self.model, self._before_plan, list(result.plan),
                                             self.tr("Auto-plan")))
            status = (self.tr("optimal") if result.status is PlanStatus.OPTIMAL
                      else self.tr("best found"))
            self.score_label.setText(self.tr(
                "Plan {status}: score {score:g}, bound {bound:g}, gap {gap:.0%}").format(
                status=status, score=result.objective or 0.0, bound=result.bound or 0.0,
                gap=result.gap or 0.0))
            return
        self.model.replace_all(self._before_plan)
        if result.status is PlanStatus.INFEASIBLE:
            self.score_label.setText(self.tr("No plan satisfies the hard rules"))
            self._set_banner(self.tr("These rules and days conflict:") + "\n" + "\n".join(
                self.model.describe(v) for v in result.conflicts[:12]))
        else:
            self.score_label.setText(self.tr("Stopped before a plan was found"))

    # --- saving, publishing, exporting -----------------------------------------------------

    @Slot()
    def save(self) -> None:
        from app.rota.writing import ensure_period, save_plan

        store, clock = self._context.store(), self._context.clock
        save_plan(store, clock, self.first, self.last, self.model.plan())
        ensure_period(store, clock, self.first, self.last)
        self.plan_saved.emit()

    @Slot()
    def publish(self) -> None:
        if not self.supervisor:
            return
        from app.rota.writing import publish

        self.save()
        publish(self._context.store(), self._context.clock, self.first, self.last,
                self._context.seat.staff_id)
        self.month_label.setToolTip(self.tr("Published"))
        self._show_on_duty()
        self.plan_saved.emit()

    def export_ical(self, folder: Path) -> list[Path]:
        return export_ical(self.model, folder, self._context.clock.now(),
                           self._context.language)

    def export_file(self, path: Path, kind: str) -> None:
        """Write the month as ``kind``: csv, xlsx, pdf (A4) or a3.pdf."""
        if kind == "csv":
            export_csv(self.model, path)
        elif kind == "xlsx":
            export_xlsx(self.model, path)
        else:
            export_pdf(self.model, path, a3=kind == "a3.pdf")

    @Slot()
    def _ask_ical(self) -> None:
        from ui.files import documents_folder, tell_written

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export iCalendar"),
                                                  documents_folder())
        if folder:
            tell_written(self, folder, len(self.export_ical(Path(folder))))

    def _ask_file(self, kind: str) -> None:
        suffix = kind.rsplit(".", 1)[-1]
        from ui.files import in_documents, tell_written

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), in_documents(f"rota-{self.first:%Y-%m}.{kind}"),
            f"*.{suffix}")
        if path:
            self.export_file(Path(path), kind)
            tell_written(self, path)
