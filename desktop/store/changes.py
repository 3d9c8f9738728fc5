"""Every local write goes through here: sync metadata, audit entry, search index.

One `ChangeWriter` lives for one transaction. Each insert, update or delete takes the
next dot of this device, extends the record's version vector, stamps the hybrid clock,
appends a keyed, chained audit entry naming the changed fields and hashing the record
as it now stands (see `store.audit`), and keeps the search index in step. Deletes are
tombstones so they can travel to other devices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.errors import KnownError, RecordKind
from desktop.store import audit, search
from desktop.store.indexing import document_for
from desktop.store.journal import Written
from desktop.store.models import Synced
from desktop.store.models.base import new_id
from desktop.store.models.sync import ConflictSibling
from desktop.store.stamping import Stamper, WriteStamp, claim_installation, vv_parse, vv_text

M = TypeVar("M", bound=Synced)

BOOKKEEPING = frozenset(
    {"id", "created_at", "updated_at", "dot_device", "dot_counter", "vv", "hlc", "deleted"}
)


class RecordMissing(KnownError):
    pass


def live_record(session: Session, model: type[M], record_id: str) -> M:
    record = session.get(model, record_id)
    if record is None or record.deleted:
        raise RecordMissing("That {kind} no longer exists.", kind=RecordKind(model.__tablename__))
    return record


class ChangeWriter:
    def __init__(self, session: Session, stamper: Stamper, actor: str = "") -> None:
        self.session = session
        self.stamper = stamper
        self.actor = actor
        self._claimed = False
        self.written: list[Written] = []  # the versions this transaction stamped

    # ---- internals --------------------------------------------------------------------
    def claim_installation(self) -> None:
        """Before this transaction's first stamp: a copied vault takes a new device id."""
        if self._claimed:
            return
        self._claimed = True
        database = self.session.get_bind().engine.url.database
        if database:
            claim_installation(self.session, Path(database), self.stamper)

    def next_stamp(self) -> WriteStamp:
        """The next local stamp (for writes and for audit entries of bulk operations)."""
        self.claim_installation()
        return self.stamper.next()

    def _superseded_vector(self, record: Synced) -> dict[str, int]:
        """The record's vector merged with every conflict sibling's; the siblings go.

        A local edit of a record in conflict is made with all its versions in view, so it
        supersedes them all on every device.
        """
        vector = vv_parse(record.vv)
        sibling_vectors = self.session.execute(
            select(ConflictSibling.vv).where(ConflictSibling.record_id == record.id)
        ).scalars()
        found = False
        for text in sibling_vectors:
            found = True
            for device, counter in vv_parse(text).items():
                vector[device] = max(counter, vector.get(device, 0))
        if found:
            self.session.execute(
                delete(ConflictSibling).where(ConflictSibling.record_id == record.id)
            )
        return vector

    def _stamp(self, record: Synced, stamp: WriteStamp, vector: dict[str, int]) -> None:
        vector[stamp.device] = stamp.counter
        record.vv = vv_text(vector)
        record.dot_device = stamp.device
        record.dot_counter = stamp.counter
        record.hlc = stamp.hlc
        record.updated_at = stamp.at
        table = type(record).__tablename__
        self.written.append(Written(table, record.id, stamp.device, stamp.counter))

    def _audit(self, stamp: WriteStamp, action: str, record: Synced, fields: list[str]) -> None:
        audit.append(
            self.session,
            at=stamp.at,
            device=stamp.device,
            actor=self.actor,
            action=action,
            entity=type(record).__tablename__,
            record_id=record.id,
            fields=fields,
            content=audit.record_content_hash(record),
        )

    def _reindex(self, record: Synced) -> None:
        if record.deleted:
            search.remove(self.session, record.id)
            return
        doc = document_for(record)
        if doc is not None:
            search.put(self.session, doc)

    def get_live(self, model: type[M], record_id: str) -> M:
        return live_record(self.session, model, record_id)

    # ---- writes -----------------------------------------------------------------------
    def insert(self, model: type[M], **values: Any) -> str:
        stamp = self.next_stamp()
        record = model(**values)
        record.id = values.get("id") or new_id()
        record.created_at = stamp.at
        record.deleted = False
        self._stamp(record, stamp, {})
        self.session.add(record)
        self.session.flush()
        self._audit(stamp, "create", record, [k for k in values if k not in BOOKKEEPING])
        self._reindex(record)
        return record.id

    def update(self, model: type[M], record_id: str, **changes: Any) -> dict[str, Any]:
        """Apply `changes`; returns the previous values of the fields that really changed."""
        record = self.get_live(model, record_id)
        previous = {
            k: getattr(record, k)
            for k, v in changes.items()
            if k not in BOOKKEEPING and getattr(record, k) != v
        }
        if not previous:
            return {}
        stamp = self.next_stamp()
        for key in previous:
            setattr(record, key, changes[key])
        self._stamp(record, stamp, self._superseded_vector(record))
        self.session.flush()
        self._audit(stamp, "update", record, list(previous))
        self._reindex(record)
        return previous

    def delete(self, model: type[M], record_id: str) -> None:
        record = self.get_live(model, record_id)
        stamp = self.next_stamp()
        record.deleted = True
        self._stamp(record, stamp, self._superseded_vector(record))
        self.session.flush()
        self._audit(stamp, "delete", record, [])
        self._reindex(record)

    def restore(self, model: type[M], record_id: str) -> None:
        """Undo a delete: the record comes back as a new version."""
        record = self.session.get(model, record_id)
        if record is None:
            raise RecordMissing("That record no longer exists.")
        if not record.deleted:
            return
        stamp = self.next_stamp()
        record.deleted = False
        self._stamp(record, stamp, self._superseded_vector(record))
        self.session.flush()
        self._audit(stamp, "restore", record, [])
        self._reindex(record)

    def supersede(
        self, model: type[M], record_id: str, values: dict[str, Any], deleted: bool
    ) -> None:
        """Resolve a conflict: one new version with `values` that replaces every sibling."""
        record = self.session.get(model, record_id)
        if record is None:
            raise RecordMissing("That record no longer exists.")
        changed = [k for k, v in values.items() if k not in BOOKKEEPING and getattr(record, k) != v]
        stamp = self.next_stamp()
        for key in changed:
            setattr(record, key, values[key])
        record.deleted = deleted
        self._stamp(record, stamp, self._superseded_vector(record))
        self.session.flush()
        self._audit(stamp, "resolve", record, changed)
        self._reindex(record)
