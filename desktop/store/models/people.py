"""People, organisations, and postings (who held which role and rank where, and when)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core import jsontext
from desktop.core.bilingual import name_in
from desktop.store.models.base import Synced, ref


def name_entries(names_json: str) -> list[dict[str, Any]]:
    """The entries of a stored `Person.names` that carry a text; damaged values read as none."""
    try:
        names = jsontext.loads(names_json or "[]")
    except ValueError:
        return []
    if not isinstance(names, list):
        return []
    return [n for n in names if isinstance(n, dict) and "text" in n]


def shown_name(want: str, display_name: str, names_json: str) -> str:
    """A person's name for a reader of `want` ("en" or "ru"): the Cyrillic original in
    Russian where one is stored, a Latin name in English (see `core.bilingual.name_in`)."""
    variants = [(str(n["text"]), str(n.get("kind", ""))) for n in name_entries(names_json)]
    return name_in(want, display_name, variants)


def shown_organisation(want: str, name: str, name_ru: str) -> str:
    """An organisation's name for a reader of `want`: its Russian name in Russian, if any."""
    return (name_ru if want == "ru" else "") or name


def names_well_formed(names_json: str) -> bool:
    """Whether `Person.names` is a JSON list of objects, each with its text as a string."""
    try:
        names = jsontext.loads(names_json)
    except ValueError:
        return False
    return isinstance(names, list) and all(
        isinstance(n, dict) and isinstance(n.get("text"), str) for n in names
    )


class Person(Synced):
    """`names` is canonical JSON: a list of {text, script, kind} (primary, original, alias)."""

    __tablename__ = "persons"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str] = mapped_column(Text)
    names: Mapped[str] = mapped_column(Text, default="[]")
    description: Mapped[str] = mapped_column(Text, default="")
    # What the person is accused of, only when entered as such: the pack prints it under
    # "Allegations", and the description under "Description".
    allegations: Mapped[str] = mapped_column(Text, default="", server_default="")
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class Organisation(Synced):
    __tablename__ = "organisations"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32), default="other")
    parent_id: Mapped[str | None] = mapped_column(ref("organisations.id"), default=None)


class Posting(Synced):
    """A person's role and rank in an organisation over a period (FuzzyDate EDTF bounds)."""

    __tablename__ = "postings"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    person_id: Mapped[str] = mapped_column(ref("persons.id"), index=True)
    organisation_id: Mapped[str] = mapped_column(ref("organisations.id"))
    role: Mapped[str] = mapped_column(Text, default="")
    rank: Mapped[str] = mapped_column(Text, default="")
    start_edtf: Mapped[str] = mapped_column(String(64), default="XXXX")
    end_edtf: Mapped[str] = mapped_column(String(64), default="XXXX")
    start_sort: Mapped[int] = mapped_column(Integer, default=0)
    end_sort: Mapped[int] = mapped_column(Integer, default=99991231)
