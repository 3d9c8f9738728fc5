"""Sources, the citations that tie them to records, and attachments kept in the vault."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.enums import Reliability, SourceKind
from desktop.core.exhibitlabels import LabelledFile, missing_labels, next_label
from desktop.core.filenames import safe_file_name
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import KnownError, ValidationError
from desktop.services.validation import (
    Cleaner,
    clean_fields,
    flag,
    fuzzy_date,
    one_of,
    optional_text,
    reference,
    required_text,
    short_text,
    text_lang,
)
from desktop.store.changes import ChangeWriter
from desktop.store.models import Attachment, Blob, Citation, Source
from desktop.store.records import AttachmentRecord, CitationRecord, SourceRecord, view
from desktop.store.store import Store

CITABLE = ("event", "person", "posting", "complaint")
MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024

SOURCE_RULES: dict[str, Cleaner] = {
    "label": short_text,
    "kind": one_of(SourceKind),
    "title": required_text,
    "text_lang": text_lang,
    "title_alt": short_text,
    "author": short_text,
    "publisher": short_text,
    "date": fuzzy_date,
    "language": short_text,
    "reliability": one_of(Reliability),
    "url": short_text,
    "confidential": flag,
}
CITATION_RULES: dict[str, Cleaner] = {"pinpoint": short_text, "quote": optional_text}


def attachment_name(value: object, field: str) -> str:
    """A stored attachment name is one plain file name (see core.filenames)."""
    return safe_file_name(required_text(value, field))


ATTACHMENT_RULES: dict[str, Cleaner] = {
    "file_name": attachment_name,
    "exhibit_label": short_text,
    "source_id": reference,
    "confidential": flag,
    "for_brief": flag,
    "description": short_text,
    "cleared_counsel": flag,
    "cleared_public": flag,
}
CLEARABLE = ("counsel", "public")


def _source_values(fields: dict[str, object]) -> dict[str, object]:
    values = clean_fields(fields, SOURCE_RULES, "source")
    date = values.pop("date", None)
    if isinstance(date, FuzzyDate):
        values.update(date_edtf=date.to_edtf(), date_sort=date.sort_number())
    return values


def media_type_of(file_name: str) -> str:
    return mimetypes.guess_type(file_name)[0] or "application/octet-stream"


def _check_size(size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise KnownError(
            "That file is too large to attach (the limit is {mib} MiB).",
            mib=MAX_ATTACHMENT_BYTES >> 20,
        )


def _case_labels(w: ChangeWriter, case_id: str, *, except_id: str = "") -> list[str]:
    """Every exhibit label of the case, deleted attachments included (never reused)."""
    rows = w.session.execute(
        select(Attachment.exhibit_label, Attachment.deleted).where(
            Attachment.case_id == case_id, Attachment.id != except_id
        )
    ).all()
    return [label for label, _deleted in rows]


def _check_label_free(w: ChangeWriter, case_id: str, label: str, except_id: str = "") -> None:
    live = w.session.execute(
        select(Attachment.id).where(
            Attachment.case_id == case_id,
            Attachment.id != except_id,
            Attachment.deleted.is_(False),
            Attachment.exhibit_label == label,
        )
    ).first()
    if label and live is not None:
        raise ValidationError(
            "{label} is already the exhibit label of another file of this case.",
            "exhibit_label",
            label=label,
        )


def _labelled_files(session: Session, case_id: str) -> list[LabelledFile]:
    rows = session.execute(
        select(
            Attachment.id, Attachment.created_at, Attachment.exhibit_label, Attachment.deleted
        ).where(Attachment.case_id == case_id)
    ).all()
    return [LabelledFile(i, created, label, not deleted) for i, created, label, deleted in rows]


def _insert_attachment(
    w: ChangeWriter, case_id: str, data: bytes, values: dict[str, object], digest: str = ""
) -> str:
    digest = digest or hashlib.sha256(data).hexdigest()
    # The label is given once, here, so every pack prints this file under the same one.
    label = str(values.get("exhibit_label") or "")
    _check_label_free(w, case_id, label)
    values = {**values, "exhibit_label": label or next_label(_case_labels(w, case_id))}
    if w.session.get(Blob, digest) is None:
        w.session.add(Blob(sha256=digest, size=len(data), data=data))
    return w.insert(
        Attachment,
        case_id=case_id,
        blob_sha256=digest,
        media_type=media_type_of(str(values["file_name"])),
        size=len(data),
        added_by=w.actor or w.stamper.device,
        **values,
    )


class FileToStore(NamedTuple):
    """A file read and hashed, its attachment fields checked, waiting for its transaction."""

    data: bytes
    sha256: str
    values: dict[str, object]


class SourceService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- sources ----------------------------------------------------------------------
    def sources(self, case_id: str) -> list[SourceRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(Source)
                .where(Source.case_id == case_id, Source.deleted.is_(False))
                .order_by(Source.label, Source.date_sort, Source.title)
            ).scalars()
            return [view(SourceRecord, r) for r in rows]

    def get_source(self, source_id: str) -> SourceRecord:
        return self.store.fetch(Source, SourceRecord, source_id)

    def add_source(self, case_id: str, title: str, **fields: object) -> str:
        values = _source_values({"title": title, **fields})
        with self.store.writing() as w:
            return w.insert(Source, case_id=case_id, **values)

    def update_source(self, source_id: str, **changes: object) -> dict[str, object]:
        values = _source_values(dict(changes))
        return self.store.update(Source, source_id, values)

    def delete_source(self, source_id: str) -> None:
        self.store.delete(Source, source_id)

    def restore_source(self, source_id: str) -> None:
        self.store.restore(Source, source_id)

    # ---- citations --------------------------------------------------------------------
    def citations(
        self, target_kind: str, target_id: str
    ) -> list[tuple[CitationRecord, SourceRecord]]:
        with self.store.reading() as s:
            rows = s.execute(
                select(Citation, Source)
                .join(Source, Source.id == Citation.source_id)
                .where(
                    Citation.target_kind == target_kind,
                    Citation.target_id == target_id,
                    Citation.deleted.is_(False),
                    Source.deleted.is_(False),
                )
                .order_by(Source.label, Citation.hlc)
            ).all()
            return [(view(CitationRecord, c), view(SourceRecord, src)) for c, src in rows]

    def cite(
        self, source_id: str, target_kind: str, target_id: str, pinpoint: str = "", quote: str = ""
    ) -> str:
        if target_kind not in CITABLE:
            raise ValidationError(
                "Only {kinds} can cite a source.", "target_kind", kinds=", ".join(CITABLE)
            )
        values = clean_fields({"pinpoint": pinpoint, "quote": quote}, CITATION_RULES, "citation")
        with self.store.writing() as w:
            source = w.get_live(Source, source_id)
            return w.insert(
                Citation,
                case_id=source.case_id,
                source_id=source_id,
                target_kind=target_kind,
                target_id=target_id,
                **values,
            )

    def update_citation(self, citation_id: str, **changes: object) -> dict[str, object]:
        values = clean_fields(changes, CITATION_RULES, "citation")
        return self.store.update(Citation, citation_id, values)

    def remove_citation(self, citation_id: str) -> None:
        self.store.delete(Citation, citation_id)

    # ---- attachments ------------------------------------------------------------------
    def attachments(self, case_id: str, source_id: str | None = None) -> list[AttachmentRecord]:
        with self.store.reading() as s:
            q = select(Attachment).where(
                Attachment.case_id == case_id, Attachment.deleted.is_(False)
            )
            if source_id is not None:
                q = q.where(Attachment.source_id == source_id)
            rows = s.execute(q.order_by(Attachment.exhibit_label, Attachment.file_name)).scalars()
            return [view(AttachmentRecord, a) for a in rows]

    def get_attachment(self, attachment_id: str) -> AttachmentRecord:
        return self.store.fetch(Attachment, AttachmentRecord, attachment_id)

    def add_attachment(self, case_id: str, file_name: str, data: bytes, **fields: object) -> str:
        """Store `data` inside the vault (once per content) and describe it as an attachment."""
        _check_size(len(data))
        values = clean_fields({"file_name": file_name, **fields}, ATTACHMENT_RULES, "attachment")
        with self.store.writing() as w:
            return _insert_attachment(w, case_id, data, values)

    def attach_files(self, case_id: str, paths: Sequence[Path], **fields: object) -> list[str]:
        """Attach files from disk: all of them or, on any problem, none.

        Sizes are checked before anything is read, so a file too large is refused without
        loading it. Files are read and hashed before the write transaction opens, so other
        writers (an edit made meanwhile) wait only for the store itself, not for the disk.
        """
        return self.store_files(case_id, self.read_files(paths, **fields))

    def read_files(self, paths: Sequence[Path], **fields: object) -> list[FileToStore]:
        """Check, read and hash files for `store_files` (no transaction: the slow part)."""
        for path in paths:
            try:
                _check_size(path.stat().st_size)
            except OSError:
                raise KnownError(
                    "{name} cannot be read; nothing was attached.", name=path.name
                ) from None
        checked = [
            clean_fields({"file_name": p.name, **fields}, ATTACHMENT_RULES, "attachment")
            for p in paths
        ]
        contents: list[FileToStore] = []
        for path, values in zip(paths, checked, strict=True):
            try:
                data = path.read_bytes()
            except OSError:
                raise KnownError(
                    "{name} cannot be read; nothing was attached.", name=path.name
                ) from None
            _check_size(len(data))  # it may have grown since it was measured
            contents.append(FileToStore(data, hashlib.sha256(data).hexdigest(), values))
        return contents

    def store_files(self, case_id: str, files: Sequence[FileToStore]) -> list[str]:
        """Store files `read_files` read, in one transaction: all of them or none."""
        with self.store.writing() as w:
            return [_insert_attachment(w, case_id, f.data, f.values, f.sha256) for f in files]

    def update_attachment(self, attachment_id: str, **changes: object) -> dict[str, object]:
        values = clean_fields(changes, ATTACHMENT_RULES, "attachment")
        with self.store.writing() as w:
            if "exhibit_label" in values:
                record = w.get_live(Attachment, attachment_id)
                label = str(values["exhibit_label"]) or record.exhibit_label
                if not label:  # a file in a pack always has a label, given once
                    label = next_label(_case_labels(w, record.case_id))
                values["exhibit_label"] = label
                _check_label_free(w, record.case_id, label, attachment_id)
            return w.update(Attachment, attachment_id, **values)

    def label_exhibits(self, case_id: str) -> dict[str, str]:
        """Give a label to every live attachment of the case that has none or shares one
        (made on two laptops at once); returns attachment id -> new label."""
        with self.store.reading() as s:
            if not missing_labels(_labelled_files(s, case_id)):
                return {}  # the usual case: no write transaction for a pack
        with self.store.writing() as w:
            given = missing_labels(_labelled_files(w.session, case_id))
            for attachment_id, label in sorted(given.items(), key=lambda kv: kv[1]):
                w.update(Attachment, attachment_id, exhibit_label=label)
        return given

    def set_cleared(self, attachment_id: str, redaction: str, cleared: bool = True) -> bool:
        """Clear an attachment for packs of `redaction` (or withdraw it); True if it changed."""
        if redaction not in CLEARABLE:
            raise ValidationError("Attachments are cleared for counsel or public packs.", "for")
        changed = self.update_attachment(attachment_id, **{f"cleared_{redaction}": cleared})
        return bool(changed)

    def find_attachment(self, case_id: str, reference: str) -> AttachmentRecord:
        """The attachment named by its id (or 8+ first characters), exhibit label or file name."""
        wanted = reference.strip()
        found = [
            a
            for a in self.attachments(case_id)
            if a.id == wanted
            or (len(wanted) >= 8 and a.id.startswith(wanted))
            or (
                wanted and wanted.casefold() in (a.exhibit_label.casefold(), a.file_name.casefold())
            )
        ]
        if not found:
            raise KnownError("No attachment of this case has that id, exhibit label or file name.")
        if len(found) > 1:
            raise KnownError("More than one attachment matches; give its id instead.")
        return found[0]

    def delete_attachment(self, attachment_id: str) -> None:
        self.store.delete(Attachment, attachment_id)

    def blob(self, sha256: str) -> bytes:
        """The bytes of an attachment, read from the encrypted vault into memory only."""
        with self.store.reading() as s:
            blob = s.get(Blob, sha256)
            if blob is None:
                raise KnownError("The file of that attachment is missing from the vault.")
            data = bytes(blob.data)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise KnownError("The file of that attachment is damaged (its SHA-256 does not match).")
        return data
