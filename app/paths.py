"""Where a desk keeps its files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Seatdesk"


def default_data_root() -> Path:
    """The platform's user-data folder (XDG on Linux, AppData on Windows)."""
    import platformdirs  # only needed when no --data-dir is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    """The files of one desk, all under one folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "seatdesk.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def is_new(self) -> bool:
        return not self.database.exists()

    def create(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
