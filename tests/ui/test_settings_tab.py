"""The desk settings tab, driven as an administrator, a supervisor and an agent would: values
typed and saved with the mouse, refused values explained under the form, Revert, who changed
a setting last, and a read-only form with reasons for the roles that may not change it."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from app.desk_settings import read
from app.paths import DataDir
from app.services.errors import Problem
from app.settings import SettingsFile
from tests.conftest import seat_of
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin.settings_tab import DeskSettingsTab
from ui.desk import Desk
from ui.problems import problem_text


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk) -> DeskSettingsTab:
    """The desk settings tab, in a shown window (as a person clicks it)."""
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    found = page.tab("settings")
    assert isinstance(found, DeskSettingsTab)
    page.setCurrentWidget(found)
    return found


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_administrator_changes_the_confirmation_timeout(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    assert tab.confirmation_timeout.value() == 72.0
    assert not tab.save_button.isEnabled() and not tab.revert_button.isEnabled()
    assert tab.last_change.text() == "Every setting has its built-in value."
    retype(qtbot, tab.confirmation_timeout, "36")
    assert tab.save_button.isEnabled()
    with qtbot.waitSignal(desk.context.events.records_changed) as heard:
        click(qtbot, tab.save_button)
    assert heard.args == [["desk_settings", "audit_log"]]
    assert desk.context.desk_settings().confirmation_timeout_hours == 36.0
    assert desk.context.confirmation_timeout() == timedelta(hours=36)
    assert not tab.save_button.isEnabled()
    admin = desk.context.signed_in.name
    assert "Confirmation timeout" in tab.last_change.text()
    assert f"changed by {admin} on 2026-11-26 10:00" in tab.last_change.text()
    assert admin in tab.confirmation_timeout.toolTip()
    line = desk.context.reader.execute(
        "SELECT actor_id, summary, after FROM audit_log WHERE kind = 'settings'").fetchone()
    assert line[:2] == (desk.context.signed_in.staff_id, "created")
    assert json.loads(line[2])["value"] == "36.0"


def test_grading_weights_and_the_desk_name_are_saved_together(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    retype(qtbot, tab.weights["urgency"], "0.5")
    retype(qtbot, tab.desk_name, "City service desk")
    click(qtbot, tab.save_button)
    saved = read(desk.context.reader)
    assert (saved.grading.urgency, saved.desk_name) == (0.5, "City service desk")
    assert desk.context.desk_name() == "City service desk"


def test_revert_shows_the_saved_values_again(qtbot: QtBot, tab: DeskSettingsTab) -> None:
    retype(qtbot, tab.backups_kept, "3")
    assert tab.revert_button.isEnabled()
    click(qtbot, tab.revert_button)
    assert tab.backups_kept.value() == 10
    assert not tab.save_button.isEnabled() and not tab.revert_button.isEnabled()


# Typing a time zone opens its completer's list, which the offscreen platform cannot grab
# the keyboard for.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_value_that_cannot_be_saved_is_explained_and_save_waits(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    for name in ("urgency", "impact", "importance"):
        retype(qtbot, tab.weights[name], "0")
    assert tab.problem.isVisible()
    assert problem_text(Problem.GRADING_INVALID) in tab.problem.text()
    assert tab.problem.text().startswith("Grading:")
    assert not tab.save_button.isEnabled() and tab.revert_button.isEnabled()
    retype(qtbot, tab.weights["urgency"], "1")
    assert not tab.problem.isVisible() and tab.save_button.isEnabled()
    retype(qtbot, tab.time_zone, "Mars/Olympus")
    assert problem_text(Problem.TIME_ZONE_UNKNOWN) in tab.problem.text()
    assert not tab.save_button.isEnabled()
    retype(qtbot, tab.time_zone, "Asia/Urumqi")
    click(qtbot, tab.save_button)
    assert desk.context.time_zone.key == "Asia/Urumqi"


def test_the_automatic_assignment_team_is_chosen_here(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    assert tab.auto_assign_team.currentData() == ""
    tab.auto_assign_team.setFocus()
    qtbot.keyClick(tab.auto_assign_team, Qt.Key.Key_Down)
    chosen = tab.auto_assign_team.currentData()
    assert chosen
    click(qtbot, tab.save_button)
    assert desk.context.desk_settings().auto_assign_team == chosen


@pytest.mark.parametrize("login", ["seat010", "seat002"])  # an agent, a supervisor
def test_roles_that_may_not_change_settings_read_them(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab, login: str) -> None:
    desk.context.switch_seat(seat_of(desk.context.data, login))
    # (isHidden: an agent's desk hides the whole administration page)
    assert not tab.read_only.isHidden()
    assert "only administrators" in tab.read_only.text()
    for edit in (tab.desk_name, tab.time_zone, tab.confirmation_timeout, tab.backups_kept,
                 tab.auto_assign_team, *tab.weights.values()):
        assert not edit.isEnabled()
        assert edit.toolTip() == "Only administrators change desk-wide settings"
    assert not tab.save_button.isEnabled()
    assert tab.save_button.toolTip() == "Only administrators change desk-wide settings"
    assert tab.save() == []  # even if asked directly
    desk.context.switch_seat(seat_of(desk.context.data, "seat001"))
    assert tab.desk_name.isEnabled() and tab.read_only.isHidden()


def test_a_seat_switch_drops_the_previous_seats_unsaved_edit(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    retype(qtbot, tab.backups_kept, "3")
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))
    assert tab.backups_kept.value() == 10


def test_settings_pulled_from_another_desk_show_at_once(
        qtbot: QtBot, desk: Desk, tab: DeskSettingsTab) -> None:
    def pulled(key: str, value: object) -> None:
        with sqlite3.connect(desk.context.data.database) as conn:
            conn.execute("INSERT OR REPLACE INTO desk_settings (key, value, version, "
                         "updated_at, author_id) VALUES (?, ?, 1, '2026-11-26 03:00:00."
                         "000000', ?)", (key, json.dumps(value),
                                         seat_of(desk.context.data, "seat001").staff_id))
        desk.context.events.records_changed.emit(["desk_settings"])

    pulled("backups_kept", 20)
    assert tab.backups_kept.value() == 20
    retype(qtbot, tab.desk_name, "Mine")  # an edit in progress is kept...
    pulled("backups_kept", 25)
    assert tab.desk_name.text() == "Mine" and tab.backups_kept.value() == 20
    assert "changed meanwhile" in tab.last_change.text()
    click(qtbot, tab.revert_button)  # ...until Revert shows the new values
    assert tab.backups_kept.value() == 25 and tab.desk_name.text() == ""


def test_the_spin_boxes_keep_to_the_ranges_the_desk_accepts(tab: DeskSettingsTab) -> None:
    assert (tab.confirmation_timeout.minimum(), tab.confirmation_timeout.maximum()) == (1, 720)
    assert (tab.backups_kept.minimum(), tab.backups_kept.maximum()) == (1, 365)
    assert tab.backup_interval.minimum() == 0.5
    assert tab.confirmation_timeout.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.UpDownArrows


@pytest.mark.parametrize("server_url", ["", "http://127.0.0.1:8765"])
def test_an_upgraded_desk_adopts_its_settings_file_at_start_when_standalone(
        demo_copy: DataDir, server_url: str) -> None:
    """What ui/launch.py does before the sign-in: a standalone desk moves the values its
    settings.json had changed into the database; a connected one takes its server's. Either
    way the file then keeps only the seat's own preferences."""
    from ui.launch import _adopt_desk_settings

    demo_copy.settings.write_text(json.dumps({
        "language": "en", "server_url": server_url, "confirmation_timeout_hours": 24,
        "backups_kept": 10}), encoding="utf-8")
    settings = SettingsFile(demo_copy.settings)
    _adopt_desk_settings(demo_copy, settings, standalone=True)
    with sqlite3.connect(demo_copy.database) as conn:
        adopted = read(conn).confirmation_timeout_hours
    assert adopted == (24.0 if not server_url else 72.0)
    kept = json.loads(demo_copy.settings.read_text(encoding="utf-8"))
    assert "confirmation_timeout_hours" not in kept and kept["language"] == "en"


def test_a_failed_adoption_loses_nothing(demo_copy: DataDir,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.launch import _adopt_desk_settings

    def locked(*_args: object) -> list[str]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("app.desk_settings.adopt_settings_file", locked)
    demo_copy.settings.write_text(json.dumps({"backups_kept": 30}), encoding="utf-8")
    settings = SettingsFile(demo_copy.settings)
    _adopt_desk_settings(demo_copy, settings, standalone=True)
    settings.update(last_login="seat001")  # the sign-in that follows saves the file
    assert json.loads(demo_copy.settings.read_text(encoding="utf-8"))["backups_kept"] == 30


def test_the_scheduler_follows_the_desk_settings(qtbot: QtBot, desk: Desk) -> None:
    """A saved backup schedule applies at once; the scheduled close waits the saved
    confirmation timeout (read on its own thread's connection)."""
    from ui.scheduling import BACKUP_JOB, UNCONFIRMED_JOB, start_scheduler

    scheduler = start_scheduler(desk.context)
    try:
        backup = scheduler.get_job(BACKUP_JOB)
        assert backup.trigger.interval == timedelta(hours=4) and backup.args[-1] == 10
        desk.context.save_desk_settings(backup_interval_hours=2.0, backups_kept=30)
        backup = scheduler.get_job(BACKUP_JOB)
        assert backup.trigger.interval == timedelta(hours=2) and backup.args[-1] == 30
        closer = scheduler.get_job(UNCONFIRMED_JOB).func.__self__
    finally:
        scheduler.shutdown(wait=False)
    def due(hours: float) -> set[str]:
        cutoff = (desk.context.clock.now() - timedelta(hours=hours)).replace(tzinfo=None)
        with sqlite3.connect(desk.context.data.database) as conn:
            return {r[0] for r in conn.execute(
                "SELECT id FROM tickets WHERE state = 'resolved' AND resolved_at <= ?",
                (cutoff.isoformat(sep=" "),))}

    desk.context.save_desk_settings(confirmation_timeout_hours=720.0)
    waited_long = due(720)
    assert due(24) - waited_long  # some waited a day, not thirty
    assert set(closer.run()) == waited_long
    desk.context.save_desk_settings(confirmation_timeout_hours=24.0)
    waited_a_day = due(24)
    assert waited_a_day and set(closer.run()) == waited_a_day
