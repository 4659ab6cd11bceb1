from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.settings import SettingsFile
from tests.conftest import seat_of
from tests.ui.conftest import activate
from ui.desk import Desk, build_desk
from ui.main_window import Page
from ui.status import Connection


def test_features_register_their_pages(desk: Desk) -> None:
    assert desk.window.page_ids() == ["queues", "kb", "rota", "notifications", "wallboard",
                                      "escalations", "reports", "reviews", "admin"]
    assert desk.window.current_page() == "queues"
    assert desk.window.show_page("nowhere") is False


def test_ctrl_number_switches_pages(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    window.add_page(Page("second", "Second", QLabel("second page")))  # past the ninth
    activate(qtbot, window)
    ninth = window.page_ids()[8]
    with qtbot.waitSignal(window.page_changed) as changed:
        qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == [ninth]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "queues"
    assert window.show_page("second")  # the tenth has no key, but is in the Go menu


def test_the_status_bar_shows_standalone(desk: Desk) -> None:
    assert desk.window.connection.state == Connection.STANDALONE
    assert "Standalone" in desk.window.connection.toolTip()


def test_geometry_and_page_are_remembered(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    window.add_page(Page("second", "Second", QLabel("second page")))  # after notifications
    window.show()
    window.resize(640, 480)
    window.show_page("second")
    window.close()
    settings = SettingsFile(desk.context.data.settings)
    assert settings.settings.last_page == "second"
    again = build_desk(desk.context.data, settings, desk.context.clock, "en",
                   seat_of(desk.context.data))
    qtbot.addWidget(again.window)
    again.window.add_page(Page("second", "Second", QLabel("second page")))
    again.window.restore_layout()
    assert again.window.size().width() == 640 and again.window.size().height() == 480
    assert again.window.current_page() == "second"
    again.close()


def test_refresh_shortcut_reloads_the_list(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    activate(qtbot, window)
    with qtbot.waitSignal(window.refresh_requested):
        qtbot.keyClick(window, Qt.Key.Key_F5)


def test_about_dialog_names_the_database(qtbot: QtBot, desk: Desk) -> None:
    from ui.about import AboutDialog

    dialog = AboutDialog(str(desk.context.data.database))
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "seatdesk.sqlite3" in texts and "Qt" in texts



def test_a_closed_desk_runs_nothing_more(qtbot: QtBot, desk: Desk) -> None:
    """Its timers (the emergency banner's refresh, the SLA countdown…) would read a closed
    database while the window object lives on."""
    from PySide6.QtCore import QTimer

    desk.window.show()
    desk.window.show_page("kb")
    assert any(t.isActive() for t in desk.window.findChildren(QTimer))
    desk.close()
    assert not [t for t in desk.window.findChildren(QTimer) if t.isActive()]
