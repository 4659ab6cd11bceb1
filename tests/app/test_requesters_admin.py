"""Keeping requesters tidy: a merge moves every ticket to the survivor through the outbox,
in one transaction with one audit line; units renamed across their requesters; edits
checked as at intake; likely duplicates found by phone or by name and unit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.recorder import AuditRecorder
from app.audit.tables import AuditRow
from app.domain.clock import ManualClock
from app.domain.ids import new_id
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.requesters import admin
from app.requesters.admin import RequesterForm
from app.requesters.reading import (
    Likeness,
    likely_duplicates,
    phone_key,
    requester,
    requester_count,
    requesters,
    units,
)
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.directory import find_requesters
from app.store.models import RequesterRow
from app.sync.outbox import OutboxWriter
from tests.conftest import seat_of


@pytest.fixture
def supervisor(demo_copy: DataDir) -> SignedIn:
    return seat_of(demo_copy, "seat002")


@pytest.fixture
def audited(demo_store: Store, clock: ManualClock, supervisor: SignedIn) -> Iterator[Store]:
    """The demo store as the desk opens it: audited, with the sync outbox, its author the
    signed-in supervisor."""
    recorder = AuditRecorder(demo_store, clock)
    outbox = OutboxWriter(demo_store, clock)
    demo_store.author_id = supervisor.staff_id
    yield demo_store
    outbox.detach()
    recorder.detach()


@pytest.fixture
def reader(demo_copy: DataDir) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        yield conn


def _lines(store: Store) -> list[AuditRow]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditRow).order_by(AuditRow.at, AuditRow.id)))


def _busiest(reader: sqlite3.Connection, count: int) -> list[str]:
    """The ``count`` requesters with the most tickets."""
    return [row[0] for row in reader.execute(
        "SELECT requester_id FROM tickets WHERE requester_id IS NOT NULL GROUP BY requester_id "
        "ORDER BY count(*) DESC, requester_id LIMIT ?", (count,))]


def _tickets_of(reader: sqlite3.Connection, requester_id: str) -> dict[str, int]:
    return dict(reader.execute("SELECT id, version FROM tickets WHERE requester_id = ?",
                               (requester_id,)).fetchall())


def _outbox(reader: sqlite3.Connection, entity: str) -> dict[str, dict[str, object]]:
    return {key: json.loads(patch) for key, patch in reader.execute(
        "SELECT key, patch FROM sync_outbox WHERE entity = ? ORDER BY id", (entity,))}


def test_a_merge_moves_every_ticket_to_the_survivor_through_the_outbox(
        audited: Store, clock: ManualClock, supervisor: SignedIn,
        reader: sqlite3.Connection) -> None:
    survivor, *duplicates = _busiest(reader, 3)
    kept = _tickets_of(reader, survivor)
    moving = {**_tickets_of(reader, duplicates[0]), **_tickets_of(reader, duplicates[1])}
    assert kept and moving
    name, unit = reader.execute("SELECT name, unit FROM requesters WHERE id = ?",
                                (survivor,)).fetchone()

    merged = admin.merge_requesters(audited, clock, supervisor, survivor, duplicates)

    assert set(merged.ticket_ids) == set(moving) and merged.duplicate_ids == tuple(duplicates)
    now_kept = _tickets_of(reader, survivor)
    assert set(now_kept) == set(kept) | set(moving)
    assert all(now_kept[t] == moving[t] + 1 for t in moving)  # open windows reload first
    assert all(now_kept[t] == kept[t] for t in kept)  # the survivor's own are untouched
    for duplicate in duplicates:
        assert reader.execute("SELECT deleted, merged_into FROM requesters WHERE id = ?",
                              (duplicate,)).fetchone() == (1, survivor)
        assert requester(reader, duplicate) is None
    # The queues sort the moved tickets under the survivor's name and unit.
    assert set(reader.execute(
        "SELECT requester_sort, unit_sort FROM tickets WHERE id IN (SELECT value FROM "
        "json_each(?))", (json.dumps(list(moving)),))) == {(name, unit)}
    # Every change leaves through the outbox: the sync server sees what the desk did.
    tickets = _outbox(reader, "tickets")
    assert set(tickets) == set(moving)
    assert {patch["requester_id"] for patch in tickets.values()} == {survivor}
    assert all("requester_sort" not in patch for patch in tickets.values())  # local copies
    people = _outbox(reader, "requesters")
    assert set(people) == set(duplicates)
    assert all(patch["deleted"] is True and patch["merged_into"] == survivor
               for patch in people.values())
    [line] = _lines(audited)
    assert (line.kind, line.subject, line.subject_id, line.summary, line.actor_id) == (
        "requesters", "requesters", survivor, "merged", supervisor.staff_id)
    before, after = json.loads(line.before), json.loads(line.after)
    assert [d["id"] for d in before["duplicates"]] == duplicates
    assert after["survivor"]["name"] == name
    assert len(after["tickets"]) == len(moving)


def test_a_merge_is_all_or_nothing(audited: Store, clock: ManualClock,
                                   supervisor: SignedIn, reader: sqlite3.Connection) -> None:
    survivor, duplicate = _busiest(reader, 2)
    before = _tickets_of(reader, duplicate)
    with pytest.raises(DeskError) as gone:
        admin.merge_requesters(audited, clock, supervisor, survivor, [duplicate, "nobody"])
    assert gone.value.problem is Problem.RECORD_GONE
    for wrong in ([], [survivor], [duplicate, survivor]):
        with pytest.raises(DeskError) as refused:
            admin.merge_requesters(audited, clock, supervisor, survivor, wrong)
        assert refused.value.problem is Problem.MERGE_INVALID
    assert _tickets_of(reader, duplicate) == before
    assert reader.execute("SELECT count(*) FROM sync_outbox").fetchone() == (0,)
    assert _lines(audited) == []


def test_a_merged_requester_merged_again_leaves_no_chain(
        audited: Store, clock: ManualClock, supervisor: SignedIn,
        reader: sqlite3.Connection) -> None:
    first, second, third = _busiest(reader, 3)
    admin.merge_requesters(audited, clock, supervisor, second, [third])
    admin.merge_requesters(audited, clock, supervisor, first, [second])
    assert dict(reader.execute("SELECT id, merged_into FROM requesters WHERE id IN (?, ?)",
                               (second, third)).fetchall()) == {second: first, third: first}
    assert reader.execute("SELECT count(*) FROM tickets WHERE requester_id IN (?, ?)",
                          (second, third)).fetchone() == (0,)


@pytest.mark.parametrize("login", ["seat010", "seat004"])  # an agent, a technical lead
def test_merging_and_renaming_units_need_a_supervisor(
        audited: Store, clock: ManualClock, reader: sqlite3.Connection, login: str) -> None:
    seat = seat_of(DataDir(audited.path.parent), login)
    audited.author_id = seat.staff_id
    survivor, duplicate = _busiest(reader, 2)
    unit = units(reader)[0].name
    for call in (lambda: admin.merge_requesters(audited, clock, seat, survivor, [duplicate]),
                 lambda: admin.rename_unit(audited, clock, seat, unit, "新单位")):
        with pytest.raises(DeskError) as refused:
            call()
        assert refused.value.problem is Problem.NOT_ALLOWED
    # ...while whoever works tickets may correct a requester, as at intake.
    line = requester(reader, survivor)
    assert line is not None
    admin.edit_requester(audited, clock, seat, survivor,
                         RequesterForm(line.name, line.unit, "010-66668888", line.email))
    assert reader.execute("SELECT phone FROM requesters WHERE id = ?",
                          (survivor,)).fetchone() == ("010-66668888",)
    assert _lines(audited) == []


@pytest.mark.parametrize(("changes", "problem", "field"), [
    ({"name": " "}, Problem.REQUESTER_NAME_MISSING, "name"),
    ({"phone": "", "email": ""}, Problem.CONTACT_MISSING, "phone"),
    ({"phone": "12345678901234"}, Problem.PHONE_INVALID, "phone"),
    ({"email": "wang@"}, Problem.EMAIL_INVALID, "email"),
    ({"unit": "单" * 121}, Problem.TEXT_TOO_LONG, "unit"),
])
def test_an_edit_is_checked_as_at_intake(audited: Store, clock: ManualClock,
                                         supervisor: SignedIn, reader: sqlite3.Connection,
                                         changes: dict[str, str], problem: Problem,
                                         field: str) -> None:
    [target] = _busiest(reader, 1)
    line = requester(reader, target)
    assert line is not None
    values = {"name": line.name, "unit": line.unit, "phone": line.phone, "email": line.email}
    with pytest.raises(DeskError) as refused:
        admin.edit_requester(audited, clock, supervisor, target,
                             RequesterForm(**{**values, **changes}))
    assert (refused.value.problem, refused.value.field) == (problem, field)
    assert requester(reader, target) == line


def test_a_renamed_requester_is_sorted_under_the_new_name(
        audited: Store, clock: ManualClock, supervisor: SignedIn,
        reader: sqlite3.Connection) -> None:
    [target] = _busiest(reader, 1)
    line = requester(reader, target)
    assert line is not None
    clock.advance(timedelta(minutes=5))
    admin.edit_requester(audited, clock, supervisor, target,
                         RequesterForm(" 王小明 ", " 市政务服务中心 ", line.phone, line.email))
    assert set(reader.execute("SELECT requester_sort, unit_sort FROM tickets WHERE "
                              "requester_id = ?", (target,))) == {("王小明", "市政务服务中心")}
    patch = _outbox(reader, "requesters")[target]
    assert (patch["name"], patch["unit"], sorted(patch)) == (
        "王小明", "市政务服务中心", ["name", "unit", "updated_at"])


def test_a_unit_is_renamed_across_its_requesters_in_one_audited_change(
        audited: Store, clock: ManualClock, supervisor: SignedIn,
        reader: sqlite3.Connection) -> None:
    old = max(units(reader), key=lambda unit: unit.requesters)
    members = {r.id for r in requesters(reader, old.name) if r.unit == old.name}
    assert len(members) == old.requesters > 1
    changed = admin.rename_unit(audited, clock, supervisor, old.name, "市大数据中心")
    assert changed == old.requesters
    renamed = next(unit for unit in units(reader) if unit.name == "市大数据中心")
    assert (renamed.requesters, renamed.tickets) == (old.requesters, old.tickets)
    assert old.name not in {unit.name for unit in units(reader)}
    assert set(reader.execute("SELECT DISTINCT unit_sort FROM tickets WHERE requester_id IN "
                              "(SELECT value FROM json_each(?))",
                              (json.dumps(sorted(members)),))) == {("市大数据中心",)}
    assert set(_outbox(reader, "requesters")) == members
    [line] = _lines(audited)
    assert (line.subject, line.subject_id, line.summary) == ("units", old.name, "changed")
    assert json.loads(line.after) == {"unit": "市大数据中心", "requesters": len(members)}
    with pytest.raises(DeskError) as gone:
        admin.rename_unit(audited, clock, supervisor, old.name, "别处")
    assert gone.value.problem is Problem.RECORD_GONE
    with pytest.raises(DeskError) as empty:
        admin.rename_unit(audited, clock, supervisor, "市大数据中心", "  ")
    assert (empty.value.problem, empty.value.field) == (Problem.NAME_MISSING, "unit")


def test_likely_duplicates_share_a_phone_or_a_name_in_a_unit(
        audited: Store, clock: ManualClock, reader: sqlite3.Connection) -> None:
    assert likely_duplicates(reader) == []  # the demo's requesters are all different
    [busy] = _busiest(reader, 1)
    original = requester(reader, busy)
    assert original is not None
    phone = original.phone
    spaced = f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}"
    assert phone_key(spaced) == phone_key(phone) == phone
    with audited.unit_of_work() as session:
        for name, unit, number in ((original.name + " ", original.unit, spaced),
                                   ("李雷", "市公安局", "0755-1234567"),
                                   ("李 雷", "市公安局", "0755-7654321"),
                                   ("李雷", "市财政局", "0755-1111111")):
            session.add(RequesterRow(id=new_id(clock), name=name, unit=unit, phone=number,
                                     email="", updated_at=clock.now(), version=1,
                                     deleted=False))
    groups = likely_duplicates(reader)
    assert [(g.likeness, len(g.requesters)) for g in groups] == [
        (Likeness.PHONE, 2), (Likeness.NAME_UNIT, 2)]
    assert groups[0].requesters[0].id == busy  # most tickets first: the likely survivor
    assert {r.unit for r in groups[1].requesters} == {"市公安局"}


def test_the_list_searches_name_unit_phone_and_email_and_counts_tickets(
        reader: sqlite3.Connection) -> None:
    [busy] = _busiest(reader, 1)
    line = requester(reader, busy)
    assert line is not None
    assert line.tickets == reader.execute(
        "SELECT count(*) FROM tickets WHERE requester_id = ? AND deleted = 0",
        (busy,)).fetchone()[0] > 0
    for text in (line.name, line.phone, line.email.split("@")[0]):
        assert busy in {found.id for found in requesters(reader, text)}
    everyone = requester_count(reader)
    assert everyone == len(requesters(reader)) and len(requesters(reader, limit=7)) == 7
    assert requester_count(reader, line.unit) == sum(
        1 for found in find_requesters(reader, line.unit, 10_000) if line.unit in found.unit
        or line.unit in found.name or line.unit in found.phone)
    assert requesters(reader, "100%_\\") == []
