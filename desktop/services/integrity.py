"""`vault verify`: SQLCipher page authentication, SQLite structure, the audit hash chain,
and every stored record against the rules of `core.rules` (plus its references)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from desktop.core.rules import Problem, row_problems
from desktop.store.audit import check_chain
from desktop.store.models import SYNCED_MODELS
from desktop.store.store import Store
from desktop.store.vault import VerifyReport

LISTED = 20


def verify(store: Store) -> VerifyReport:
    cipher_ok, integrity_ok, problems = store.vault.check_storage()
    with store.reading() as s:
        chain = check_chain(s)
    if not chain.ok:
        problems.append(f"audit: the chain breaks at entry {chain.broken_at} of {chain.entries}")
    return VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))


@dataclass(frozen=True)
class RowCheck:
    total: int
    first: tuple[Problem, ...]


def check_rows(store: Store) -> RowCheck:
    """Every record of every synced table against the rules, then every reference."""
    total, first = 0, list[Problem]()
    with store.reading() as s:
        for model in SYNCED_MODELS:
            table = model.__table__
            name = str(table.name)  # type: ignore[attr-defined]
            for row in s.execute(select(table)).mappings():
                found = row_problems(name, dict(row))
                total += len(found)
                first += found[: max(0, LISTED - len(first))]
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
