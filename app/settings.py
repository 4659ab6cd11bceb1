"""The seat's settings at this desk: one typed record with declared defaults, stored as JSON.

Unknown keys are dropped and a value of the wrong type falls back to its default, so a
hand-edited or older file never stops the desk from starting. Desk-wide settings (grading,
confirmation timeout, backups, auto-assign team, time zone) moved to the database
(``app.desk_settings``); an older file's values for them are kept in ``moved`` (and in the
file) until the desk has adopted them (``ui/launch.py``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Settings:
    """Everything a desk remembers between runs."""

    version: int = SETTINGS_VERSION
    language: str = ""  # "" follows the system locale
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    last_page: str = ""
    queue_hidden_columns: str = "unit,channel"  # comma-separated column names
    last_login: str = ""  # who signed in last at this desk: the sign-in prompt offers it
    server_url: str = ""  # "" = standalone; else the sync server this desk syncs with
    server_login: str = ""  # the account signed in to that server
    server_role: str = ""  # that account's role at its last sign-in
    notification_sound: bool = False  # a sound with each SLA tray message or toast
    quiet_hours_from: str = ""  # "HH:MM" local time; "" (either end) = no quiet hours
    quiet_hours_to: str = ""


# Kept here by versions before schema 0007; desk-wide settings now (app/desk_settings.py).
MOVED_TO_DESK: tuple[str, ...] = ("time_zone", "backup_interval_hours", "backups_kept",
                                  "grading", "confirmation_timeout_hours", "auto_assign_team")


def resolve_language(requested: str | None, configured: str, system_locale: str) -> str:
    """The UI language: command line first, then the setting, then the system locale."""
    for choice in (requested, configured):
        if choice:
            if choice not in LANGUAGES:
                raise ValueError(f"unsupported language {choice!r}; choose from {LANGUAGES}")
            return choice
    return "zh_CN" if system_locale.lower().startswith("zh") else "en"


def _from_json(data: dict[str, Any]) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for spec in fields(Settings):
        if spec.name not in data:
            continue
        raw, default = data[spec.name], getattr(defaults, spec.name)
        if isinstance(raw, type(default)) or (isinstance(default, float) and
                                                 isinstance(raw, int)):
            values[spec.name] = type(default)(raw)
    return replace(defaults, **values)


class SettingsFile:
    """Settings bound to their file; listeners hear about every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._listeners: list[Callable[[Settings], None]] = []
        # An older file's desk-wide values, as written: saved back with the file until the
        # desk has adopted them (``forget_moved``), so a failed adoption loses nothing.
        self.moved: dict[str, Any] = {}
        self.settings = self._load()

    def _load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        self.moved = {key: data[key] for key in MOVED_TO_DESK if key in data}
        return _from_json(data)

    def forget_moved(self) -> None:
        """The desk adopted the file's desk-wide values (or takes its server's): drop them."""
        if self.moved:
            self.moved = {}
            self.save()

    def subscribe(self, listener: Callable[[Settings], None]) -> None:
        self._listeners.append(listener)

    def update(self, **changes: Any) -> Settings:
        """Change some settings, write the file atomically and tell the listeners."""
        self.settings = replace(self.settings, **changes)
        self.save()
        for listener in self._listeners:
            listener(self.settings)
        return self.settings

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        text = json.dumps(asdict(self.settings) | self.moved, ensure_ascii=False, indent=2)
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, self.path)
