"""Administering the catalog: ticket types and categories added, edited, ordered, retired
and removed by administrators only, audited, with an owner for every category; retired
entries leave the pickers but keep their names on tickets."""

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
from app.catalog import admin
from app.catalog.admin import EntryForm
from app.catalog.reading import CatalogKind, categories, glyphs, owners, ticket_types
from app.domain.clock import ManualClock
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.services.errors import DeskError, Problem
from app.store.database import Store
from app.store.directory import catalog
from app.sync.outbox import OutboxWriter
from tests.conftest import seat_of

TYPES, CATEGORIES = CatalogKind.TYPES, CatalogKind.CATEGORIES


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


def _lines(store: Store) -> list[AuditRow]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditRow).order_by(AuditRow.at, AuditRow.id)))


def _category(reader: sqlite3.Connection, code: str) -> str:
    return next(c.id for c in categories(reader) if c.code == code)


def _form(reader: sqlite3.Connection, **changes: object) -> EntryForm:
    values: dict[str, object] = {
        "name_zh": " 视频会议 ", "name_en": "Video conferencing", "color": "#1E88E5",
        "icon": "VC", "skill": "network", "owner_id": owners(reader)[0].id}
    values.update(changes)
    return EntryForm(**values)  # type: ignore[arg-type]


def test_an_administrator_adds_a_category_with_its_owner_and_the_audit_names_him(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    owner = owners(reader)[3]
    new_id = admin.add(audited, clock, admin_seat, CATEGORIES, " Video_conf ",
                       _form(reader, owner_id=owner.id))
    added = categories(reader)[-1]
    assert (added.id, added.code, added.name_zh, added.color, added.icon, added.skill) == (
        new_id, "video_conf", "视频会议", "#1e88e5", "VC", "network")
    assert (added.owner_id, added.owner_name, added.owner_active) == (owner.id, owner.name,
                                                                       True)
    assert (added.retired, added.tickets, added.in_use) == (False, 0, False)
    assert catalog(reader, "categories", "en")[-1].name == "Video conferencing"
    [line] = _lines(audited)
    assert (line.kind, line.subject, line.subject_id, line.summary, line.actor_id) == (
        "catalog", "categories", new_id, "created", admin_seat.staff_id)
    assert json.loads(line.after)["owner_id"] == owner.id


@pytest.mark.parametrize(("changes", "problem", "field"), [
    ({"name_zh": " ", "name_en": ""}, Problem.NAME_MISSING, "name_zh"),
    ({"color": "blue"}, Problem.COLOUR_INVALID, "color"),
    ({"color": "#12345"}, Problem.COLOUR_INVALID, "color"),
    ({"icon": ""}, Problem.ICON_INVALID, "icon"),
    ({"icon": "ABCD"}, Problem.ICON_INVALID, "icon"),
    ({"icon": "A B"}, Problem.ICON_INVALID, "icon"),
    ({"skill": ""}, Problem.SKILL_MISSING, "skill"),
    ({"skill": "juggling"}, Problem.SKILL_UNKNOWN, "skill"),
    ({"owner_id": None}, Problem.OWNER_MISSING, "owner"),
    ({"owner_id": "nobody"}, Problem.OWNER_MISSING, "owner"),
])
def test_a_wrong_field_is_named_and_nothing_is_written(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection, changes: dict[str, object], problem: Problem,
        field: str) -> None:
    count = len(categories(reader))
    with pytest.raises(DeskError) as refused:
        admin.add(audited, clock, admin_seat, CATEGORIES, "video", _form(reader, **changes))
    assert (refused.value.problem, refused.value.field) == (problem, field)
    assert _lines(audited) == [] and len(categories(reader)) == count


def test_codes_are_checked_and_stay_taken(audited: Store, clock: ManualClock,
                                          admin_seat: SignedIn,
                                          reader: sqlite3.Connection) -> None:
    for code, problem in (("9lives", Problem.CODE_INVALID), ("fault", Problem.CODE_TAKEN)):
        with pytest.raises(DeskError) as refused:
            admin.add(audited, clock, admin_seat, TYPES, code, _form(reader))
        assert (refused.value.problem, refused.value.field) == (problem, "code")
    # A type needs no skill or owner.
    added = admin.add(audited, clock, admin_seat, TYPES, "complaint",
                      EntryForm("投诉", "Complaint", "#6a1b9a", "!"))
    admin.remove(audited, clock, admin_seat, TYPES, added)
    with pytest.raises(DeskError) as taken:  # a removed entry keeps its code
        admin.add(audited, clock, admin_seat, TYPES, "complaint", _form(reader))
    assert taken.value.problem is Problem.CODE_TAKEN


def test_the_owner_must_be_active(audited: Store, clock: ManualClock, admin_seat: SignedIn,
                                  reader: sqlite3.Connection) -> None:
    from app.people.admin import set_staff_active

    leaving = owners(reader)[5]
    network = _category(reader, "network")
    admin.edit(audited, clock, admin_seat, CATEGORIES, network,
               _form(reader, name_zh="网络", name_en="Network", owner_id=leaving.id))
    set_staff_active(audited, clock, admin_seat, leaving.id, False)
    entry = next(c for c in categories(reader) if c.id == network)
    assert (entry.owner_name, entry.owner_active) == (leaving.name, False)  # the page warns
    with pytest.raises(DeskError) as refused:
        admin.edit(audited, clock, admin_seat, CATEGORIES, network,
                   _form(reader, name_zh="网络", name_en="Network", owner_id=leaving.id))
    assert refused.value.problem is Problem.OWNER_MISSING
    assert leaving.id not in {o.id for o in owners(reader)}


def test_a_rename_refiles_the_tickets_sort_copies_and_is_audited_before_and_after(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    network = _category(reader, "network")
    used = reader.execute("SELECT count(*) FROM tickets WHERE category_id = ?",
                          (network,)).fetchone()[0]
    assert used > 0
    had = next(c.owner_id for c in categories(reader) if c.id == network)
    owner = next(o.id for o in owners(reader) if o.id != had)
    admin.edit(audited, clock, admin_seat, CATEGORIES, network,
               _form(reader, name_zh="网络与专线", name_en="Network and lines", owner_id=owner))
    copies = set(reader.execute("SELECT category_sort_zh, category_sort_en FROM tickets "
                                "WHERE category_id = ?", (network,)))
    assert copies == {("网络与专线", "Network and lines")}
    [line] = _lines(audited)
    assert (line.subject_id, line.summary) == (network, "changed")
    before, after = json.loads(line.before), json.loads(line.after)
    assert before["name_en"] == "Network" and after["name_en"] == "Network and lines"
    assert before["owner_id"] == had and after["owner_id"] == owner
    assert "version" not in after  # the counter is not the administrator's change

    fault = next(t.id for t in ticket_types(reader) if t.code == "fault")
    admin.edit(audited, clock, admin_seat, TYPES, fault,
               EntryForm("故障报修", "Fault report", "#c62828", "!"))
    assert set(reader.execute("SELECT DISTINCT type_sort_en FROM tickets WHERE type_id = ?",
                              (fault,))) == {("Fault report",)}


def test_retired_entries_leave_the_pickers_but_keep_their_names_on_tickets(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    from app.store.queues import QueueFilter, QueueReader, Sort, View
    from app.store.queues import Seat as QueueSeat

    storage = _category(reader, "storage")
    admin.set_retired(audited, clock, admin_seat, CATEGORIES, storage, True)
    assert storage not in {c.id for c in catalog(reader, "categories", "zh_CN")}  # intake
    kept = catalog(reader, "categories", "zh_CN", keep=storage)  # editing one of its tickets
    assert storage in {c.id for c in kept}
    entry = next(c for c in categories(reader) if c.id == storage)
    assert entry.retired and entry.in_use  # still listed for the administrator
    queue = QueueReader(reader, "en")
    filters = QueueFilter(category_ids=frozenset({storage}))
    page = queue.page(View.ALL, QueueSeat(None, None), filters, Sort(), None, 5)
    assert page and {item.category_name for item in page} == {"Storage"}

    clock.advance(timedelta(minutes=1))
    admin.set_retired(audited, clock, admin_seat, CATEGORIES, storage, False)
    assert storage in {c.id for c in catalog(reader, "categories", "zh_CN")}
    assert [line.summary for line in _lines(audited)] == ["changed", "changed"]


def test_an_entry_in_use_is_never_removed_an_unused_one_becomes_a_tombstone(
        audited: Store, clock: ManualClock, admin_seat: SignedIn,
        reader: sqlite3.Connection) -> None:
    outbox = OutboxWriter(audited, clock)
    try:
        hosts = _category(reader, "hosts")
        with pytest.raises(DeskError) as refused:
            admin.remove(audited, clock, admin_seat, CATEGORIES, hosts)
        assert refused.value.problem is Problem.IN_USE and int(refused.value.detail) > 0
        added = admin.add(audited, clock, admin_seat, CATEGORIES, "typo", _form(reader))
        clock.advance(timedelta(seconds=1))  # the two audit lines in the order they happened
        admin.remove(audited, clock, admin_seat, CATEGORIES, added)
    finally:
        outbox.detach()
    assert added not in {c.id for c in categories(reader)}
    assert added not in {c.id for c in catalog(reader, "categories", "en", keep=added)}
    assert reader.execute("SELECT deleted FROM categories WHERE id = ?",
                          (added,)).fetchone() == (1,)  # kept as a tombstone
    assert [line.summary for line in _lines(audited)] == ["created", "removed"]
    patches = [json.loads(patch) for (patch,) in reader.execute(
        "SELECT patch FROM sync_outbox WHERE entity = 'categories' AND key = ? ORDER BY id",
        (added,))]
    assert patches[-1]["deleted"] is True


def test_moving_an_entry_reorders_the_pickers(audited: Store, clock: ManualClock,
                                              admin_seat: SignedIn,
                                              reader: sqlite3.Connection) -> None:
    before = [t.code for t in ticket_types(reader)]
    third = ticket_types(reader)[2].id
    admin.move(audited, clock, admin_seat, TYPES, third, -1)
    after = [t.code for t in ticket_types(reader)]
    assert after == [before[0], before[2], before[1], before[3]]
    assert [c.id for c in catalog(reader, "ticket_types", "en")][1] == third
    admin.move(audited, clock, admin_seat, TYPES, third, -5)  # stops at the top
    admin.move(audited, clock, admin_seat, TYPES, ticket_types(reader)[-1].id, 1)  # no-op
    assert [t.code for t in ticket_types(reader)] == [before[2], before[0], before[1],
                                                      before[3]]
    assert [t.position for t in ticket_types(reader)] == [0, 1, 2, 3]


@pytest.mark.parametrize("login", ["seat002", "seat010"])  # a supervisor, an agent
def test_a_role_without_manage_catalog_is_refused(
        audited: Store, clock: ManualClock, reader: sqlite3.Connection, login: str) -> None:
    seat = seat_of(DataDir(audited.path.parent), login)
    audited.author_id = seat.staff_id
    network = _category(reader, "network")
    calls = [
        lambda: admin.add(audited, clock, seat, CATEGORIES, "video", _form(reader)),
        lambda: admin.edit(audited, clock, seat, CATEGORIES, network, _form(reader)),
        lambda: admin.move(audited, clock, seat, CATEGORIES, network, 1),
        lambda: admin.set_retired(audited, clock, seat, CATEGORIES, network, True),
        lambda: admin.remove(audited, clock, seat, TYPES, ticket_types(reader)[0].id),
    ]
    for call in calls:
        with pytest.raises(DeskError) as refused:
            call()
        assert refused.value.problem is Problem.NOT_ALLOWED
    assert _lines(audited) == []


def test_the_icon_picker_offers_the_glyphs_in_use_first(reader: sqlite3.Connection) -> None:
    offered = glyphs(reader)
    assert offered[:4] == ["?", "!", "~", "+"] and "SD" in offered
    assert len(offered) == len(set(offered))
