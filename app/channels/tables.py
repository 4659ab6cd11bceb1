"""The desk's record of each phone call (issue 19): written by the sync server when a call
ends ringing (answered, missed, or hung up while ringing), synced to every desk.

Rings are measured on the server (the PBX's events arrive there); this record brings each
call's outcome to every desk, so that the phone's answer target is judged, raised and
reported from the same facts everywhere (``app/sla/calls.py``, ``app/reports/phone.py``).
Times and the ring length are kept, not the rings: rings = (answered_at - ringing_at) ÷
ring_ms, and whole milliseconds travel as every synced value does (no floats).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base
from app.store.types import UTCDateTime


class PhoneCallRow(Base):
    """One call to a seat's extension. Append-only: written once, when it stops ringing."""

    __tablename__ = "phone_calls"
    __table_args__ = (Index("ix_phone_calls_ringing_at", "ringing_at"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    call_id: Mapped[str] = mapped_column(String(100))  # the PBX's own
    extension: Mapped[str] = mapped_column(String(20))
    caller: Mapped[str] = mapped_column(String(40))  # empty when withheld
    # The seat whose extension rang (None: the extension was nobody's).
    seat_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"))
    ringing_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # missed or abandoned
    ring_ms: Mapped[int] = mapped_column(Integer)  # the PBX's ring length
    outcome: Mapped[str] = mapped_column(String(10))  # answered | missed | abandoned
    # The call-back task the server opened for a call nobody answered.
    ticket_id: Mapped[str | None] = mapped_column(ForeignKey("tickets.id"))
