"""Giving SQLCipher the data key without leaving a copy nobody can wipe.

SQLCipher takes a raw 32-byte key as the text `x'<64 hex digits>'`. Built as a Python
string (a URL password, a `PRAGMA key` statement) that text is immutable: it lives on in
freed memory until something else happens to reuse it, and ends up in a crash dump or
swap. Here the text is written digit by digit into a ctypes buffer, handed to
`sqlite3_key` / `sqlite3_rekey` on the driver's own handle (see `store.lookaside`), and
zeroed straight after; the key itself stays in the caller's `bytearray`, which
`Vault.lock` zeroes.

Where the library's symbols are not reachable (Windows builds do not export them; see
`lookaside`), the statement falls back to `PRAGMA key` with a Python string: the only
path left that makes an unwipeable copy, kept so the app still opens there.
"""

from __future__ import annotations

import ctypes
import functools
from typing import Any

from desktop.store import lookaside

HEX_DIGITS = b"0123456789abcdef"
SQLITE_OK = 0


class KeyingFailed(Exception):
    """SQLCipher refused the key call itself (not a wrong key: that shows on first read)."""


@functools.cache
def _calls() -> Any | None:
    library = lookaside._library()
    if library is None:
        return None
    try:
        for name in ("sqlite3_key", "sqlite3_rekey"):
            function = getattr(library, name)
            function.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
            function.restype = ctypes.c_int
    except AttributeError:
        return None
    return library


def _literal(key: bytearray) -> ctypes.Array[ctypes.c_ubyte]:
    """`x'…'` in a mutable C buffer; the caller zeroes it."""
    size = 3 + 2 * len(key)
    buffer = (ctypes.c_ubyte * size)()
    buffer[0], buffer[1], buffer[size - 1] = ord("x"), ord("'"), ord("'")
    for i, byte in enumerate(key):
        buffer[2 + 2 * i] = HEX_DIGITS[byte >> 4]
        buffer[3 + 2 * i] = HEX_DIGITS[byte & 15]
    return buffer


def _apply(connection: Any, db_path: str, key: bytearray, call: str) -> bool:
    """Key (or rekey) through the C call; False when this build cannot."""
    library = _calls()
    handle = lookaside.handle(connection, db_path)
    if library is None or handle is None:
        return False
    buffer = _literal(key)
    try:
        status = getattr(library, call)(handle, buffer, len(buffer))
    finally:
        ctypes.memset(buffer, 0, len(buffer))
    if status != SQLITE_OK:
        raise KeyingFailed(f"{call} returned {status}")
    return True


def _by_statement(connection: Any, key: bytearray, pragma: str) -> None:
    buffer = _literal(key)
    try:
        text = bytes(buffer).decode("ascii")  # an immutable copy: see the module docstring
    finally:
        ctypes.memset(buffer, 0, len(buffer))
    cursor = connection.cursor()
    try:
        cursor.execute(f'PRAGMA {pragma} = "{text}"')
        cursor.fetchall()
    finally:
        cursor.close()


def key_connection(connection: Any, db_path: str, key: bytearray) -> None:
    """Key a fresh driver connection before its first statement."""
    if not _apply(connection, db_path, key, "sqlite3_key"):
        _by_statement(connection, key, "key")


def rekey_connection(connection: Any, db_path: str, key: bytearray) -> None:
    """Re-encrypt the open database under `key` (the connection holds the old one)."""
    if not _apply(connection, db_path, key, "sqlite3_rekey"):
        _by_statement(connection, key, "rekey")


def wipe(buffer: bytearray) -> None:
    """Zero a mutable secret in place (a `bytearray`; bytes and str cannot be wiped)."""
    for i in range(len(buffer)):
        buffer[i] = 0
