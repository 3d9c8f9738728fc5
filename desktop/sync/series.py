"""Splitting an export into a series of bundles that each fit under a size limit.

A receiver refuses a bundle over its limit, and a FAT32 stick cannot hold a file of
4 GiB, so an export larger than the limit the user chose becomes a numbered series.
Each part is a complete, signed bundle that imports on its own and in any order:

- every part carries all the pending record versions except attachments that travel
  with their file (records are small; carrying them in each part keeps every reference
  inside the part, and merging them twice changes nothing);
- each attachment file travels in exactly one part, together with the attachment
  versions that refer to it and the complaint responses that refer to those attachments;
- a part claims only knowledge it carries: for each device, the counter just below the
  first version held back in another part. The whole series' knowledge travels in every
  part's manifest (`series`), and a receiver adopts it only once it has imported every
  part of the series. So a lost part never makes a receiver claim what it lacks.

Where splitting cannot help (one attachment, or the records alone, over the limit) the
export is refused before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.vectors import VersionVector
from desktop.errors import KnownError

from .bundle_write import estimated_size
from .versions import line_for

ATTACHMENTS = "attachments"
RESPONSES = "complaint_responses"
MANIFEST_ALLOWANCE = 4 * 1024  # a manifest's fixed fields, with room to spare


class TooLargeToSend(KnownError):
    """Nothing was written: no split of this export fits under the limit."""


@dataclass(frozen=True)
class Pending:
    """One record version to send: its table, row and the blobs it needs carried."""

    table: str
    row: Mapping[str, Any]
    blobs: frozenset[str]

    @property
    def line(self) -> bytes:
        return line_for(self.table, self.row)


@dataclass
class Part:
    """What one bundle of a series carries."""

    versions: list[Pending] = field(default_factory=list)
    blobs: dict[str, int] = field(default_factory=dict)
    knowledge: VersionVector = field(default_factory=VersionVector)

    def lines(self) -> list[bytes]:
        return [v.line for v in self.versions]


def human_size(size: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift:
            return f"{size / (1 << shift):.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def _grouped(
    versions: Sequence[Pending], blob_sizes: Mapping[str, int]
) -> tuple[list[Pending], list[tuple[str, list[Pending]]]]:
    """The shared versions, and per carried attachment file the versions that travel with it."""
    by_blob: dict[str, list[Pending]] = {}
    home: dict[str, str] = {}  # attachment id -> the blob it travels with
    for version in versions:
        carried = sorted(version.blobs & blob_sizes.keys())
        if version.table == ATTACHMENTS and carried:
            by_blob.setdefault(carried[0], []).append(version)
            home[str(version.row["id"])] = carried[0]
    shared: list[Pending] = []
    for version in versions:
        if version.table == ATTACHMENTS and version.blobs & blob_sizes.keys():
            continue
        ref = version.row.get("attachment_id") if version.table == RESPONSES else None
        if ref is not None and str(ref) in home:
            by_blob[home[str(ref)]].append(version)
        else:
            shared.append(version)
    return shared, sorted(by_blob.items(), key=lambda item: (-blob_sizes[item[0]], item[0]))


def _claim(knowledge: VersionVector, withheld: Sequence[Pending]) -> VersionVector:
    """`knowledge` lowered below the first dot of each device that this part lacks."""
    counters = dict(knowledge)
    for version in withheld:
        device, counter = str(version.row["dot_device"]), int(version.row["dot_counter"])
        if device in counters:
            counters[device] = min(counters[device], counter - 1)
    return VersionVector({d: c for d, c in counters.items() if c > 0})


def plan_parts(
    versions: Sequence[Pending],
    blob_sizes: Mapping[str, int],
    knowledge: VersionVector,
    *,
    max_bytes: int,
    recipients: int,
) -> list[Part]:
    """One part when everything fits under `max_bytes`, else the fewest parts found."""

    most_parts = len(blob_sizes) + 1
    # The manifest: fixed fields, one entry per blob, per device known, per part's id.
    manifest_fixed = MANIFEST_ALLOWANCE + 64 * len(knowledge) * 2 + 40 * most_parts

    def size(lines_bytes: int, blobs: Sequence[int]) -> int:
        manifest = manifest_fixed + 80 * len(blobs)
        return estimated_size(manifest, lines_bytes, blobs, recipients)

    total_lines = sum(len(v.line) + 1 for v in versions)
    if size(total_lines, list(blob_sizes.values())) <= max_bytes:
        return [Part(list(versions), dict(blob_sizes), knowledge)]
    shared, groups = _grouped(versions, blob_sizes)
    shared_bytes = sum(len(v.line) + 1 for v in shared)
    photos = {sha: blob_sizes[sha] for v in shared for sha in v.blobs if sha in blob_sizes}
    if size(shared_bytes, list(photos.values())) > max_bytes:
        raise TooLargeToSend(
            "The changes to send are larger than the bundle limit of {limit} even "
            "without attachments; choose a larger --max-size.",
            limit=human_size(max_bytes),
        )
    parts: list[Part] = []
    for sha, riders in groups:  # largest first, each into the first part with room
        rider_bytes = sum(len(v.line) + 1 for v in riders)
        for part in parts:
            lines = shared_bytes + sum(len(v.line) + 1 for v in part.versions) + rider_bytes
            if size(lines, [*part.blobs.values(), blob_sizes[sha]]) <= max_bytes:
                break
        else:
            part = Part(blobs=dict(photos))
            if size(shared_bytes + rider_bytes, [*photos.values(), blob_sizes[sha]]) > max_bytes:
                raise TooLargeToSend(
                    "An attachment of {size} does not fit in a bundle of at most {limit}; "
                    "choose a larger --max-size.",
                    size=human_size(blob_sizes[sha]),
                    limit=human_size(max_bytes),
                )
            parts.append(part)
        part.versions.extend(riders)
        part.blobs[sha] = blob_sizes[sha]
    for part in parts:
        own = {id(v) for v in part.versions}
        withheld = [v for _, riders in groups for v in riders if id(v) not in own]
        part.knowledge = _claim(knowledge, withheld)
        part.versions = [*shared, *part.versions]
    return parts
