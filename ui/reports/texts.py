"""Words of the reports: target kinds, channels, outcomes, weekdays (context "Reports")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.reports.phone import RING_EDGES
from app.sla.policy import TargetKind


def kind_label(kind: TargetKind) -> str:
    return {
        TargetKind.FIRST_RESPONSE: QCoreApplication.translate("Reports", "First response"),
        TargetKind.UPDATE: QCoreApplication.translate("Reports", "Update cadence"),
        TargetKind.RESOLUTION: QCoreApplication.translate("Reports", "Resolution"),
        TargetKind.PICKUP: QCoreApplication.translate("Reports", "Pickup"),
        TargetKind.PLAN: QCoreApplication.translate("Reports", "Handling plan"),
        TargetKind.ANALYSIS: QCoreApplication.translate("Reports", "Analysis"),
        TargetKind.CONSULTATION: QCoreApplication.translate("Reports", "Consultation answered"),
        TargetKind.ANSWER: QCoreApplication.translate("Reports", "Phone answered"),
        TargetKind.CALL_BACK: QCoreApplication.translate("Reports", "Call back"),
        TargetKind.FOLLOW_UP: QCoreApplication.translate("Reports", "Follow-up"),
    }.get(kind, str(kind))


def kind_labels() -> dict[TargetKind, str]:
    return {kind: kind_label(kind) for kind in TargetKind}


def channel_label(channel: str) -> str:
    return {
        "phone": QCoreApplication.translate("Reports", "Phone"),
        "email": QCoreApplication.translate("Reports", "E-mail"),
        "chat": QCoreApplication.translate("Reports", "Chat"),
        "walk_in": QCoreApplication.translate("Reports", "Walk-in"),
        "monitoring": QCoreApplication.translate("Reports", "Monitoring"),
        "web": QCoreApplication.translate("Reports", "Web"),
    }.get(channel, channel)


def method_label(method: str) -> str:
    return {
        "call_back": QCoreApplication.translate("Reports", "Call back"),
        "questionnaire": QCoreApplication.translate("Reports", "Questionnaire"),
    }.get(method, QCoreApplication.translate("Reports", "Not recorded"))


def reason_label(reason: str) -> str:
    """A reason of the questionnaire's short list (app/domain/questionnaire.py)."""
    return {
        "fast": QCoreApplication.translate("Reports", "Handled quickly"),
        "skill": QCoreApplication.translate("Reports", "Knew what to do"),
        "attitude": QCoreApplication.translate("Reports", "Kind and clear"),
        "slow": QCoreApplication.translate("Reports", "Too slow"),
        "unclear": QCoreApplication.translate("Reports", "Unclear communication"),
        "other": QCoreApplication.translate("Reports", "Something else"),
    }.get(reason, reason)


def reasons_header() -> list[str]:
    return [QCoreApplication.translate("Reports", "Reason in the comment"),
            QCoreApplication.translate("Reports", "Tickets"),
            QCoreApplication.translate("Reports", "Share of the commented")]


def weekdays() -> list[str]:
    return [
        QCoreApplication.translate("Reports", "Mon"),
        QCoreApplication.translate("Reports", "Tue"),
        QCoreApplication.translate("Reports", "Wed"),
        QCoreApplication.translate("Reports", "Thu"),
        QCoreApplication.translate("Reports", "Fri"),
        QCoreApplication.translate("Reports", "Sat"),
        QCoreApplication.translate("Reports", "Sun"),
    ]


def share(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def histogram_labels() -> list[str]:
    from app.reports.targets import BIN_EDGES

    return [f"<{minutes(edge)}" for edge in BIN_EDGES] + [f"≥{minutes(BIN_EDGES[-1])}"]


def target_header(first: str) -> list[str]:
    """Columns of a target's figures (the page's tables and the PDF's)."""
    return [
        first,
        QCoreApplication.translate("Reports", "Met"),
        QCoreApplication.translate("Reports", "Missed"),
        QCoreApplication.translate("Reports", "Breached"),
        QCoreApplication.translate("Reports", "Running"),
        QCoreApplication.translate("Reports", "Share met"),
        "p50",
        "p90",
        "p95",
    ]


def seats_header(short: bool = False) -> list[str]:
    """Columns of the seats' figures; ``short``: the PDF's narrow page says only "p90"."""
    return [
        QCoreApplication.translate("Reports", "Seat"),
        QCoreApplication.translate("Reports", "Taken"),
        QCoreApplication.translate("Reports", "Resolved"),
        QCoreApplication.translate("Reports", "Reopened"),
        QCoreApplication.translate("Reports", "Satisfaction"),
        QCoreApplication.translate("Reports", "Sent back"),
        QCoreApplication.translate("Reports", "First response met"),
        "p90" if short else QCoreApplication.translate("Reports", "First response p90"),
        QCoreApplication.translate("Reports", "Resolution met"),
        "p90" if short else QCoreApplication.translate("Reports", "Resolution p90"),
        QCoreApplication.translate("Reports", "Duty hours"),
    ]


def channels_header() -> list[str]:
    return [
        QCoreApplication.translate("Reports", "Channel"),
        QCoreApplication.translate("Reports", "Volume"),
        QCoreApplication.translate("Reports", "First response met"),
        QCoreApplication.translate("Reports", "Rated"),
        QCoreApplication.translate("Reports", "Satisfaction"),
    ]


# Where phone_header's answers-per-ring columns are.
PHONE_RING_COLUMNS = slice(8, 8 + len(RING_EDGES) + 1)


def phone_header(limit: int | None) -> list[str]:
    """Columns of the phone's figures: the answer target's share, how calls ended, the
    answers per ring and the seconds to answer."""
    rings = "-" if limit is None else str(limit)
    return [
        QCoreApplication.translate("Reports", "Phone calls"),
        QCoreApplication.translate("Reports", "Calls"),
        QCoreApplication.translate("Reports", "Within %1 rings").replace("%1", rings),
        QCoreApplication.translate("Reports", "Share within"),
        QCoreApplication.translate("Reports", "Late"),
        QCoreApplication.translate("Reports", "Not answered"),
        QCoreApplication.translate("Reports", "Abandoned"),
        QCoreApplication.translate("Reports", "Logged as tickets"),
        *(QCoreApplication.translate("Reports", "≤%1 rings").replace("%1", str(edge))
          for edge in RING_EDGES),
        QCoreApplication.translate("Reports", ">%1 rings").replace("%1", str(RING_EDGES[-1])),
        QCoreApplication.translate("Reports", "Answer p50"),
        QCoreApplication.translate("Reports", "Answer p90"),
    ]
