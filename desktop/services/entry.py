"""A record entered together with its links, taken back and brought back as one step.

The New event and New complaint dialogs let the user add people, citations (with their
pinpoints), tags and linked records before the first save. `insert_links` writes those
links inside the record's own transaction, and the `Entered` it helps build names every
record that transaction made, so the undo step withdraws all of them at once (one
transaction) and redo reinstates all of them, never leaving a half-entered record behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from desktop.services.sources import CITATION_RULES
from desktop.services.validation import clean_fields, required_text
from desktop.store.changes import ChangeWriter
from desktop.store.models import Citation, Source, Synced, Tag, TagLink
from desktop.store.store import Store

Part = tuple[type[Synced], str]  # a record one step made: its model and id


@dataclass(frozen=True)
class Cite:
    """A source backing a record, with a pinpoint (¶2, p. 14) and an optional quote."""

    source_id: str
    pinpoint: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Entered:
    """The record one step made, and every record made with it (the record first)."""

    record_id: str
    parts: tuple[Part, ...]


def clean_cites(cites: Sequence[Cite]) -> list[dict[str, object]]:
    """The checked pinpoint and quote of each citation (before any transaction opens)."""
    return [
        clean_fields({"pinpoint": c.pinpoint, "quote": c.quote}, CITATION_RULES, "citation")
        for c in cites
    ]


def clean_tags(names: Sequence[str]) -> list[str]:
    """Tag names checked and without repeats, in the order given."""
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(required_text(name, "tag", 100), None)
    return list(seen)


def tag_id_for(w: ChangeWriter, case_id: str, name: str, made: list[Part]) -> str:
    """The case's live tag called `name`; made now (and added to `made`) when it is new."""
    found = w.session.execute(
        select(Tag.id).where(Tag.case_id == case_id, Tag.name == name, Tag.deleted.is_(False))
    ).scalar_one_or_none()
    if found is not None:
        return str(found)
    tag_id = w.insert(Tag, case_id=case_id, name=name)
    made.append((Tag, tag_id))
    return tag_id


def insert_links(
    w: ChangeWriter,
    case_id: str,
    kind: str,
    record_id: str,
    cites: Sequence[Cite],
    tags: Sequence[str],
) -> list[Part]:
    """Cite `cites` and put `tags` (already cleaned) on a record just inserted."""
    made: list[Part] = []
    for cite, clean in zip(cites, clean_cites(cites), strict=True):
        w.get_live(Source, cite.source_id)
        citation_id = w.insert(
            Citation,
            case_id=case_id,
            source_id=cite.source_id,
            target_kind=kind,
            target_id=record_id,
            **clean,
        )
        made.append((Citation, citation_id))
    for name in tags:
        tag_id = tag_id_for(w, case_id, name, made)
        link_id = w.insert(TagLink, tag_id=tag_id, target_kind=kind, target_id=record_id)
        made.append((TagLink, link_id))
    return made


def withdraw(store: Store, parts: Sequence[Part]) -> None:
    """Delete every part in one transaction (links before what they point to)."""
    with store.writing() as w:
        for model, record_id in reversed(parts):
            w.delete(model, record_id)


def reinstate(store: Store, parts: Sequence[Part]) -> None:
    """Bring every part back in one transaction."""
    with store.writing() as w:
        for model, record_id in parts:
            w.restore(model, record_id)
