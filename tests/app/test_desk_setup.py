"""Putting a new desk into service without Qt: its name, time zone and first administrator
in one transaction, audited under that administrator; refusals name the field at fault."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from app.desk_settings import read
from app.domain.clock import ManualClock
from app.domain.roles import Role
from app.identity.signing_in import sign_in_locally
from app.paths import DataDir
from app.services.data_folder import needs_administrator, needs_seed, prepare, seed
from app.services.desk_setup import (
    DeskIdentity,
    FirstAdministrator,
    check_administrator,
    check_desk,
    set_up_locally,
    time_zones,
)
from app.services.errors import DeskError, Problem

ADMIN = FirstAdministrator("王敏", "wangmin", "a long password", "13800138000",
                           "wangmin@example.gov.cn")
DESK = DeskIdentity("市政务云服务台", "Asia/Urumqi")


def test_a_new_desk_gets_its_catalog_name_zone_and_administrator(
        data_dir: DataDir, clock: ManualClock) -> None:
    prepare(data_dir, clock)
    assert needs_seed(data_dir) and needs_administrator(data_dir)
    seat = set_up_locally(data_dir, clock, DESK, ADMIN)
    assert (seat.login, seat.name, seat.role) == ("wangmin", "王敏", Role.ADMIN.value)
    assert not needs_seed(data_dir) and not needs_administrator(data_dir)
    with closing(sqlite3.connect(data_dir.database)) as conn:
        assert sign_in_locally(conn, "wangmin", "a long password").staff_id == seat.staff_id
        staff = conn.execute("SELECT phone, email, team_id, active FROM staff").fetchall()
        assert staff == [("13800138000", "wangmin@example.gov.cn", None, 1)]
        settings = read(conn)
        assert (settings.desk_name, settings.time_zone) == ("市政务云服务台", "Asia/Urumqi")
        lines = conn.execute("SELECT actor_id, kind, subject, summary, after FROM audit_log "
                             "ORDER BY subject").fetchall()
    assert {(kind, subject, summary) for _actor, kind, subject, summary, _after in lines} == {
        ("accounts", "desk_accounts", "created"), ("people", "staff", "created"),
        ("settings", "desk_settings", "created")}
    assert {actor for actor, *_rest in lines} == {seat.staff_id}
    account = next(json.loads(after) for _a, _k, subject, _s, after in lines
                   if subject == "desk_accounts")
    assert "a long password" not in json.dumps(account) and account["role"] == "admin"


def test_setting_up_twice_is_refused_and_writes_nothing(data_dir: DataDir,
                                                       clock: ManualClock) -> None:
    prepare(data_dir, clock)
    set_up_locally(data_dir, clock, DESK, ADMIN)
    with pytest.raises(DeskError) as refused:
        set_up_locally(data_dir, clock, DESK, FirstAdministrator("李娜", "lina", "another one"))
    assert refused.value.problem is Problem.NOT_ALLOWED
    with closing(sqlite3.connect(data_dir.database)) as conn:
        assert conn.execute("SELECT count(*) FROM staff").fetchone()[0] == 1


def test_a_desk_with_staff_but_no_accounts_gets_an_administrator_of_a_new_login(
        data_dir: DataDir, clock: ManualClock) -> None:
    """An older desk (staff, no accounts): a login someone has is refused, nothing written."""
    prepare(data_dir, clock)
    seed(data_dir, clock, 20)
    with closing(sqlite3.connect(data_dir.database)) as conn:
        conn.execute("DELETE FROM desk_accounts")
        conn.commit()
    assert needs_administrator(data_dir)
    with pytest.raises(DeskError) as taken:
        set_up_locally(data_dir, clock, DESK, FirstAdministrator("X", "seat001", "password1"))
    assert taken.value.problem is Problem.LOGIN_TAKEN
    assert needs_administrator(data_dir)
    assert set_up_locally(data_dir, clock, DESK, ADMIN).login == "wangmin"


@pytest.mark.parametrize(("admin", "again", "problem", "field"), [
    (FirstAdministrator(" ", "a", "password1"), "password1", Problem.NAME_MISSING, "name"),
    (FirstAdministrator("A", "a b", "password1"), "password1", Problem.LOGIN_INVALID, "login"),
    (FirstAdministrator("A", "a", "short"), "short", Problem.PASSWORD_TOO_SHORT, "password"),
    (FirstAdministrator("A", "a", "password1"), "password2", Problem.PASSWORDS_DIFFER, "again"),
    (FirstAdministrator("A", "a", "password1", phone="12"), "password1",
     Problem.PHONE_INVALID, "phone"),
    (FirstAdministrator("A", "a", "password1", email="a@"), "password1",
     Problem.EMAIL_INVALID, "email"),
])
def test_the_administrators_fields_are_checked_before_anything_is_written(
        admin: FirstAdministrator, again: str, problem: Problem, field: str) -> None:
    with pytest.raises(DeskError) as refused:
        check_administrator(admin, again)
    assert (refused.value.problem, refused.value.field) == (problem, field)


def test_the_desk_needs_a_name_and_a_known_time_zone() -> None:
    assert check_desk(DeskIdentity(" 服务台 ", "Europe/Berlin")).name == "服务台"
    assert "Asia/Shanghai" in time_zones() and "UTC" not in time_zones()
    for desk, problem in ((DeskIdentity("  "), Problem.NAME_MISSING),
                          (DeskIdentity("x" * 81), Problem.TEXT_TOO_LONG),
                          (DeskIdentity("Desk", "Mars/Olympus"), Problem.TIME_ZONE_UNKNOWN)):
        with pytest.raises(DeskError) as refused:
            check_desk(desk)
        assert refused.value.problem is problem
