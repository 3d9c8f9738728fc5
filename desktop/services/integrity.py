"""`vault verify`: SQLCipher page authentication, SQLite structure, the audit log, and
every stored record against the rules of `core.rules` (plus its references).

The audit check covers the chain, its recorded head, every record against its last
audited content and, given a head saved earlier (printed on a pack, held by a peer),
that history up to it is unchanged (see `desktop.store.audit`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError

from desktop.core.rules import Problem, row_problems
from desktop.store.audit import check_chain, head, parse_head
from desktop.store.models import SYNCED_MODELS
from desktop.store.store import Store
from desktop.store.vault import VerifyReport

LISTED = 20


def verify(store: Store, against: str | None = None) -> VerifyReport:
    saved = parse_head(against) if against is not None else None
    cipher_ok, integrity_ok, problems = store.vault.check_storage()
    with store.reading() as s:
        chain = check_chain(s, saved)
    problems.extend(chain.problems)
    return VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))


@dataclass(frozen=True)
class RowCheck:
    total: int
    first: tuple[Problem, ...]


def check_rows(store: Store, progress: Callable[[int, int], None] | None = None) -> RowCheck:
    """Every record of every synced table against the rules, then every reference;
    `progress(records checked, records)` every few thousand records."""
    total, first = 0, list[Problem]()
    with store.reading() as s:
        count = sum(
            s.execute(select(func.count()).select_from(m.__table__)).scalar_one()
            for m in SYNCED_MODELS
        )
        done = 0
        for model in SYNCED_MODELS:
            table = model.__table__
            name = str(table.name)  # type: ignore[attr-defined]
            for row in s.execute(select(table)).mappings():
                found = row_problems(name, dict(row))
                total += len(found)
                first += found[: max(0, LISTED - len(first))]
                done += 1
                if progress is not None and done % 4096 == 0:
                    progress(done, count)
        try:
            broken = s.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        except DatabaseError:
            broken = []
        for table_name, rowid, parent, _fk in broken:
            total += 1
            if len(first) < LISTED:
                record = (
                    s.connection()
                    .exec_driver_sql(f'SELECT id FROM "{table_name}" WHERE rowid = ?', (rowid,))
                    .scalar()
                )
                first.append(Problem(table_name, str(record), parent, "refers to a missing record"))
    return RowCheck(total, tuple(first))


def audit_head(store: Store) -> str:
    """The audit log's head as printed on packs and carried in bundles: "count:hash"."""
    with store.reading() as s:
        return head(s).text()
