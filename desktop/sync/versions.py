"""Record versions as they travel: one payload line per version, checked on the way in.

A line is `{"t": <table>, "r": <the full row>}`: every column of a synced table, the
sync metadata (dot, version vector, clock stamp, tombstone) included. What arrives is
hostile until checked: a known table, exactly its columns, each of the right type and
length, a vector that covers the version's own dot, a well-formed clock stamp.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.sql.schema import Table

from desktop.core.clock import HlcStamp
from desktop.core.vectors import Dot, Version, VersionVector
from desktop.store.models import SYNCED_MODELS

from .bundle import BundleRejected, Reason

MAX_TEXT_CHARS = 1_000_000
_BAD = "This bundle holds a record version that is not valid; nothing was imported."


def synced_tables() -> dict[str, Table]:
    """Synced tables by name, in insert-safe order."""
    return {model.__tablename__: model.__table__ for model in SYNCED_MODELS}  # type: ignore[misc]


@dataclass(frozen=True)
class _Column:
    name: str
    kind: str  # "bool", "int" or "text"
    nullable: bool
    limit: int


def _columns(table: Table) -> tuple[_Column, ...]:
    found = []
    for column in table.c:
        if isinstance(column.type, Boolean):
            kind, limit = "bool", 0
        elif isinstance(column.type, Integer):
            kind, limit = "int", 0
        elif isinstance(column.type, String | Text):
            kind, limit = "text", getattr(column.type, "length", None) or MAX_TEXT_CHARS
        else:  # a synced table with another column type needs a rule here first
            raise TypeError(f"no sync rule for column {table.name}.{column.name}")
        found.append(_Column(column.name, kind, bool(column.nullable), limit))
    return tuple(found)


class VersionChecker:
    """Checks incoming payload lines against the synced tables of this schema."""

    def __init__(self) -> None:
        self.tables = synced_tables()
        self._columns = {name: _columns(table) for name, table in self.tables.items()}
        self._names = {
            name: frozenset(c.name for c in cols) for name, cols in self._columns.items()
        }

    def check(self, line: Any) -> tuple[str, dict[str, Any]]:
        """The table name and row of one payload line; `BundleRejected` if anything is off."""
        if not isinstance(line, dict) or line.keys() != {"t", "r"}:
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        table, row = line["t"], line["r"]
        columns = self._columns.get(table) if isinstance(table, str) else None
        if columns is None or not isinstance(row, dict) or row.keys() != self._names[table]:
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        for column in columns:
            value = row[column.name]
            if value is None:
                ok = column.nullable
            elif column.kind == "text":
                ok = isinstance(value, str) and len(value) <= column.limit
            elif column.kind == "int":
                ok = type(value) is int and abs(value) < 2**62
            else:
                ok = type(value) is bool
            if not ok:
                raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        try:
            version_of(row)
        except (ValueError, TypeError):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD) from None
        return table, row


def version_of(row: Mapping[str, Any]) -> Version:
    """The causal description of one row; `ValueError` when its metadata is inconsistent."""
    return Version(
        dot=Dot(row["dot_device"], row["dot_counter"]),
        vector=VersionVector.from_json(row["vv"]),
        hlc=HlcStamp.parse(row["hlc"]),
        deleted=bool(row["deleted"]),
        payload=row,
    )


def line_for(table: str, row: Mapping[str, Any]) -> bytes:
    """One payload line (without the newline)."""
    return json.dumps(
        {"t": table, "r": dict(row)}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def payload_text(row: Mapping[str, Any]) -> str:
    """The canonical JSON of a row, as stored for a conflict sibling."""
    return json.dumps(dict(row), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
