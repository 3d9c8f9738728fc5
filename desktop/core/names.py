"""Names across scripts: folding, transliteration and a phonetic skeleton for search.

Advocates type a name the way they last saw it: "Кузнецов" from a Russian decision,
"Kuznetsov" from the press, "kuznecov" from a scholarly romanisation. The search index
stores the `skeleton` of every name token and the query is reduced the same way, so all
spellings of one name meet on one key while different names stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from anyascii import anyascii

Script = Literal["cyrl", "latn", "mixed", "none"]

# Russian Cyrillic to Latin, close to BGN/PCGN but without its diacritics and primes so
# the result reads naturally: Артём -> Artyom, Магнитский -> Magnitskiy. The soft and
# hard signs are dropped. A few Ukrainian and Belarusian letters are covered so names
# from neighbouring cases do not come out half-Cyrillic.
_CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "w",
}

# Latin spelling variants reduced in this order; longer patterns first so "shch" is
# not half-eaten by "sh" nor "tch" by "ch".
_LATIN_VARIANTS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ck", "k"),
    ("ts", "c"),
    ("tz", "c"),
    ("kh", "h"),
    ("zh", "z"),
    ("ph", "f"),
    ("x", "ks"),
    ("w", "v"),
    ("yo", "e"),
    ("jo", "e"),
    ("ye", "e"),
    ("je", "e"),
    ("yu", "u"),
    ("ju", "u"),
    ("iu", "u"),
    ("ya", "a"),
    ("ja", "a"),
    ("ia", "a"),
    ("y", "i"),
    ("j", "i"),
)

# Apostrophes and primes stand for soft and hard signs in romanisations (Naval'nyy).
_SIGN_MARKS = frozenset("'’ʼʹʺ`´\"″′")
_COMBINING_BREVE = "\u0306"
# Cyrillic letters that are letters of their own, not accented ones (й, Belarusian ў).
_WITH_BREVE = {"и": "й", "у": "ў"}
_DOUBLED_LETTER = re.compile(r"([^\W\d_])\1+")
# A word: letters and digits, with single internal hyphens or apostrophes (O'Brien,
# Rimsky-Korsakov, Naval'nyy).
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ\-‐][^\W_]+)*")
_HYPHENS = re.compile(r"[\-‐]")


def fold(text: str) -> str:
    """Case-fold and strip accents for comparison: "Ёлкин" -> "елкин", "José" -> "jose".

    "й" (and Belarusian "ў") are kept: they are letters of their own, not accented ones.
    """
    # Compatibility forms go first (superscript "ᴬ" is an "A"); upper-casing before
    # casefold() joins the few letters it leaves apart from their capitals (Turkish
    # dotless "ı", the old Cyrillic letter variants).
    compatible = unicodedata.normalize("NFKD", text)
    decomposed = unicodedata.normalize("NFKD", compatible.upper().casefold())
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            if char == _COMBINING_BREVE and kept and kept[-1] in _WITH_BREVE:
                kept[-1] = _WITH_BREVE[kept[-1]]
            continue
        kept.append(char)
    return "".join(kept).replace("ё", "е")


def transliterate(text: str) -> str:
    """Russian Cyrillic to readable Latin, keeping case; other characters unchanged.

    >>> transliterate("Артём Кузнецов")
    'Artyom Kuznetsov'
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = _CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        elif char == lower or not latin:
            out.append(latin)
        elif len(latin) > 1 and _in_capitals(text, index):
            out.append(latin.upper())
        else:
            out.append(latin.capitalize())
    return "".join(out)


def _in_capitals(text: str, index: int) -> bool:
    """Whether the capital at `index` belongs to a word written in capitals (ЖУКОВ)."""
    after = text[index + 1 : index + 2]
    if after.isalpha():
        return after.isupper()
    before = text[index - 1 : index] if index else ""
    return before.isalpha() and before.isupper()


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A script-independent key under which the spellings of one name meet.

    "Кузнецов", "Kuznetsov", "kuznecov" -> "kuznecov"; "Магнитский", "Magnitsky" ->
    "magnitski". Non-letters are dropped, so a hyphenated word gives one joined key.
    """
    # Folding before transliterating brings rare Cyrillic letter forms to the ones the
    # table knows; folding after removes what the table leaves (accented Latin).
    text = fold(transliterate(fold(word)))
    if not text.isascii():
        # Letters the table leaves as they are (Polish Ł, Serbian Đ, Danish Ø, Georgian,
        # Armenian, Kazakh Қ...) are spelled in ASCII, so "Łukasz" meets "Lukasz".
        text = anyascii(text).lower()
    text = "".join(ch for ch in text if ch.isalnum() and ch not in _SIGN_MARKS)
    # Repeat until nothing changes, so that a skeleton is its own skeleton ("yia" ->
    # "ia" -> "a"). Every pass shortens the text or removes a letter no rule creates.
    previous = None
    while text != previous:
        previous = text
        for variant, plain in _LATIN_VARIANTS:
            text = text.replace(variant, plain)
        text = _DOUBLED_LETTER.sub(r"\1", text)
    return text


def tokens(text: str) -> list[str]:
    """The words of `text` as written (NFC), keeping internal hyphens and apostrophes."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words of `text` (as `tokens` finds them) start and end, in `text` itself."""
    return [match.span() for match in _TOKEN.finditer(text)]


def word_parts(word: str) -> list[str]:
    """A word's hyphen-separated parts ("Rimsky-Korsakov" -> "Rimsky", "Korsakov")."""
    return _HYPHENS.split(word)


def skeleton_tokens(text: str) -> list[str]:
    """Unique skeletons of the words of `text`, first occurrence first.

    Hyphenated words give one skeleton per part, so "Rimsky-Korsakov" is found by
    "Korsakov" as well. Numbers are left out: they read the same in every script, so the
    text itself finds them (and, each new number being a cache miss, they made up most of
    the indexing time of a bulk import).
    """
    parts: list[str] = []
    for token in dict.fromkeys(tokens(text)):  # each word once: texts repeat words
        if "-" in token or "‐" in token:  # the two characters of _HYPHENS
            parts += word_parts(token)
        elif not token.isdecimal():
            parts.append(token)
    keys = dict.fromkeys(map(skeleton, [p for p in dict.fromkeys(parts) if not p.isdecimal()]))
    keys.pop("", None)
    return list(keys)


def detect_script(text: str) -> Script:
    """Which of Cyrillic and Latin the letters of `text` are written in.

    Letters of other scripts are ignored: "none" means no Cyrillic or Latin letter.
    """
    cyrillic = latin = False
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("CYRILLIC"):
            cyrillic = True
        elif name.startswith("LATIN"):
            latin = True
        if cyrillic and latin:
            return "mixed"
    if cyrillic:
        return "cyrl"
    return "latn" if latin else "none"
