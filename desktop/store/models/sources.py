"""Sources, citations that tie them to records, attachments and their content blobs."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Synced, ref


class Source(Synced):
    __tablename__ = "sources"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    label: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(32), default="other")
    title: Mapped[str] = mapped_column(Text)
    # The language of the title ("" by script; `language` is the document's) and the
    # title's translation into the other language (core.bilingual).
    text_lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    title_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    author: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(Text, default="")
    date_edtf: Mapped[str] = mapped_column(String(64), default="XXXX")
    date_sort: Mapped[int] = mapped_column(Integer, default=99999999)
    language: Mapped[str] = mapped_column(String(16), default="")
    reliability: Mapped[str] = mapped_column(String(16), default="unknown")
    url: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


class Citation(Synced):
    """A source backing a record (`target_kind` is event, person, posting or complaint)."""

    __tablename__ = "citations"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    source_id: Mapped[str] = mapped_column(ref("sources.id"), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    pinpoint: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")


class Blob(Base):
    """Attachment bytes, addressed by their SHA-256: immutable, stored once, never synced twice."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Synced):
    __tablename__ = "attachments"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    source_id: Mapped[str | None] = mapped_column(ref("sources.id"), default=None, index=True)
    blob_sha256: Mapped[str] = mapped_column(ref("blobs.sha256"))
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(Text, default="")
    exhibit_label: Mapped[str] = mapped_column(Text, default="")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    for_brief: Mapped[bool] = mapped_column(Boolean, default=True)
    # What a redacted pack prints instead of the file name (which may name a witness).
    description: Mapped[str] = mapped_column(Text, default="")
    # Redacted packs include an exhibit only when the user cleared it for that profile.
    cleared_counsel: Mapped[bool] = mapped_column(Boolean, default=False)
    cleared_public: Mapped[bool] = mapped_column(Boolean, default=False)
