"""A stand-in for CUPS's `lp` on PATH: a real subprocess that receives the real file.

The test machine has no printer. The script waits for `<spool>/go` (unless told not to),
then keeps a copy of the file it was given, its arguments, its mode and its path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest


def install_fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait: bool) -> Path:
    """Put the fake `lp` first on PATH; returns the folder it writes to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    spool = tmp_path / "spool"
    spool.mkdir()
    if not wait:
        (spool / "go").touch()
    script = bin_dir / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'spool="{spool}"\n'
        'while [ ! -e "$spool/go" ]; do sleep 0.02; done\n'
        "for last; do :; done\n"
        'printf "%s\\n" "$@" > "$spool/args"\n'
        'stat -c %a "$last" > "$spool/mode" 2>/dev/null || stat -f %Lp "$last" > "$spool/mode"\n'
        'cp "$last" "$spool/received.pdf"\n'
        'echo "$last" > "$spool/path"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return spool
