"""Names of SLA targets and thresholds as the seat reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def target_label(kind: str) -> str:
    return {
        "first_response": QCoreApplication.translate("SlaLabels", "First response"),
        "update": QCoreApplication.translate("SlaLabels", "Progress update"),
        "resolution": QCoreApplication.translate("SlaLabels", "Resolution"),
    }.get(kind, kind)


def threshold_label(threshold: str) -> str:
    return {
        "at_risk": QCoreApplication.translate("SlaLabels", "At risk"),
        "breached": QCoreApplication.translate("SlaLabels", "Breached"),
    }.get(threshold, threshold)
