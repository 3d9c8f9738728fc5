"""Benchmark: the frozen app's start-up to its main window, as a ratio to the same app
run from source; and the bundle's size.

Both are started offscreen on the demo case (`dossier --demo`) in a private DOSSIER_HOME
whose demo vault uses the cheap test KDF, so Argon2id does not drown the figure. The
time is from process start to the app's "main window shown" log line (logged right
after `MainWindow.show()`, before the first paint; a hidden exit-after-first-paint
option in desktop/app.py would tighten this). Runs alternate source and frozen; the
first run of each (it creates the demo vault) is not counted. With --cold (root on Linux)
the page cache is dropped before every counted run, so both read their files from disk,
as on the first start after a reboot; without it the figures are warm starts. Prints
figures, asserts
nothing, except in --check mode (used by packaging/ci-package.sh), which starts one
executable once and exits non-zero unless its main window appears.

    .venv/bin/python bench/startup.py [--frozen dist/dossier/dossier] [--runs 5] [--cold]
    python3 bench/startup.py --check dist/dossier/dossier
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN = "main window shown"
TIMEOUT_S = 120.0


def start_to_window(command: list[str], home: Path) -> float:
    """Seconds from process start to the main window; raises if it never appears."""
    env = {
        **os.environ,
        "DOSSIER_HOME": str(home),
        "DOSSIER_INSECURE_TEST_KDF": "1",
        "DOSSIER_TEST_SUITE": "1",  # the cheap KDF is refused without it
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DOSSIER_RESOURCES", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(TIMEOUT_S, process.kill)
    watchdog.start()
    seen: list[str] = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if SHOWN in line:
                return time.perf_counter() - started
            seen.append(line.rstrip())
        raise RuntimeError("the app exited before its main window:\n" + "\n".join(seen[-20:]))
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


def drop_page_cache() -> None:
    """Make the next start read from disk (Linux, root only)."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check(executable: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="dossier-start-") as tmp:
        try:
            seconds = start_to_window([str(executable), "--demo"], Path(tmp))
        except RuntimeError as exc:
            print(f"FAIL {executable}: {exc}", file=sys.stderr)
            return 1
    print(f"ok   {executable} --demo reached its main window in {seconds:.2f} s (offscreen)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "dossier" / "dossier")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", type=Path, metavar="EXECUTABLE")
    parser.add_argument("--cold", action="store_true", help="drop the page cache before runs")
    args = parser.parse_args()
    if args.check:
        return check(args.check)
    if not args.frozen.exists():
        print(f"no frozen app at {args.frozen}: run `make package` first", file=sys.stderr)
        return 2
    source = [sys.executable, str(ROOT / "main.py"), "--demo"]
    frozen = [str(args.frozen), "--demo"]
    times: dict[str, list[float]] = {"source": [], "frozen": []}
    with tempfile.TemporaryDirectory(prefix="dossier-start-") as tmp:
        homes = {"source": Path(tmp) / "source", "frozen": Path(tmp) / "frozen"}
        for kind, command in (("source", source), ("frozen", frozen)):
            start_to_window(command, homes[kind])  # creates the demo vault; not counted
        for _ in range(args.runs):
            for kind, command in (("source", source), ("frozen", frozen)):
                if args.cold:
                    drop_page_cache()
                times[kind].append(start_to_window(command, homes[kind]))
    src, frz = statistics.median(times["source"]), statistics.median(times["frozen"])
    bundle = args.frozen.parent
    how = "cold" if args.cold else "warm"
    print(f"{how} start to main window, from source: {src * 1000:6.0f} ms (median of {args.runs})")
    print(f"{how} start to main window, frozen:      {frz * 1000:6.0f} ms (median of {args.runs})")
    print(f"frozen / source: {frz / src:.2f}x")
    print(f"bundle {bundle}: {folder_size(bundle) / 2**20:.0f} MiB")
    for tarball in sorted((bundle.parent).glob("dossier-*.tar.gz")):
        print(f"tarball {tarball.name}: {tarball.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
