"""The SQLCipher engine: raw 32-byte key, hardened per-connection pragmas.

The engine uses SQLAlchemy's plain `sqlite` dialect over the `sqlcipher3` driver. Each new
driver connection is keyed in our `do_connect` hook before its first statement, from the
vault's key `bytearray` (never from a URL password or other Python string: see
`store.keying`), so opening costs no KDF and locking the vault wipes the only long-lived
copy. Our `connect` listener then sets the rest. Statement parameters are hidden from
SQLAlchemy's error messages (`hide_parameters`): they may be case text.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import QueuePool

from desktop.store import keying, lookaside

# Each connection's page cache. SQLite's default (2 MiB) made SQLCipher 2-4x slower than
# plain SQLite; 32 MiB costs nothing measurable against 256 MiB (bench/store.py and
# bench/sync.py, same runs). It is not larger because SQLCipher's memory security locks
# every cached page into RAM one allocation at a time, and unlocking a freed neighbour
# splits the locked range: about one kernel memory area per cached page. Linux caps a
# process at 65,530 areas (vm.max_map_count); with a 256 MiB cache, storing two 150 MiB
# attachments reached 63,641 and, in a process with a more fragmented heap, SQLite failed
# with "disk I/O error". 32 MiB is ~8,200 areas a connection, under the cap even with
# every pooled connection full (tests/integration/test_concurrent_writes.py).
PAGE_CACHE_KIB = 32 * 1024


# Set on every connection, in this order. SQLCipher's memory security is process-wide and,
# once on, stays on: a later `= OFF` is ignored.
PRAGMAS = (
    "cipher_memory_security = ON",
    "cipher_log_level = NONE",
    "foreign_keys = ON",
    "journal_mode = WAL",
    "synchronous = FULL",
    "temp_store = MEMORY",
    f"cache_size = -{PAGE_CACHE_KIB}",
    # A writer waits this long for another to finish (a sync import, large attachments)
    # rather than failing with "database is locked".
    "busy_timeout = 30000",
)


def _harden(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
        cursor.fetchall()
    cursor.close()


def open_engine(db_path: Path, data_key: bytearray) -> Engine:
    """An engine over the encrypted file; fails on first use if the key is wrong.

    The engine keeps a reference to `data_key` (not a copy) to key the connections its
    pool opens later; zeroing it makes the engine unusable, as locking should.
    """
    import sqlcipher3

    # The driver binds only exact ints, floats and strings directly; for anything else,
    # None and booleans included, it looks for an adapter, and finding none costs two
    # exceptions raised and formatted. Every synced row has booleans (`deleted` at least):
    # adapting them to the integer SQLite stores anyway took a third of a 100,000-event
    # import's insert time. None stays None (NULL), as before.
    sqlcipher3.register_adapter(bool, int)
    sqlcipher3.register_adapter(type(None), _null)
    engine = create_engine(
        URL.create("sqlite", database=str(db_path)),
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False},
        hide_parameters=True,
    )
    event.listen(engine, "do_connect", functools.partial(_connect_keyed, str(db_path), data_key))
    event.listen(engine, "connect", _harden)
    # Let SQLAlchemy's own transaction handling issue BEGIN so savepoints and DDL work.
    event.listen(engine, "connect", _no_autobegin)
    event.listen(engine, "begin", _begin)
    return engine


def _null(_value: None) -> None:
    return None


def _connect_keyed(
    db_path: str, data_key: bytearray, dialect: Any, _record: Any, cargs: Any, cparams: Any
) -> Any:
    """Open the driver connection, widen its lookaside pool, then key it, in that order.

    SQLite refuses to resize a pool once anything has used it, keying included.
    """
    connection = dialect.loaded_dbapi.connect(*cargs, **cparams)
    try:
        lookaside.widen(connection, db_path)
        keying.key_connection(connection, db_path, data_key)
    except BaseException:
        connection.close()
        raise
    return connection


def _no_autobegin(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _begin(connection: Any) -> None:
    options = connection.get_execution_options()
    if options.get(READS_ONLY):
        return
    # IMMEDIATE takes the write lock at the start, waiting up to busy_timeout for it. A
    # deferred transaction that read first fails at once, whatever the timeout, when
    # another writer committed in between (SQLITE_BUSY_SNAPSHOT): the user lost the edit.
    # Maintenance (checkpoints, rekey, migrations) keeps a deferred BEGIN: a checkpoint
    # cannot run inside a write transaction.
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITES) else "BEGIN")


# Reads run without BEGIN (each statement is its own read transaction), through an option
# of our own rather than SQLAlchemy's AUTOCOMMIT level, which would issue
# `PRAGMA read_uncommitted` on every reset. (Connections used to slow down for good after
# their first write; the cause was a full lookaside pool, see desktop.store.lookaside.)
READS_ONLY = "dossier_reads_only"
# Record writes (`Store.writing`) take the write lock when they begin.
WRITES = "dossier_writes"


def read_only(engine: Engine) -> Engine:
    """The same pool, for reads: each statement is its own read transaction."""
    return engine.execution_options(**{READS_ONLY: True})
