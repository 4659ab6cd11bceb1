"""Desk-wide settings: the customer's defaults, changed by administrators only, audited with
before and after, a bad stored value falling back, and an older desk's settings.json values
adopted once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta

import pytest
from sqlalchemy import select

from app import desk_settings
from app.audit.recorder import AuditRecorder
from app.audit.tables import AuditRow
from app.desk_settings import DeskSettings, adopt_settings_file, read, save, stamps
from app.domain.clock import ManualClock
from app.domain.grading import GradingWeights
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.settings import SettingsFile
from app.store.database import Store
from tests.conftest import T0, seat_of


@pytest.fixture
def admin_seat(demo_copy: DataDir) -> SignedIn:
    return seat_of(demo_copy, "seat001")


@pytest.fixture
def audited(demo_store: Store, clock: ManualClock, admin_seat: SignedIn) -> Iterator[Store]:
    """The demo store as the desk opens it: audited, its author the signed-in admin."""
    recorder = AuditRecorder(demo_store, clock)
    demo_store.author_id = admin_seat.staff_id
    yield demo_store
    recorder.detach()


@pytest.fixture
def reader(demo_copy: DataDir) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        yield conn


def _settings_lines(store: Store) -> list[AuditRow]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.kind == "settings")
                                    .order_by(AuditRow.at, AuditRow.subject_id)))


def test_a_desk_nobody_configured_has_the_customers_numbers(
        reader: sqlite3.Connection) -> None:
    settings = read(reader)
    assert settings == DeskSettings()
    assert settings.grading == GradingWeights(0.4, 0.3, 0.3, 2.5, 1.8)
    assert settings.confirmation_timeout == timedelta(hours=72)
    assert (settings.backup_interval_hours, settings.backups_kept) == (4.0, 10)
    assert (settings.auto_assign_team, settings.desk_name) == ("", "")
    assert settings.zone.key == "Asia/Shanghai"
    assert stamps(reader) == {}


def test_an_administrator_saves_and_the_audit_keeps_before_and_after(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    weights = GradingWeights(0.5, 0.25, 0.25, 2.4, 1.7)
    written = save(audited, clock, admin_seat, grading=weights,
                   confirmation_timeout_hours=48, desk_name="  市政务云服务台 ",
                   backups_kept=10)  # unchanged: no row, no line
    assert written == ["desk_name", "grading", "confirmation_timeout_hours"]
    settings = read(reader)
    assert (settings.grading, settings.confirmation_timeout_hours, settings.desk_name) == (
        weights, 48.0, "市政务云服务台")
    assert {s.author for s in stamps(reader).values()} == {admin_seat.name}

    clock.advance(timedelta(minutes=5))
    assert save(audited, clock, admin_seat, confirmation_timeout_hours=24.0,
                grading=weights) == ["confirmation_timeout_hours"]
    lines = _settings_lines(audited)
    assert [(line.subject_id, line.summary) for line in lines] == [
        ("confirmation_timeout_hours", "created"), ("desk_name", "created"),
        ("grading", "created"), ("confirmation_timeout_hours", "changed")]
    assert all(line.actor_id == admin_seat.staff_id for line in lines)
    changed = lines[-1]
    assert json.loads(changed.before) == {"value": "48.0"}
    assert json.loads(changed.after) == {"value": "24.0"}
    assert json.loads(json.loads(lines[2].after)["value"])["urgency"] == 0.5
    assert stamps(reader)["confirmation_timeout_hours"].version == 2


@pytest.mark.parametrize("login", ["seat010", "seat002"])  # an agent, a supervisor
def test_only_administrators_change_desk_settings(
        demo_store: Store, clock: ManualClock, demo_copy: DataDir,
        reader: sqlite3.Connection, login: str) -> None:
    seat = seat_of(demo_copy, login)
    demo_store.author_id = seat.staff_id
    with pytest.raises(DeskError) as refused:
        save(demo_store, clock, seat, confirmation_timeout_hours=1.0)
    assert refused.value.problem is Problem.NOT_ALLOWED
    assert reader.execute("SELECT count(*) FROM desk_settings").fetchone()[0] == 0


def test_an_actor_who_is_not_the_stores_author_is_refused(
        demo_store: Store, clock: ManualClock, admin_seat: SignedIn) -> None:
    demo_store.author_id = None  # the audit line would name nobody
    with pytest.raises(DeskError) as refused:
        save(demo_store, clock, admin_seat, backups_kept=3)
    assert refused.value.problem is Problem.NOT_ALLOWED


@pytest.mark.parametrize(("changes", "problem", "detail"), [
    ({"confirmation_timeout_hours": 0}, Problem.SETTING_OUT_OF_RANGE, "1–720"),
    ({"backup_interval_hours": 200.0}, Problem.SETTING_OUT_OF_RANGE, "0.5–168"),
    ({"backups_kept": 2.5}, Problem.SETTING_INVALID, ""),
    ({"backups_kept": True}, Problem.SETTING_INVALID, ""),
    ({"desk_name": 7}, Problem.SETTING_INVALID, ""),
    ({"grading": {"urgency": -1}}, Problem.GRADING_INVALID, ""),
    ({"grading": {"level_two_from": 2.9}}, Problem.GRADING_INVALID, ""),
    ({"time_zone": "Mars/Olympus"}, Problem.TIME_ZONE_UNKNOWN, ""),
    ({"desk_name": "台" * 81}, Problem.TEXT_TOO_LONG, "80"),
    ({"auto_assign_team": "no_such_team"}, Problem.TEAM_UNKNOWN, "no_such_team"),
])
def test_wrong_values_are_refused_and_nothing_is_written(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection, changes: dict[str, object], problem: Problem,
        detail: str) -> None:
    with pytest.raises(DeskError) as refused:
        save(audited, clock, admin_seat, **{"backups_kept": 20, **changes})
    assert (refused.value.problem, refused.value.detail) == (problem, detail)
    assert refused.value.field == next(iter(changes))
    assert reader.execute("SELECT count(*) FROM desk_settings").fetchone()[0] == 0


def test_an_active_team_may_take_new_tickets_automatically(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    code = reader.execute("SELECT code FROM teams WHERE deleted = 0 AND retired = 0 "
                          "ORDER BY code LIMIT 1").fetchone()[0]
    assert save(audited, clock, admin_seat, auto_assign_team=code) == ["auto_assign_team"]
    assert read(reader).auto_assign_team == code
    assert save(audited, clock, admin_seat, auto_assign_team="") == ["auto_assign_team"]
    assert read(reader).auto_assign_team == ""


def test_a_bad_stored_value_falls_back_to_its_default(
        demo_copy: DataDir, reader: sqlite3.Connection) -> None:
    """Rows pulled from another version of Seatdesk, or written by hand."""
    with closing(sqlite3.connect(demo_copy.database)) as conn, conn:
        conn.executemany(
            "INSERT INTO desk_settings (key, value, version, updated_at) "
            "VALUES (?, ?, 1, '2026-11-26 02:00:00.000000')", [
                ("backups_kept", '"many"'), ("grading", '{"urgency": -5}'),
                ("time_zone", '"Mars/Olympus"'), ("confirmation_timeout_hours", "9999"),
                ("backup_interval_hours", "not json"), ("desk_name", '"城市服务台"'),
                ("coffee_breaks", "3")])
    settings = read(reader)
    assert settings == DeskSettings(desk_name="城市服务台")


def test_an_upgraded_standalone_desk_keeps_what_settings_json_had(
        demo_copy: DataDir, clock: ManualClock, reader: sqlite3.Connection) -> None:
    demo_copy.settings.write_text(json.dumps({
        "language": "zh_CN", "time_zone": "Asia/Urumqi", "backup_interval_hours": 4,
        "backups_kept": 30, "confirmation_timeout_hours": 48,
        "grading": {"urgency": 0.6, "impact": 0.2, "importance": 0.2,
                    "level_one_from": 2.5, "level_two_from": 1.8},
        "auto_assign_team": "", "quiet_hours_from": "22:00"}), encoding="utf-8")
    file = SettingsFile(demo_copy.settings)
    assert adopt_settings_file(demo_copy, clock, file.moved) == [
        "time_zone", "grading", "confirmation_timeout_hours", "backups_kept"]
    settings = read(reader)
    assert (settings.time_zone, settings.backups_kept, settings.confirmation_timeout_hours,
            settings.grading.urgency) == ("Asia/Urumqi", 30, 48.0, 0.6)
    assert settings.backup_interval_hours == 4.0  # the default: nothing to keep
    line = reader.execute("SELECT actor_id, kind, subject_id, summary, after FROM audit_log "
                          "WHERE kind = 'settings'").fetchall()
    assert [row[:4] for row in line] == [(None, "settings", "settings.json", "imported")]
    assert json.loads(line[0][4])["backups_kept"] == 30

    file.forget_moved()  # what ui/launch.py does next: the file keeps the seat's own
    kept = json.loads(demo_copy.settings.read_text(encoding="utf-8"))
    assert "backups_kept" not in kept and kept["quiet_hours_from"] == "22:00"


def test_adoption_never_overwrites_a_row(
        demo_copy: DataDir, demo_store: Store, clock: ManualClock,
        admin_seat: SignedIn, reader: sqlite3.Connection) -> None:
    demo_store.author_id = admin_seat.staff_id
    save(demo_store, clock, admin_seat, backups_kept=5)
    moved = {"backups_kept": 30, "confirmation_timeout_hours": 24}
    assert adopt_settings_file(demo_copy, clock, moved) == ["confirmation_timeout_hours"]
    assert adopt_settings_file(demo_copy, clock, moved) == []  # once
    assert (read(reader).backups_kept, read(reader).confirmation_timeout_hours) == (5, 24.0)


def test_nothing_customised_means_nothing_to_adopt(demo_copy: DataDir, clock: ManualClock,
                                                   reader: sqlite3.Connection) -> None:
    defaults = {"time_zone": "Asia/Shanghai", "backups_kept": 10, "grading": {
        "urgency": 0.4, "impact": 0.3, "importance": 0.3}, "backup_interval_hours": "x"}
    assert adopt_settings_file(demo_copy, clock, defaults) == []
    assert reader.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 0


def test_the_setup_walk_through_writes_in_its_own_transaction(
        store: Store, clock: ManualClock, data_dir: DataDir) -> None:
    with store.unit_of_work() as session:
        desk_settings.write(session, clock, None, {"desk_name": "服务台",
                                                   "time_zone": "Asia/Shanghai"})
    with closing(sqlite3.connect(data_dir.database)) as conn:
        assert read(conn).desk_name == "服务台"
        # The default zone needs no row.
        assert [r[0] for r in conn.execute("SELECT key FROM desk_settings")] == ["desk_name"]
    assert clock.now() == T0
