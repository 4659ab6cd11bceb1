"""Whether a level-2 result still waits for the technical lead's verification.

The newest verification made since the ticket was (last) resolved decides: a result
reopened and resolved again needs a new one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Level
from app.process.tables import VerificationRow
from app.store.models import TicketRow


def latest_verification(session: Session, ticket_id: str,
                        since: datetime | None) -> VerificationRow | None:
    query = select(VerificationRow).where(VerificationRow.ticket_id == ticket_id)
    if since is not None:
        query = query.where(VerificationRow.at >= since)
    return session.scalars(query.order_by(VerificationRow.at.desc(),
                                          VerificationRow.id.desc()).limit(1)).first()


def verification_missing(session: Session, row: TicketRow) -> bool:
    """A level-2 ticket whose present resolution has no approving verification."""
    if row.level != Level.TWO:
        return False
    found = latest_verification(session, row.id, row.resolved_at)
    return found is None or not found.approved
