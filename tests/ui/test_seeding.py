"""First start with the demo desk (issue 22 #8): a window shows before the seconds of
seeding and moves while a worker thread writes; the GUI thread keeps drawing."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.cli import DeskArgs
from app.paths import DataDir
from ui import launch
from ui.seeding import SeedingWindow, stage_text


def test_starting_with_the_demo_shows_its_progress_first(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launch, "FIRST_START_TICKETS", 600)
    monkeypatch.setattr("app.demo.generator.PROGRESS_EVERY", 100)
    data = DataDir(tmp_path / "data")
    seen: list[tuple[str, int]] = []
    ticks: list[float] = []
    windows: list[SeedingWindow] = []

    def shown(window: SeedingWindow) -> None:
        windows.append(window)
        assert window.isVisible() and window.bar.value() == 0
        # Nothing is written yet when the window is up.
        with sqlite3.connect(data.database) as conn:
            assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
        window.bar.valueChanged.connect(
            lambda value: seen.append((window.stage.text(), value)))
        timer = QTimer(window, interval=50)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()

    monkeypatch.setattr("ui.seeding.seed_with_progress.__defaults__", (shown,))
    args = DeskArgs(data_dir=data.root, language="en", screenshot=None, page=None, demo=True)
    started = time.monotonic()
    assert launch._open_data(data, args, joins_server=False) == "ready"
    took = time.monotonic() - started
    assert windows and not windows[0].isVisible()
    with sqlite3.connect(data.database) as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 600
    values = [value for _text, value in seen]
    assert values == sorted(values) and values[-1] == 1000
    stages = [text for text, _value in seen]
    for stage in ("tickets", "app.rota.demo", "done"):
        assert stage_text(stage) in stages
    # The GUI thread kept running its timers all along: at least every half second.
    assert len(ticks) > 3 and took > 1
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5, gaps
