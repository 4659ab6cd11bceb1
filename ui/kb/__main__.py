"""Preview the knowledge-base page alone on a desk's data, optionally with a search typed
and a ticket text in the suggestions box, and save a screenshot:

    python -m ui.kb --data-dir DIR [--lang zh_CN] [--query 网络] [--ticket "专线中断"]
                    [--screenshot out.png]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True,
                        help="a desk's data folder (seatdesk demo writes one)")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--query", default="")
    parser.add_argument("--ticket", default="", help="title of a ticket being logged")
    parser.add_argument("--description", default="")
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    if args.screenshot is not None:
        import os

        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app.domain.clock import SystemClock
    from app.identity.seat import NOBODY, first_administrator
    from app.paths import DataDir
    from app.settings import SettingsFile
    from app.store.reading import read_connection
    from ui.context import DeskContext
    from ui.i18n import install_translators
    from ui.kb.page import KnowledgePage
    from ui.screenshot import save_widget

    app = QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    data = DataDir(args.data_dir)
    if not data.database.exists():
        parser.error(f"no desk in {data.root}; write one with `python main.py demo`")
    reader = read_connection(data.database)
    settings = SettingsFile(data.settings)
    context = DeskContext(data=data, settings=settings, clock=SystemClock(),
                          language=args.lang, reader=reader,
                          signed_in=first_administrator(reader) or NOBODY)
    page = KnowledgePage(context)
    page.setWindowTitle(QCoreApplication.translate("KnowledgePage", "Knowledge base"))
    page.query.setText(args.query)
    page.run_search()
    page.ticket_title.setText(args.ticket)
    page.ticket_description.setPlainText(args.description)
    if args.ticket or args.description:
        from PySide6.QtCore import QEventLoop

        waiting = QEventLoop()
        page.suggestions.suggestions_changed.connect(waiting.quit)
        page.suggestions.refresh()
        waiting.exec()
    if args.screenshot is not None:
        ok = save_widget(page, args.screenshot)
        context.close()
        return 0 if ok else 1
    page.resize(1280, 820)
    page.show()
    code = app.exec()
    context.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
