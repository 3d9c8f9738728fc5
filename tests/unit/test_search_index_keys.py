"""`index_keys`, the keys the search index stores for a text, read stretch by stretch from
a cache: always the same keys as reading the text word by word."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.namematch import wordkeys
from desktop.core.namematch.wordkeys import index_keys, word_keys
from desktop.core.names import tokens, word_parts


def word_by_word(text: str) -> list[str]:
    """The keys as defined: each distinct word once, the keys of each part of a hyphenated
    word, nothing for numbers, first occurrence first."""
    keys: dict[str, None] = {}
    for token in dict.fromkeys(tokens(text)):
        for part in word_parts(token):
            if not part.isdecimal():
                keys.update(dict.fromkeys(word_keys(part)))
    return list(keys)


PIECES = st.sampled_from(
    [
        "Кузнецов", "Кузнецова", "Дзержинского", "района", "ОВД", "Rimsky-Korsakov",
        "Kuznetsov", "Łukasz", "O'Brien", "д’Артаньян", "Nasrulloʼ", "ʼabc", "x_y", "A1B",
        "2009", "12-34", "13-Б", "№", "1990-е", "Ёлкин", "é", "e\u0301", "٣", "Ⅻ", "-", "‐",
        "—", "«", "»", "(", ")", ".", ",", ":", "'", "’", "_", "…", "/", "\\", "",
    ]
)  # fmt: skip
SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2003", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PIECES, SPACES), max_size=14))
def test_stretch_by_stretch_gives_the_keys_word_by_word(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + space for piece, space in parts)
    assert index_keys(text) == word_by_word(text)


def test_known_texts() -> None:
    assert index_keys("Жалоба на Кузнецова (ОВД Дзержинского района), 2009 г.") == word_by_word(
        "Жалоба на Кузнецова (ОВД Дзержинского района), 2009 г."
    )
    assert "kuznecov" in index_keys("«Кузнецова»,")
    assert index_keys("Case 1123 of 12-34 in 2009 № 13-Б") == ["case", "of", "in", "b"]
    assert index_keys("") == []


def test_what_is_cut_from_around_a_stretch_never_begins_or_ends_a_word() -> None:
    word_start = re.compile(r"[^\W_]")  # how `names.tokens` begins and ends a word
    assert not [c for c in wordkeys._PUNCTUATION if word_start.match(c)]
