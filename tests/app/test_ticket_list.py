from __future__ import annotations

import sqlite3

import pytest

from app.paths import DataDir
from app.store.reading import read_connection
from app.store.ticket_list import TicketList


def test_pages_walk_every_ticket_once_newest_first(demo_desk: DataDir) -> None:
    tickets = TicketList(read_connection(demo_desk.database), "zh_CN")
    seen, key = [], None
    while True:
        items, key = tickets.page(key, 64)
        seen.extend(items)
        if key is None:
            break
    assert len(seen) == tickets.count() == 600
    assert len({item.id for item in seen}) == 600
    order = [(item.created_at, item.id) for item in seen]
    assert order == sorted(order, reverse=True)


def test_names_come_in_the_desk_language(demo_desk: DataDir) -> None:
    conn = read_connection(demo_desk.database)
    zh, _ = TicketList(conn, "zh_CN").page(None, 5)
    en, _ = TicketList(conn, "en").page(None, 5)
    assert [i.id for i in zh] == [i.id for i in en]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh[0].category_name)
    assert en[0].category_name.isascii()


def test_the_read_connection_cannot_write(demo_desk: DataDir) -> None:
    conn = read_connection(demo_desk.database)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM tickets")


def test_tombstoned_tickets_are_not_listed_or_counted(
    demo_desk: DataDir, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import shutil

    copy = tmp_path_factory.mktemp("tomb") / "seatdesk.sqlite3"
    shutil.copy(demo_desk.database, copy)
    with sqlite3.connect(copy) as conn:
        doomed = conn.execute("SELECT id FROM tickets ORDER BY created_at DESC LIMIT 3"
                              ).fetchall()
        conn.executemany("UPDATE tickets SET deleted = 1 WHERE id = ?", doomed)
    tickets = TicketList(read_connection(copy), "en")
    assert tickets.count() == 597
    items, _ = tickets.page(None, 10)
    assert {i.id for i in items}.isdisjoint({d[0] for d in doomed})
