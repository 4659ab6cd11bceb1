"""Start-up measurement hook used by bench/startup.py: the desk calls it when
SEATDESK_STARTUP_PROBE=1 (=modules: it also lists the modules loaded by then, for
tests/ui/test_lean_start.py), and the benchmark's reference windows (bench/bare_window.py,
bench/floor_window.py) call it too, so all three are timed to the same marker. It imports
nothing of Seatdesk."""

from __future__ import annotations

import gc
import os
import resource
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

PAINT_TIMEOUT_MS = 10_000  # a window that never paints still ends the probe


class FirstPaint(QObject):
    """Prints ``seatdesk-painted`` once the first paint of a window is done (the rest of
    that repaint included) and quits: the zero-timer of the ready marker fires before Qt
    paints anything, so what drawing the first page costs shows only here.

    It watches the shown top-level windows, not the whole application: Qt paints a window
    before its children, and a filter on the application would make PySide wrap every
    object that gets an event (a style sheet's style, say, building all of ``QStyle``'s
    enums), a cost of the measuring, not of the window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False
        self._watched = [w for w in app.topLevelWidgets() if w.isVisible()]
        for window in self._watched:
            window.installEventFilter(self)
        QTimer.singleShot(PAINT_TIMEOUT_MS, lambda: self._done(painted=False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            for window in self._watched:
                window.removeEventFilter(self)
            QTimer.singleShot(0, self._done)  # after the rest of this repaint
        return False

    def _done(self, painted: bool = True) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        # Not "painted" when it never painted: bench/startup.py then fails instead of
        # taking the timeout for a paint time.
        marker = "seatdesk-painted" if painted else "seatdesk-unpainted"
        print(f"{marker} cpu_ms={round((usage.ru_utime + usage.ru_stime) * 1000)}",
              flush=True)
        # A dialog's own event loop (the sign-in prompt's) does not end with the
        # application's: closing it ends the start that waited for it.
        if (modal := self._app.activeModalWidget()) is not None:
            modal.close()
        self._app.quit()


def report_when_idle(app: QApplication) -> None:
    """Once the event loop is idle after the window was shown, print peak RSS and the CPU
    time spent so far; then, once the window has painted, say so and quit."""

    def report() -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        # CPU time (all threads) is what other load on the machine disturbs least.
        cpu_ms = round((usage.ru_utime + usage.ru_stime) * 1000)
        if os.environ.get("SEATDESK_STARTUP_PROBE") == "modules":  # what start-up loaded
            print("seatdesk-modules", " ".join(sorted(sys.modules)), flush=True)
        print(f"seatdesk-ready rss_kb={usage.ru_maxrss} cpu_ms={cpu_ms} "
              f"gc_enabled={int(gc.isenabled())} gc_frozen={gc.get_freeze_count()}",
              flush=True)
        # Watched from here on, so that no window pays for the watching (QEvent's enum
        # is made on its first use) before its ready marker; nothing has painted yet.
        FirstPaint(app)

    QTimer.singleShot(0, report)
