"""The intake form's autosaved draft: what a seat typed during a call survives a crash.

One draft per data folder (``intake-draft.json`` beside the database), written atomically
(a temporary file in the same folder, flushed to disk, then renamed over the old one), so a
crash mid-write leaves the previous draft whole. The form writes it as the seat types and
removes it when the ticket is saved or the seat discards the form; the next new-ticket form
offers to restore what is left.

A draft is a convenience, never a record: a file that cannot be read (half written by an
older version, edited by hand) is treated as no draft at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.enums import Channel, Level, Rating
from app.services.intake import RequesterDraft, TicketDraft

FILE_NAME = "intake-draft.json"
FORMAT = 1


def draft_file(data_root: Path) -> Path:
    """Where the desk whose data folder is ``data_root`` keeps its intake draft."""
    return data_root / FILE_NAME


@dataclass(frozen=True)
class IntakeDraft:
    """Everything the intake form holds, as the seat left it.

    ``requester_text`` is what the requester box shows (the chosen requester's line or a
    search being typed); ``new_requester`` is the inline new-requester form when it is on.
    """

    ticket: TicketDraft
    requester_text: str = ""
    new_requester: RequesterDraft | None = None
    saved_at: datetime | None = None
    seat: str = ""  # the signed-in seat's login, shown when the draft is offered
    received_at: datetime | None = None  # a phone call's start: the ticket's receipt time
    call_id: str = ""  # that call's id (the PBX's): the ticket logged for it names it

    def is_empty(self) -> bool:
        """Nothing a seat typed or chose: no need to keep it."""
        ticket = self.ticket
        typed = (ticket.title, ticket.description, ticket.override_reason, self.requester_text)
        person = self.new_requester
        return (not any(text.strip() for text in typed) and ticket.requester_id is None
                and ticket.type_id is None and ticket.category_id is None
                and (person is None or not any(
                    value.strip() for value in (person.name, person.unit, person.phone,
                                                person.email))))


def _ticket_json(ticket: TicketDraft) -> dict[str, Any]:
    return {"title": ticket.title, "description": ticket.description,
            "requester_id": ticket.requester_id, "channel": str(ticket.channel),
            "type_id": ticket.type_id, "category_id": ticket.category_id,
            "urgency": int(ticket.urgency), "impact": int(ticket.impact),
            "importance": int(ticket.importance),
            "level_override": None if ticket.level_override is None
            else int(ticket.level_override),
            "override_reason": ticket.override_reason}


def _ticket_of(data: dict[str, Any]) -> TicketDraft:
    override = data.get("level_override")
    return TicketDraft(
        title=str(data.get("title", "")), description=str(data.get("description", "")),
        requester_id=_optional(data.get("requester_id")),
        channel=Channel(data.get("channel", Channel.PHONE)),
        type_id=_optional(data.get("type_id")), category_id=_optional(data.get("category_id")),
        urgency=Rating(int(data.get("urgency", Rating.LOW))),
        impact=Rating(int(data.get("impact", Rating.LOW))),
        importance=Rating(int(data.get("importance", Rating.LOW))),
        level_override=None if override is None else Level(int(override)),
        override_reason=str(data.get("override_reason", "")))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def to_json(draft: IntakeDraft) -> str:
    """The draft as the text of its file."""
    return json.dumps({
        "format": FORMAT, "ticket": _ticket_json(draft.ticket),
        "requester_text": draft.requester_text,
        "new_requester": None if draft.new_requester is None else asdict(draft.new_requester),
        "saved_at": None if draft.saved_at is None else draft.saved_at.isoformat(),
        "seat": draft.seat,
        "received_at": None if draft.received_at is None else draft.received_at.isoformat(),
        "call_id": draft.call_id},
        ensure_ascii=False, indent=1)


def from_json(text: str) -> IntakeDraft | None:
    """The draft in ``text``, or None if it is not one this version can read."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        person = data.get("new_requester")
        saved_at, received_at = data.get("saved_at"), data.get("received_at")
        return IntakeDraft(
            ticket=_ticket_of(dict(data["ticket"])),
            requester_text=str(data.get("requester_text", "")),
            new_requester=None if person is None else RequesterDraft(
                str(person.get("name", "")), str(person.get("unit", "")),
                str(person.get("phone", "")), str(person.get("email", ""))),
            saved_at=None if saved_at is None else datetime.fromisoformat(str(saved_at)),
            seat=str(data.get("seat", "")),
            received_at=None if received_at is None
            else datetime.fromisoformat(str(received_at)),
            call_id=str(data.get("call_id") or ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def write_draft(path: Path, draft: IntakeDraft) -> None:
    """Replace the draft at ``path`` atomically (OSError if the folder cannot be written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".intake-draft-", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(to_json(draft))
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_draft(path: Path) -> IntakeDraft | None:
    """The draft kept at ``path``, or None (no file, unreadable, or nothing in it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    draft = from_json(text)
    return None if draft is None or draft.is_empty() else draft


def remove_draft(path: Path) -> None:
    """Forget the draft (saved or discarded); no file is not an error."""
    path.unlink(missing_ok=True)
