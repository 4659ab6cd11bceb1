"""What the desk tells a requester, per event, in Chinese and English: the built-in wording,
which an administrator's row of ``message_templates`` replaces.

A template is text with ``{placeholders}``: ``{number}``, ``{title}``, ``{requester}``,
``{desk}``, ``{text}`` (the seat's answer, the solution or the escalation), ``{link}`` (the
online questionnaire's link with a line saying what it is, on "resolved"; empty without).
An unknown placeholder stays as written rather than failing the message. The subject always
carries the ticket number in brackets, so the requester's reply finds its ticket.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.clock import Clock
from app.mail.tables import MessageTemplateRow
from app.store.database import Store


class MessageEvent(StrEnum):
    RECEIVED = "received"
    PROGRESS = "progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REMINDER = "reminder"  # the resolved ticket's confirmation still unanswered


@dataclass(frozen=True)
class Template:
    subject: str
    body: str


_BUILT_IN: dict[tuple[MessageEvent, str], Template] = {
    (MessageEvent.RECEIVED, "zh"): Template(
        "[{number}] 已收到您的请求：{title}",
        "{requester}，您好：\n\n{desk}已收到您的请求，工单号 {number}。我们将尽快处理，"
        "并随时告知进展。\n回复本邮件即可补充信息（请保留主题中的工单号）。\n\n{desk}"),
    (MessageEvent.RECEIVED, "en"): Template(
        "[{number}] We received your request: {title}",
        "Dear {requester},\n\n{desk} received your request as ticket {number}. We will "
        "work on it and keep you informed.\nReply to this message to add anything (keep the "
        "ticket number in the subject).\n\n{desk}"),
    (MessageEvent.PROGRESS, "zh"): Template(
        "[{number}] 处理进展：{title}", "{requester}，您好：\n\n{text}\n\n{desk}"),
    (MessageEvent.PROGRESS, "en"): Template(
        "[{number}] Progress: {title}", "Dear {requester},\n\n{text}\n\n{desk}"),
    (MessageEvent.ESCALATED, "zh"): Template(
        "[{number}] 您的请求已升级处理：{title}",
        "{requester}，您好：\n\n您的请求 {number} 已升级，由更高级别的工程师跟进处理。"
        "我们会继续告知进展。\n\n{desk}"),
    (MessageEvent.ESCALATED, "en"): Template(
        "[{number}] Your request was escalated: {title}",
        "Dear {requester},\n\nyour request {number} was escalated to senior engineers. We "
        "will keep you informed.\n\n{desk}"),
    (MessageEvent.RESOLVED, "zh"): Template(
        "[{number}] 已解决，请确认：{title}",
        "{requester}，您好：\n\n您的请求 {number} 已处理完毕：\n\n{text}\n\n"
        "如问题仍未解决，请直接回复本邮件说明。\n{link}\n\n{desk}"),
    (MessageEvent.RESOLVED, "en"): Template(
        "[{number}] Resolved - please confirm: {title}",
        "Dear {requester},\n\nyour request {number} was resolved:\n\n{text}\n\n"
        "If the problem remains, reply to this message and say so.\n{link}\n\n{desk}"),
    (MessageEvent.REMINDER, "zh"): Template(
        "[{number}] 提醒：请确认问题是否已解决：{title}",
        "{requester}，您好：\n\n您的请求 {number} 已处理完毕，我们还没有收到您的确认。"
        "如问题仍未解决，请直接回复本邮件说明。\n{link}\n\n{desk}"),
    (MessageEvent.REMINDER, "en"): Template(
        "[{number}] Reminder: is it solved? {title}",
        "Dear {requester},\n\nyour request {number} was resolved and we have not heard "
        "from you yet. If the problem remains, reply to this message and say so.\n{link}"
        "\n\n{desk}"),
    (MessageEvent.CLOSED, "zh"): Template(
        "[{number}] 工单已关闭：{title}",
        "{requester}，您好：\n\n工单 {number} 已关闭。感谢您的配合。\n\n{desk}"),
    (MessageEvent.CLOSED, "en"): Template(
        "[{number}] Ticket closed: {title}",
        "Dear {requester},\n\nticket {number} is closed. Thank you.\n\n{desk}"),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def built_in(event: MessageEvent, language: str) -> Template:
    return _BUILT_IN[(event, "zh" if language.startswith("zh") else "en")]


def template(reader: sqlite3.Connection, event: MessageEvent, language: str) -> Template:
    """The administrator's wording if there is one, else the built-in one."""
    code = "zh" if language.startswith("zh") else "en"
    row = reader.execute("SELECT subject, body FROM message_templates WHERE id = ?",
                         (f"{event}:{code}",)).fetchone()
    return Template(row[0], row[1]) if row else built_in(event, code)


def link_line(url: str, language: str) -> str:
    """The questionnaire's line in a "resolved" message."""
    if not url:
        return ""
    if language.startswith("zh"):
        return f"在线确认并评价（7 天内有效）：{url}"
    return f"Confirm and rate online (valid for 7 days): {url}"


def fill(text: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda found: values.get(found.group(1), found.group(0)), text)


def render(chosen: Template, values: Mapping[str, str]) -> Template:
    subject = fill(chosen.subject, values)
    number = values.get("number", "")
    if number and number not in subject:  # the reply must find its ticket
        subject = f"[{number}] {subject}"
    return Template(subject.replace("\n", " ").strip(), fill(chosen.body, values))


SUBJECT_MAX = 200
BODY_MAX = 10_000
SAMPLE = {"number": "SD-000123", "title": "VPN 无法连接", "requester": "张伟",
          "desk": "服务台", "text": "已重置 VPN 账号，请重新登录。",
          "link": "在线确认并评价（7 天内有效）：https://desk.example.gov.cn/q/…"}


def save(store: Store, clock: Clock, author_id: str | None, event: MessageEvent,
         language: str, subject: str, body: str) -> None:
    """An administrator's wording of ``event`` in ``language`` (``ValueError`` when the
    subject is empty or either part too long: nothing is written then)."""
    code = "zh" if language.startswith("zh") else "en"
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValueError("empty")
    if len(subject) > SUBJECT_MAX or len(body) > BODY_MAX:
        raise ValueError("too long")
    with store.unit_of_work() as session:
        row = session.get(MessageTemplateRow, f"{event}:{code}")
        if row is None:
            session.add(MessageTemplateRow(
                id=f"{event}:{code}", event=str(event), language=code, subject=subject,
                body=body, author_id=author_id, version=1, updated_at=clock.now()))
        else:
            row.subject, row.body, row.author_id = subject, body, author_id
            row.updated_at = clock.now()
