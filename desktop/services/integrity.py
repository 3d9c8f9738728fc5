"""`vault verify`: SQLCipher page authentication, SQLite structure, the audit log, and
every stored record against the rules of `core.rules` (plus its references).

The audit check covers the chain, its recorded head, every record against its last
audited content and, given a head saved earlier (printed on a pack, held by a peer),
that history up to it is unchanged (see `desktop.store.audit`).

`verify_all` reads each record once for both its audited content and the rules, while
SQLite's own structure and reference checks (C code that releases the interpreter) run
beside it on a second connection: on two cores the two halves overlap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import DatabaseError

from desktop.core.rules import Problem, row_problems
from desktop.services import damage
from desktop.store import bulk
from desktop.store.audit import Progress, check_chain, head, parse_head
from desktop.store.engine import PAGE_CACHE_KIB
from desktop.store.models import SYNCED_MODELS
from desktop.store.store import Store
from desktop.store.vault import VerifyReport

LISTED = 20
STRUCTURE = "database structure"
"""The stage named while SQLite's own checks are all that is left to wait for."""


@dataclass(frozen=True)
class RowCheck:
    total: int
    first: tuple[Problem, ...]


class _Rules:
    """Every record handed to it against `core.rules`; keeps the count and the first few."""

    def __init__(self) -> None:
        self.total = 0
        self.first: list[Problem] = []

    def __call__(self, table: str, row: dict[str, Any]) -> None:
        found = row_problems(table, row)
        if found:
            self.total += len(found)
            self.first += found[: max(0, LISTED - len(self.first))]

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.first) < LISTED:
            self.first.append(problem)


def verify(store: Store, against: str | None = None) -> VerifyReport:
    """Storage and the audit log (not the rules of each record: see `verify_all`)."""
    saved = parse_head(against) if against is not None else None
    cipher_ok, integrity_ok, problems = store.vault.check_storage()
    with store.reading() as s:
        chain = check_chain(s, saved)
    problems.extend(chain.problems)
    return VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))


def verify_all(
    store: Store,
    against: str | None = None,
    *,
    pages_checked: bool = False,
    progress: Progress | None = None,
) -> tuple[VerifyReport, RowCheck]:
    """Everything `vault verify` checks once the pages are known to be sound: storage, the
    audit log and every record's rules and references, each record read once.

    `pages_checked`: the caller has just authenticated every page (`damage.inspect`).
    `progress(stage, done, total)` names "audit log" and "records" as they go, then
    `STRUCTURE` every half second, with the seconds waited as `done` and a `total` of 0,
    while SQLite's checks finish. An exception it raises stops the whole check.
    """
    saved = parse_head(against) if against is not None else None
    structure = _StructureCheck(store, pages_checked)
    rules = _Rules()
    try:
        with store.reading() as s, _scanning(s.connection()):
            chain = check_chain(s, saved, visit=rules, progress=progress)
        waited = time.monotonic()
        while not structure.wait(0.5):
            if progress is not None:
                progress(STRUCTURE, int(time.monotonic() - waited), 0)
    except BaseException:  # Ctrl+C, a check cancelled from its progress report, an error
        structure.stop()
        raise
    (cipher_ok, integrity_ok, problems), broken = structure.result()
    problems.extend(chain.problems)
    _name_broken_references(store, broken, rules)
    report = VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))
    return report, RowCheck(rules.total, tuple(rules.first))


SCAN_CACHE_KIB = 16 * 1024


@contextmanager
def _scanning(conn: Connection) -> Iterator[None]:
    """A small page cache while `conn` reads the whole file once: the usual one would
    fill with pages never read again (measured at 1M records with the 256 MiB cache of
    the time: 256 MiB more memory per connection; the small cache costs the structure
    check 5% more CPU, off the critical path)."""
    conn.exec_driver_sql(f"PRAGMA cache_size = -{SCAN_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")


class _StructureCheck:
    """`check_storage` and `PRAGMA foreign_key_check` on a connection of their own, in a
    thread; SQLite does not hold the interpreter while it works, so Python's checks run
    meanwhile. `stop` interrupts SQLite (Ctrl+C, an error in the other half)."""

    def __init__(self, store: Store, pages_checked: bool) -> None:
        self._vault = store.vault
        self._pages_checked = pages_checked
        self._connection: Connection | None = None
        self._opened = threading.Event()
        self._outcome: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="verify-structure", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._vault.require_engine().connect() as conn, _scanning(conn):
                self._connection = conn
                self._opened.set()
                storage = self._vault.check_storage(
                    pages_checked=self._pages_checked, connection=conn
                )
                self._outcome = (storage, _foreign_key_check(conn))
        except BaseException as error:  # handed to the caller's thread by `result`
            self._error = error
        finally:
            self._opened.set()

    def stop(self) -> None:
        self._opened.wait()
        if self._connection is not None and self._thread.is_alive():
            driver = self._connection.connection.dbapi_connection
            if driver is not None:
                driver.interrupt()
        self._thread.join()

    def wait(self, seconds: float) -> bool:
        """Whether the checks have finished, waiting at most `seconds` for them."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def result(self) -> tuple[tuple[bool, bool, list[str]], list[tuple[Any, ...]]]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        outcome: tuple[tuple[bool, bool, list[str]], list[tuple[Any, ...]]] = self._outcome
        return outcome


def _foreign_key_check(conn: Connection) -> list[tuple[Any, ...]]:
    try:
        return [tuple(row) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    except DatabaseError:
        return []


def _name_broken_references(store: Store, broken: list[tuple[Any, ...]], rules: _Rules) -> None:
    with store.reading() as s:
        for table_name, rowid, parent, _fk in broken:
            record = None
            if len(rules.first) < LISTED:
                record = (
                    s.connection()
                    .exec_driver_sql(f'SELECT id FROM "{table_name}" WHERE rowid = ?', (rowid,))
                    .scalar()
                )
            rules.add(Problem(table_name, str(record), parent, "refers to a missing record"))


def check_rows(store: Store, progress: Callable[[int, int], None] | None = None) -> RowCheck:
    """Every record of every synced table against the rules, then every reference;
    `progress(records checked, records)` every few thousand records."""
    rules = _Rules()
    with store.reading() as s:
        count = sum(
            s.execute(select(func.count()).select_from(m.__table__)).scalar_one()
            for m in SYNCED_MODELS
        )
        done = 0
        for model in SYNCED_MODELS:
            table = model.__table__
            names = [column.name for column in table.columns]
            listed = ", ".join(f'"{name}"' for name in names)
            name = str(table.name)  # type: ignore[attr-defined]
            for values in bulk.stream(s, f'SELECT {listed} FROM "{name}"'):
                rules(name, dict(zip(names, values, strict=True)))
                done += 1
                if progress is not None and done % 4096 == 0:
                    progress(done, count)
        broken = _foreign_key_check(s.connection())
    _name_broken_references(store, broken, rules)
    return RowCheck(rules.total, tuple(rules.first))


def inspect_open(
    store: Store, progress: Callable[[int, int], None] | None = None
) -> damage.DamageReport:
    """What is damaged in the vault `store` has open, once `verify_all` met a record that
    does not read (`VaultDamaged`): every page authenticated (`progress(done, pages)`),
    and what the damaged ones held; with every page sound, the records read one by one
    (text another tool stored that is not Unicode), as `vault verify` does."""
    vault = store.vault

    def report(key: bytes) -> damage.DamageReport:
        found = damage.inspect_held(vault.folder, key, progress)
        return damage.inspect_held(vault.folder, key, thorough=True) if found.intact else found

    return vault.with_data_key(report)


def audit_head(store: Store) -> str:
    """The audit log's head as printed on packs and carried in bundles: "count:hash"."""
    with store.reading() as s:
        return head(s).text()
