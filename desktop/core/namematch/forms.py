"""Every surface form under which one person's name can appear in a document.

From the name variants stored for a person ("Елена Петрова", "Elena Petrova", "Петрова
Елена Ивановна"): each variant; the Russian case forms of the full name, of the surname
alone and of the name with patronymic; initials with the surname in both orders
("Е. Петрова", "Е.И. Петрова", "Петрова Е.И."); every one of those romanised in the
common ways (see `romanize`); and the joined spellings of file names ("elena_petrova",
"petrova-elena", "elenapetrova"). A first name or a patronymic alone is not a form: too
many people share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii

from desktop.core.namematch.morphology import (
    Gender,
    Part,
    case_forms,
    declensions,
    first_name_gender,
    is_cyrillic_word,
    is_first_name,
    is_patronymic,
    patronymic_gender,
)
from desktop.core.namematch.romanize import romanisations
from desktop.core.names import detect_script, tokens

_JOINERS = ("_", "-", "", ".")


@dataclass(frozen=True)
class NameParts:
    """One name variant split into its parts ("" where the variant has none)."""

    first: str = ""
    middle: str = ""
    last: str = ""


def split_name(variant: str) -> NameParts:
    """Which word of a name variant is the first name, the patronymic and the surname.

    Russian documents write "Фамилия Имя Отчество" as often as "Имя Отчество Фамилия";
    the patronymic (by its suffix) and the first name (by the dictionary) tell them apart.
    Latin and other variants are read in Western order, surname last (a surname with
    particles, "van der Berg", is found whole through the variant itself).
    """
    words = [w for w in tokens(variant) if not w.isdecimal()]
    if not words:
        return NameParts()
    if len(words) == 1:
        word = words[0]
        return (
            NameParts(first=word)
            if is_first_name(word) and not _looks_like_surname(word)
            else NameParts(last=word)
        )
    middle = ""
    rest = list(words)
    patronymics = [w for w in words[1:] if is_patronymic(w)]
    if patronymics:
        middle = patronymics[-1]
        index = rest.index(middle)
        rest.pop(index)
        if len(rest) >= 2 and index == len(words) - 1:  # Петрова Елена Ивановна
            return NameParts(first=rest[-1], middle=middle, last=" ".join(rest[:-1]))
        return NameParts(first=rest[0], middle=middle, last=" ".join(rest[1:]))
    first, second = rest[0], rest[-1]
    if is_cyrillic_word(first) and not is_first_name(first) and is_first_name(second):
        return NameParts(first=second, last=" ".join(rest[:-1]))
    if len(rest) == 2 and _looks_like_surname(first) and not _looks_like_surname(second):
        return NameParts(first=second, last=first)  # Қасымов Ержан: surname first
    # Western order; words between are middle names or initials (Thomas O. Melia), and
    # the surname is the last word, so that it is found alone too.
    return NameParts(first=first, middle=" ".join(rest[1:-1]), last=rest[-1])


def _looks_like_surname(word: str) -> bool:
    return word.lower().endswith(("ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская"))


def person_forms(names: Sequence[str], gender: Gender | None = None) -> frozenset[str]:
    """Every surface form to find for one person, given their name variants as stored."""
    forms: set[str] = set()
    for variant in names:
        variant = " ".join(variant.split())
        if not variant:
            continue
        forms.add(variant)
        parts = split_name(variant)
        script = detect_script(variant)
        if script == "cyrl":
            cyrillic = _cyrillic_forms(parts, gender)
            forms |= cyrillic
            for form in cyrillic:
                forms |= romanisations(form)
        else:
            if script not in ("latn", "mixed"):
                # Scripts the tables do not cover (Georgian, Armenian...): their ASCII spelling.
                ascii_variant = anyascii(variant)
                forms.add(ascii_variant)
                parts = split_name(ascii_variant)
            forms |= _latin_forms(parts)
    return frozenset(f for f in forms if any(ch.isalpha() for ch in f))


def _genders(parts: NameParts, gender: Gender | None) -> tuple[Gender, ...]:
    known = gender or patronymic_gender(parts.middle) or first_name_gender(parts.first)
    return (known,) if known else ("male", "female")


def _cyrillic_forms(parts: NameParts, gender: Gender | None) -> set[str]:
    genders = _genders(parts, gender)
    forms: set[str] = set()
    if not parts.last:  # a first name (with patronymic) only: the name as given
        return {" ".join(p for p in (parts.first, parts.middle) if p)}
    surnames = _word_forms(parts.last, "last", genders)
    forms |= surnames
    for g in genders:
        # The parts of one name stand in the same case: Елены Ивановны Петровой.
        lasts = _declined(parts.last, "last", (g,))
        firsts = _declined(parts.first, "first", (g,))
        middles = _declined(parts.middle, "middle", (g,))
        for last in lasts:
            for case in range(6):
                first, middle = firsts[0][case], middles[0][case]
                given = f"{first} {middle}".strip()
                if given:
                    forms |= {f"{given} {last[case]}", f"{last[case]} {given}"}
                if first and middle:
                    forms.add(given)  # Елена Ивановна: how she is addressed
                    # and without the patronymic, as most texts name her: Елены Петровой
                    forms |= {f"{first} {last[case]}", f"{last[case]} {first}"}
    forms |= _initials_forms(parts.first, parts.middle, surnames)
    forms |= _joined_forms(parts.first, parts.last)
    return forms


def _declined(words: str, part: Part, genders: tuple[Gender, ...]) -> tuple[tuple[str, ...], ...]:
    if not words:
        return (("",) * 6,)
    if " " in words:  # several words ("Мамедов оглы", "де Сото"): as written
        return ((words.lower(),) * 6,)
    return declensions(words, part, genders)


def _word_forms(words: str, part: Part, genders: tuple[Gender, ...]) -> set[str]:
    """Case forms of a name part that may be several words ("Мамедов оглы", "де Сото")."""
    if " " in words:
        return {words.lower()}
    return set(case_forms(words, part, genders))


def _initials_forms(first: str, middle: str, surnames: set[str]) -> set[str]:
    if not first:
        return set()
    initials = {f"{first[0]}."}
    if middle:
        initials.add(f"{first[0]}.{middle[0]}.")
    return {f for i in initials for s in surnames for f in (f"{i} {s}", f"{s} {i}")}


def _joined_forms(first: str, last: str) -> set[str]:
    if not first or not last:
        return set()
    f, s = first.lower(), last.lower().replace(" ", "_")
    joined = {f"{a}{j}{b}" for j in _JOINERS for a, b in ((f, s), (s, f))}
    joined |= {f"{f[0]}{j}{s}" for j in ("_", "-", "")}
    return joined


def _latin_forms(parts: NameParts) -> set[str]:
    """Initials and joined spellings of a Latin variant (it has no case forms to add)."""
    forms: set[str] = set()
    if parts.last:
        forms.add(parts.last)
    forms |= _initials_forms(parts.first, parts.middle, {parts.last} if parts.last else set())
    forms |= _joined_forms(parts.first, parts.last)
    return forms
