"""Text folded for name matching, with a map back to the original offsets.

A name in a document hides behind many spellings of the same letters: capitals, "ё" for
"е", accents, a soft hyphen or a zero-width space inside the word, a Latin "e" or "o"
typed into a Cyrillic word (they look the same), a word broken across a line end. Folding
brings all of these to one form so that a plain regular expression finds the name, and
the offset map says where each folded character came from, so a hit can be cut out of
the original text exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

# Characters that print as nothing: soft hyphen, zero-width spaces and joiners, word
# joiner, BOM, combining grapheme joiner, Mongolian vowel separator, invisible operators.
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u034f\u180e\u2061\u2062\u2063\u2064")

# Latin letters that look like Cyrillic ones (in either case), folded to the Cyrillic
# letter: a Latin "e" typed into "Петрова" must not hide the name. Latin text folds the
# same way, so "Petrova" still meets "Petrova".
_LOOK_ALIKE = str.maketrans("abcehikmoptxy", "авсенікмортху")

_COMBINING_BREVE = "\u0306"
_WITH_BREVE = {"и": "й", "у": "ў"}


def _fold_char(char: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    if char in INVISIBLE:
        return ""
    if char == "\n":
        return "\n"
    if char.isspace():
        return " "
    if char in "\u2010\u2011\u2012\u2013\u2212":  # hyphens and dashes used as hyphens
        return "-"
    if char in "’ʼ`´′":
        return "'"
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", char.upper().casefold()):
        if unicodedata.combining(part):
            if part == _COMBINING_BREVE and out and out[-1] in _WITH_BREVE:
                out[-1] = _WITH_BREVE[out[-1]]
            continue
        out.append(part)
    folded = "".join(out).replace("ё", "е")
    if folded and folded.isalpha() and not _latin_or_cyrillic(folded):
        # Scripts the name tables do not know (Georgian, Armenian, Greek...) and Latin
        # letters that do not decompose (Ł, Đ, Ø) go through anyascii.
        folded = anyascii(folded).lower()
    return folded.translate(_LOOK_ALIKE)


def _latin_or_cyrillic(text: str) -> bool:
    for char in text:
        if char.isascii():
            continue
        if not unicodedata.name(char, "").startswith("CYRILLIC"):
            return False
    return True


_TABLE: dict[str, str] = {}  # character -> its folded form, filled as characters are met
_ORDINALS: dict[int, str] = {}  # the same, keyed for str.translate
_IRREGULAR: set[str] = set()  # characters whose folded form is not one character


def fold_for_match(text: str) -> str:
    """`text` folded as `NameFinder` compares it (see the module docstring)."""
    return FoldedText.of(text).text


def _learn(characters: set[str]) -> None:
    for char in characters.difference(_TABLE):
        folded = _fold_char(char)
        _TABLE[char] = folded
        _ORDINALS[ord(char)] = folded
        if len(folded) != 1:
            _IRREGULAR.add(char)


@dataclass(frozen=True)
class FoldedText:
    """Folded text and, for each folded character, the index of its original character."""

    text: str
    source: list[int] | None  # None: one folded character per original character

    @classmethod
    def of(cls, original: str) -> FoldedText:
        characters = set(original)
        _learn(characters)
        if _IRREGULAR.isdisjoint(characters):  # the common case: offsets stay as they are
            return cls(original.translate(_ORDINALS), None)
        pieces = [_TABLE[c] for c in original]
        source: list[int] = []
        for index, piece in enumerate(pieces):
            source.extend([index] * len(piece))
        return cls("".join(pieces), source)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded characters `start` to `end` (end exclusive)."""
        if self.source is None:
            return start, end
        return self.source[start], self.source[end - 1] + 1


# A word broken at a line end: a hyphen (or a soft hyphen), then the line break.
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010\u2011][ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def join_line_end_hyphens(text: str) -> tuple[str, list[int]] | None:
    """`text` with words broken at line ends joined again, and the map of each kept
    character to its index in `text`; None when no word is broken."""
    breaks = [m.span() for m in LINE_END_HYPHEN.finditer(text)]
    if not breaks:
        return None
    pieces: list[str] = []
    source: list[int] = []
    last = 0
    for start, end in breaks:
        pieces.append(text[last:start])
        source.extend(range(last, start))
        last = end
    pieces.append(text[last:])
    source.extend(range(last, len(text)))
    return "".join(pieces), source
