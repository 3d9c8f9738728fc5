"""Conflicts: records edited on two devices at once, and how a person settles them.

After a sync a record can hold several concurrent versions: the one shown (in the
record's own table) and its siblings (in `sync_conflicts`). Listing gives each version
with its device, time and the fields that differ; resolving writes one new version that
supersedes them all, either a copy of the version kept or an edit of the record.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.fieldlabels import REFERENCES
from desktop.errors import KnownError
from desktop.store.changes import BOOKKEEPING
from desktop.store.models import SYNCED_MODELS, Synced
from desktop.store.models.sync import ConflictSibling, Peer
from desktop.store.store import Store

TITLE_FIELDS = ("title", "display_name", "name", "subject", "file_name", "label", "role")
# A record within another: its conflict is also marked on the record it belongs to.
PARENT_FIELDS = {
    "event_participants": "event_id",
    "complaint_targets": "complaint_id",
    "complaint_responses": "complaint_id",
    "postings": "person_id",
    "citations": "target_id",
    "tag_links": "target_id",
}


@dataclass(frozen=True)
class ConflictVersion:
    """One concurrent version; `label` (`<device prefix>:<counter>`) names it for `--keep`."""

    label: str
    device_id: str
    device_name: str
    hlc: str
    at: str  # UTC time of the edit, from its clock stamp
    deleted: bool
    shown: bool
    values: dict[str, Any]

    def describe(self) -> str:
        """ "deleted on <device>" or "edited on <device>"."""
        verb = "deleted" if self.deleted else "edited"
        return f"{verb} on {self.device_name}"


@dataclass(frozen=True)
class Conflict:
    record_id: str
    entity: str
    title: str
    versions: tuple[ConflictVersion, ...]  # the shown version first
    differing: tuple[str, ...]  # field names whose values differ between versions
    # The title of each record a differing field refers to (person_id -> "Kuznetsov").
    references: dict[str, str] = field(default_factory=dict)


def _label(device_id: str, counter: int) -> str:
    return f"{device_id[:8]}:{counter}"


def _time_of(hlc: str) -> str:
    millis = int(hlc.split("-", 1)[0])
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


class ConflictService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._models: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}

    def _names(self, session: Session) -> dict[str, str]:
        names = {p.device_id: p.name for p in session.execute(select(Peer)).scalars()}
        state = self.store.ensure_device(session)
        names[state["device_id"]] = state.get("device_name", "") or "this device"
        return names

    def _conflict(
        self, session: Session, entity: str, record_id: str, siblings: list[ConflictSibling],
        names: dict[str, str],
    ) -> Conflict:  # fmt: skip
        model = self._models[entity]
        table = model.__table__
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().one()
        rows = [(dict(row), True)] + [(json.loads(s.payload), False) for s in siblings]
        versions = tuple(
            ConflictVersion(
                label=_label(r["dot_device"], r["dot_counter"]),
                device_id=r["dot_device"],
                device_name=names.get(r["dot_device"], r["dot_device"][:8]),
                hlc=r["hlc"],
                at=_time_of(r["hlc"]),
                deleted=bool(r["deleted"]),
                shown=shown,
                values={k: v for k, v in r.items() if k not in BOOKKEEPING},
            )
            for r, shown in rows
        )
        fields = sorted(versions[0].values)
        differing = tuple(
            f for f in fields if len({json.dumps(v.values.get(f)) for v in versions}) > 1
        )
        if len({v.deleted for v in versions}) > 1:
            differing = ("deleted", *differing)
        title = next((str(row[f]) for f in TITLE_FIELDS if row.get(f)), record_id)
        referenced = {
            str(v.values[f])
            for v in versions
            for f in differing
            if f in REFERENCES and isinstance(v.values.get(f), str)
        }
        references = {i: t for i in referenced if (t := self._title_of(session, i)) is not None}
        return Conflict(record_id, entity, title, versions, differing, references)

    def _title_of(self, session: Session, record_id: str) -> str | None:
        """The title of any record with this id, for showing a reference in plain words."""
        for model in self._models.values():
            table = model.__table__
            names = [c for c in TITLE_FIELDS if c in table.c]
            if not names:
                continue
            row = session.execute(
                select(*(table.c[n] for n in names)).where(table.c.id == record_id)
            ).first()
            if row is not None:
                return next((str(v) for v in row if v), None)
        return None

    def conflicted_ids(self) -> frozenset[str]:
        """The ids of records with an open conflict, and of the records they belong to
        (an event whose list of people is in conflict), for the markers in every view."""
        with self.store.reading() as s:
            pairs = s.execute(
                select(ConflictSibling.entity, ConflictSibling.record_id).distinct()
            ).all()
            ids = {record_id for _entity, record_id in pairs}
            for entity, record_id in pairs:
                parent = PARENT_FIELDS.get(entity)
                model = self._models.get(entity)
                if parent is None or model is None:
                    continue
                table = model.__table__
                value = s.execute(select(table.c[parent]).where(table.c.id == record_id)).scalar()
                if isinstance(value, str):
                    ids.add(value)
        return frozenset(ids)

    def list_conflicts(self) -> list[Conflict]:
        """Every record with concurrent versions, oldest record id first."""
        with self.store.reading() as s:
            names = self._names(s)
            by_record: dict[tuple[str, str], list[ConflictSibling]] = {}
            query = select(ConflictSibling).order_by(ConflictSibling.record_id, ConflictSibling.id)
            for sibling in s.execute(query).scalars():
                by_record.setdefault((sibling.entity, sibling.record_id), []).append(sibling)
            return [self._conflict(s, e, r, sibs, names) for (e, r), sibs in by_record.items()]

    def get_conflict(self, record_id: str) -> Conflict:
        for conflict in self.list_conflicts():
            if conflict.record_id == record_id or (
                len(record_id) >= 8 and conflict.record_id.startswith(record_id)
            ):
                return conflict
        raise KnownError("That record has no conflict to resolve (see `conflicts list`).")

    def resolve(self, record_id: str, keep: str) -> None:
        """Keep the version labelled `keep` (a label, or its device id prefix if unique)."""
        conflict = self.get_conflict(record_id)
        matches = [v for v in conflict.versions if v.label == keep]
        if not matches and ":" not in keep:
            matches = [v for v in conflict.versions if v.device_id.startswith(keep)]
        if len(matches) != 1:
            raise KnownError("Name one of the versions shown by `conflicts list`.")
        kept = matches[0]
        with self.store.writing() as w:
            w.supersede(
                self._models[conflict.entity], conflict.record_id, kept.values, kept.deleted
            )
