"""The declarative base: shared columns (id, stamps, sync metadata) and constraint names."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced(Base):
    """A case record: it travels between devices and carries its causal history.

    `dot_device`/`dot_counter` name the write that made this version; `vv` is the version
    vector (canonical JSON) of everything that version had seen; `hlc` orders versions for
    display only; `deleted` is a tombstone, kept so a delete can travel.
    """

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    dot_device: Mapped[str] = mapped_column(String(36))
    dot_counter: Mapped[int] = mapped_column(Integer)
    vv: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


def ref(target: str) -> ForeignKey:
    """A foreign key checked at commit: synced records may arrive in any order in a bundle."""
    return ForeignKey(target, deferrable=True, initially="DEFERRED")
