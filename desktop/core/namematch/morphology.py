"""Russian grammatical case forms of the parts of a name (pytrovich and pymorphy3).

pytrovich declines first names, patronymics and surnames by rule, given the gender;
pymorphy3's dictionary and suffix predictor add the forms it knows for a surname (both
genders and the plural: "супруги Петровы") and tell first names and surnames apart.
Both are built once, lazily: pymorphy3 loads its dictionary on first use.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

Gender = Literal["male", "female"]
Part = Literal["first", "middle", "last"]

_PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична|оглы|кызы)$")
_FEMALE_PATRONYMIC = re.compile(r"(?:вна|чна|кызы)$")
_CYRILLIC_WORD = re.compile(r"^[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*$")


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def _petrovich() -> Any:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


def is_cyrillic_word(word: str) -> bool:
    return bool(_CYRILLIC_WORD.match(word))


def is_patronymic(word: str) -> bool:
    return is_cyrillic_word(word) and bool(_PATRONYMIC.search(word.lower()))


@functools.lru_cache(maxsize=4096)
def first_name_gender(word: str) -> Gender | None:
    """The gender of a Russian first name the dictionary knows, else None."""
    if not is_cyrillic_word(word):
        return None
    for parse in _morph().parse(word):
        if "Name" in parse.tag and "nomn" in parse.tag and parse.score >= 0.1:
            if "femn" in parse.tag:
                return "female"
            if "masc" in parse.tag:
                return "male"
    return None


def patronymic_gender(word: str) -> Gender | None:
    if not is_patronymic(word):
        return None
    return "female" if _FEMALE_PATRONYMIC.search(word.lower()) else "male"


@functools.lru_cache(maxsize=4096)
def is_first_name(word: str) -> bool:
    """Whether the dictionary reads `word` as a first name (in any case)."""
    return is_cyrillic_word(word) and any(
        "Name" in p.tag and p.score >= 0.1 for p in _morph().parse(word)
    )


_PARTS = {"first": "FIRSTNAME", "middle": "MIDDLENAME", "last": "LASTNAME"}


Declension = tuple[tuple[Gender, str], ...]  # (gender, the six cases in pytrovich order)


@functools.lru_cache(maxsize=4096)
def declensions(word: str, part: Part, genders: tuple[Gender, ...]) -> tuple[tuple[str, ...], ...]:
    """`word` (a name part, nominative) declined: one tuple of its six case forms per
    gender and base ("Петрова" gives the woman's and, gender unknown, the man's surname).
    The cases of every tuple are in the same order, so parts of one name can be paired."""
    if not is_cyrillic_word(word):
        return ((word,) * 6,)
    lower = word.lower()
    bases = {lower}
    if part == "last":
        if "-" not in word:  # pytrovich declines double surnames part by part itself
            bases |= _surname_nominatives(lower, genders)
        bases |= {_other_gender(b) for b in bases if len(genders) > 1}
        bases.discard("")
    out: list[tuple[str, ...]] = []
    for base in sorted(bases):
        for gender in genders:
            # A base that is itself of the other gender ("Петрова" declined as a man's
            # surname) gives nonsense: keep only bases that suit the gender.
            if part == "last" and not _suits(base, gender):
                continue
            declined = _declined(base, part, gender)
            if declined not in out:
                out.append(declined)
    return tuple(out) or ((lower,) * 6,)


@functools.lru_cache(maxsize=4096)
def case_forms(word: str, part: Part, genders: tuple[Gender, ...]) -> frozenset[str]:
    """`word` (a name part) in every grammatical case, for these genders; a surname also
    in the plural ("супруги Петровы")."""
    if not is_cyrillic_word(word):
        return frozenset({word})
    forms = {word.lower()}
    for declined in declensions(word, part, genders):
        forms.update(declined)
    if part == "last" and "-" not in word:
        forms |= _surname_lexeme(word.lower(), genders)
    return frozenset(forms)


def _declined(base: str, part: Part, gender: Gender) -> tuple[str, ...]:
    from pytrovich.enums import Case, NamePart
    from pytrovich.enums import Gender as PetrovichGender

    name_part = getattr(NamePart, _PARTS[part])
    pg = PetrovichGender.FEMALE if gender == "female" else PetrovichGender.MALE
    out = []
    for case in Case:
        try:
            out.append(_petrovich().make(name_part, pg, case, base).lower())
        except (KeyError, IndexError, ValueError):  # no rule for this word: as written
            out.append(base)
    return tuple(out)


_FEMALE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ая", "яя")
_OTHER_GENDER = (
    ("ская", "ский"), ("цкая", "цкий"), ("ская", "ской"), ("ский", "ская"), ("цкий", "цкая"),
    ("ской", "ская"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"),
    ("ына", "ын"), ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"),
)  # fmt: skip


def _other_gender(base: str) -> str:
    """The surname's nominative for the other gender by its ending, or "" if unknown."""
    for ending, other in _OTHER_GENDER:
        if base.endswith(ending) and len(base) > len(ending) + 1:
            return base[: -len(ending)] + other
    return ""


def _suits(base: str, gender: Gender) -> bool:
    base = base.rsplit("-", 1)[-1]
    female = base.endswith(_FEMALE_ENDINGS)
    male = base.endswith(("ов", "ев", "ёв", "ин", "ын", "ий", "ый", "ой"))
    if gender == "female":
        return not male
    return not female


def _surname_parses(word: str) -> list[Any]:
    return [p for p in _morph().parse(word) if "Surn" in p.tag and p.score >= 0.05]


def _gender_tag(gender: Gender) -> str:
    return "femn" if gender == "female" else "masc"


def _surname_lexeme(word: str, genders: tuple[Gender, ...]) -> set[str]:
    out: set[str] = set()
    tags = {_gender_tag(g) for g in genders}
    for parse in _surname_parses(word)[:1]:
        for form in parse.lexeme:
            if "plur" in form.tag or tags & set(form.tag.grammemes):
                out.add(form.word)
    return out


def _surname_nominatives(word: str, genders: tuple[Gender, ...]) -> set[str]:
    """The nominative of a surname for each gender ("петрова" -> "петров", "петрова")."""
    out: set[str] = set()
    tags = {_gender_tag(g) for g in genders}
    for parse in _surname_parses(word)[:1]:
        for form in parse.lexeme:
            if "sing" in form.tag and "nomn" in form.tag and tags & set(form.tag.grammemes):
                out.add(form.word)
    return out
