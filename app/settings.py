"""The desk's settings: one typed record with declared defaults, stored as JSON.

Unknown keys are dropped and a value of the wrong type falls back to its default, so a
hand-edited or older file never stops the desk from starting.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from app.domain.grading import GradingWeights

SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Settings:
    """Everything a desk remembers between runs."""

    version: int = SETTINGS_VERSION
    language: str = ""  # "" follows the system locale
    time_zone: str = "Asia/Shanghai"
    backup_interval_hours: float = 4.0
    backups_kept: int = 10
    grading: GradingWeights = field(default_factory=GradingWeights)
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    last_page: str = ""
    queue_hidden_columns: str = "unit,channel"  # comma-separated column names
    confirmation_timeout_hours: float = 72.0  # close unconfirmed resolutions after this
    last_login: str = ""  # who signed in last at this desk: the sign-in prompt offers it
    server_url: str = ""  # "" = standalone; else the sync server this desk syncs with
    server_login: str = ""  # the account signed in to that server
    server_role: str = ""  # that account's role at its last sign-in
    auto_assign_team: str = ""  # team code whose members new tickets go to; "" = by hand
    notification_sound: bool = False  # a sound with each SLA tray message or toast
    quiet_hours_from: str = ""  # "HH:MM" local time; "" (either end) = no quiet hours
    quiet_hours_to: str = ""



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
        if isinstance(default, GradingWeights):
            try:
                values[spec.name] = GradingWeights(**raw)
            except (TypeError, ValueError):
                continue
        elif isinstance(raw, type(default)) or (isinstance(default, float) and
                                                 isinstance(raw, int)):
            values[spec.name] = type(default)(raw)
    return replace(defaults, **values)


class SettingsFile:
    """Settings bound to their file; listeners hear about every change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._listeners: list[Callable[[Settings], None]] = []
        self.settings = self._load()

    def _load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        return _from_json(data) if isinstance(data, dict) else Settings()

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
        text = json.dumps(asdict(self.settings), ensure_ascii=False, indent=2)
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, self.path)
