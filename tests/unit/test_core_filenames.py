"""Attachment names: one plain, harmless file name, keeping as much as can be kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.filenames import FALLBACK, MAX_NAME_BYTES, safe_file_name

CASES = {
    "../../etc/cron.d/x": "x",
    "..\\..\\Windows\\System32\\evil.dll": "evil.dll",
    "report\nforged second line.pdf": "reportforged second line.pdf",
    "photo\u202egpj.exe": "photogpj.exe",
    "a\u2066b\u2069c\u200b.txt": "abc.txt",
    "bell\x07\x00.txt": "bell.txt",
    "what?<is>this*.doc": "what__is_this_.doc",
    "trailing dots... ": "trailing dots",
    "CON": "_CON",
    "nul.txt": "_nul.txt",
    "..": FALLBACK,
    "/": FALLBACK,
    "": FALLBACK,
    "\u202e": FALLBACK,
    "Протокол допроса.pdf": "Протокол допроса.pdf",
    "e\u0301.txt": "\u00e9.txt",  # NFC
}


@pytest.mark.parametrize(("raw", "safe"), list(CASES.items()), ids=list(CASES))
def test_known_names(raw: str, safe: str) -> None:
    assert safe_file_name(raw) == safe


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_file_name("ж" * 400 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES


@given(st.text(max_size=300))
def test_any_name_becomes_one_plain_name(raw: str) -> None:
    name = safe_file_name(raw)
    assert name and name not in {".", ".."}
    assert "/" not in name and "\\" not in name
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)
    assert not any(c in name for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe_file_name(name) == name  # stable: a stored name stays as it is
