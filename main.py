"""Seatdesk's entry point: ``python main.py`` or the ``seatdesk`` command."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.cli import DemoArgs, parse

    args = parse(sys.argv[1:] if argv is None else argv)
    if isinstance(args, DemoArgs):
        from app.demo.command import run_demo_command

        return run_demo_command(args)
    from ui.launch import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
