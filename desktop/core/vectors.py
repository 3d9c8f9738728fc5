"""Version vectors, dots, and the multi-value merge of one record's versions.

Every record version carries a dot (the device that made it and that device's event
counter) and a version vector (everything its author had seen, its own dot included).
A version is obsolete once another version's vector covers its dot. The versions of a
record that no other version covers are its siblings: one when history is linear, several
after concurrent edits. Merging keeps exactly the siblings, so delivery order and
duplicates never matter and a concurrent edit is never dropped.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core import jsontext
from desktop.core.clock import HlcStamp


class Ordering(enum.Enum):
    """How two version vectors relate causally."""

    BEFORE = "before"
    AFTER = "after"
    EQUAL = "equal"
    CONCURRENT = "concurrent"


DIVERGENT = (
    "Two different changes carry the same version number from one device; that device's "
    "vault may have been copied."
)


class DivergentVersionError(ValueError):
    """Two different versions carry the same dot: a device reused its counters.

    `str()` is a plain sentence; the sync layer shows it to the user as a `KnownError`.
    """


@dataclass(frozen=True, order=True, slots=True)
class Dot:
    """One event: the `counter`-th change made on `device`."""

    device: str
    counter: int

    def __post_init__(self) -> None:
        if not self.device or self.counter < 1:
            raise ValueError("a dot needs a device and a counter of at least 1")


class VersionVector(Mapping[str, int]):
    """An immutable map device id -> highest counter seen; absent devices count as 0."""

    __slots__ = ("_counters",)

    def __init__(self, counters: Mapping[str, int] | None = None) -> None:
        cleaned: dict[str, int] = {}
        for device, counter in (counters or {}).items():
            if not isinstance(device, str) or not device:
                raise ValueError("version vector keys must be device ids")
            if not isinstance(counter, int) or isinstance(counter, bool) or counter < 0:
                raise ValueError("version vector counters must be whole numbers >= 0")
            if counter:
                cleaned[device] = counter
        self._counters = dict(sorted(cleaned.items()))

    def __getitem__(self, device: str) -> int:
        return self._counters[device]

    def get_counter(self, device: str) -> int:
        """The counter for `device`, 0 when it has never been seen."""
        return self._counters.get(device, 0)

    def __iter__(self) -> Iterator[str]:
        return iter(self._counters)

    def __len__(self) -> int:
        return len(self._counters)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, VersionVector):
            return self._counters == other._counters
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._counters.items()))

    def __repr__(self) -> str:
        return f"VersionVector({self._counters!r})"

    def dominates(self, other: VersionVector) -> bool:
        """True when this vector has seen at least everything `other` has."""
        return all(self.get_counter(d) >= c for d, c in other.items())

    def covers(self, dot: Dot) -> bool:
        """True when the event `dot` is part of this vector's history."""
        return self.get_counter(dot.device) >= dot.counter

    def merge(self, other: VersionVector) -> VersionVector:
        """The least vector that dominates both."""
        merged = dict(self._counters)
        for device, counter in other.items():
            merged[device] = max(counter, merged.get(device, 0))
        return VersionVector(merged)

    def increment(self, device: str) -> VersionVector:
        """This vector with one more event on `device`."""
        return VersionVector({**self._counters, device: self.get_counter(device) + 1})

    def with_dot(self, dot: Dot) -> VersionVector:
        """This vector extended to cover `dot`."""
        return VersionVector(
            {**self._counters, dot.device: max(dot.counter, self.get_counter(dot.device))}
        )

    def to_json(self) -> str:
        """Canonical text: sorted keys, no spaces."""
        return json.dumps(self._counters, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> VersionVector:
        """Parse the canonical text; `ValueError` for anything that is not a vector."""
        data = jsontext.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a version vector is a JSON object")
        return cls(data)


def compare(a: VersionVector, b: VersionVector) -> Ordering:
    """The causal relation of `a` to `b`: BEFORE means `b` has seen all of `a` and more."""
    a_ge = a.dominates(b)
    b_ge = b.dominates(a)
    if a_ge and b_ge:
        return Ordering.EQUAL
    if a_ge:
        return Ordering.AFTER
    if b_ge:
        return Ordering.BEFORE
    return Ordering.CONCURRENT


@dataclass(frozen=True, slots=True)
class Version:
    """One version of one record as it travels between devices.

    `vector` is the author's knowledge when writing it and always covers `dot`. A delete
    is a version with `deleted` set (a tombstone) so that it can win or conflict like an
    edit does.
    """

    dot: Dot
    vector: VersionVector
    hlc: HlcStamp
    deleted: bool = False
    payload: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not self.vector.covers(self.dot):
            raise ValueError("a version's vector must cover its own dot")


Siblings = tuple[Version, ...]


def _same_content(a: Version, b: Version) -> bool:
    return (a.vector, a.hlc, a.deleted, dict(a.payload)) == (
        b.vector,
        b.hlc,
        b.deleted,
        dict(b.payload),
    )


def merge_version(siblings: Iterable[Version], incoming: Version) -> Siblings:
    """The sibling set after receiving `incoming`, sorted by dot.

    `incoming` is ignored when a sibling already covers it (a duplicate or an older
    version); otherwise it replaces the siblings it covers and joins the rest, which are
    concurrent with it. A delete that follows an edit therefore replaces it, and an edit
    concurrent with a delete stays next to it.
    """
    current = list(siblings)
    for version in current:
        if version.dot == incoming.dot:
            if not _same_content(version, incoming):
                raise DivergentVersionError(DIVERGENT)
            return tuple(sorted(current, key=lambda v: v.dot))
        if version.vector.covers(incoming.dot):
            return tuple(sorted(current, key=lambda v: v.dot))
    kept = [v for v in current if not incoming.vector.covers(v.dot)]
    kept.append(incoming)
    return tuple(sorted(kept, key=lambda v: v.dot))


def merge_siblings(local: Iterable[Version], remote: Iterable[Version]) -> Siblings:
    """Merge two sibling sets of the same record (commutative, associative, idempotent)."""
    merged: Siblings = tuple(sorted(local, key=lambda v: v.dot))
    for version in remote:
        merged = merge_version(merged, version)
    return merged


def winner(siblings: Iterable[Version]) -> Version:
    """The version to display: a live one before a deleted one, then the newest stamp.

    Every device picks the same winner from the same siblings; the others are conflicts.
    """
    candidates = list(siblings)
    if not candidates:
        raise ValueError("a record without versions has no winner")
    return max(candidates, key=lambda v: (not v.deleted, v.hlc, v.dot))


def superseding_vector(siblings: Iterable[Version], dot: Dot) -> VersionVector:
    """The vector for a new local version (`dot`) that supersedes all `siblings`.

    Resolving a conflict, whether by picking one version or by editing, writes such a
    version: it covers every sibling, so it replaces them all on every device.
    """
    vector = VersionVector()
    for version in siblings:
        vector = vector.merge(version.vector)
    return vector.with_dot(dot)
