"""The questionnaire's answers applied to tickets (the mail service, on its replica): a
"solved" answer confirms the ticket - closed, with the score, "collected by questionnaire"
and the comment; "not solved" reopens it with the comment. The desk's own rules decide
(``TicketFlow``), the change syncs to every desk like a seat's, and the answer is marked
applied on the server only after that. An answer to a ticket no longer waiting for its
requester (a seat closed or reopened it meanwhile) is marked applied unchanged, and said in
the log; one for a ticket the replica has not pulled yet waits for the next pass."""

from __future__ import annotations

import logging
from contextlib import closing
from typing import Any

from app.domain.clock import Clock
from app.domain.enums import SatisfactionMethod, TicketState
from app.domain.questionnaire import REASONS
from app.services.errors import DeskError
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.reading import read_connection
from app.sync.client import ServerClient

log = logging.getLogger("seatdesk.mail")


def _comment(answer: dict[str, Any]) -> str:
    reason = REASONS.get(str(answer.get("reason") or ""))
    parts = [f"问卷评分 {answer.get('score')}/5"]
    if reason:
        parts.append(f"原因：{reason[0]}")
    text = "；".join(parts)
    comment = str(answer.get("comment") or "").strip()
    return f"{text}。{comment}" if comment else text


def apply_answers(store: Store, clock: Clock, client: ServerClient) -> int:
    """Apply the answers the server holds; returns how many changed a ticket."""
    answers = client.call("GET", "/v1/questionnaires/answers")["answers"]
    changed = 0
    for answer in answers:
        with closing(read_connection(store.path)) as reader:
            found = reader.execute("SELECT state, version FROM tickets WHERE id = ?",
                                   (answer["ticket_id"],)).fetchone()
        if found is None:
            continue  # not pulled yet
        state, version = found
        if state == TicketState.RESOLVED:
            flow = TicketFlow(store, clock, None)
            try:
                if answer["solved"]:
                    flow.confirm(answer["ticket_id"], version, score=int(answer["score"]),
                                 method=SatisfactionMethod.QUESTIONNAIRE,
                                 comment=_comment(answer))
                else:
                    flow.reopen(answer["ticket_id"], version,
                                "问卷：问题未解决。" + _comment(answer))
                changed += 1
            except DeskError as error:
                if error.problem.name in ("STALE", "NOT_VERIFIED"):
                    # Changed meanwhile, or a level-2 result the technical lead has not
                    # verified yet (app/process): kept, applied at a later pass.
                    continue
                log.warning("questionnaire answer for %s not applied: %s",
                            answer["ticket_id"], error.problem)
        else:
            log.info("questionnaire answer for a ticket now %s: kept, not applied", state)
        client.call("POST", f"/v1/questionnaires/{answer['id']}/applied")
    return changed
