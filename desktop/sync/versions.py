"""Record versions as they travel: one payload line per version, checked on the way in.

A line is `{"t": <table>, "r": <the full row>}`: every column of a synced table, the
sync metadata (dot, version vector, clock stamp, tombstone) included. What arrives is
hostile until checked: a known table, exactly its columns, each of the right type and
length, a vector that covers the version's own dot, a well-formed clock stamp.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.sql.schema import Table

from desktop.core import jsontext
from desktop.core.clock import HlcStamp
from desktop.core.rules import row_problems, text_limit, texts_sound
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


def _values_of(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row's values of `names` as a tuple (one C call for two or more names)."""
    if len(names) > 1:
        return operator.itemgetter(*names)
    return lambda row: tuple(row[name] for name in names)


_STR, _INT, _BOOL = frozenset({str}), frozenset({int}), frozenset({bool})
_INT_LIMIT = 2**62


@dataclass(frozen=True)
class _Rules:
    """One table's column rules, grouped by kind for a tight checking loop."""

    names: frozenset[str]
    texts: tuple[tuple[str, int, bool], ...]  # name, longest length, nullable
    ints: tuple[tuple[str, bool], ...]
    bools: tuple[tuple[str, bool], ...]
    # For `sound`: the values of each kind, and each text's limit under both its
    # column's rule and the text rule every record obeys (`rules.text_limit`).
    text_values: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    text_limits: tuple[int, ...]
    int_values: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    bool_values: Callable[[Mapping[str, Any]], tuple[Any, ...]]

    @classmethod
    def of(cls, table: str, columns: tuple[_Column, ...]) -> _Rules:
        texts = tuple((c.name, c.limit, c.nullable) for c in columns if c.kind == "text")
        ints = tuple((c.name, c.nullable) for c in columns if c.kind == "int")
        bools = tuple((c.name, c.nullable) for c in columns if c.kind == "bool")
        return cls(
            frozenset(c.name for c in columns),
            texts,
            ints,
            bools,
            _values_of(tuple(name for name, _, _ in texts)),
            tuple(min(limit, text_limit(table, name)) for name, limit, _ in texts),
            _values_of(tuple(name for name, _ in ints)),
            _values_of(tuple(name for name, _ in bools)),
        )

    def sound(self, row: Mapping[str, Any]) -> bool:
        """Whether `row` passes `allow` and the text rules of `row_problems`, decided for
        the whole row in a few C calls; False also when it has a null value anywhere, or
        anything else that needs `allow` and `row_problems` to look value by value.

        A sync import checks every version it receives (100,000 in a large bundle), and
        nearly all are rows like this: every text a short enough valid string, every
        number a whole number, every flag a boolean.
        """
        texts = self.text_values(row)
        if {*map(type, texts)} != _STR or not all(
            map(operator.le, map(len, texts), self.text_limits)
        ):
            return False
        ints = self.int_values(row)
        if ints and ({*map(type, ints)} != _INT or min(ints) <= -_INT_LIMIT
                     or max(ints) >= _INT_LIMIT):  # fmt: skip
            return False
        bools = self.bool_values(row)
        if bools and {*map(type, bools)} != _BOOL:
            return False
        return texts_sound("".join(texts))

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
            if not -_INT_LIMIT < value < _INT_LIMIT:
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
        self._rules = {
            name: _Rules.of(name, _columns(table)) for name, table in self.tables.items()
        }

    def check(self, line: Any) -> tuple[str, dict[str, Any]]:
        """The table name and row of one payload line; `BundleRejected` if anything is off."""
        if not isinstance(line, dict) or line.keys() != _LINE_KEYS:
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        table, row = line["t"], line["r"]
        rules = self._rules.get(table) if isinstance(table, str) else None
        if rules is None or not isinstance(row, dict):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if row.keys() != rules.names:  # a bundle of an older version: its columns, fewer
            row = with_late_columns(table, row, rules.names)
            if row.keys() != rules.names:
                raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        # Types, lengths and the text rules in one pass for the usual row; a row with a
        # null or anything unusual is checked value by value, with the same outcome.
        sound = rules.sound(row)
        if not (sound or rules.allow(row)) or not consistent(row):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if table == "persons" and not names_well_formed(row["names"]):
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        if row_problems(table, row, texts_checked=sound):  # the rules every way shares
            raise BundleRejected(Reason.BAD_PAYLOAD, _BAD)
        return table, row


_LINE_KEYS = frozenset({"t", "r"})


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
        vector = _vector(row["vv"])
    except ValueError:
        return False
    if type(vector) is not dict:
        return False
    for key, value in vector.items():
        if not key or type(value) is not int or value < 0:
            return False
    return bool(vector.get(device, 0) >= counter)


_SCAN: Any = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _vector(text: str) -> Any:
    """The JSON value of a vector's text: the scanner straight on it when it is one value
    without spaces around, as every writer makes it (a third of `json.loads`' cost);
    anything else goes through `jsontext.loads`, which says why it is not readable."""
    try:
        value, end = _SCAN(text, 0)
    except (StopIteration, ValueError, RecursionError):
        return jsontext.loads(text)
    return value if end == len(text) else jsontext.loads(text)


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
