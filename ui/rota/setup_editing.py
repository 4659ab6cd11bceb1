"""The rota page's setup editing: rules, coverage, shift types, leave, and covering a shift.

A part of ``RotaPage`` kept apart so the page holds the grid, planning and publishing; the
methods use the page's model, context and refresh. No user-visible text lives here (the
translation context of ``tr`` is the page's class, not this one's).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.rota.model import Coverage, ShiftType
from app.rota.reading import skill_names
from app.rota.rules import Rule

if TYPE_CHECKING:
    from ui.context import DeskContext
    from ui.rota.absence_dialog import AbsenceDialog
    from ui.rota.coverage_dialog import CoverageDialog
    from ui.rota.grid_model import RotaGridModel
    from ui.rota.grid_view import RotaGridView
    from ui.rota.person_panel import PersonPanel
    from ui.rota.shift_types_dialog import ShiftTypesDialog


class RotaSetupEditing:
    """Mixed into ``RotaPage`` (a QWidget): the editors the page's buttons open."""

    _context: DeskContext
    model: RotaGridModel
    view: RotaGridView
    person_panel: PersonPanel
    first: date
    undo_stack: object
    # and the page's reload_setup(), editor(), _show_overrides(), _show_on_duty()

    def cover(self, staff_id: str, day: date, cover_id: str, reason: str) -> None:
        """Record that ``cover_id`` works ``staff_id``'s published shift on ``day``."""
        from app.rota.writing import add_override

        shift = self.model.cell((staff_id, day))
        if shift is None:
            return
        add_override(self._context.store(), self._context.clock, day, shift, staff_id,
                     cover_id, reason, self._context.seat.staff_id)
        self._show_overrides()
        self._show_on_duty()
        self.person_panel.set_month(self.model.problem.staff, self.model.problem.shifts,
                                    self.model.problem.days)

    def set_rules(self, rules: tuple[Rule, ...]) -> None:
        """Store the supervisor's rules and re-check the shown plan against them."""
        from app.rota.writing import save_rule

        for rule in rules:
            if rule not in self.model.problem.rules:
                save_rule(self._context.store(), self._context.clock, rule)
        self.model.set_rules(rules)

    def set_coverage(self, coverage: tuple[Coverage, ...]) -> None:
        """Store the requirements (one transaction) and re-check the shown plan: the
        footer's shortages and the violations follow at once."""
        from app.rota.writing import save_coverage

        dated = tuple(c for c in self.model.problem.coverage if c.day is not None)
        save_coverage(self._context.store(), self._context.clock, coverage + dated)
        self.reload_setup()

    def set_shift_types(self, shifts: tuple[ShiftType, ...]) -> None:
        """Store the edited shift types; their order is the grid's keys 1, 2, 3…"""
        from app.rota.writing import save_shift_types

        save_shift_types(self._context.store(), self._context.clock, shifts)
        self.reload_setup()
        # Undo would bring back cells of a removed or re-timed type: start afresh.
        self.undo_stack.clear()

    def coverage_dialog(self) -> CoverageDialog:
        from app.rota.reading import load_skills
        from ui.rota.coverage_dialog import CoverageDialog

        problem = self.model.problem
        names = skill_names(self._context.reader, self._context.language)
        skills = {code: names.get(code, code) for code in load_skills(self._context.reader)}
        # Cover for particular dates has its own editor (rule_editors.py).
        by_kind = tuple(c for c in problem.coverage if c.day is None)
        return CoverageDialog(problem.shifts, by_kind, skills, problem.staff,
                              problem.is_senior, self.model.shift_name, self)

    def absence_dialog(self) -> AbsenceDialog:
        from ui.rota.absence_dialog import AbsenceDialog

        dialog = AbsenceDialog(self._context, self.editor(), self.model.problem, self.first,
                               self.model.shift_name, self)
        dialog.absences_changed.connect(self.reload_setup)
        return dialog

    def shift_types_dialog(self) -> ShiftTypesDialog:
        from app.rota.reading import shift_codes_in_use
        from ui.rota.shift_types_dialog import ShiftTypesDialog

        used = shift_codes_in_use(self._context.reader) | {a.shift for a in self.model.plan()}
        return ShiftTypesDialog(self.model.problem.shifts, used, self)

    def _ask_coverage(self) -> None:
        dialog = self.coverage_dialog()
        if dialog.exec():
            self.set_coverage(dialog.coverage())

    def _ask_absences(self) -> None:
        self.absence_dialog().exec()

    def _ask_shift_types(self) -> None:
        dialog = self.shift_types_dialog()
        if dialog.exec():
            self.set_shift_types(dialog.shift_types())

    def _ask_rules(self) -> None:
        from ui.rota.rules_dialog import RulesDialog

        dialog = RulesDialog(self.model.problem.rules, self)
        if dialog.exec():
            self.set_rules(dialog.rules())

    def _ask_cover(self) -> None:
        from ui.rota.cover_dialog import CoverDialog

        cells = self.view.selected_cells()
        if len(cells) != 1 or self.model.cell(cells[0]) is None:
            return
        staff_id, day = cells[0]
        busy = {m.id for m in self.model.problem.staff if self.model.cell((m.id, day))}
        people = [(m.id, m.name) for m in self.model.problem.staff
                  if m.id not in busy and m.active]
        names = {m.id: m.name for m in self.model.problem.staff}
        shift_text = f"{day:%m-%d} {self.model.shift_name(self.model.cell(cells[0]) or '')}" \
                     f" · {names[staff_id]}"
        dialog = CoverDialog(shift_text, people, self)
        if dialog.exec():
            self.cover(staff_id, day, dialog.cover.currentData(), dialog.reason.text().strip())
