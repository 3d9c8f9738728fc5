"""Start the desktop app, or on a machine with no display, write the demo briefing pack.

`make run` calls `python main.py --demo`. On a desktop that opens the app on the demo
case; on a server or in CI (no DISPLAY/WAYLAND_DISPLAY on Linux) it builds the demo
vault if needed and writes `build/demo-briefing-pack.pdf` instead, so the command is
useful everywhere and never crashes for lack of a screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEMO_PACK = Path("build") / "demo-briefing-pack.pdf"


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def start(argv: list[str]) -> int:
    if not has_display():
        from desktop.cli.main import main as cli_main

        if argv and argv[0] != "--demo":
            print("dossier: no display here; use a command (see dossier --help).", file=sys.stderr)
            return 2
        print("No display: writing the demo briefing pack instead of opening the app.")
        return cli_main(["demo-pack", "--out", str(DEMO_PACK)])
    from desktop.app import main as app_main

    return app_main(argv)
