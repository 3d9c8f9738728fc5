"""Recovery keys: 160 bits, readable groups, forgiving input."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.crypto.recovery import (
    ALPHABET,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
)


def test_a_new_key_has_160_random_bits() -> None:
    first, second = new_recovery_key(), new_recovery_key()
    assert len(first) == 20 and len(second) == 20
    assert first != second


def test_the_text_is_eight_groups_of_four_without_lookalikes() -> None:
    text = format_recovery_key(new_recovery_key())
    assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", text)
    assert not set(text) & set("ILOU")


@given(st.binary(min_size=20, max_size=20))
def test_round_trip(raw: bytes) -> None:
    assert parse_recovery_key(format_recovery_key(raw)) == raw


@given(st.binary(min_size=20, max_size=20))
def test_lower_case_with_spaces_is_accepted(raw: bytes) -> None:
    typed = format_recovery_key(raw).lower().replace("-", " ")
    assert parse_recovery_key(typed) == raw


def test_lookalike_letters_are_read_as_digits() -> None:
    raw = bytes(20)  # all zeros: "0000-0000-…"
    assert parse_recovery_key("OOOO-oooo-0000-0000-0000-0000-0000-0000") == raw
    one = parse_recovery_key("0000-0000-0000-0000-0000-0000-0000-000I")
    assert one is not None and int.from_bytes(one, "big") == 1
    assert parse_recovery_key("0000-0000-0000-0000-0000-0000-0000-000l") == one


def test_the_alphabet_is_crockford_base32() -> None:
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32


def test_text_that_cannot_be_a_key_gives_none() -> None:
    assert parse_recovery_key("") is None
    assert parse_recovery_key("0000-0000") is None  # too short
    assert parse_recovery_key("0000-" * 8 + "0") is None  # too long
    assert parse_recovery_key("correct horse battery staple") is None
