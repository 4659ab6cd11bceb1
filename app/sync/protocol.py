"""The JSON shapes desks and the server exchange (version 1 of the sync protocol).

Push: ``{"desk_id", "incarnation", "mutations": [Mutation...]}`` in the desk's order (ids
increasing); the answer holds one result per mutation (applied / duplicate / rejected with a
reason / retry) and the row as the server now holds it, so the desk learns the version its
next edit is based on. A mutation sent again gets the outcome it had (``duplicate`` when it
was applied, ``rejected`` with the same reason); ``retry`` means the server took nothing of
it because the desk reuses ids it had used before (restored from a backup): the desk starts
a new incarnation and sends it again.
Pull: ``?cursor=N`` → changes with ``seq > N`` in ``seq`` order, the new cursor, whether more
pages follow, and ``reset`` when the desk's cursor is ahead of the server (a restored
server): the desk then resyncs from zero and keeps its outbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

PROTOCOL = 2  # 2: outcomes kept for resends, "retry", desk incarnations
CONFLICTS = "sync_conflicts"  # conflict-log entries travel as rows of this entity
MAX_PUSH = 500  # mutations per push request
MAX_PAGE = 5000  # changes per pull page
MAX_BODY = 4 * 1024 * 1024  # bytes of one request

Op = Literal["put", "delete"]
Status = Literal["applied", "duplicate", "rejected", "retry"]


@dataclass(frozen=True)
class Mutation:
    id: int
    entity: str
    key: str
    op: Op
    patch: dict[str, Any]
    base_version: int

    def to_json(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies every patch (a tenth of a push's desk time).
        return {"id": self.id, "entity": self.entity, "key": self.key, "op": self.op,
                "patch": self.patch, "base_version": self.base_version}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Mutation:
        return cls(int(raw["id"]), str(raw["entity"]), str(raw["key"]), raw["op"],
                   dict(raw.get("patch") or {}), int(raw.get("base_version", 0)))


class Change(NamedTuple):
    """A row's current state (or tombstone) at change ``seq``.

    A named tuple, not a frozen dataclass: an initial sync builds close to a million of
    them, and a frozen dataclass takes twice as long to make.
    """

    seq: int
    entity: str
    key: str
    version: int
    deleted: bool
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return self._asdict()

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Change:
        # ``data`` is the freshly decoded JSON object: it is owned, not copied.
        return cls(int(raw["seq"]), str(raw["entity"]), str(raw["key"]), int(raw["version"]),
                   bool(raw["deleted"]), raw["data"])


@dataclass(frozen=True)
class MutationResult:
    id: int
    status: Status
    reason: str = ""
    row: Change | None = None
    conflicts: int = 0

    def to_json(self) -> dict[str, Any]:
        # Spelled out: ``asdict`` deep-copies the row's data, a third of a push's answer.
        return {"id": self.id, "status": self.status, "reason": self.reason,
                "row": self.row.to_json() if self.row else None, "conflicts": self.conflicts}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> MutationResult:
        row = raw.get("row")
        return cls(int(raw["id"]), raw["status"], str(raw.get("reason", "")),
                   Change.from_json(row) if row else None, int(raw.get("conflicts", 0)))


@dataclass(frozen=True)
class PullPage:
    changes: list[Change]
    cursor: int
    more: bool
    reset: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"changes": [c.to_json() for c in self.changes], "cursor": self.cursor,
                "more": self.more, "reset": self.reset}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PullPage:
        return cls([Change.from_json(c) for c in raw["changes"]], int(raw["cursor"]),
                   bool(raw["more"]), bool(raw.get("reset", False)))


@dataclass(frozen=True)
class StreamedPage:
    """Changes the server's feed sent: every row after cursor ``after`` up to ``cursor``
    (applied only by a desk at ``after``; ``more``: the desk pulls the rest)."""

    after: int
    page: PullPage
