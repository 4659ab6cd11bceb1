"""The rules and the catalog as the alert intake reads them, kept for a few seconds.

Every new alert needs both; reading them per request was two of its round trips. The rules
change through this server's API, which forgets them at once (another server instance
sees the change within ``FRESH`` seconds); a catalog code not found is looked up again
before the first type or category stands in for it.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import Connection, func, select

from app.server.channels.rules import Rule, read_rules
from app.server.tables import rows

FRESH = 10.0  # seconds


class Lookups:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: tuple[float, list[Rule]] | None = None
        self._catalog: tuple[float, dict[tuple[str, str], str]] | None = None

    def rules(self, conn: Connection) -> list[Rule]:
        with self._lock:
            kept = self._rules
        if kept is None or time.monotonic() - kept[0] > FRESH:
            kept = (time.monotonic(), read_rules(conn))
            with self._lock:
                self._rules = kept
        return kept[1]

    def forget_rules(self) -> None:
        with self._lock:
            self._rules = None

    def catalog_id(self, conn: Connection, entity: str, code: str) -> str | None:
        """The live ``ticket_types`` / ``categories`` row of ``code``, else the first one
        (by position), else None."""
        with self._lock:
            kept = self._catalog
        age = time.monotonic() - kept[0] if kept else FRESH + 1
        if kept is None or age > FRESH or ((entity, code) not in kept[1] and age > 1.0):
            kept = (time.monotonic(), _read_catalog(conn))
            with self._lock:
                self._catalog = kept
        return kept[1].get((entity, code)) or kept[1].get((entity, ""))


def _read_catalog(conn: Connection) -> dict[tuple[str, str], str]:
    found = conn.execute(
        select(rows.c.entity, rows.c.key, rows.c.data["code"].astext.label("code"))
        .where(rows.c.entity.in_(("ticket_types", "categories")), ~rows.c.deleted,
               func.coalesce(rows.c.data["retired"].astext, "false") != "true")
        .order_by(rows.c.entity, rows.c.data["position"].as_integer(), rows.c.key))
    catalog: dict[tuple[str, str], str] = {}
    for row in found:
        catalog.setdefault((row.entity, row.code), row.key)
        catalog.setdefault((row.entity, ""), row.key)  # the first: the fallback
    return catalog
