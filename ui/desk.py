"""Building the desk: context, main window, the features' pages, background jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer

from app.domain.clock import Clock
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.reading import read_connection
from ui import rota, tickets
from ui.context import DeskContext
from ui.main_window import MainWindow

# Each feature package registers its own pages; the order here is the navigation order.
FEATURES = (tickets, rota)

# Nothing the scheduler runs is due in the first seconds; starting it later keeps its
# import off the time to a usable window.
SCHEDULER_START_DELAY_MS = 1500


@dataclass
class Desk:
    """The running desk: what must be started after the window shows and closed at exit."""

    context: DeskContext
    window: MainWindow
    scheduler: Any = field(default=None)

    def start_background_work(self) -> None:
        QTimer.singleShot(SCHEDULER_START_DELAY_MS, self._start_scheduler)

    def _start_scheduler(self) -> None:
        from ui.scheduling import start_scheduler

        self.scheduler = start_scheduler(self.context)

    def close(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
        self.context.close()


def build_desk(data: DataDir, settings: SettingsFile, clock: Clock, language: str) -> Desk:
    context = DeskContext(data=data, settings=settings, clock=clock, language=language,
                          reader=read_connection(data.database))
    window = MainWindow(settings, str(data.database), language)
    for feature in FEATURES:
        feature.register(window, context)
    window.restore_layout()
    return Desk(context, window)
