"""The baseline for bench/startup.py: a bare QApplication with an empty QMainWindow."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from ui.startup_probe import report_when_idle

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
report_when_idle(app)
app.exec()
