"""What sync keeps next to the case records: paired devices, received bundles, conflicts.

`Peer` and `SeenBundle` belong to this installation and are never exported. A
`ConflictSibling` is part of the case: a concurrent version of a record that lost the
display to the version in the record's own table, kept until someone resolves it.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class Peer(Base):
    """A paired device: its pinned public keys and what it has acknowledged so far."""

    __tablename__ = "sync_peers"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    public_json: Mapped[str] = mapped_column(Text)  # DevicePublic.to_dict(), canonical JSON
    paired_at: Mapped[str] = mapped_column(String(32))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[str] = mapped_column(String(32), default="")
    acknowledged: Mapped[str] = mapped_column(Text, default="{}")  # its signed knowledge vector
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_import_at: Mapped[str] = mapped_column(String(32), default="")
    last_export_at: Mapped[str] = mapped_column(String(32), default="")
    # The audit head ("count:hash") it sent with its latest bundle: see store.audit.
    audit_head: Mapped[str] = mapped_column(String(80), default="", server_default="")


class SeenBundle(Base):
    """A bundle already imported: importing it again changes nothing."""

    __tablename__ = "sync_seen_bundles"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[str] = mapped_column(String(32))
    record_count: Mapped[int] = mapped_column(Integer, default=0)


class BlobReceipt(Base):
    """A peer holds this attachment, so bundles for it leave the bytes out.

    `sent_counter` 0: the peer sent a version referring to it (so it holds it). Otherwise
    this device sent it, for versions of its own, in a bundle stamped with its counter
    `sent_counter`; the peer holds it once its acknowledged knowledge of this device
    reaches that counter. (Files of versions relayed from other devices get no such
    receipt: see `desktop.sync.outbox.own_blobs`.)
    """

    __tablename__ = "sync_blob_receipts"

    peer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    sent_counter: Mapped[int] = mapped_column(Integer, default=0)


class ConflictSibling(Base):
    """A concurrent version of record `record_id` (in table `entity`) not shown as the winner.

    `id` is `<record_id>/<dot_device>/<dot_counter>`, the same on every device. `payload`
    is the version's full row as canonical JSON, bookkeeping columns included.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    dot_device: Mapped[str] = mapped_column(String(36))
    dot_counter: Mapped[int] = mapped_column(Integer)
    vv: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[str] = mapped_column(Text)


def sibling_id(record_id: str, device: str, counter: int) -> str:
    return f"{record_id}/{device}/{counter}"
