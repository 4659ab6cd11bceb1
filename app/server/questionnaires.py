"""The online satisfaction questionnaire (issue 18): a page the sync server serves to the
requester, with no account, from a link in the "resolved" message.

A link carries a random 32-byte token; the server keeps only its SHA-256 (``questionnaires``,
schema ``server_0004``), with the ticket and an expiry: a link cannot be guessed or forged,
is refused after it expires, and is single-use (answering stamps ``answered_at`` in the
same statement that checks it is empty). The mail service (role ``mail``) asks for links
and collects the answers; it applies each to the ticket on its replica with the desk's own
rules (``TicketFlow.confirm`` "collected by questionnaire", or ``reopen`` with the comment)
and the change syncs to every desk like a seat's.

The page is Chinese first with English beneath, plain HTML with labels for every field,
large touch targets and no script: it works on a phone and with a screen reader. Bad input
(no answer to "solved?", a score outside 1-5, an unknown reason, a comment over 2 000
characters) is refused with the form shown again and the problem named.
"""

from __future__ import annotations

import hashlib
import html
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Integer,
    String,
    Table,
    Text,
    select,
    update,
)

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.questionnaire import COMMENT_MAX, REASONS
from app.server import web_front
from app.server.tables import metadata

questionnaires = Table(
    "questionnaires", metadata,
    Column("id", String(36), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("ticket_id", String(36), nullable=False, index=True),
    Column("number", String(32), nullable=False),
    Column("title", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("solved", Boolean, nullable=True),
    Column("score", Integer, nullable=True),
    Column("reason", String(40), nullable=False, server_default=""),
    Column("comment", Text, nullable=False, server_default=""),
    Column("applied_at", DateTime(timezone=True), nullable=True, index=True),
)

VALID = timedelta(days=7)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(conn: Connection, clock: Clock, ticket_id: str, number: str, title: str,
          valid: timedelta = VALID) -> str:
    """A new link's token for ``ticket_id`` (an earlier unanswered link stays valid)."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    conn.execute(questionnaires.insert().values(
        id=new_id(clock), token_hash=_hash(token), ticket_id=ticket_id, number=number[:32],
        title=title, created_at=now, expires_at=now + valid))
    return token


@dataclass(frozen=True)
class Refusal:
    status: int
    zh: str
    en: str


UNKNOWN = Refusal(404, "此链接无效。", "This link is not valid.")
EXPIRED = Refusal(410, "此问卷链接已过期。如有问题，请直接回复邮件或致电服务台。",
                  "This questionnaire link has expired. Reply to the e-mail or call the desk.")
USED = Refusal(410, "此问卷已提交过，感谢您的反馈。",
               "This questionnaire was already answered. Thank you.")


def find(conn: Connection, clock: Clock, token: str) -> dict[str, Any] | Refusal:
    row = conn.execute(select(questionnaires)
                       .where(questionnaires.c.token_hash == _hash(token))).mappings().first()
    if row is None:
        return UNKNOWN
    if row["answered_at"] is not None:
        return USED
    if row["expires_at"] <= clock.now():
        return EXPIRED
    return dict(row)


@dataclass(frozen=True)
class Answer:
    solved: bool
    score: int
    reason: str
    comment: str


def checked(form: dict[str, list[str]]) -> Answer | str:
    """The form's answer, or what is wrong with it (Chinese / English)."""
    def one(name: str) -> str:
        values = form.get(name, [])
        return values[0].strip() if values else ""

    solved = one("solved")
    if solved not in ("yes", "no"):
        return "请选择问题是否已解决。 / Say whether the problem is solved."
    score = one("score")
    if score not in ("1", "2", "3", "4", "5"):
        return "请给出 1 到 5 分的评分。 / Give a score from 1 to 5."
    reason = one("reason")
    if reason and reason not in REASONS:
        return "请从列表中选择原因。 / Choose a reason from the list."
    comment = one("comment")
    if len(comment) > COMMENT_MAX or "\x00" in comment:
        return f"意见不能超过 {COMMENT_MAX} 字。 / The comment is over {COMMENT_MAX} characters."
    if solved == "no" and not comment:
        return "请说明问题还有哪些没有解决。 / Say what is still not solved."
    return Answer(solved == "yes", int(score), reason, comment)


def record(conn: Connection, clock: Clock, token: str, answer: Answer) -> bool:
    """Store ``answer`` once: False when the link was answered (or expired) meanwhile."""
    now = clock.now()
    done = conn.execute(update(questionnaires).where(
        questionnaires.c.token_hash == _hash(token), questionnaires.c.answered_at.is_(None),
        questionnaires.c.expires_at > now).values(
        answered_at=now, solved=answer.solved, score=answer.score, reason=answer.reason,
        comment=answer.comment))
    return done.rowcount == 1


def unapplied(conn: Connection, limit: int = 100) -> list[dict[str, Any]]:
    rows = conn.execute(select(questionnaires).where(
        questionnaires.c.answered_at.is_not(None), questionnaires.c.applied_at.is_(None))
        .order_by(questionnaires.c.answered_at).limit(limit)).mappings().all()
    return [{"id": r["id"], "ticket_id": r["ticket_id"], "solved": r["solved"],
             "score": r["score"], "reason": r["reason"], "comment": r["comment"],
             "answered_at": r["answered_at"].isoformat()} for r in rows]


def mark_applied(conn: Connection, clock: Clock, answer_id: str) -> None:
    conn.execute(update(questionnaires).where(questionnaires.c.id == answer_id)
                 .values(applied_at=clock.now()))


# --- the page ------------------------------------------------------------------------------

def refusal_page(refusal: Refusal) -> str:
    return web_front.page("服务台问卷",
                          f'<h1 id="refused">{html.escape(refusal.zh)}</h1>'
                          f'<p class="en" lang="en">{html.escape(refusal.en)}</p>')


def thanks_page(answer: Answer) -> str:
    zh = "感谢您的评价！" if answer.solved else "已收到，工单已重新打开，我们会继续处理。"
    en = "Thank you for your answer." if answer.solved else \
        "Received: the ticket is open again and we are back on it."
    return web_front.page("服务台问卷",
                          f'<h1 id="thanks">{zh}</h1><p class="en" lang="en">{en}</p>')


def form_page(row: dict[str, Any], error: str = "", typed: dict[str, list[str]] | None = None
              ) -> str:
    typed = typed or {}

    def was(name: str, value: str) -> str:
        return " checked" if value in typed.get(name, []) else ""

    scores = "".join(
        f'<label><input type="radio" name="score" value="{n}"{was("score", str(n))}>'
        f'{"★" * n} {n} 分<span class="en" lang="en"> / {n}</span></label>'
        for n in range(5, 0, -1))
    options = "".join(
        f'<option value="{code}"{" selected" if code in typed.get("reason", []) else ""}>'
        f"{zh} / {en}</option>" for code, (zh, en) in REASONS.items())
    comment = html.escape(typed.get("comment", [""])[0]) if typed.get("comment") else ""
    problem = f'<p class="error" id="error" role="alert">{html.escape(error)}</p>' \
        if error else ""
    return web_front.page("服务台满意度问卷", f"""
<h1>服务台满意度问卷 <span class="en" lang="en">Satisfaction questionnaire</span></h1>
<p>工单 <b>{html.escape(row["number"])}</b>：{html.escape(row["title"])}</p>
{problem}
<form method="post">
<fieldset><legend>问题是否已解决？<span class="en" lang="en"> Is it solved?</span></legend>
<label><input type="radio" name="solved" value="yes"{was("solved", "yes")}>已解决
<span class="en" lang="en">Yes, solved</span></label>
<label><input type="radio" name="solved" value="no"{was("solved", "no")}>未解决（工单将重新打开）
<span class="en" lang="en">No (the ticket is reopened)</span></label></fieldset>
<fieldset><legend>评分<span class="en" lang="en"> Score</span></legend>{scores}</fieldset>
<label for="reason">主要原因<span class="en" lang="en"> Main reason</span></label>
<select id="reason" name="reason"><option value="">—</option>{options}</select>
<label for="comment">意见或建议<span class="en" lang="en"> Comment</span></label>
<textarea id="comment" name="comment" rows="4" maxlength="{COMMENT_MAX}">{comment}</textarea>
<p><button type="submit" id="submit">提交 Submit</button></p>
</form>""")


def url_path(token: str) -> str:
    return f"/q/{token}"


