"""UI fixtures: a desk built on the demo data, in either language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import Clock, ManualClock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.settings import SettingsFile
from tests.conftest import T0, seat_of
from ui.desk import Desk, build_desk
from ui.i18n import install_translators
from ui.sla.notifications import NotificationCentre


@pytest.fixture(autouse=True)
def release_modifiers() -> Iterator[None]:
    """Let go of Ctrl (and Shift, Alt) after every test. A QTest Ctrl+key click ends with a
    key release that still carries Ctrl, so Qt goes on believing Ctrl is held; an item view
    whose current index is then set (no event) toggles the selection instead of selecting,
    and the next test fails for no reason of its own."""
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        somewhere = QWidget()
        QTest.keyRelease(somewhere, Qt.Key.Key_Control)
        somewhere.deleteLater()


@contextmanager
def desk_in(qtbot: QtBot, data: DataDir, clock: Clock, language: str,
            seat: SignedIn) -> Iterator[Desk]:
    """A desk built in ``language`` (Qt's translators installed first). At the end the
    translators go, the language change that posts is delivered while the desk can still
    read (its pages retranslate), and then the desk closes."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    desk = build_desk(data, SettingsFile(data.settings), clock, language, seat)
    qtbot.addWidget(desk.window)
    try:
        yield desk
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QApplication.processEvents()
        desk.close()


@pytest.fixture
def desk_data(demo_copy: DataDir) -> DataDir:
    """A private copy of the demo desk, so a test may change settings and data."""
    return demo_copy


@pytest.fixture
def desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    built = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "en",
                   seat_of(desk_data))
    qtbot.addWidget(built.window)
    yield built
    built.close()


Shown = TypeVar("Shown", bound=QWidget)


def shown_page(desk: Desk, page_id: str, kind: type[Shown]) -> Shown:
    """Switch the desk's window to ``page_id`` and return its page widget."""
    assert desk.window.show_page(page_id)
    found = desk.window.findChild(kind)
    assert isinstance(found, kind)
    return found


def centre_in_view(qtbot: QtBot, desk: Desk) -> NotificationCentre:
    """The notification centre, shown: its list is filled only where the seat sees it."""
    desk.window.show()
    qtbot.waitExposed(desk.window)
    return shown_page(desk, "notifications", NotificationCentre)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and make it the active one, so its shortcuts fire (offscreen does not
    activate windows by itself)."""
    window.show()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def intake_form(desk: Desk) -> QWidget | None:
    """The desk's open new-ticket form (a window beside the desk, not modal), if any."""
    from ui.intake.dialog import IntakeDialog

    shown = [form for form in desk.window.findChildren(IntakeDialog) if form.isVisible()]
    assert len(shown) <= 1, "one form per call"
    return shown[0] if shown else None
