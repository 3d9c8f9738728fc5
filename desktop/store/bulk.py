"""Bulk statements straight on the driver, inside the session's transaction.

For tens of thousands of rows SQLAlchemy's per-row parameter processing costs more than
SQLite's insert itself: measured on a 100,000-version sync import, 1.0 s of the 2.3 s the
events insert took. These helpers hand plain tuples to the driver's executemany. Errors
come back as SQLAlchemy's own exception types, as from any other statement.
"""

from __future__ import annotations

import gc
import operator
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import exc
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Table


def executemany(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    connection = session.connection()
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    except dbapi.IntegrityError as error:
        raise exc.IntegrityError(sql, None, error) from None
    except dbapi.Error as error:
        raise exc.DBAPIError(sql, None, error) from None
    finally:
        cursor.close()


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """INSERT every row (a mapping with a value for every column of `table`)."""
    names = [column.name for column in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    values = operator.itemgetter(*names)  # one C call per row, not a generator
    executemany(session, sql, [values(row) for row in rows])


class _CollectorPause:
    """Python's cycle collector paused for the duration of a bulk operation.

    A 100,000-version sync import holds about a million container objects (rows, keys,
    tuples) until it ends, and the collector walked them over and over: 17% of the
    import's time. Reference counting still frees everything as usual; only cycles, which
    these paths do not make, wait for the next collection. Nested and concurrent uses
    share one pause, and the collector is enabled again only if it was on before it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_on = False

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_on = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_on:
                    gc.enable()


collector_paused = _CollectorPause()


def stream(session: Session, sql: str, batch: int = 2000) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` as the driver's plain tuples, fetched a batch at a time.

    For passes over every row of a large table (`vault verify`): SQLAlchemy's row objects
    cost more than the check made of each row. Errors come back as SQLAlchemy's own
    exception types, as from any other statement.
    """
    connection = session.connection()
    dbapi = connection.dialect.loaded_dbapi
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(batch):
            yield from rows
    except dbapi.Error as error:
        raise exc.DBAPIError.instance(sql, None, error, dbapi.Error) from None
    finally:
        cursor.close()
