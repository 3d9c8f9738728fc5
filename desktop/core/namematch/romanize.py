"""The Latin spellings a Russian name is found under, one per common romanisation.

A name reaches a case file through passports (ICAO 9303: "Iuliia"), the English-language
press ("Yulia", "Dzerzhinsky"), German ("Kusnezow"), Polish ("Kuzniecow") and French
("Kouznetsov") documents, and the project's own table (`desktop.core.names`). Each
function here romanises lower-case Russian text; the forms of a person are romanised with
all of them, so a name is found however a foreign document spelled it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anyascii import anyascii

from desktop.core.names import transliterate

_VOWELS = "аеёиоуыэюяьъй"

_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip

_ENGLISH = {
    **_ICAO, "ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya",
}  # fmt: skip

_GERMAN = {
    **_ICAO, "в": "w", "ж": "sch", "з": "s", "й": "j", "с": "s", "х": "ch", "ц": "z",
    "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ю": "ju", "я": "ja", "ё": "jo",
}  # fmt: skip

_POLISH = {
    **_ICAO, "в": "w", "ж": "z", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz",
    "щ": "szcz", "ъ": "", "ы": "y", "ю": "ju", "я": "ja", "ё": "jo", "л": "l",
}  # fmt: skip

_FRENCH = {
    **_ICAO, "ж": "j", "й": "i", "у": "ou", "х": "kh", "ч": "tch", "ш": "ch",
    "щ": "chtch", "ъ": "", "ю": "iou", "я": "ia", "ё": "io",
}  # fmt: skip

# Scholarly (ISO 9 and the Slavists' system), written here with its diacritics already
# folded away as the matcher folds them: Кузнецов -> "kuznecov" (from kuznecov), Жуков -> "zukov".
_SCHOLARLY = {
    **_ICAO, "ж": "z", "й": "j", "х": "x", "ц": "c", "ч": "c", "ш": "s", "щ": "sc",
    "ъ": "", "ю": "ju", "я": "ja", "ё": "e",
}  # fmt: skip

_WORD = re.compile(r"[а-яё]+")
_OFF = re.compile(r"(?<=[oe])v\b")


def _by_table(
    table: dict[str, str], *, soft_e: str = "", adjective_end: str = ""
) -> Callable[[str], str]:
    """A romaniser from a letter table.

    `soft_e`: how "е" is written at the start of a word and after a vowel or a sign
    ("ye" in English, "je" in German and Polish). `adjective_end`: how the ending "-ий"/
    "-ый" is written ("y" in English: Dzerzhinsky).
    """

    def word(match: re.Match[str]) -> str:
        text = match.group()
        if adjective_end and len(text) > 3 and text[-2:] in ("ий", "ый"):
            return word_letters(text[:-2]) + adjective_end
        return word_letters(text)

    def word_letters(text: str) -> str:
        out = []
        for index, char in enumerate(text):
            if char in "её" and soft_e and (index == 0 or text[index - 1] in _VOWELS):
                out.append(soft_e if char == "е" else soft_e[0] + "o")
            elif table is _POLISH and char == "е" and index and text[index - 1] not in _VOWELS:
                out.append("ie" if text[index - 1] in "кгнмпбвф" else "e")
            else:
                out.append(table.get(char, char))
        return "".join(out)

    return lambda text: _WORD.sub(word, text.lower())


ROMANISERS: tuple[Callable[[str], str], ...] = (
    lambda text: transliterate(text).lower(),
    _by_table(_ICAO),
    _by_table(_ENGLISH, soft_e="ye", adjective_end="y"),
    _by_table(_ENGLISH),
    _by_table(_GERMAN, soft_e="je", adjective_end="ij"),
    _by_table(_GERMAN, soft_e="je", adjective_end="i"),
    _by_table(_POLISH, soft_e="je", adjective_end="i"),
    _by_table(_FRENCH, adjective_end="i"),
    _by_table(_SCHOLARLY),
    _by_table({**_SCHOLARLY, "х": "ch"}),
    # The old French and German "-off" for "-ов"/"-ев" (Ferapontoff, Rachmaninoff).
    lambda text: _OFF.sub("ff", _by_table(_FRENCH)(text)),
    lambda text: anyascii(text).lower(),
)


def romanisations(text: str) -> set[str]:
    """`text` (Russian Cyrillic) in every romanisation of `ROMANISERS`, lower case."""
    return {romanise(text) for romanise in ROMANISERS}
