"""Who may push a change to which entity: the roles of issue 5, checked for every mutation.

- Administrators: everything. Only they change the catalog and staff, and the SLA policy
  book (policy versions, calendar overrides): a policy decides every desk's deadlines.
- Supervisors: the rota (shift types, coverage, rules, contracts, leave, periods and their
  publication, assignments, overrides).
- The escalation service (``Role.ESCALATOR``): alone writes the escalation ledger, and of a
  line once written only its outcome (``LATER_FIELDS``); never deletes one. Otherwise an
  agent: its escalations raise levels, hand tickets over and write timeline entries.
- Agents: tickets, requesters, saved filters and the knowledge base (agents author and
  edit articles, as in Zammad and Jira Service Management); in the rota only their own
  shift wishes and unavailable days (``OWN_ROWS``, ``OWN_ROW_KINDS``; not leave), matched
  through the staff row that has their login.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from app.server.accounts import Role, User
from app.server.tables import rows
from app.sync.entities import (
    ADMIN_ONLY,
    ESCALATION_SERVICE_ONLY,
    LATER_FIELDS,
    OWN_ROW_KINDS,
    OWN_ROWS,
    SUPERVISOR_ONLY,
    Entity,
)
from app.sync.merge import Rejected, StoredRow


class Permissions:
    """The checks for one push by ``user`` (the user's staff id is looked up once)."""

    def __init__(self, conn: Connection, user: User) -> None:
        self._conn, self._user = conn, user
        self._staff_id: str | None = None
        self._looked_up = False

    def check(self, entity: Entity, patch: dict[str, Any], stored: StoredRow | None,
              *, deleting: bool = False) -> None:
        """Raise ``Rejected`` (with the reason the desk shows) unless the user may write."""
        name = entity.name
        if name in ESCALATION_SERVICE_ONLY:
            self._check_ledger(name, patch, stored, deleting)
            return
        if name in ADMIN_ONLY and not self._user.at_least(Role.ADMIN):
            raise Rejected(f"only administrators change {name}")
        if name not in SUPERVISOR_ONLY or self._user.at_least(Role.SUPERVISOR):
            return
        column = OWN_ROWS.get(name)
        if column is None:
            raise Rejected(f"only supervisors change {name}")
        people = {patch[column]} if column in patch else set()
        if stored is not None:  # nor may a seat take over, or delete, someone else's row
            people.add(stored.data.get(column))
        own = self._own_staff_id()
        if own is None or people != {own}:
            raise Rejected(f"only supervisors change other people's {name}")
        if name in OWN_ROW_KINDS:
            field, allowed = OWN_ROW_KINDS[name]
            kinds = {patch[field]} if field in patch else set()
            if stored is not None:
                kinds.add(stored.data.get(field))
            if not kinds <= allowed:
                raise Rejected(f"only supervisors record {name} of kind "
                               f"{', '.join(sorted(map(str, kinds - allowed)))}")

    def _check_ledger(self, name: str, patch: dict[str, Any], stored: StoredRow | None,
                      deleting: bool) -> None:
        if self._user.role != Role.ESCALATOR:
            raise Rejected(f"only the escalation service writes {name}")
        if deleting:
            raise Rejected(f"{name} lines are never deleted")
        if stored is not None:
            later = LATER_FIELDS.get(name, frozenset())
            changed = {k for k, v in patch.items() if k not in later and stored.data.get(k) != v}
            if changed:
                raise Rejected(f"{name}: only {', '.join(sorted(later))} change once written")

    def _own_staff_id(self) -> str | None:
        if not self._looked_up:
            found = self._conn.execute(
                select(rows.c.key).where(rows.c.entity == "staff", rows.c.deleted.is_(False),
                                         rows.c.data["login"].astext == self._user.login)
            ).first()
            self._staff_id = None if found is None else str(found.key)
            self._looked_up = True
        return self._staff_id
