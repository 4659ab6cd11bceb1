"""The ticket timeline as HTML for a QTextBrowser (append-only history: who, when, what)."""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from app.domain.enums import EventKind, TicketState
from app.store.ticket_detail import TimelineEntry
from ui.labels import state_label


def _what(entry: TimelineEntry) -> str:
    t = QCoreApplication.translate
    data = entry.data
    if entry.kind == EventKind.CREATED:
        return t("Timeline", "created the ticket")
    if entry.kind == EventKind.STATE_CHANGED:
        return t("Timeline", "changed the state: %1 → %2") \
            .replace("%1", state_label(TicketState(data["from"]))) \
            .replace("%2", state_label(TicketState(data["to"])))
    if entry.kind == EventKind.ASSIGNED:
        return t("Timeline", "assigned the ticket")
    if entry.kind == EventKind.SATISFACTION:
        return t("Timeline", "recorded satisfaction %1/5").replace("%1", str(data.get("score")))
    if entry.kind == EventKind.WORK_LOG:
        return t("Timeline", "logged work (%1 min)").replace("%1", str(data.get("minutes", 0)))
    if entry.kind == EventKind.CALL_NOTE:
        return t("Timeline", "noted a call")
    if data.get("first_response"):
        return t("Timeline", "gave the first response")
    if data.get("link"):
        return t("Timeline", "linked another ticket")
    if data.get("visibility") == "to_requester":
        return t("Timeline", "replied to the requester")
    return t("Timeline", "added an internal comment")


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
