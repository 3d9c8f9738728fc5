"""Tags: short labels on events, people and complaints, used to filter the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from desktop.services.entry import Part, tag_id_for
from desktop.services.validation import required_text
from desktop.store.idlist import among
from desktop.store.models import Tag, TagLink
from desktop.store.records import TagRecord, view
from desktop.store.store import Store


class TagService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def tags(self, case_id: str) -> list[TagRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(Tag).where(Tag.case_id == case_id, Tag.deleted.is_(False)).order_by(Tag.name)
            ).scalars()
            return [view(TagRecord, t) for t in rows]

    def add_tag(self, case_id: str, name: str) -> str:
        """The case's tag called `name`, made now if it does not exist yet."""
        name = required_text(name, "tag", 100)
        with self.store.writing() as w:
            return w.session.execute(
                select(Tag.id).where(
                    Tag.case_id == case_id, Tag.name == name, Tag.deleted.is_(False)
                )
            ).scalar_one_or_none() or w.insert(Tag, case_id=case_id, name=name)

    def tag(self, case_id: str, target_kind: str, target_id: str, name: str) -> str:
        """Put tag `name` on a record, creating the tag in the case when it is new."""
        name = required_text(name, "tag", 100)
        with self.store.writing() as w:
            tag_id = w.session.execute(
                select(Tag.id).where(
                    Tag.case_id == case_id, Tag.name == name, Tag.deleted.is_(False)
                )
            ).scalar_one_or_none() or w.insert(Tag, case_id=case_id, name=name)
            existing = w.session.execute(
                select(TagLink.id).where(
                    TagLink.tag_id == tag_id,
                    TagLink.target_id == target_id,
                    TagLink.deleted.is_(False),
                )
            ).scalar_one_or_none()
            return existing or w.insert(
                TagLink, tag_id=tag_id, target_kind=target_kind, target_id=target_id
            )

    def tags_of(self, target_id: str) -> list[TagRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(Tag)
                .join(TagLink, TagLink.tag_id == Tag.id)
                .where(
                    TagLink.target_id == target_id,
                    TagLink.deleted.is_(False),
                    Tag.deleted.is_(False),
                )
                .order_by(Tag.name)
                .distinct()
            ).scalars()
            return [view(TagRecord, t) for t in rows]

    def untag(self, target_id: str, tag_id: str) -> None:
        with self.store.writing() as w:
            links = w.session.execute(
                select(TagLink.id).where(
                    TagLink.target_id == target_id,
                    TagLink.tag_id == tag_id,
                    TagLink.deleted.is_(False),
                )
            ).scalars()
            for link_id in list(links):
                w.delete(TagLink, link_id)

    def tags_of_many(self, target_ids: Sequence[str]) -> dict[str, list[TagRecord]]:
        """The tags on each of `target_ids` (ids without tags are left out)."""
        found: dict[str, list[TagRecord]] = {}
        with self.store.reading() as s:
            rows = s.execute(
                select(TagLink.target_id, Tag)
                .join(Tag, Tag.id == TagLink.tag_id)
                .where(
                    among(TagLink.target_id, list(target_ids)),
                    TagLink.deleted.is_(False),
                    Tag.deleted.is_(False),
                )
                .order_by(Tag.name)
            ).all()
            for target_id, tag in rows:
                found.setdefault(str(target_id), []).append(view(TagRecord, tag))
        return found

    def tag_many(
        self, case_id: str, target_kind: str, target_ids: Sequence[str], name: str
    ) -> list[Part]:
        """Put tag `name` on every record of `target_ids` in one transaction; the records
        made (a new tag, the new links), for an undo step. Records already tagged stay."""
        name = required_text(name, "tag", 100)
        made: list[Part] = []
        with self.store.writing() as w:
            tag_id = tag_id_for(w, case_id, name, made)
            tagged = set(
                w.session.execute(
                    select(TagLink.target_id).where(
                        TagLink.tag_id == tag_id, TagLink.deleted.is_(False)
                    )
                ).scalars()
            )
            for target_id in dict.fromkeys(target_ids):
                if target_id not in tagged:
                    link = w.insert(
                        TagLink, tag_id=tag_id, target_kind=target_kind, target_id=target_id
                    )
                    made.append((TagLink, link))
        return made

    def untag_many(self, target_ids: Sequence[str], tag_id: str) -> list[Part]:
        """Take tag `tag_id` off every record of `target_ids` in one transaction; the
        links removed, for an undo step."""
        removed: list[Part] = []
        with self.store.writing() as w:
            links = w.session.execute(
                select(TagLink.id).where(
                    among(TagLink.target_id, list(target_ids)),
                    TagLink.tag_id == tag_id,
                    TagLink.deleted.is_(False),
                )
            ).scalars()
            for link_id in list(links):
                w.delete(TagLink, link_id)
                removed.append((TagLink, link_id))
        return removed

    def delete_tag(self, tag_id: str) -> list[Part]:
        """Delete a tag and take it off every record, in one transaction; what went."""
        removed: list[Part] = []
        with self.store.writing() as w:
            for link_id in list(
                w.session.execute(
                    select(TagLink.id).where(TagLink.tag_id == tag_id, TagLink.deleted.is_(False))
                ).scalars()
            ):
                w.delete(TagLink, link_id)
                removed.append((TagLink, link_id))
            w.delete(Tag, tag_id)
            removed.insert(0, (Tag, tag_id))
        return removed
