from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import DemoArgs, DeskArgs, parse


def test_desk_arguments() -> None:
    args = parse(["--data-dir", "/tmp/x", "--lang", "en", "--screenshot", "a.png",
                  "--page", "tickets", "--no-demo"])
    assert args == DeskArgs(Path("/tmp/x"), "en", Path("a.png"), "tickets", False)
    assert parse([]) == DeskArgs(None, None, None, None, None)


def test_screenshot_size() -> None:
    args = parse(["--screenshot", "a.png", "--size", "1024x700"])
    assert isinstance(args, DeskArgs) and args.size == (1024, 700)
    assert parse(["--size", "1920×1080"]) == DeskArgs(None, None, None, None, None,
                                                      size=(1920, 1080))


def test_demo_command() -> None:
    assert parse(["demo", "--tickets", "100000", "--data-dir", "d"]) == DemoArgs(
        Path("d"), 100000, 20261126)


@pytest.mark.parametrize("argv", [["--lang", "fr"], ["demo", "--tickets", "-1"], ["--bogus"],
                                  ["--size", "big"], ["--size", "10x10"]])
def test_bad_arguments_exit_with_usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        parse(argv)
    assert raised.value.code == 2
    assert "usage:" in capsys.readouterr().err
