"""Who a redacted pack hides, every form of their names, and the redactor built on them.

`counsel` packs leave out people marked confidential; `public` packs also leave out
protected people (witnesses, relatives, sources). A hidden person's names are removed
wherever they appear in the pack's text, under every form the one name matcher
(`core.namematch`) knows: declined Russian forms, initials with the surname, other
scripts, file-name spellings. The same forms feed the leak gate (`leakgate`), which reads
the finished PDF: redaction is the means, the gate the guarantee.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.core.namematch import NameFinder, person_forms
from desktop.store.models.people import name_entries
from desktop.store.records import PersonRecord


def names_of(person: PersonRecord) -> list[str]:
    """A person's display name and every stored variant, each once."""
    variants = [str(n["text"]) for n in name_entries(person.names)]
    return sorted({n for n in (person.display_name, *variants) if n.strip()})


def hidden_people(persons: Iterable[PersonRecord], redaction: str) -> list[PersonRecord]:
    """The people a pack of profile `redaction` leaves out, and whose names it removes."""
    if redaction == "internal":
        return []
    return [p for p in persons if p.confidential or (redaction == "public" and p.protected)]


@dataclass(frozen=True)
class ProtectedNames:
    """Every form of the hidden people's names, and a finder for them."""

    people: int
    forms: frozenset[str]
    finder: NameFinder = field(repr=False, compare=False)

    @classmethod
    def of(cls, persons: Sequence[PersonRecord]) -> ProtectedNames:
        return cls.from_forms(len(persons), [person_forms(names_of(p)) for p in persons])

    @classmethod
    def from_forms(cls, people: int, forms: Iterable[Iterable[str]]) -> ProtectedNames:
        every = frozenset(f for person in forms for f in person)
        return cls(people, every, NameFinder(every))


@dataclass(frozen=True)
class Redactor:
    """Replaces every protected form in a text with the redaction mark."""

    names: ProtectedNames
    mark: str

    def __call__(self, value: str) -> str:
        if not value or not self.names.forms:
            return value
        return self.names.finder.redact(value, self.mark)
