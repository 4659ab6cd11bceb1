"""Who may push a change to which entity, checked for every mutation.

What a role may do is decided in one place, ``app.domain.roles`` (the desk's UI reads the
same table); this module applies it to pushed rows:
- a table is written only by an account whose role has its writer capability
  (``writer_of``); removing requesters needs ``TABLE_REMOVERS``' capability;
- a seat without ``PLAN_ROTA`` writes only his own shift wishes and unavailable days
  (``OWN_ROWS``, ``OWN_ROW_KINDS``), matched through the staff row that has his login;
- every author field (``AUTHOR_FIELDS``) names the pushing account's own staff member: no
  seat writes as another; an account with no staff row (the escalation service) writes
  system entries (no author) only; a publisher is empty on a draft (``AUTHOR_OF_ACT``);
- an audit line about a table is written only by a role that may write that table, and one
  about accounts only by an account administrator: a change the server refuses leaves no
  line saying it was made;
- owned rows (a saved filter) are changed or removed only by their owner;
- escalation ledger lines, once written, change only in their outcome (``LATER_FIELDS``)
  and are never removed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from app.domain.roles import ROTA_PREFIX, TABLE_REMOVERS, Capability, may, writer_of
from app.server.accounts import User
from app.server.tables import rows
from app.sync.entities import (
    AUTHOR_FIELDS,
    AUTHOR_OF_ACT,
    LATER_FIELDS,
    OWN_ROW_KINDS,
    OWN_ROWS,
    OWNED_ROWS,
    SYNCED_TABLES,
    Entity,
)
from app.sync.merge import Rejected, StoredRow

_LEDGER = "sla_escalations"
_AUDIT = "audit_log"
# Audit subjects that are accounts (the server's, a standalone desk's), not synced tables.
ACCOUNT_SUBJECTS = frozenset({"accounts", "desk_accounts"})


class Permissions:
    """The checks for one push by ``user`` (the user's staff id is looked up once)."""

    def __init__(self, conn: Connection, user: User) -> None:
        self._conn, self._user = conn, user
        self._staff_id: str | None = None
        self._looked_up = False

    def may(self, capability: Capability) -> bool:
        return may(self._user.role, capability)

    def check(self, entity: Entity, patch: dict[str, Any], stored: StoredRow | None,
              *, deleting: bool = False) -> None:
        """Raise ``Rejected`` (with the reason the desk shows) unless the user may write."""
        name = entity.name
        needed = writer_of(name)
        if name == _LEDGER:
            self._check_ledger(name, patch, stored, deleting)
        elif name.startswith(ROTA_PREFIX) and not self.may(Capability.PLAN_ROTA):
            self._check_own_rota_row(name, patch, stored)
        elif needed is not None and not self.may(needed):
            raise Rejected(f"your role may not change {name}")
        remover = TABLE_REMOVERS.get(name)
        if deleting and remover is not None and not self.may(remover):
            raise Rejected(f"your role may not remove {name}")
        if name == _AUDIT:
            self._check_audit_subject(patch)
        self._check_author(name, patch, stored)
        self._check_owner(name, patch, stored)

    def _check_author(self, name: str, patch: dict[str, Any], stored: StoredRow | None) -> None:
        field = AUTHOR_FIELDS.get(name)
        if field is None or field not in patch:
            return
        if patch[field] is None and (act := AUTHOR_OF_ACT.get(name)) is not None:
            done = patch[act] if act in patch else (stored.data.get(act) if stored else None)
            if done is None:
                return  # not done yet, so nobody's act
        own = self._own_staff_id()
        if patch[field] != own:
            raise Rejected(f"{name}: {field} must be the signed-in account's own staff member")

    def _check_audit_subject(self, patch: dict[str, Any]) -> None:
        subject = patch.get("subject")  # text: push checked the values first
        if subject in ACCOUNT_SUBJECTS:
            needed: Capability | None = Capability.MANAGE_ACCOUNTS
        elif subject in SYNCED_TABLES:
            needed = writer_of(str(subject))
        else:
            return
        if needed is not None and not self.may(needed):
            raise Rejected(f"your role may not record changes of {subject}")

    def _check_owner(self, name: str, patch: dict[str, Any], stored: StoredRow | None) -> None:
        field = OWNED_ROWS.get(name)
        if field is None:
            return
        people = {patch[field]} if field in patch else set()
        if stored is not None:
            people.add(stored.data.get(field))
        own = self._own_staff_id()
        if own is None or people != {own}:
            raise Rejected(f"only its owner changes a row of {name}")

    def _check_own_rota_row(self, name: str, patch: dict[str, Any],
                            stored: StoredRow | None) -> None:
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
        if not self.may(Capability.WRITE_LEDGER):
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
            self._staff_id = staff_id_of(self._conn, self._user.login)
            self._looked_up = True
        return self._staff_id


def staff_id_of(conn: Connection, login: str) -> str | None:
    """The staff member an account writes as: the live staff row with its login (None: the
    account has none, as the escalation service's)."""
    found = conn.execute(
        select(rows.c.key).where(rows.c.entity == "staff", rows.c.deleted.is_(False),
                                 rows.c.data["login"].astext == login)).first()
    return None if found is None else str(found.key)
