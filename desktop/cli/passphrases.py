"""Where the CLI gets passphrases: a prompt, a file, or standard input; never argv."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from desktop.errors import KnownError

MAX_PASSPHRASE_FILE = 64 * 1024


def read_passphrase_file(path: str) -> str:
    """The first line of `path` (`-` is standard input), without its line ending."""
    try:
        if path == "-":
            text = sys.stdin.read(MAX_PASSPHRASE_FILE)
        else:
            with open(Path(path), encoding="utf-8") as handle:
                text = handle.read(MAX_PASSPHRASE_FILE)
    except (OSError, UnicodeDecodeError) as exc:
        raise KnownError("The passphrase file cannot be read.") from exc
    line = text.splitlines()[0] if text else ""
    if not line:
        raise KnownError("The passphrase file is empty.")
    return line


def prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise KnownError("No passphrase: give --passphrase-file FILE (or - for standard input).")
    return getpass.getpass(f"{label}: ")


def existing_passphrase(passphrase_file: str | None) -> str:
    if passphrase_file:
        return read_passphrase_file(passphrase_file)
    return prompt("Passphrase")


def new_passphrase(passphrase_file: str | None, label: str = "New passphrase") -> str:
    if passphrase_file:
        return read_passphrase_file(passphrase_file)
    first = prompt(label)
    if prompt(f"{label} (again)") != first:
        raise KnownError("The two passphrases differ; nothing was changed.")
    return first
