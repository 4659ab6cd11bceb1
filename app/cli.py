"""Command-line arguments of the ``seatdesk`` command. Parsing only: no Qt, no I/O."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

from app.settings import LANGUAGES


class DeskArgs(NamedTuple):
    """Arguments of the desk app itself."""

    data_dir: Path | None
    language: str | None
    screenshot: Path | None
    page: str | None
    demo: bool | None  # None: ask on the first start of a new data folder
    login: str | None = None  # sign in as this seat (password from SEATDESK_PASSWORD)
    size: tuple[int, int] | None = None  # the screenshot's window size (default 1440×900)


class DemoArgs(NamedTuple):
    """Arguments of ``seatdesk demo``."""

    data_dir: Path | None
    tickets: int
    seed: int


class ReportArgs(NamedTuple):
    """Arguments of ``seatdesk report`` (the monthly service report, headless)."""

    data_dir: Path | None
    month: date  # its first day
    out: Path
    language: str | None


def _month(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {text}") from None


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seatdesk report",
        description="Write the monthly service report (PDF and XLSX) without a window.")
    parser.add_argument("--data-dir", type=Path, help="folder of the desk's data")
    parser.add_argument("--month", type=_month, required=True, help="the month, YYYY-MM")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the report")
    return parser


def window_size(text: str) -> tuple[int, int]:
    """``1024x700`` (or ``1024×700``): a window's width and height in pixels."""
    match = re.fullmatch(r"\s*(\d{3,5})\s*[x×X]\s*(\d{3,5})\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size like 1024x700: {text!r}")
    return int(match[1]), int(match[2])


def _desk_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seatdesk",
        description="Seatdesk service-desk client. "
        "'seatdesk demo --help' describes the demo-data command.",
    )
    parser.add_argument("--data-dir", type=Path, help="folder of this desk's data")
    parser.add_argument("--lang", choices=LANGUAGES, help="user-interface language")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="render the main window offscreen to PNG and exit")
    parser.add_argument("--size", type=window_size, metavar="WxH",
                        help="window size of the screenshot, e.g. 1024x700 (default 1440x900)")
    parser.add_argument("--page", help="page to show first (e.g. tickets)")
    parser.add_argument("--login", help="sign in as this seat, with the password from the "
                        "SEATDESK_PASSWORD environment variable (otherwise the desk asks)")
    demo = parser.add_mutually_exclusive_group()
    demo.add_argument("--demo", dest="demo", action="store_true", default=None,
                      help="fill a new data folder with demo data without asking")
    demo.add_argument("--no-demo", dest="demo", action="store_false",
                      help="start a new data folder empty without asking")
    return parser


def _demo_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seatdesk demo", description="Fill a new data folder with generated demo data."
    )
    parser.add_argument("--data-dir", type=Path, help="folder of the desk's data")
    parser.add_argument("--tickets", type=int, default=3000, help="number of tickets")
    parser.add_argument("--seed", type=int, default=20261126, help="random seed")
    return parser


def parse(argv: list[str]) -> DeskArgs | DemoArgs | ReportArgs:
    """Parse ``argv`` (without the program name)."""
    if argv[:1] == ["report"]:
        ns = _report_parser().parse_args(argv[1:])
        return ReportArgs(ns.data_dir, ns.month, ns.out, ns.lang)
    if argv[:1] == ["demo"]:
        parser = _demo_parser()
        ns = parser.parse_args(argv[1:])
        if ns.tickets < 0:
            parser.error("--tickets must not be negative")
        return DemoArgs(ns.data_dir, ns.tickets, ns.seed)
    ns = _desk_parser().parse_args(argv)
    return DeskArgs(ns.data_dir, ns.lang, ns.screenshot, ns.page, ns.demo, ns.login, ns.size)
