"""Owner-only permissions for a vault folder and everything in it.

The folder becomes 0700 and every regular file in it 0600 (database, -wal, -shm, key
files, migration backups). SQLite gives -wal and -shm the database file's mode, so the
database is tightened before it is opened as well as after. On Windows `chmod` only
toggles read-only; the folder's ACL (the user's profile) is what protects it there.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
OURS = ("dossier.db", "keystore", "vault.lock")  # a chosen folder may hold the user's own files


def private_folder(folder: Path) -> None:
    folder = Path(folder)
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        if stat.S_IMODE(folder.stat().st_mode) != FOLDER_MODE:
            folder.chmod(FOLDER_MODE)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if (
                entry.name.startswith(OURS)
                and entry.is_file(follow_symlinks=False)
                and (stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode) != FILE_MODE)
            ):
                os.chmod(entry.path, FILE_MODE)
