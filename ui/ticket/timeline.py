"""The ticket timeline as HTML for a QTextBrowser (append-only history: who, when, what)."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.domain.enums import EventKind, Level, TicketState
from app.store.ticket_detail import TimelineEntry
from ui.labels import (
    level_label,
    missed_cause_label,
    satisfaction_method_label,
    state_label,
    target_label,
    threshold_label,
)


def _field(name: str) -> str:
    return {
        "title": QCoreApplication.translate("Timeline", "title"),
        "description": QCoreApplication.translate("Timeline", "description"),
        "type_id": QCoreApplication.translate("Timeline", "type"),
        "category_id": QCoreApplication.translate("Timeline", "category"),
        "urgency": QCoreApplication.translate("Timeline", "urgency"),
        "impact": QCoreApplication.translate("Timeline", "impact"),
        "importance": QCoreApplication.translate("Timeline", "importance"),
        "level": QCoreApplication.translate("Timeline", "level"),
        "level_reason": QCoreApplication.translate("Timeline", "reason for the level"),
    }.get(name, name)


def _escalation(data: dict[str, object]) -> str:
    action = {
        "notify_supervisor": QCoreApplication.translate("Timeline", "notified the supervisor"),
        "raise_level": QCoreApplication.translate("Timeline", "raised the level"),
        "reassign": QCoreApplication.translate("Timeline", "handed it to a senior group"),
        "webhook": QCoreApplication.translate("Timeline", "posted to the alert webhook"),
    }.get(str(data.get("action")), str(data.get("action")))
    text = QCoreApplication.translate("Timeline", "escalated (%1 %2): %3") \
        .replace("%1", target_label(str(data.get("target", "")))) \
        .replace("%2", threshold_label(str(data.get("threshold", "")))).replace("%3", action)
    detail = str(data.get("detail") or "")
    return f"{text} ({detail})" if detail else text


def _satisfaction(data: dict[str, object]) -> str:
    text = QCoreApplication.translate("Timeline", "recorded satisfaction %1/5") \
        .replace("%1", str(data.get("score")))
    # Entries before schema 0007 carry no "collected_by" (their "method" was always
    # "call_back", whatever the seat chose): they say nothing of how.
    method = satisfaction_method_label(str(data.get("collected_by", "")))
    if not method:
        return text
    return QCoreApplication.translate("Timeline", "%1, collected by %2") \
        .replace("%1", text).replace("%2", method)


def _unconfirmed(data: dict[str, object]) -> str:
    hours = data.get("timeout_hours")
    if not isinstance(hours, int | float):  # closed before the timeout was recorded
        return QCoreApplication.translate("Timeline", " without the requester's confirmation")
    return QCoreApplication.translate(
        "Timeline", " without the requester's confirmation (no answer within %1 h)") \
        .replace("%1", f"{hours:g}")


PROCESS_KINDS = frozenset({EventKind.ESCALATED, EventKind.PLAN_SAVED, EventKind.STEP_DONE,
                           EventKind.VERIFIED, EventKind.REVIEWED, EventKind.ANALYSED,
                           EventKind.EMERGENCY})


def _process(kind: str, data: dict[str, object]) -> str:
    """Escalations and the handling process's entries (app/process)."""
    if kind == EventKind.ESCALATED:
        return _escalation(data)
    if kind == EventKind.PLAN_SAVED:
        if data.get("kind") == "emergency":
            return QCoreApplication.translate("Timeline", "wrote the emergency plan (%1 steps)") \
                .replace("%1", str(data.get("steps", 0)))
        return QCoreApplication.translate("Timeline", "saved the handling plan (%1 steps)") \
            .replace("%1", str(data.get("steps", 0)))
    if kind == EventKind.STEP_DONE:
        text = QCoreApplication.translate("Timeline", "carried out plan step %1") \
            .replace("%1", str(int(str(data.get("position", 0))) + 1))
        return text + QCoreApplication.translate("Timeline", " (after its planned time)") \
            if data.get("late") else text
    if kind == EventKind.VERIFIED:
        return QCoreApplication.translate("Timeline", "verified the resolution") \
            if data.get("approved") else \
            QCoreApplication.translate("Timeline", "did not verify the resolution: back to work")
    if kind == EventKind.REVIEWED:
        return QCoreApplication.translate("Timeline", "reviewed and approved the result") \
            if data.get("approved") else \
            QCoreApplication.translate("Timeline", "sent the result back with findings")
    if kind == EventKind.ANALYSED:
        return QCoreApplication.translate("Timeline", "recorded the analysis (planned: %1 min)") \
            .replace("%1", str(data.get("planned_minutes", 0)))
    return QCoreApplication.translate("Timeline", "declared a level-1 emergency")


def _mail(data: dict[str, object]) -> str:
    text = QCoreApplication.translate("Timeline", "e-mail from %1: %2") \
        .replace("%1", str(data.get("from", ""))).replace("%2", str(data.get("subject", "")))
    if data.get("automatic"):
        text += QCoreApplication.translate("Timeline", " (sent automatically; not answered)")
    attachments = data.get("attachments")
    for item in attachments if isinstance(attachments, list) else []:
        if not isinstance(item, dict):
            continue
        size = f"{max(1, round(int(item.get('size', 0)) / 1024))} KB"
        if item.get("stored"):
            note = QCoreApplication.translate("Timeline", "; attachment %1 (%2)")
        else:
            note = QCoreApplication.translate(
                "Timeline", "; attachment %1 (%2) not kept: over the size limit")
        text += note.replace("%1", str(item.get("name", ""))).replace("%2", size)
    return text


def _alert(what: str) -> str:
    """Entries the server writes for a monitoring alert (app/server/channels/alerts.py)."""
    if what == "fired":
        return QCoreApplication.translate("Timeline", "the alert fired again")
    if what == "resolved":
        return QCoreApplication.translate("Timeline", "the alert resolved")
    return QCoreApplication.translate("Timeline", "another alert joined this storm")


def _sent(kind: str, data: dict[str, object]) -> str:
    """A message to the requester (app/mail/sending.py): sent, or given up on."""
    if kind == EventKind.MAIL_SENT:
        text = QCoreApplication.translate("Timeline", "sent an e-mail to %1: %2")
    else:
        text = QCoreApplication.translate(
            "Timeline", "could not send an e-mail to %1 (%2); the reason follows")
    return text.replace("%1", str(data.get("to", ""))).replace("%2", str(data.get("subject", "")))


def _what(entry: TimelineEntry) -> str:
    data = entry.data
    if entry.kind == EventKind.CREATED:
        return QCoreApplication.translate("Timeline", "created the ticket")
    if entry.kind == EventKind.STATE_CHANGED:
        text = QCoreApplication.translate("Timeline", "changed the state: %1 → %2") \
            .replace("%1", state_label(TicketState(data["from"]))) \
            .replace("%2", state_label(TicketState(data["to"])))
        return text + _unconfirmed(data) if data.get("unconfirmed") else text
    if entry.kind == EventKind.ASSIGNED:
        return QCoreApplication.translate("Timeline", "assigned the ticket")
    if entry.kind == EventKind.SATISFACTION:
        return _satisfaction(data)
    if entry.kind == EventKind.WORK_LOG:
        return QCoreApplication.translate("Timeline", "logged work (%1 min)") \
            .replace("%1", str(data.get("minutes", 0)))
    if entry.kind == EventKind.EDITED:
        return QCoreApplication.translate("Timeline", "edited: %1") \
            .replace("%1", ", ".join(_field(name) for name in sorted(data.get("changed", {}))))
    if entry.kind == EventKind.LEVEL_CHANGED:
        return QCoreApplication.translate("Timeline", "changed the level: %1 → %2") \
            .replace("%1", level_label(Level(data["from"]))) \
            .replace("%2", level_label(Level(data["to"])))
    if entry.kind == EventKind.CALL_NOTE:
        return QCoreApplication.translate("Timeline", "noted a call")
    if entry.kind in PROCESS_KINDS:
        return _process(entry.kind, data)
    if entry.kind == EventKind.MISSED_CAUSE:
        return QCoreApplication.translate("Timeline", "said why %1 was missed: %2") \
            .replace("%1", target_label(str(data.get("target", "")))) \
            .replace("%2", missed_cause_label(str(data.get("cause", ""))))
    if entry.kind == EventKind.MAIL_RECEIVED:
        return _mail(data)
    if entry.kind in (EventKind.MAIL_SENT, EventKind.MAIL_FAILED):
        return _sent(entry.kind, data)
    return _comment(data)


def _comment(data: dict[str, object]) -> str:
    if data.get("alert"):
        return _alert(str(data["alert"]))
    if data.get("first_response"):
        return QCoreApplication.translate("Timeline", "gave the first response")
    if data.get("link"):
        return QCoreApplication.translate("Timeline", "linked another ticket")
    if data.get("visibility") == "to_requester":
        return QCoreApplication.translate("Timeline", "replied to the requester")
    return QCoreApplication.translate("Timeline", "added an internal comment")


def timeline_html(entries: list[TimelineEntry], zone: ZoneInfo) -> str:
    system = QCoreApplication.translate("Timeline", "System")
    rows = []
    for entry in entries:
        when = entry.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
        who = html.escape(entry.actor or system)
        body = f"<div style='margin-left:12px'>{html.escape(entry.body)}</div>" if entry.body \
            else ""
        rows.append(f"<p><span style='color:#607d8b'>{when}</span> <b>{who}</b> "
                    f"{html.escape(_what(entry))}{body}</p>")
    return "\n".join(rows)
