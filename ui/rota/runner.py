"""Runs the CP-SAT planner on a worker thread and reports back through queued signals.

Signals:
    progress_changed(object): a PlanProgress (best plan so far, objective, bound).
    plan_finished(object): the PlanResult.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.rota.problem import RotaProblem


class PlanRunner(QObject):
    progress_changed = Signal(object)
    plan_finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._control: object | None = None
        self.running = False

    def start(self, problem: RotaProblem, time_limit: float) -> None:
        # OR-Tools (and the pandas it loads) is imported on the worker thread: a second of
        # imports must not freeze the GUI either.
        from app.rota.progress import PlanControl

        control = PlanControl(self.progress_changed.emit)
        self._control = control
        self.running = True
        runner = self

        class Job(QRunnable):
            def run(self) -> None:
                from app.rota.planner import plan_rota

                result = plan_rota(problem, control, time_limit)
                runner.plan_finished.emit(result)

        QThreadPool.globalInstance().start(Job())

    def cancel(self) -> None:
        control = self._control
        if control is not None:
            control.cancel()  # type: ignore[attr-defined]
