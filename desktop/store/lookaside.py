"""A wider lookaside allocator for each SQLCipher connection.

SQLite serves a connection's small allocations (bound text values, cursors, expression
nodes) from a per-connection "lookaside" pool; only when the pool is full does it call
malloc. The default pool is about 120 slots, and every prepared statement the driver keeps
in its statement cache holds some of them for as long as it is cached. After a few dozen
distinct statements the pool is full for good and every small allocation goes to malloc.

With `cipher_memory_security` on, SQLCipher's malloc locks each block into RAM (mlock) and
its free wipes and unlocks it: two system calls per allocation. Measured with SQLCipher
4.19 on a connection that had cached 120 statements: inserting 20,000 rows with their
full-text entries made 1.1 million allocations outside the pool and ran at 3,400 rows/s;
with a 2,000-slot pool, none fell outside and it ran at 34,700 rows/s (with memory
security off: 73,000 rows/s). This is also why connections "slowed down after BEGIN".

Python's sqlite3 driver does not expose `sqlite3_db_config`, so this module calls it
through ctypes on the driver's own SQLite handle, before the connection has run any
statement (SQLite refuses to resize a pool in use). Every step is checked; where it cannot
be done safely (the library's symbols are not exported, as on Windows, or variadic calls
differ from plain ones, as on Apple arm64) the connection keeps SQLite's default pool and
works as before, only slower.
"""

from __future__ import annotations

import ctypes
import functools
import os
import platform
import sys
from typing import Any

SQLITE_DBCONFIG_LOOKASIDE = 1001
SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL = 6
SLOT_BYTES = 1200  # SQLite's own default slot size
SLOTS = 2000  # 2.4 MB per connection, allocated once (and locked, with memory security)


@functools.cache
def _library() -> ctypes.CDLL | None:
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return None  # variadic arguments go on the stack there; ctypes would pass registers
    try:
        import sqlcipher3

        library = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
        library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        library.sqlite3_db_filename.restype = ctypes.c_char_p
        library.sqlite3_db_config.argtypes = [
            ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
        ]  # fmt: skip
        library.sqlite3_db_config.restype = ctypes.c_int
        library.sqlite3_db_status.argtypes = [
            ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int), ctypes.c_int,
        ]  # fmt: skip
        library.sqlite3_db_status.restype = ctypes.c_int
    except (ImportError, AttributeError, OSError):
        return None
    return library


def available() -> bool:
    """Whether this build can widen the pool (the self-test expects it on Linux)."""
    return _library() is not None


def _handle(connection: Any, db_path: str) -> int | None:
    """The `sqlite3 *` of a driver connection, once it is proven to be that database's."""
    import sqlcipher3

    library = _library()
    if library is None or type(connection) is not sqlcipher3.dbapi2.Connection:
        return None
    # The driver's connection object is PyObject_HEAD followed by `sqlite3 *db`.
    handle = ctypes.c_void_p.from_address(id(connection) + object.__basicsize__).value
    if not handle:
        return None
    name = library.sqlite3_db_filename(handle, b"main")
    if name is None or os.path.realpath(name.decode()) != os.path.realpath(db_path):
        return None
    return int(handle)


def handle(connection: Any, db_path: str) -> int | None:
    """The driver connection's `sqlite3 *` (None where this build cannot reach it)."""
    return _handle(connection, db_path)


def widen(connection: Any, db_path: str) -> bool:
    """Give a fresh connection the wide pool; False (and no change) when it cannot."""
    handle = _handle(connection, db_path)
    if handle is None:
        return False
    library = _library()
    assert library is not None
    status = library.sqlite3_db_config(handle, SQLITE_DBCONFIG_LOOKASIDE, None, SLOT_BYTES, SLOTS)
    return status == 0


def misses(connection: Any, db_path: str) -> int | None:
    """How many allocations found the pool full since the connection opened (diagnostics)."""
    handle = _handle(connection, db_path)
    library = _library()
    if handle is None or library is None:
        return None
    current, highest = ctypes.c_int(), ctypes.c_int()
    library.sqlite3_db_status(
        handle, SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL, ctypes.byref(current),
        ctypes.byref(highest), 0,
    )  # fmt: skip
    return highest.value
