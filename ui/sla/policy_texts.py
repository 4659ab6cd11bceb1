"""Translated names and messages of the SLA policy page (context "SlaPolicy")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.sla.problems import Issue, PolicyProblem


def action_label(action: str) -> str:
    return {
        "notify_supervisor": QCoreApplication.translate("SlaPolicy", "Notify the supervisor"),
        "raise_level": QCoreApplication.translate("SlaPolicy", "Raise the level"),
        "reassign": QCoreApplication.translate("SlaPolicy", "Hand over to a senior group"),
        "webhook": QCoreApplication.translate("SlaPolicy", "Post to a webhook"),
    }.get(action, action)


# The moment an escalation rule fires, as chosen in the page; the value column holds the
# share or the minutes where the moment needs one.
MOMENTS = ("at_risk", "used", "before", "breached", "after")


def moment_label(moment: str) -> str:
    return {
        "at_risk": QCoreApplication.translate("SlaPolicy", "At risk (share above)"),
        "used": QCoreApplication.translate("SlaPolicy", "Share of the time used (%)"),
        "before": QCoreApplication.translate("SlaPolicy", "Minutes before the deadline"),
        "breached": QCoreApplication.translate("SlaPolicy", "At the deadline"),
        "after": QCoreApplication.translate("SlaPolicy", "Minutes past the deadline"),
    }[moment]


def _where(issue: Issue) -> str:
    row = "" if issue.row is None else str(issue.row + 1)
    if issue.problem in (PolicyProblem.MINUTES_NOT_POSITIVE,
                         PolicyProblem.WARNING_OUT_OF_RANGE, PolicyProblem.WARNING_UNREADABLE):
        return QCoreApplication.translate("SlaPolicy", "Targets, row %1:").replace("%1", row)
    if issue.problem is PolicyProblem.DAY_TWICE:
        return QCoreApplication.translate("SlaPolicy", "Calendar, row %1:").replace("%1", row)
    if issue.problem is PolicyProblem.SHARE_OUT_OF_RANGE:
        return QCoreApplication.translate("SlaPolicy", "At-risk share:")
    if issue.problem in (PolicyProblem.CLOSES_BEFORE_OPENING, PolicyProblem.ZONE_UNKNOWN):
        return QCoreApplication.translate("SlaPolicy", "Business hours:")
    return QCoreApplication.translate("SlaPolicy", "Escalations, row %1:").replace("%1", row)


def issue_text(issue: Issue) -> str:
    """One line saying where the problem is and what to do."""
    what = {
        PolicyProblem.MINUTES_NOT_POSITIVE: QCoreApplication.translate(
            "SlaPolicy", "the target needs more than 0 minutes."),
        PolicyProblem.SHARE_OUT_OF_RANGE: QCoreApplication.translate(
            "SlaPolicy", "give a share between 0 and 100 %, both excluded."),
        PolicyProblem.WARNING_OUT_OF_RANGE: QCoreApplication.translate(
            "SlaPolicy", "warnings are percentages from 1 to 99 (not %1)."),
        PolicyProblem.WARNING_UNREADABLE: QCoreApplication.translate(
            "SlaPolicy", "write warnings as numbers separated by commas, e.g. 70, 80, 90."),
        PolicyProblem.THRESHOLD_UNKNOWN: QCoreApplication.translate(
            "SlaPolicy", "choose a share from 1 to 99 %, or at least one minute before or "
            "past the deadline."),
        PolicyProblem.WEBHOOK_URL_INVALID: QCoreApplication.translate(
            "SlaPolicy", "the webhook address must start with http:// or https:// and name "
            "a server."),
        PolicyProblem.TEAM_MISSING: QCoreApplication.translate(
            "SlaPolicy", "choose the senior group to hand the ticket to."),
        PolicyProblem.DAY_TWICE: QCoreApplication.translate(
            "SlaPolicy", "%1 is listed twice."),
        PolicyProblem.CLOSES_BEFORE_OPENING: QCoreApplication.translate(
            "SlaPolicy", "the closing time must be after the opening time, on the same day."),
        PolicyProblem.ZONE_UNKNOWN: QCoreApplication.translate(
            "SlaPolicy", "\"%1\" is not a time zone this computer knows; choose one from the "
            "list, e.g. Asia/Shanghai."),
    }[issue.problem].replace("%1", issue.detail)
    return f"{_where(issue)} {what}"
