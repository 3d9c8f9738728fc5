"""Durable file writes: a crash or a pulled USB stick leaves the old file or the new one.

The new bytes go to a temporary name in the same folder, are fsynced, renamed over the
target, and the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PARTIAL_SUFFIX = ".partial"


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS journals renames itself
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(
    target: Path, data: bytes, *, verify: bool = False, private: bool = True
) -> None:
    """Replace `target` with `data` so that readers see the old bytes or all the new ones.

    With `verify`, the file is read back after the rename and compared: a stick that
    acknowledges writes it never made is caught here, not at import on another laptop.
    """
    target = Path(target)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        mode = 0o600 if private else 0o644
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        if hasattr(os, "fchmod"):  # a stale partial keeps its old mode through O_CREAT
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    fsync_folder(target.parent)
    if verify and target.read_bytes() != data:
        raise OSError(f"{target.name} reads back different from what was written")
