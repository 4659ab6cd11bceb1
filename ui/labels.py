"""Translated names of the domain's enumerations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.channels.records import ABANDONED, ANSWERED, PhoneCall
from app.domain.enums import Channel, Level, SatisfactionMethod, Seniority, TicketState
from app.sla.thresholds import parse


def state_label(state: TicketState) -> str:
    return {
        TicketState.NEW: QCoreApplication.translate("Labels", "New"),
        TicketState.ASSIGNED: QCoreApplication.translate("Labels", "Assigned"),
        TicketState.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        TicketState.PENDING_REQUESTER: QCoreApplication.translate("Labels", "Pending requester"),
        TicketState.PENDING_VENDOR: QCoreApplication.translate("Labels", "Pending vendor"),
        TicketState.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        TicketState.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }[state]


def channel_label(channel: Channel) -> str:
    return {
        Channel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        Channel.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
        Channel.CHAT: QCoreApplication.translate("Labels", "Online chat"),
        Channel.WALK_IN: QCoreApplication.translate("Labels", "Walk-in"),
        Channel.MONITORING: QCoreApplication.translate("Labels", "Monitoring alert"),
        Channel.WEB: QCoreApplication.translate("Labels", "Web"),
    }[channel]


def level_label(level: Level) -> str:
    return {
        Level.ONE: QCoreApplication.translate("Labels", "Level 1"),
        Level.TWO: QCoreApplication.translate("Labels", "Level 2"),
        Level.THREE: QCoreApplication.translate("Labels", "Level 3"),
    }[level]


def seniority_label(seniority: Seniority) -> str:
    return {
        Seniority.ENGINEER: QCoreApplication.translate("Labels", "Engineer"),
        Seniority.EXPERIENCED: QCoreApplication.translate("Labels", "Experienced engineer"),
        Seniority.SENIOR_EXPERT: QCoreApplication.translate("Labels", "Senior expert"),
    }[seniority]


def satisfaction_method_label(method: str) -> str:
    """How a rating was collected; "" for a rating recorded before the desk kept it."""
    names: dict[str, str] = {
        SatisfactionMethod.CALL_BACK: QCoreApplication.translate("Labels", "Phone call-back"),
        SatisfactionMethod.QUESTIONNAIRE: QCoreApplication.translate("Labels", "Questionnaire"),
    }
    return names.get(method, "")


LEVEL_COLORS = {Level.ONE: "#c62828", Level.TWO: "#ef6c00", Level.THREE: "#2e7d32"}


# Names of SLA targets and thresholds as the seat reads them (the queue, the ticket view
# and the notification centre all show them).
def target_label(kind: str) -> str:
    return {
        "first_response": QCoreApplication.translate("SlaLabels", "First response"),
        "update": QCoreApplication.translate("SlaLabels", "Progress update"),
        "resolution": QCoreApplication.translate("SlaLabels", "Resolution"),
        "pickup": QCoreApplication.translate("SlaLabels", "Pickup"),
        "analysis": QCoreApplication.translate("SlaLabels", "Analysis"),
        "consultation": QCoreApplication.translate("SlaLabels", "Consultation answered"),
        "follow_up": QCoreApplication.translate("SlaLabels", "Follow-up"),
        "plan": QCoreApplication.translate("SlaLabels", "Handling plan"),
        "answer": QCoreApplication.translate("SlaLabels", "Phone answered (rings)"),
        "call_back": QCoreApplication.translate("SlaLabels", "Call back"),
    }.get(kind, kind)


def missed_cause_label(cause: str) -> str:
    """A cause of a missed target (app/sla/causes.py) as the seat, timeline and reports
    name it."""
    return {
        "waiting_on_vendor": QCoreApplication.translate("SlaLabels", "Waiting on a vendor"),
        "wrong_category": QCoreApplication.translate("SlaLabels", "Wrong category or level"),
        "staffing": QCoreApplication.translate("SlaLabels", "Not enough staff"),
        "requester_unreachable": QCoreApplication.translate("SlaLabels",
                                                            "Requester unreachable"),
        "complex_problem": QCoreApplication.translate("SlaLabels", "More complex than graded"),
        "system_outage": QCoreApplication.translate("SlaLabels", "Tools or systems down"),
        "other": QCoreApplication.translate("SlaLabels", "Other (say what)"),
    }.get(cause, cause)


def threshold_label(threshold: str) -> str:
    fixed = {
        "at_risk": QCoreApplication.translate("SlaLabels", "At risk"),
        "breached": QCoreApplication.translate("SlaLabels", "Breached"),
    }.get(threshold)
    mark = parse(threshold)
    if fixed is not None or mark is None:
        return fixed or threshold
    if mark.share is not None and mark.share < 1:
        return QCoreApplication.translate("SlaLabels", "%1 % of the time used").replace(
            "%1", str(round(mark.share * 100)))
    if mark.minutes > 0:
        return QCoreApplication.translate("SlaLabels", "%1 min past the deadline").replace(
            "%1", str(mark.minutes))
    return QCoreApplication.translate("SlaLabels", "%1 min before the deadline").replace(
        "%1", str(-mark.minutes))


# Escalations as the ledger, the wallboard and exports name them (app/sla/escalation.py,
# app/sla/actions.py: done / skipped / failed / pending = sent, not yet acknowledged).
def escalation_action_label(action: str) -> str:
    return {
        "notify_supervisor": QCoreApplication.translate("SlaLabels", "Notify the supervisor"),
        "raise_level": QCoreApplication.translate("SlaLabels", "Raise the level"),
        "reassign": QCoreApplication.translate("SlaLabels", "Hand over to a senior group"),
        "webhook": QCoreApplication.translate("SlaLabels", "Webhook"),
    }.get(action, action)


def escalation_outcome_label(outcome: str) -> str:
    return {
        "done": QCoreApplication.translate("SlaLabels", "Done"),
        "skipped": QCoreApplication.translate("SlaLabels", "Skipped"),
        "failed": QCoreApplication.translate("SlaLabels", "Failed"),
        "pending": QCoreApplication.translate("SlaLabels", "Sent, not acknowledged"),
    }.get(outcome, outcome)


def call_miss_text(call: PhoneCall, limit: int) -> str:
    """What a call's missed answer target says: who called which extension, and how."""
    caller = call.caller or QCoreApplication.translate("SlaLabels", "a withheld number")
    if call.outcome == ANSWERED:
        return QCoreApplication.translate(
            "SlaLabels", "Call from {caller} to extension {extension} answered after "
            "{rings} rings (target {limit})").format(
            caller=caller, extension=call.extension, rings=f"{call.rings or 0:g}",
            limit=limit)
    if call.outcome == ABANDONED:
        return QCoreApplication.translate(
            "SlaLabels", "Call from {caller} to extension {extension}: the caller hung up "
            "before an answer").format(caller=caller, extension=call.extension)
    return QCoreApplication.translate(
        "SlaLabels", "Call from {caller} to extension {extension} was not answered").format(
        caller=caller, extension=call.extension)
