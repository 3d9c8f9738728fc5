"""Which versions this thread's own writes left behind, so undo can tell if they still stand.

An undo step writes old field values back. That is right only while each record it touches
is still at the version the step itself left: if a sync brought a colleague's newer edit in
between, writing the old values back would silently revert their work. Every committed
`Store.writing()` transaction records the dots it stamped here, per thread (the GUI thread
makes the user's edits; a background import must not be mistaken for one of them).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from desktop.store.models import SYNCED_MODELS
from desktop.store.models.sync import ConflictSibling


@dataclass(frozen=True)
class Written:
    """One record as a local write left it: the dot (device, counter) of that version."""

    table: str
    record_id: str
    device: str
    counter: int


@dataclass(frozen=True)
class Overwritten:
    """A record changed by someone since `Written`: its current version's device."""

    table: str
    record_id: str
    device: str


class WriteJournal:
    """Per thread: the versions written since the last `drain`."""

    def __init__(self) -> None:
        self._local = threading.local()

    def _entries(self) -> dict[tuple[str, str], Written]:
        entries: dict[tuple[str, str], Written] | None = getattr(self._local, "entries", None)
        if entries is None:
            entries = self._local.entries = {}
        return entries

    def record(self, written: Iterable[Written]) -> None:
        entries = self._entries()
        for item in written:  # a later write of the same record replaces the earlier one
            entries[(item.table, item.record_id)] = item

    def drain(self) -> tuple[Written, ...]:
        entries = self._entries()
        drained = tuple(entries.values())
        entries.clear()
        return drained


_TABLES: dict[str, Table] = {}


def _table(name: str) -> Table | None:
    if not _TABLES:
        _TABLES.update({m.__tablename__: m.__table__ for m in SYNCED_MODELS})
    return _TABLES.get(name)


def overwritten(session: Session, written: Iterable[Written]) -> list[Overwritten]:
    """The records of `written` whose current version is no longer the one written."""
    found: list[Overwritten] = []
    for item in written:
        table = _table(item.table)
        if table is None:
            continue
        row = session.execute(
            select(table.c.dot_device, table.c.dot_counter).where(table.c.id == item.record_id)
        ).first()
        if row is None:
            continue  # purged: nothing of anyone's to overwrite
        if (row.dot_device, row.dot_counter) != (item.device, item.counter):
            found.append(Overwritten(item.table, item.record_id, row.dot_device))
            continue
        # A concurrent version kept as a conflict: writing over the record would settle the
        # conflict against it without anyone having looked.
        sibling = session.execute(
            select(ConflictSibling.dot_device).where(ConflictSibling.record_id == item.record_id)
        ).first()
        if sibling is not None:
            found.append(Overwritten(item.table, item.record_id, sibling.dot_device))
    return found
