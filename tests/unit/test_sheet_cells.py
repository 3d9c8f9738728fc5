"""Spreadsheet cells as import reads them: keys, lists, vocabularies, dialects, names."""

from __future__ import annotations

import pytest

from desktop.core.enums import FactStatus
from desktop.core.namematch.lookup import name_finds, person_keys
from desktop.services.sheetfiles import SheetFileError, auto_column, decode_text, sniff_delimiter
from desktop.services.sheetvalues import (
    RowRefused,
    flag_cell,
    record_id,
    row_key,
    split_list,
    split_source,
    vocabulary,
)


def test_row_key_ignores_spacing_but_not_content() -> None:
    a = row_key("events", {"date": "2009", "title": "Raid  on the flat "})
    assert a == row_key("events", {"date": "2009", "title": "Raid on the flat"})
    assert a != row_key("events", {"date": "2010", "title": "Raid on the flat"})
    assert row_key("events", {"id": "E-7", "title": "anything"}) == "id:E-7"
    assert record_id("case-1", "events", a) == record_id("case-1", "events", a)
    assert record_id("case-1", "events", a) != record_id("case-2", "events", a)


def test_lists_and_pinpoints() -> None:
    assert split_list(" Petrova ;; Kuznetsov; ") == ["Petrova", "Kuznetsov"]
    assert split_source("S1:¶2") == ("S1", "¶2")
    assert split_source("S3: p. 14: fn 2") == ("S3", "p. 14: fn 2")
    assert split_source("S4") == ("S4", "")


@pytest.mark.parametrize(
    ("cell", "value"),
    [("disputed", "disputed"), ("Disputed", "disputed"),
     ("оспаривается", "disputed"), ("", None)],
)  # fmt: skip
def test_vocabulary_takes_values_and_both_labels(cell: str, value: str | None) -> None:
    assert vocabulary(cell, FactStatus, "status") == value


def test_vocabulary_and_flags_refuse_with_the_cell() -> None:
    with pytest.raises(RowRefused, match='status "maybe" is not one of: undisputed'):
        vocabulary("maybe", FactStatus, "status")
    assert flag_cell("Да", "key") and flag_cell("yes", "key") and not flag_cell("", "key")
    with pytest.raises(RowRefused, match='key "perhaps"'):
        flag_cell("perhaps", "key")


def test_csv_dialects() -> None:
    assert sniff_delimiter("date;title;people\n2009;a,b;c") == ";"
    assert sniff_delimiter('date,"a;b;c",title\n') == ","
    assert sniff_delimiter("date\ttitle\n") == "\t"
    assert decode_text("дата".encode("cp1251"), "x.csv") == "дата"
    assert decode_text("\ufeffдата".encode(), "x.csv") == "дата"
    assert decode_text("дата".encode("utf-16"), "x.csv") == "дата"
    with pytest.raises(SheetFileError, match="not a text CSV"):
        decode_text(b"\x00\x01PK", "x.csv")


def test_headers_case_spacing_and_russian() -> None:
    assert auto_column("events", "  Date: ") == "date"
    assert auto_column("events", "Участники") == "people"
    assert auto_column("complaints", "Срок ответа") == "due"
    assert auto_column("events", "colour") is None


def test_whole_names_match_across_scripts_and_cases_but_not_prefixes() -> None:
    keys = person_keys(["Кузнецов Андрей Петрович"])
    for written in ("Kuznetsov", "Кузнецова", "Кузнецову", "Andrei Kuznetsov", "А. Кузнецов"):
        assert name_finds(written, keys), written
    for written in ("Kuz", "Кузнецовский", "Petrov", ""):
        assert not name_finds(written, keys), written


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+2", "'=1+2"),
        ("-5 days", "'-5 days"),
        ("+7 495 000", "'+7 495 000"),
        ("@home", "'@home"),
        ("\tindented", "'\tindented"),
        ("'=already quoted", "''=already quoted"),
        ("'plain", "'plain"),
        ("plain - with a dash", "plain - with a dash"),
        ("'", "'"),
        ("", ""),
    ],
)
def test_a_formula_like_cell_gets_one_apostrophe_and_loses_exactly_it(
    text: str, written: str
) -> None:
    from desktop.core.sheetcolumns import formula_safe, from_formula_safe

    assert formula_safe(text) == written
    assert from_formula_safe(written) == text
