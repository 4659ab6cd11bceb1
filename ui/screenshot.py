"""Screenshot mode: render the main window offscreen to a PNG (docs and reviews)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1440, 900)


def save_screenshot(window: QWidget, path: Path) -> bool:
    """Lay out ``window`` at 1440×900, let it paint, and save what it shows."""
    window.resize(*SIZE)
    window.show()
    for _ in range(3):  # layout, lazy fetches and the first paint each take a turn
        QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(path), "PNG")
