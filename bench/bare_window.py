"""The baseline for bench/startup.py: a bare QApplication with an empty QMainWindow."""

import resource
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()


def report() -> None:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"seatdesk-ready rss_kb={peak_kb}", flush=True)
    app.quit()


QTimer.singleShot(0, report)
app.exec()
