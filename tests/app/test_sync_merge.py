"""The server's merge rules, without a server: per field against the base version, server
order for the same field, the state machine for ticket states, append-only rows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.sync import merge
from app.sync.entities import entities
from app.sync.merge import Rejected, StoredRow

REQUESTERS = entities()["requesters"]
TICKETS = entities()["tickets"]
EVENTS = entities()["ticket_events"]


def stored(data: dict[str, object], version: int = 3, author: str = "wang@A") -> StoredRow:
    return StoredRow(dict(data), {k: [version, author] for k in data}, version)


BASE = {"name": "张三", "unit": "市大数据局", "phone": "13900000000", "email": "a@gov.cn"}


@given(st.sampled_from(["phone", "email", "unit"]), st.sampled_from(["phone", "email", "unit"]))
def test_different_fields_never_conflict(first: str, second: str) -> None:
    row = stored(BASE)
    one = merge.update(REQUESTERS, row, {first: "x1"}, 3, 4, "wang@A")
    two = merge.update(REQUESTERS, one.row, {second: "x2"}, 3, 5, "li@B")
    assert two.row.data[second] == "x2"
    assert (two.conflicts == []) == (first != second)
    if first != second:
        assert two.row.data[first] == "x1"


def test_same_field_later_write_wins_and_the_replaced_value_is_logged() -> None:
    one = merge.update(REQUESTERS, stored(BASE), {"phone": "1"}, 3, 4, "wang@A")
    two = merge.update(REQUESTERS, one.row, {"phone": "2"}, 3, 5, "li@B")
    assert two.row.data["phone"] == "2"
    [conflict] = two.conflicts
    assert (conflict.kept, conflict.lost, conflict.kept_by, conflict.lost_by) == (
        "2", "1", "li@B", "wang@A")


def test_a_desks_own_earlier_edit_is_no_conflict_and_a_seen_edit_is_none_either() -> None:
    one = merge.update(REQUESTERS, stored(BASE), {"phone": "1"}, 3, 4, "wang@A")
    assert merge.update(REQUESTERS, one.row, {"phone": "2"}, 3, 5, "li@A").conflicts == []
    assert merge.update(REQUESTERS, one.row, {"phone": "2"}, 4, 5, "li@B").conflicts == []


def test_an_illegal_state_move_keeps_the_server_state() -> None:
    row = stored({"state": "closed", "assignee_id": "s1", "title": "t"})
    merged = merge.update(TICKETS, row, {"state": "pending_requester", "title": "u"}, 3, 4,
                          "li@B")
    assert merged.row.data["state"] == "closed" and merged.row.data["title"] == "u"
    assert merged.conflicts[0].lost == "pending_requester"


def test_append_only_rows_never_change_and_unknown_states_are_refused() -> None:
    event = stored({"kind": "comment", "body": "a"})
    assert not merge.update(EVENTS, event, {"body": "a"}, 3, 4, "li@B").changed
    with pytest.raises(Rejected, match="never change"):
        merge.update(EVENTS, event, {"body": "b"}, 3, 4, "li@B")
    with pytest.raises(Rejected, match="unknown state"):
        merge.update(TICKETS, stored({"state": "new"}), {"state": "lost"}, 3, 4, "li@B")
    with pytest.raises(Rejected, match="missing"):
        merge.insert(REQUESTERS, {"name": "x"}, 1, "li@B")


def test_a_delete_is_a_tombstone() -> None:
    gone = merge.tombstone(REQUESTERS, stored({**BASE, "deleted": False}), 4, "li@B")
    assert gone.row.deleted and gone.row.data["deleted"] is True


def test_an_inserted_row_keeps_one_versions_entry_until_a_field_changes() -> None:
    row = merge.insert(REQUESTERS, {"id": "r1", "updated_at": "2026-11-27T08:00:00+00:00",
                                    **BASE}, 1, "wang@A")
    assert row.field_versions == {merge.EVERY_FIELD: [1, "wang@A"]}
    one = merge.update(REQUESTERS, row, {"phone": "1"}, 1, 2, "li@B")
    assert one.row.field_versions == {merge.EVERY_FIELD: [1, "wang@A"], "phone": [2, "li@B"]}
    # The untouched fields still answer with the insert's version: a desk that saw only
    # the insert conflicts on the phone (changed since) and not on the e-mail.
    late = merge.update(REQUESTERS, one.row, {"phone": "2", "email": "b@gov.cn"}, 1, 3, "zhao@C")
    assert [c.field for c in late.conflicts] == ["phone"]
    # A desk that had not even seen the insert conflicts on every field it overwrites.
    blind = merge.update(REQUESTERS, row, {"email": "c@gov.cn"}, 0, 2, "zhao@C")
    assert [c.field for c in blind.conflicts] == ["email"]
