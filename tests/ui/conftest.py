"""UI fixtures: a desk built on the demo data, in either language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.settings import SettingsFile
from tests.conftest import T0
from ui.desk import Desk, build_desk


@pytest.fixture
def desk_data(demo_copy: DataDir) -> DataDir:
    """A private copy of the demo desk, so a test may change settings and data."""
    return demo_copy


@pytest.fixture
def desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    built = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "en")
    qtbot.addWidget(built.window)
    yield built
    built.context.close()


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active one, so its shortcuts fire (offscreen does not
    activate windows by itself)."""
    window.show()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
