"""Where a bundle can go: mounted volumes, removable (USB) ones first."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Volume:
    path: Path
    label: str
    removable: bool
    free_bytes: int


def looks_removable(root: str, device: str) -> bool:
    """Qt does not say "removable"; mount points and device names do, on each platform."""
    if root.startswith(REMOVABLE_ROOTS):
        return True
    if sys.platform.startswith("linux") and device.startswith("/dev/sd") and root != "/":
        return True
    return sys.platform == "win32" and root.upper() not in ("C:/", "C:\\")


def mounted_volumes() -> list[Volume]:
    """Ready, writable volumes; removable ones first, then by label."""
    found = []
    for info in QStorageInfo.mountedVolumes():
        if not info.isValid() or not info.isReady() or info.isReadOnly():
            continue
        root = info.rootPath()
        device = bytes(info.device().data()).decode(errors="replace")
        if root.startswith(("/proc", "/sys", "/dev", "/run/user", "/snap")) or root in ("/boot",):
            continue
        label = info.displayName() or root
        found.append(Volume(Path(root), label, looks_removable(root, device), info.bytesFree()))
    return sorted(found, key=lambda v: (not v.removable, v.label.casefold()))
