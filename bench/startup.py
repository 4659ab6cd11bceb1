"""Start-up time of the desk app with a large local database, against a bare Qt window.

Measures, in the same run and interleaved, the wall time from spawning the process to
the main window shown with its first page of tickets and the event loop idle, for:
  - bare:  QApplication + empty QMainWindow (bench/bare_window.py), the baseline
  - floor: the least a desk window needs, with nothing of Seatdesk (bench/floor_window.py):
           what PySide6 charges for the Qt classes any such window touches
  - app:   `main.py --data-dir D --login seat010` on a demo desk of --tickets tickets
           (100 000 by default), signed in from the environment (a kiosk start: the
           password checked, the queue shown)
  - prompt: the same start without the password, as a seat starts the desk: the time to
           the sign-in prompt, the seat's first window (the probe then closes it)
  - hash aside: the kiosk start on a copy of the desk whose seat's password hash is as
           cheap as argon2id allows: the start apart from the password check, ~160 ms of
           one core at the library's defaults (docs/architecture.md)
  - installed (with --installed PATH): the same start from a packaged desk's executable,
           e.g. /opt/seatdesk/seatdesk or build/pyinstaller/dist/seatdesk/seatdesk
Each process prints a marker from a zero-timer after show() (Qt has painted nothing yet),
and another once its first paint is done; peak RSS and the CPU time
of all its threads so far are read there. CPU time is what other load on a shared machine
disturbs least, but it counts the password check's argon2 work (on its own thread) in full.

    python -m bench.startup [--tickets 100000] [--runs 7] [--data-dir DIR] [--installed PATH]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from bench.common import emit, summary

ROOT = Path(__file__).resolve().parent.parent
# The demo desk's agent and its published password (app/demo/accounts.py); spelled here so
# the benchmark imports nothing of Seatdesk.
DEMO_AGENT, DEMO_PASSWORD = "seat010", "seatdesk"
MARKER = re.compile(r"seatdesk-ready rss_kb=(\d+) cpu_ms=(\d+)")


def ensure_demo(data_dir: Path, tickets: int) -> None:
    database = data_dir / "seatdesk.sqlite3"
    if database.exists():
        with sqlite3.connect(database) as conn:
            if conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == tickets:
                return
        raise SystemExit(f"{data_dir} holds a different desk; pass another --data-dir")
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--tickets", str(tickets),
                    "--data-dir", str(data_dir)], check=True)
    print(f"demo data: {tickets} tickets in {time.perf_counter() - started:.1f} s")


def hash_aside_copy(data_dir: Path) -> Path:
    """A fresh copy of the desk in which the demo agent's password hash is argon2id at its
    cheapest (1 pass, 64 KiB): timing it gives the start apart from the password check."""
    copy = data_dir.with_name(data_dir.name + "-cheap-hash")
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()  # the database and the settings, not the backups
    with closing(sqlite3.connect(data_dir / "seatdesk.sqlite3")) as source, \
            closing(sqlite3.connect(copy / "seatdesk.sqlite3")) as target:
        source.backup(target)
    if (data_dir / "settings.json").exists():
        shutil.copy2(data_dir / "settings.json", copy / "settings.json")
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1).hash(DEMO_PASSWORD)
    with closing(sqlite3.connect(copy / "seatdesk.sqlite3")) as conn, conn:
        changed = conn.execute("UPDATE desk_accounts SET password_hash = ? WHERE login = ?",
                               (cheap, DEMO_AGENT)).rowcount
    assert changed == 1, f"{DEMO_AGENT} has no account on {data_dir}"
    return copy


def byte_compile() -> None:
    """Write .pyc files as an installed package has them (pip compiles at install), even
    where PYTHONDONTWRITEBYTECODE is set; otherwise every start would compile the source."""
    for folder in ("app", "ui", "resources"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)


@dataclass(frozen=True)
class Start:
    ready_ms: float  # spawn to the ready marker (the event loop's first zero-timer)
    painted_ms: float  # spawn to the window's first paint done
    rss_kb: int
    cpu_ms: int  # at the ready marker


def time_to_ready(command: list[str], password: bool = True) -> Start:
    """One start: the times from spawn to the ready marker and to the first paint."""
    # With ``password``, the desk signs its seat in from the environment (--login), as a
    # kiosk start would: the time includes checking the password (argon2id), not the
    # seat's typing. Without, the desk stops at its sign-in prompt.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEATDESK_STARTUP_PROBE": "1",
           "SEATDESK_PASSWORD": DEMO_PASSWORD if password else ""}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    ready: tuple[float, int, int] | None = None
    for line in process.stdout:
        elapsed = (time.perf_counter() - started) * 1000
        if found := MARKER.search(line):
            ready = elapsed, int(found.group(1)), int(found.group(2))
        elif line.startswith("seatdesk-painted") and ready is not None:
            process.wait(timeout=30)
            return Start(ready[0], elapsed, ready[1], ready[2])
    raise RuntimeError(f"{command} ended without the ready and painted markers "
                       f"(exit {process.wait()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--installed", type=Path, help="a packaged desk's executable")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(f"/tmp/seatdesk-bench-{args.tickets}")
    ensure_demo(data_dir, args.tickets)
    byte_compile()
    commands = {
        "bare": [sys.executable, str(ROOT / "bench" / "bare_window.py")],
        "floor": [sys.executable, str(ROOT / "bench" / "floor_window.py")],
        "app": [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                "--lang", "zh_CN", "--login", DEMO_AGENT],
    }
    commands["prompt"] = commands["app"]
    commands["hash_aside"] = [*commands["app"][:3], str(hash_aside_copy(data_dir)),
                              *commands["app"][4:]]
    if args.installed is not None:
        commands["installed"] = [str(args.installed), *commands["app"][2:]]
    for name, command in commands.items():
        time_to_ready(command, name != "prompt")  # warm the page cache and bytecode
    starts: dict[str, list[Start]] = {name: [] for name in commands}
    for _ in range(args.runs):  # in turns: a busy moment of the machine hits them all
        for name, command in commands.items():
            starts[name].append(time_to_ready(command, name != "prompt"))
    stats = {name: summary([s.ready_ms for s in runs]) for name, runs in starts.items()}
    painted = {name: summary([s.painted_ms for s in runs]) for name, runs in starts.items()}
    cpu_p50 = {name: summary([s.cpu_ms for s in runs])["p50"] for name, runs in starts.items()}
    peak = {name: max(s.rss_kb for s in runs) for name, runs in starts.items()}
    bare_s, floor_s, app_s = stats["bare"], stats["floor"], stats["app"]
    ratio = round(app_s["p50"] / bare_s["p50"], 2)
    floor_ratio = round(floor_s["p50"] / bare_s["p50"], 2)
    # The fastest run of each is the least disturbed by other load on the machine.
    ratio_min = round(app_s["min"] / bare_s["min"], 2)
    # Issue 17 asked 1.5x the floor window; docs/architecture.md says why the kiosk start
    # is held to 1.75x and the sign-in prompt to 1.5x.
    floor_target = round(app_s["p50"] / floor_s["p50"], 2)
    painted_target = round(painted["app"]["p50"] / painted["floor"]["p50"], 2)
    labels = {"bare": "bare Qt window", "floor": "floor window",
              "app": f"seatdesk ({args.tickets} tickets)",
              "prompt": "seatdesk's sign-in prompt",
              "hash_aside": "seatdesk, password hash aside",
              "installed": f"installed seatdesk ({args.tickets} tickets)"}
    for name, figures in stats.items():
        print(f"{labels[name]}: p50 {figures['p50']} ms, p95 {figures['p95']} ms, "
              f"min {figures['min']} ms, CPU p50 {cpu_p50[name]:.0f} ms, "
              f"first paint p50 {painted[name]['p50']} ms, "
              f"peak RSS {peak[name] / 1024:.0f} MB")
    print(f"ratio (p50 app / p50 bare): {ratio}; fastest runs: {ratio_min}; "
          f"floor window / bare: {floor_ratio}; app / floor window: {floor_target} "
          f"(first paint: {painted_target}); sign-in prompt / floor window: "
          f"{stats['prompt']['p50'] / floor_s['p50']:.2f}; password hash aside / floor "
          f"window: {stats['hash_aside']['p50'] / floor_s['p50']:.2f}")
    emit({"tickets": args.tickets, "runs": args.runs, "bare_p50_ms": bare_s["p50"],
          "floor_p50_ms": floor_s["p50"], "app_p50_ms": app_s["p50"],
          "app_p95_ms": app_s["p95"], "ratio_vs_bare": ratio, "ratio_min_vs_bare": ratio_min,
          "floor_ratio_vs_bare": floor_ratio, "ratio_vs_floor": floor_target,
          "bare_cpu_p50_ms": cpu_p50["bare"], "floor_cpu_p50_ms": cpu_p50["floor"],
          "app_cpu_p50_ms": cpu_p50["app"], "floor_painted_p50_ms": painted["floor"]["p50"],
          "app_painted_p50_ms": painted["app"]["p50"],
          "painted_ratio_vs_floor": painted_target,
          "prompt_p50_ms": stats["prompt"]["p50"],
          "prompt_ratio_vs_floor": round(stats["prompt"]["p50"] / floor_s["p50"], 2),
          "prompt_painted_ratio_vs_floor": round(
              painted["prompt"]["p50"] / painted["floor"]["p50"], 2),
          "hash_aside_p50_ms": stats["hash_aside"]["p50"],
          "hash_aside_ratio_vs_floor": round(stats["hash_aside"]["p50"] / floor_s["p50"], 2),
          "app_peak_rss_mb": round(peak["app"] / 1024, 1),
          "bare_peak_rss_mb": round(peak["bare"] / 1024, 1),
          **_installed_figures(stats, bare_s["p50"])})


def _installed_figures(stats: dict[str, dict[str, float]], bare_p50: float
                       ) -> dict[str, float]:
    if "installed" not in stats:
        return {}
    installed = stats["installed"]
    return {"installed_p50_ms": installed["p50"], "installed_p95_ms": installed["p95"],
            "installed_ratio_vs_bare": round(installed["p50"] / bare_p50, 2),
            "installed_vs_source_p50": round(installed["p50"] / stats["app"]["p50"], 2)}


if __name__ == "__main__":
    main()
