"""Briefing options, rows and labels: validation, order, translations, leak check."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re

import pytest
from pypdf import PdfReader

from desktop.briefing.labels import default_marking, label, label_keys
from desktop.briefing.model import (
    SECTION_ORDER,
    Briefing,
    BriefingOptions,
    ChronologyRow,
    EventPerson,
    Exhibit,
    PersonEntry,
    iter_texts,
    leaked_strings,
)
from desktop.briefing.pdf.emergency_kit import render_emergency_kit
from desktop.errors import BugError, KnownError, ValidationError

TODAY = dt.date(2024, 5, 1)


def test_options_default_to_every_section_in_order() -> None:
    options = BriefingOptions(generated_on=TODAY)
    assert options.ordered_sections() == SECTION_ORDER
    chosen = BriefingOptions(generated_on=TODAY, sections=frozenset({"sources", "cover"}))
    assert chosen.ordered_sections() == ("cover", "sources")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lang": "de"}, "lang"),
        ({"paper": "a3"}, "paper"),
        ({"redaction": "secret"}, "redaction"),
        ({"sections": frozenset({"appendix"})}, "sections"),
        ({"sections": frozenset()}, "sections"),
        ({"date_from": dt.date(2010, 1, 1), "date_to": dt.date(2009, 1, 1)}, "date_from"),
        ({"bates_prefix": "MAG 1"}, "bates_prefix"),
        ({"bates_prefix": ""}, "bates_prefix"),
        ({"bates_prefix": "EXH-"}, "bates_prefix"),  # would read like exhibit EXH-4
    ],
)
def test_bad_options_are_user_errors(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        BriefingOptions(generated_on=TODAY, **changes)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert isinstance(caught.value, KnownError)


def test_internal_values_out_of_range_are_bugs() -> None:
    with pytest.raises(BugError):
        ChronologyRow("2009", "x", precision="week")
    with pytest.raises(BugError):
        Briefing("t", TODAY, sections=("chronology", "cover"))
    with pytest.raises(BugError):
        PersonEntry("x", kind="suspect")


def test_exhibit_hash_is_checked_and_filled() -> None:
    data = b"%PDF-1.4"
    assert Exhibit("A-1", "t", "application/pdf", data).sha256 == hashlib.sha256(data).hexdigest()
    with pytest.raises(BugError):
        Exhibit("A-1", "t", "application/pdf", data, sha256="0" * 64)


def test_every_label_exists_in_both_languages_with_same_placeholders() -> None:
    blank_allowed = {"qualifier.exact", "fact.undisputed"}
    for key in label_keys():
        en, ru = label("en", key), label("ru", key)
        if key not in blank_allowed:
            assert en and ru, key
        placeholders = re.compile(r"\{(\w+)\}")
        assert placeholders.findall(en) == placeholders.findall(ru), key
    assert label("en", "page_of", page=3, total=9) == "page 3 of 9"
    assert label("ru", "page_of", page=3, total=9) == "стр. 3 из 9"
    assert label("ru", "section.chronology") == "Хронология"
    assert label("ru", "cover.prepared_for") == "Подготовлено для"
    with pytest.raises(BugError):
        label("en", "no.such.label")
    assert default_marking("counsel", "en").startswith("PRIVILEGED")


def test_iter_texts_and_leak_check_see_every_nested_string() -> None:
    briefing = Briefing(
        "Case",
        TODAY,
        chronology=(
            ChronologyRow("2009", "Hearing", people=(EventPerson("Иван Секретов", "witness"),)),
        ),
    )
    assert "Иван Секретов" in set(iter_texts(briefing))
    assert leaked_strings(briefing, ["иван секретов", "Nobody"]) == {"иван секретов"}
    assert leaked_strings(Briefing("Case", TODAY), ["Иван Секретов"]) == set()


def test_emergency_kit_is_one_page_with_the_key_and_deterministic() -> None:
    key = "QX7M-2KPA-99RT-LM3B-ZZ8Q-4D2N-HH7C-0WYE"
    pdf = render_emergency_kit("Рабочее хранилище", key, TODAY, "ru")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert key in text and "Рабочее хранилище" in text and "Ключ восстановления" in text
    assert all(key not in str(value) for value in (reader.metadata or {}).values())
    assert b"/Helvetica" not in pdf
    assert render_emergency_kit("Рабочее хранилище", key, TODAY, "ru") == pdf
