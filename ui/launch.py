"""The composition root of the desk app: settings, translations, store, window, scheduler."""

from __future__ import annotations

import gc
import os
import sys

from app.cli import DeskArgs
from app.domain.clock import SystemClock
from app.paths import DataDir, default_data_root
from app.settings import SettingsFile, resolve_language

FIRST_START_TICKETS = 3000


def run(args: DeskArgs) -> int:
    """Start the desk app; returns the process exit code."""
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators, system_locale_name

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Seatdesk")
    app.setDesktopFileName("seatdesk")
    data = DataDir(args.data_dir or default_data_root())
    settings = SettingsFile(data.settings)
    language = resolve_language(args.language, settings.settings.language, system_locale_name())
    install_translators(app, language)
    opened = _open_data(data, args, joins_server=bool(settings.settings.server_url))
    if opened is None:
        return 2
    from ui.desk import build_desk

    desk = build_desk(data, settings, SystemClock(), language)
    window = desk.window
    from ui.screenshot import WINDOW_PAGES

    if args.page and args.page not in WINDOW_PAGES and not window.show_page(args.page):
        pages = ", ".join([*window.page_ids(), *WINDOW_PAGES])
        print(f"unknown page {args.page!r}; pages: {pages}",
              file=sys.stderr)
        return 2
    if args.screenshot is not None:
        from ui.screenshot import save_screenshot

        ok = save_screenshot(desk, args.page, args.screenshot)
        desk.close()
        return 0 if ok else 1
    window.show()
    desk.start_background_work()
    # What start-up made lives as long as the desk: frozen, later collections (with
    # collection back on, see main.py) need not walk it, which keeps their pauses short.
    gc.freeze()
    gc.enable()
    if opened == "server":
        desk.sync.show_connect()
    if os.environ.get("SEATDESK_STARTUP_PROBE"):
        from ui.startup_probe import report_when_idle

        report_when_idle(app)
    code = app.exec()
    desk.close()
    return code


def _open_data(data: DataDir, args: DeskArgs, *, joins_server: bool) -> str | None:
    """Schema and first-start data; None (after telling the seat) if the desk cannot open,
    else how it starts: "ready", or "server" when the seat chose to connect to one."""
    from app.services.data_folder import needs_seed, prepare, seed
    from app.store.schema import DatabaseTooNew

    clock = SystemClock()
    try:
        prepare(data, clock)
        if needs_seed(data) and not joins_server:
            from ui.first_start import DEMO, EMPTY, SERVER, ask_how_to_start

            if args.demo is not None:
                choice = DEMO if args.demo else EMPTY
            elif args.screenshot is not None:
                choice = DEMO
            else:
                choice = ask_how_to_start(str(data.root))
            if choice == SERVER:
                return SERVER  # empty until the first sync fills it
            seed(data, clock, FIRST_START_TICKETS if choice == DEMO else None)
    except DatabaseTooNew as error:
        _tell_startup_error("too_new", str(error.path), error.revision)
        return None
    except OSError as error:
        _tell_startup_error("io", str(data.root), str(error))
        return None
    return "ready"


def _tell_startup_error(kind: str, where: str, detail: str) -> None:
    # Imported only when needed: QMessageBox's enums cost a normal start ~5 ms.
    from ui.errors import show_startup_error

    show_startup_error(kind, where, detail)

