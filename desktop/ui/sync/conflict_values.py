"""A field's value as the conflict review shows it: words, not stored codes.

Dates read as dates ("3 May 2019"), vocabulary codes as their labels, yes/no as words,
references as the title of the record referred to, a person's stored name list as the
names themselves.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication

from desktop.core.fieldlabels import DATES, REFERENCES, vocabulary
from desktop.core.fuzzydate import FuzzyDate
from desktop.services.people import parse_names

translate = QCoreApplication.translate
YES_NO = frozenset(
    {"deleted", "is_sample", "protected", "confidential", "key_event", "for_brief",
     "cleared_counsel", "cleared_public"}
)  # fmt: skip


def value_text(
    entity: str, field: str, value: object, references: dict[str, str], lang: str
) -> str:
    """`value` of `field` on a record of kind `entity`, in plain words."""
    if value is None or value == "":
        return translate("ConflictValues", "(empty)")
    if isinstance(value, bool) or field in YES_NO:
        return translate("ConflictValues", "Yes") if value else translate("ConflictValues", "No")
    if field in REFERENCES and isinstance(value, str):
        return references.get(value) or translate("ConflictValues", "(a record not on this device)")
    if field in DATES and isinstance(value, str):
        try:
            return FuzzyDate.from_edtf(value).display(lang, "long")
        except ValueError:
            return value
    if field == "names" and isinstance(value, str):
        return "\n".join(n.text for n in parse_names(value)) or value
    if field in ("photo_sha256", "blob_sha256") and isinstance(value, str):
        return translate("ConflictValues", "File %1…").replace("%1", value[:12])
    if field == "size" and isinstance(value, int):
        return translate("ConflictValues", "%1 KB").replace("%1", f"{value / 1024:.0f}")
    words = vocabulary(entity, field)
    if words is not None and isinstance(value, str):
        try:
            return words(value).label(lang)
        except ValueError:
            return value
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
