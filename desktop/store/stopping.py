"""Reads that stop as soon as their answer is no longer wanted.

The timeline runs a query as the user types; when the user types on, the running
query's answer is already stale. SQLite calls a progress handler every few thousand
virtual-machine steps, and a handler that answers "stop" interrupts the statement, so
the newest query starts at once instead of after the stale one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlalchemy.orm import Session

STEPS_BETWEEN_CHECKS = 2_000  # a few hundred microseconds of SQLite work


class QueryStopped(Exception):
    """A read was stopped because its caller no longer wants the answer."""


@contextmanager
def stopped_when(session: Session, stop: Callable[[], bool]) -> Iterator[None]:
    """Interrupt the session's statements once `stop()` is true; they raise QueryStopped.

    The handler is removed again on the way out: the connection goes back to the pool.
    """
    connection = session.connection()
    driver = connection.connection.dbapi_connection
    assert driver is not None
    dbapi = connection.dialect.loaded_dbapi
    driver.set_progress_handler(lambda: 1 if stop() else 0, STEPS_BETWEEN_CHECKS)
    try:
        yield
    except (dbapi.OperationalError, exc.OperationalError):
        if stop():
            raise QueryStopped from None
        raise
    finally:
        driver.set_progress_handler(None, 0)
