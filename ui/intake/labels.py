"""Translated names used by the intake form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.enums import Rating


def rating_label(rating: Rating) -> str:
    return {
        Rating.LOW: QCoreApplication.translate("Intake", "Low"),
        Rating.MEDIUM: QCoreApplication.translate("Intake", "Medium"),
        Rating.HIGH: QCoreApplication.translate("Intake", "High"),
    }[rating]


def field_label(name: str) -> str:
    return {
        "title": QCoreApplication.translate("Intake", "title"),
        "description": QCoreApplication.translate("Intake", "description"),
        "requester": QCoreApplication.translate("Intake", "requester"),
        "type": QCoreApplication.translate("Intake", "type"),
        "category": QCoreApplication.translate("Intake", "category"),
        "contact": QCoreApplication.translate("Intake", "phone or e-mail"),
        "phone": QCoreApplication.translate("Intake", "phone"),
        "email": QCoreApplication.translate("Intake", "e-mail"),
        "override_reason": QCoreApplication.translate("Intake", "reason for the override"),
    }[name]
