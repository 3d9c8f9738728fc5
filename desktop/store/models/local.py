"""What belongs to this installation only: the append-only audit log and device state."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
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


class DeviceState(Base):
    """Key/value state of this installation (device id and name, write counter, clock)."""

    __tablename__ = "device_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SearchDoc(Base):
    """Which full-text row indexes which record, so an edit replaces it without a scan."""

    __tablename__ = "search_docs"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fts_rowid: Mapped[int] = mapped_column(Integer, unique=True)
