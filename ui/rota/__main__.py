"""Preview the rota page alone on a fresh demo desk: ``python -m ui.rota``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> int:
    from app.domain.clock import SystemClock
    from app.identity.seat import NOBODY, first_administrator
    from app.paths import DataDir
    from app.services.data_folder import prepare, seed
    from app.settings import SettingsFile
    from app.store.reading import read_connection
    from ui.context import DeskContext
    from ui.rota.page import RotaPage

    app = QApplication(sys.argv)
    data = DataDir(Path(tempfile.mkdtemp(prefix="seatdesk-rota-")))
    clock = SystemClock()
    prepare(data, clock)
    seed(data, clock, 200)
    settings = SettingsFile(data.settings)
    reader = read_connection(data.database)
    context = DeskContext(data=data, settings=settings, clock=clock, language="en",
                          reader=reader, signed_in=first_administrator(reader) or NOBODY)
    page = RotaPage(context)
    page.ensure_loaded()
    page.resize(1400, 860)
    page.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
