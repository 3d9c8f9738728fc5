"""Free-form tags on a case's records."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Synced, ref


class Tag(Synced):
    __tablename__ = "tags"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    name: Mapped[str] = mapped_column(Text)


class TagLink(Synced):
    __tablename__ = "tag_links"

    tag_id: Mapped[str] = mapped_column(ref("tags.id"), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
