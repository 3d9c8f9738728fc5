"""The append-only audit log: every change, hash-chained so an edit to history shows.

An entry names the change (who, device, when, action, record kind and id, which fields)
but not the values: the log must not become a second copy of the case.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import AuditEntry

GENESIS = "0" * 64


def entry_hash(
    prev_hash: str,
    at: str,
    device: str,
    actor: str,
    action: str,
    entity: str,
    record_id: str,
    fields: str,
) -> str:
    body = json.dumps(
        [prev_hash, at, device, actor, action, entity, record_id, fields],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    at: str,
    device: str,
    actor: str,
    action: str,
    entity: str,
    record_id: str,
    fields: list[str],
) -> None:
    last = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS
    field_text = ",".join(sorted(fields))
    session.add(
        AuditEntry(
            at=at,
            device=device,
            actor=actor,
            action=action,
            entity=entity,
            record_id=record_id,
            fields=field_text,
            prev_hash=prev,
            hash=entry_hash(prev, at, device, actor, action, entity, record_id, field_text),
        )
    )


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken_at: int | None  # the seq of the first entry that does not fit the chain

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def check_chain(session: Session) -> ChainCheck:
    prev = GENESIS
    count = 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
        count += 1
        expected = entry_hash(
            prev,
            entry.at,
            entry.device,
            entry.actor,
            entry.action,
            entry.entity,
            entry.record_id,
            entry.fields,
        )
        if entry.prev_hash != prev or entry.hash != expected:
            return ChainCheck(count, entry.seq)
        prev = entry.hash
    return ChainCheck(count, None)
