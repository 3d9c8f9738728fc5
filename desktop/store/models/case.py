"""A case file: the unit a team works on and a brief is printed from."""

from __future__ import annotations

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Synced


class Case(Synced):
    __tablename__ = "cases"

    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    # The language of title and summary ("" by script) and their translation (core.bilingual).
    text_lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    title_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    summary_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    notice: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(Text, default="")
