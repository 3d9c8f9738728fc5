"""Record versions as they travel: one payload line per version, checked on the way in.

A line is `{"t": <table>, "r": <the full row>}`: every column of a synced table, the
sync metadata (dot, version vector, clock stamp, tombstone) included. What arrives is
hostile until checked: a known table, exactly its columns, each of the right type and
length, a vector that covers the version's own dot, a well-formed clock stamp.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.sql.schema import Table

from desktop.core import jsontext
from desktop.core.clock import HlcStamp
from desktop.core.rules import row_problems
from desktop.core.vectors import Dot, Version, VersionVector
from desktop.store.models import SYNCED_MODELS, with_late_columns
from desktop.store.models.people import names_well_formed

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


@dataclass(frozen=True)
class _Rules:
    """One table's column rules, grouped by kind for a tight checking loop."""

    names: frozenset[str]
    texts: tuple[tuple[str, int, bool], ...]  # name, longest length, nullable
    ints: tuple[tuple[str, bool], ...]
    bools: tuple[tuple[str, bool], ...]

    @classmethod
    def of(cls, columns: tuple[_Column, ...]) -> _Rules:
        return cls(
            frozenset(c.name for c in columns),
            tuple((c.name, c.limit, c.nullable) for c in columns if c.kind == "text"),
            tuple((c.name, c.nullable) for c in columns if c.kind == "int"),
            tuple((c.name, c.nullable) for c in columns if c.kind == "bool"),
        )

    def allow(self, row: dict[str, Any]) -> bool:
        """Whether every value has its column's type (and length, for text)."""
        for name, limit, nullable in self.texts:
            value = row[name]
            if type(value) is not str:
                if value is None and nullable:
                    continue
                return False
            if len(value) > limit:
                return False
        for name, nullable in self.ints:
            value = row[name]
            if type(value) is not int:
                if value is None and nullable:
                    continue
                return False
            if not -(2**62) < value < 2**62:
                return False
        for name, nullable in self.bools:
            value = row[name]
            if type(value) is not bool and not (value is None and nullable):
                return False
        return True


class VersionChecker:
    """Checks incoming payload lines against the synced tables of this schema."""

    def __init__(self) -> None:
        self.tables = synced_tables()
        self._rules = {name: _Rules.of(_columns(table)) for name, table in self.tables.items()}

    def check(self, line: Any) -> tuple[str, dict[str, Any]]:
        """The table name and row of one payload line; `BundleRejected` if anything is off."""
        if not isinstance(line, dict) or line.keys() != {"t", "r"}:
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        table, row = line["t"], line["r"]
        rules = self._rules.get(table) if isinstance(table, str) else None
        if rules is None or not isinstance(row, dict):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if row.keys() != rules.names:  # a bundle of an older version: its columns, fewer
            row = with_late_columns(table, row, rules.names)
            if row.keys() != rules.names:
                raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if not rules.allow(row) or not consistent(row):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if table == "persons" and not names_well_formed(row["names"]):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if row_problems(table, row):  # the rules every way into a vault shares
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        return table, row


_STAMP = re.compile(r"[0-9]{13}-[0-9]{5}-\S+")  # the shape HlcStamp.format writes


def consistent(row: Mapping[str, Any]) -> bool:
    """Whether `version_of(row)` would succeed, without building the objects.

    For a row whose columns have their types (`_Rules.allow`): a dot with a device and a
    counter of at least 1, a well-formed clock stamp, and a vector (a JSON object of
    device ids to whole numbers >= 0) that covers the dot. Most received rows are records
    new here and are inserted as they are, so only the check is needed for them.
    """
    device, counter = row["dot_device"], row["dot_counter"]
    if not device or counter < 1 or not _STAMP.fullmatch(row["hlc"]):
        return False
    try:
        vector = jsontext.loads(row["vv"])
    except ValueError:
        return False
    if type(vector) is not dict:
        return False
    for key, value in vector.items():
        if not key or type(value) is not int or value < 0:
            return False
    return bool(vector.get(device, 0) >= counter)


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
