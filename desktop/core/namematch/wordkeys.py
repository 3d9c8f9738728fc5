"""Keys under which the grammatical forms of one Russian word meet, for search.

A Russian document names a man "Кузнецов" in one line and "Кузнецова" (his genitive) in
the next, and "ОВД Дзержинского района" is the district office of "Дзержинский район".
`lemma_keys` gives the cross-script skeletons (see `desktop.core.names.skeleton`) of a
word's dictionary forms, from pymorphy3: the index stores them beside the words, and a
query word's lemma keys are looked up among them. `stem` is the Snowball Russian stem
(PyStemmer), matched as a prefix of the indexed words, for words the dictionary reads
another way. Both are cached: a case file repeats its words.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Any

from desktop.core.names import fold, skeleton, tokens, word_parts

_CYRILLIC = re.compile(r"^[а-яё]+$")
# A parse below this score is a guess the dictionary hardly believes ("Кузнецов" as the
# genitive plural of "кузнец" is kept; rarer readings are not).
_MIN_SCORE = 0.05
_MAX_LEMMAS = 3
# Characters that are never part of a word (`names.tokens`) and often stand next to one.
_PUNCTUATION = "\"'’‐-.,:;!?()[]{}<>«»„“”‘–—/\\|*_#№%&+=~^`@$…"
_AROUND = itertools.repeat(_PUNCTUATION)
# Russian case endings as they look in a romanised skeleton (longest first), so a Latin
# query "Kuznetsova" also finds "Kuznetsov"; the stem kept must have four letters or more.
_LATIN_ENDINGS = ("ogo", "omu", "ami", "ih", "im", "om", "oi", "ei", "a", "u", "e", "i")


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("russian")


@functools.lru_cache(maxsize=131072)
def lemma_keys(word: str) -> tuple[str, ...]:
    """Skeletons of the dictionary forms of a Russian word other than its own skeleton.

    "Дзержинского" -> ("dzerzinski",); "Кузнецова" -> ("kuznecov",); a word that is its
    own lemma, or is not Russian Cyrillic, gives ().
    """
    folded = fold(word)
    if len(folded) < 3 or not _CYRILLIC.match(folded):
        return ()
    own = skeleton(folded)
    keys: dict[str, None] = {}
    for parse in _morph().parse(folded):
        if parse.score < _MIN_SCORE:
            continue
        key = skeleton(parse.normal_form)
        if key and key != own:
            keys[key] = None
        if len(keys) >= _MAX_LEMMAS:
            break
    return tuple(keys)


@functools.lru_cache(maxsize=65536)
def declined_lemma_keys(word: str) -> tuple[str, ...]:
    """`lemma_keys` of a word that is only ever a declined form ("Петровой", "жалобы"),
    else (). A word that can be its own dictionary form ("Петров", also the genitive
    plural of "Пётр") keeps to its own forms: a filter typed as "Петров" must not list
    every Пётр."""
    keys = lemma_keys(word)
    if not keys:
        return ()
    folded = fold(word)
    for parse in _morph().parse(folded):
        if parse.score >= _MIN_SCORE and fold(parse.normal_form) == folded:
            return ()
    return keys


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball Russian stem of a Cyrillic word (folded), or "" for other words or
    when the stem is the word itself or shorter than four letters."""
    folded = fold(word)
    if not _CYRILLIC.match(folded):
        return ""
    stemmed: str = _stemmer().stemWord(folded)
    return stemmed if len(stemmed) >= 4 and stemmed != folded else ""


def latin_stem_key(word: str) -> str:
    """A romanised Russian word's skeleton without its case ending ("Kuznetsova" ->
    "kuznecov"), or "" when the word has none or would be cut too short."""
    if not word.isascii():
        return ""
    key = skeleton(word)
    for ending in _LATIN_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 5:
            return key[: -len(ending)]
    return ""


@functools.lru_cache(maxsize=131072)
def word_keys(word: str) -> tuple[str, ...]:
    """What the index stores for one word: its skeleton, then its lemma keys."""
    own = skeleton(word)
    return tuple(dict.fromkeys(([own] if own else []) + list(lemma_keys(word))))


@functools.lru_cache(maxsize=131072)
def _token_keys(token: str) -> tuple[str, ...]:
    """What the index stores for one token of `tokens`: its `word_keys`, or those of each
    part of a hyphenated word; nothing for numbers (they read the same in every script, so
    the text itself finds them)."""
    if "-" in token or "‐" in token:  # the two characters of names._HYPHENS
        keys: dict[str, None] = {}
        for part in word_parts(token):
            if not part.isdecimal():
                keys.update(dict.fromkeys(word_keys(part)))
        return tuple(keys)
    return () if token.isdecimal() else word_keys(token)


@functools.lru_cache(maxsize=131072)
def _stretch_keys(stretch: str) -> tuple[str, ...]:
    """`index_keys` of a stretch of text without white space ("Кузнецова,", "12-34")."""
    return tuple(dict.fromkeys(itertools.chain.from_iterable(map(_token_keys, tokens(stretch)))))


def index_keys(text: str) -> list[str]:
    """Unique keys of the words of `text` for the index (skeletons and lemma keys), first
    occurrence first. Hyphenated words give the keys of each part; numbers give none.

    A bulk import indexes 100,000 records with this, so all the work per record is done in
    C: the text is cut at white space (no word spans it), punctuation around each stretch
    is dropped (no word begins or ends with it), numbers are skipped, and each stretch
    left is read from a cache (a case file repeats its words; the word pattern costs more
    than all the rest). A stretch met twice adds no key the first did not, so the keys
    alone are made unique: 7% faster than making the stretches unique first.
    """
    stretches = map(str.strip, unicodedata.normalize("NFC", text).split(), _AROUND)
    words = itertools.filterfalse(str.isdecimal, stretches)
    return list(dict.fromkeys(itertools.chain.from_iterable(map(_stretch_keys, words))))
