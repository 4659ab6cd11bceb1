"""Seatdesk's entry point: ``python main.py`` or the ``seatdesk`` command."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    # Start-up makes tens of thousands of objects that live as long as the process (Qt's
    # enum classes, our modules): collecting garbage while they are made frees nothing and
    # costs a start ~25 ms. The desk turns collection back on once its window shows.
    gc.disable()
    try:
        from app.cli import DemoArgs, ReportArgs, parse

        args = parse(sys.argv[1:] if argv is None else argv)
        if isinstance(args, DemoArgs):
            gc.enable()
            from app.demo.command import run_demo_command

            return run_demo_command(args)
        if isinstance(args, ReportArgs):
            gc.enable()
            from ui.reports.command import run_report_command

            return run_report_command(args)
        from ui.launch import run

        return run(args)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
