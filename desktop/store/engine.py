"""The SQLCipher engine: raw 32-byte key, hardened per-connection pragmas.

The key travels as the URL password of `sqlite+pysqlcipher` in SQLCipher's raw-key form
(`x'…'`), so the dialect's own `PRAGMA key` is the first statement on every connection and
opening costs no KDF. Our listener then sets the rest.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import QueuePool

from desktop.store import lookaside

PAGE_CACHE_KIB = 256 * 1024  # measured: the default cache makes SQLCipher 2-4x slower


def raw_key_literal(data_key: bytes) -> str:
    return f"x'{data_key.hex()}'"


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


def open_engine(db_path: Path, data_key: bytes) -> Engine:
    """An engine over the encrypted file; fails on first use if the key is wrong."""
    import sqlcipher3

    url = URL.create(
        "sqlite+pysqlcipher", password=raw_key_literal(data_key), database=str(db_path)
    )
    engine = create_engine(
        url,
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "do_connect", functools.partial(_connect_widened, str(db_path)))
    event.listen(engine, "connect", _harden)
    # Let SQLAlchemy's own transaction handling issue BEGIN so savepoints and DDL work.
    event.listen(engine, "connect", _no_autobegin)
    event.listen(engine, "begin", _begin)
    return engine


def _connect_widened(db_path: str, dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
    """Open the driver connection and widen its lookaside pool before its first statement."""
    connection = dialect.loaded_dbapi.connect(*cargs, **cparams)
    lookaside.widen(connection, db_path)
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
