"""First start with the demo desk: a window saying how far the seeding is.

Writing the demo desk takes seconds (3 000 tickets, their timelines and the rota's plan:
~14 s on a slow machine). Its window shows first and the seeding runs in a worker thread,
so the seat sees it move instead of nothing at all (issue 22 #8); the GUI thread only
draws, in its own event loop, until the worker is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.domain.clock import Clock
from app.paths import DataDir

STEPS = 1000  # the bar's resolution


def stage_text(stage: str) -> str:
    texts = {
        "catalog": QCoreApplication.translate("Seeding", "Writing the catalog and the staff…"),
        "tickets": QCoreApplication.translate("Seeding", "Writing the demo tickets…"),
        "app.kb.demo": QCoreApplication.translate("Seeding",
                                                  "Writing the knowledge base…"),
        "app.rota.demo": QCoreApplication.translate("Seeding", "Planning the demo rota…"),
        "done": QCoreApplication.translate("Seeding", "Opening the desk…"),
    }
    return texts.get(stage, stage)


class _Relay(QObject):
    """Carries the worker's progress to the GUI thread (a queued connection)."""

    moved = Signal(str, float)
    ended = Signal(object)  # None, or the exception the worker raised


class SeedingWindow(QWidget):
    """What the seat sees while the demo desk is written."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setObjectName("seeding")
        self.setWindowTitle(self.tr("Seatdesk: preparing the demo desk"))
        self.headline = QLabel(self.tr(
            "Seatdesk is writing a demo desk to try it out. This takes a few seconds, "
            "once."), self)
        self.headline.setWordWrap(True)
        self.stage = QLabel(stage_text("catalog"), self)
        self.stage.setObjectName("stage")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setValue(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        self.resize(460, self.sizeHint().height())

    def move_to(self, stage: str, done: float) -> None:
        self.stage.setText(stage_text(stage))
        self.bar.setValue(round(max(0.0, min(1.0, done)) * STEPS))


def seed_with_progress(data: DataDir, clock: Clock, tickets: int | None,
                       shown: Callable[[SeedingWindow], None] | None = None) -> None:
    """Seed ``data`` (app.services.data_folder.seed) in a worker thread behind a progress
    window; returns when it is written, raising what the seeding raised. ``shown`` is
    called once the window is up (tests watch it there)."""
    from app.services.data_folder import seed

    app = QApplication.instance()
    assert app is not None
    window = SeedingWindow()
    relay = _Relay()
    relay.moved.connect(window.move_to)
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def ended(error: object) -> None:
        outcome.append(error if isinstance(error, BaseException) else None)
        loop.quit()

    relay.ended.connect(ended)
    window.show()
    # The window is drawn before any work starts.
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if shown is not None:
        shown(window)

    def work() -> None:
        try:
            seed(data, clock, tickets, progress=relay.moved.emit)
        except BaseException as error:  # noqa: BLE001 (raised again in the GUI thread)
            relay.ended.emit(error)
            return
        relay.ended.emit(None)

    worker = threading.Thread(target=work, name="seatdesk-seed", daemon=True)
    worker.start()
    if not outcome:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    worker.join()
    window.close()
    window.deleteLater()
    relay.deleteLater()
    if outcome and outcome[0] is not None:
        raise outcome[0]
