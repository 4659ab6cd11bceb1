"""Preview the first-start walk-through on a throwaway data folder (nothing else is
touched): ``python -m ui.setup [zh_CN|en]``. Prints how it ended."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.domain.clock import SystemClock
from app.paths import DataDir
from app.services.data_folder import prepare
from app.settings import SettingsFile
from ui.i18n import install_translators
from ui.setup import set_up_desk


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    with tempfile.TemporaryDirectory(prefix="seatdesk-setup-") as folder:
        data = DataDir(Path(folder))
        prepare(data, SystemClock())
        print(set_up_desk(data, SettingsFile(data.settings), SystemClock(), language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
