"""Exhibit labels: given once to each attachment, never reused, the same in every pack.

A label is what a brief cites ("EXH-5"), so it must not depend on which pack is printed:
not on the profile (internal, counsel, public), the selection (dates, marked only) or on
files added later. New attachments take the next free number of their case
(`next_label`); attachments that arrive without one (older vaults, JSON imports) and
duplicates made on two laptops at once get theirs at their first pack (`missing_labels`),
which the services write back to the vault, so the label then travels with the record.
Numbers of deleted attachments are not reused: a gap in a pack's exhibits is explained by
a note in the index, never by renumbering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

AUTO_PREFIX: Final = "EXH-"
_NUMBERED: Final = re.compile(r"^EXH-(\d{1,9})$", re.IGNORECASE)


@dataclass(frozen=True)
class LabelledFile:
    """What labelling needs of an attachment: who it is, when it came, its label if any."""

    id: str
    created_at: str
    label: str
    live: bool = True


def label_number(label: str) -> int:
    """The number of an automatic label ("EXH-12" -> 12), 0 for one the user chose."""
    match = _NUMBERED.match(label.strip())
    return int(match.group(1)) if match else 0


def next_label(taken: Iterable[str]) -> str:
    """The label after the highest automatic one in `taken` (deleted files count too)."""
    return f"{AUTO_PREFIX}{max((label_number(t) for t in taken), default=0) + 1}"


def missing_labels(files: Iterable[LabelledFile]) -> dict[str, str]:
    """New labels for the live files that have none or share one with an older file.

    Of files sharing a label, the first created keeps it (ties by id, so every device
    decides the same); the others, like unlabelled files, are numbered in the order they
    were created, after every number already used.
    """
    ordered = sorted(files, key=lambda f: (f.created_at, f.id))
    taken = [f.label for f in ordered if f.label]
    seen: set[str] = set()
    needing: list[LabelledFile] = []
    for f in ordered:
        if not f.live:
            continue  # a deleted file keeps its number out of use, nothing more
        key = f.label.strip().casefold()
        if not key or key in seen:
            needing.append(f)
        seen.add(key)
    given: dict[str, str] = {}
    for f in needing:
        label = next_label(taken)
        taken.append(label)
        given[f.id] = label
    return given


def natural_key(label: str) -> tuple[tuple[int, int, str], ...]:
    """Sorts labels as a reader counts: EXH-2 before EXH-10, digits before letters."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", label)
        if part
    )
