"""Start-up measurement hook used by bench/startup.py: the desk calls it when
SEATDESK_STARTUP_PROBE=1, and the benchmark's reference windows (bench/bare_window.py,
bench/floor_window.py) call it too, so all three are timed to the same marker. It imports
nothing of Seatdesk."""

from __future__ import annotations

import gc
import resource

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def report_when_idle(app: QApplication) -> None:
    """Once the event loop is idle after the window was shown, print peak RSS and quit."""

    def report() -> None:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"seatdesk-ready rss_kb={peak_kb} gc_enabled={int(gc.isenabled())} "
              f"gc_frozen={gc.get_freeze_count()}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
