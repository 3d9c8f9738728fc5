"""What belongs to this installation only: the append-only audit log and device state."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base


class AuditEntry(Base):
    """One change: who, on which device, when, what. `hash` chains to the previous entry."""

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    device: Mapped[str] = mapped_column(String(36))
    actor: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # 1: plain SHA-256 over the metadata (entries written before migration 0007);
    # 2: HMAC-SHA-256 under the vault's audit key, over the metadata and `content_hash`.
    chain_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # SHA-256 of the record's canonical JSON after the change (chain version 2, records only).
    content_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class AuditChain(Base):
    """The audit log's key and recorded head (one row, id 1): see `store.audit`.

    `v2_from` is the position of the first version-2 entry; `marker` and `head_mac` are
    HMACs under `key`, so neither the switch-over point nor the head can be moved by
    someone who cannot read the key.
    """

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[bytes] = mapped_column(LargeBinary)
    v2_from: Mapped[int] = mapped_column(Integer)
    marker: Mapped[str] = mapped_column(String(64))
    head_count: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))
    head_mac: Mapped[str] = mapped_column(String(64))


class DeviceState(Base):
    """Key/value state of this installation (device id and name, write counter, clock)."""

    __tablename__ = "device_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SearchDoc(Base):
    """Which full-text row indexes which record, so an edit replaces it without a scan.

    Keyed by the row number (SQLite's own row id then): bulk indexing appends to it, and
    the record id's unique index is the only other B-tree (migration 0016)."""

    __tablename__ = "search_docs"

    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    fts_rowid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
