"""Reading what is still readable from a damaged vault's plain image, in memory.

`open_image` decrypts a vault's pages (`cipherpages`), keeps the schema's pages, blanks
every other damaged page and opens the result with Python's own SQLite, read-only and
in memory. `readable_rows` then walks a table by rowid in blocks; where a block fails
it steps one row at a time, and where a seek fails (a damaged leaf or interior page) it
probes further rowids, doubling the step, and narrows back to the first that reads.
`primary_keys` reads a table's primary-key index on its own, so the ids of the rows
that could not be read can be named.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.store.cipherpages import PageScan, scan, zero
from desktop.store.pagemap import page_owners, rebuild_first_page, schema_pages

BLOCK = 256
LOWEST = -(2**63)
HIGHEST = 2**63 - 1


@dataclass
class Image:
    """A damaged vault opened in memory, and which table or index each page belongs to."""

    connection: sqlite3.Connection
    scan: PageScan
    owners: dict[int, str]
    tables: dict[str, str] = field(default_factory=dict)  # index or table -> its table
    hurt: dict[str, set[int]] = field(default_factory=dict)  # rows with damaged overflow

    def close(self) -> None:
        self.connection.close()


def open_image(db_path: Path, data_key: bytes) -> Image:
    """The vault's database as a read-only in-memory SQLite connection (never on disk)."""
    pages = scan(db_path, data_key)
    kept = schema_pages(pages.image, pages.page_count) & pages.damaged
    pages.schema_pages_kept = kept
    zero(pages, pages.damaged - kept)
    connection = _connect(pages.image)
    if 1 in pages.damaged and not _schema_reads(connection):
        connection.close()
        if rebuild_first_page(pages.image, pages.page_count, pages.damaged):
            pages.notes.append("the first page was rebuilt from the schema pages it led to")
        connection = _connect(pages.image)
    roots: dict[str, int] = {}
    tables: dict[str, str] = {}
    try:
        for kind, name, table, root in connection.execute(
            "SELECT type, name, tbl_name, rootpage FROM sqlite_master"
        ):
            if kind in ("table", "index") and isinstance(root, int) and root > 0:
                roots[str(name)] = root
                tables[str(name)] = str(table)
    except sqlite3.DatabaseError:
        pass  # the schema itself is unreadable: every page stays unattributed
    owners, hurt = page_owners(pages.image, pages.page_count, roots, pages.damaged)
    return Image(connection, pages, owners, tables, hurt)


def _connect(image: bytearray) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.deserialize(bytes(image))
    connection.execute("PRAGMA writable_schema = ON")  # skip, not fail on, a garbled entry
    connection.execute("PRAGMA query_only = ON")
    return connection


def _schema_reads(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("SELECT name, sql FROM sqlite_master").fetchall()
        connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def columns(image: Image, table: str) -> list[str]:
    return [str(row[1]) for row in image.connection.execute(f'PRAGMA table_info("{table}")')]


def _probe(db: sqlite3.Connection, table: str, at_least: int) -> tuple[bool, int | None]:
    """Whether a seek to rowid >= at_least reads, and the rowid found there."""
    try:
        row = db.execute(
            f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1', (at_least,)
        ).fetchone()
    except sqlite3.DatabaseError:
        return False, None
    return True, None if row is None else int(row[0])


def _skip(db: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest rowid > `after` where seeking works again (None: nothing further)."""
    step, bad, good = 1, after, None
    while good is None:
        candidate = after + step
        if candidate >= HIGHEST:
            ok, _ = _probe(db, table, HIGHEST)
            if not ok:
                return None
            good = HIGHEST
            break
        ok, _ = _probe(db, table, candidate)
        if ok:
            good = candidate
        else:
            bad, step = candidate, step * 2
    while good - bad > 1:
        middle = (good + bad) // 2
        if _probe(db, table, middle)[0]:
            good = middle
        else:
            bad = middle
    return good


@dataclass
class TableRead:
    rows: int = 0
    unreadable_rowids: list[int] = field(default_factory=list)  # found but unreadable
    skipped_ranges: list[tuple[int, int]] = field(default_factory=list)  # rowids unreachable


def readable_rows(image: Image, table: str, read: TableRead) -> Iterator[tuple[Any, ...]]:
    """Every row of `table` that reads, in rowid order; what could not be read goes in `read`."""
    db = image.connection
    names = ", ".join(f'"{c}"' for c in columns(image, table))
    block = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
    hurt = image.hurt.get(table, set())
    position = LOWEST
    while True:
        try:
            rows = db.execute(block, (position, BLOCK)).fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows is not None:
            for row in rows:
                if row[0] in hurt:
                    read.unreadable_rowids.append(int(row[0]))
                    continue
                read.rows += 1
                yield row[1:]
            if len(rows) < BLOCK:
                return
            position = int(rows[-1][0])
            continue
        ok, found = _probe(db, table, position + 1)
        if ok and found is None:
            return
        if ok and found is not None:
            try:
                one = db.execute(
                    f'SELECT rowid, {names} FROM "{table}" WHERE rowid = ?', (found,)
                ).fetchone()
            except sqlite3.DatabaseError:  # the row's overflow pages are damaged
                read.unreadable_rowids.append(found)
            else:
                if found in hurt:
                    read.unreadable_rowids.append(found)
                    position = found
                    continue
                read.rows += 1
                yield one[1:]
            position = found
            continue
        resume = _skip(db, table, position)
        read.skipped_ranges.append((position + 1, (resume or HIGHEST) - 1))
        if resume is None:
            return
        position = resume - 1


def primary_keys(image: Image, table: str) -> set[Any] | None:
    """Every primary-key value the table's own index lists; None when it cannot be read."""
    db = image.connection
    try:
        indexes = db.execute(f'PRAGMA index_list("{table}")').fetchall()
        (index,) = [row[1] for row in indexes if row[3] == "pk"]
        (key,) = [row[2] for row in db.execute(f'PRAGMA index_info("{index}")')]
        return {row[0] for row in db.execute(f'SELECT "{key}" FROM "{table}" INDEXED BY "{index}"')}
    except (sqlite3.DatabaseError, ValueError):
        return None
