"""Words of the reports: target kinds, channels, outcomes, weekdays (context "Reports")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.sla.policy import TargetKind


def tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def kind_label(kind: TargetKind) -> str:
    return {TargetKind.FIRST_RESPONSE: tr("First response"),
            TargetKind.UPDATE: tr("Update cadence"),
            TargetKind.RESOLUTION: tr("Resolution"),
            TargetKind.PICKUP: tr("Pickup")}[kind]


def kind_labels() -> dict[TargetKind, str]:
    return {kind: kind_label(kind) for kind in TargetKind}


def channel_label(channel: str) -> str:
    return {"phone": tr("Phone"), "email": tr("E-mail"), "chat": tr("Chat"),
            "walk_in": tr("Walk-in"), "monitoring": tr("Monitoring"),
            "web": tr("Web")}.get(channel, channel)


def method_label(method: str) -> str:
    return {"call_back": tr("Call back"), "questionnaire": tr("Questionnaire")}.get(
        method, tr("Not recorded"))


def weekdays() -> list[str]:
    return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]


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
