"""NameFinder: whole-word matching of name forms through the tricks real documents play."""

from __future__ import annotations

import pytest

from desktop.core.namematch import NameFinder, NameHit, person_forms

ELENA = ["Елена Петрова", "Elena Petrova", "Петрова Елена Ивановна"]


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(person_forms(ELENA, "female"))


def found(finder: NameFinder, text: str) -> list[str]:
    return [text[h.start : h.end] for h in finder.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("показания Петровой от 5 мая", ["Петровой"]),
        ("ПЕТРОВОЙ", ["ПЕТРОВОЙ"]),  # letter case
        ("петрову", ["петрову"]),
        ("Пётрова", ["Пётрова"]),  # ё written for е
        ("Пет\u00adрова пришла", ["Пет\u00adрова"]),  # soft hyphen
        ("Пе\u200bтро\u200dва", ["Пе\u200bтро\u200dва"]),  # zero-width space and joiner
        ("Пeтрoва", ["Пeтрoва"]),  # Latin e and o inside a Cyrillic word
        ("Pеtrovа", ["Pеtrovа"]),  # Cyrillic е and а inside a Latin word
        ("свидетель Е.Петрова", ["Е.Петрова"]),  # no space after the initial
        ("свидетель Е.\u00a0Петрова", ["Е.\u00a0Петрова"]),  # no-break space
        ("Е. И. Петрова", ["Е. И. Петрова"]),
        ("Е.И.Петрова", ["Е.И.Петрова"]),
        ("Петрова Е.И. пояснила", ["Петрова Е.И."]),
        ("Петровой Е. И.", ["Петровой Е. И."]),
        ("E. Petrova said", ["E. Petrova"]),
        ("Ye. Petrova", ["Ye. Petrova"]),
        ("Petrova's statement", ["Petrova"]),  # possessive
        ("Petrova’s statement", ["Petrova"]),
        ("см. Пет-\nрова, л. 3", ["Пет-\nрова"]),  # hyphenated at the line end
        ("Pet-\r\nrova", ["Pet-\r\nrova"]),
        ("Пет\u00ad\nрова", ["Пет\u00ad\nрова"]),  # soft hyphen at the line end
        ("petrova_statement.pdf", ["petrova"]),
        ("2009-petrova.pdf", ["petrova"]),
        ("scan.petrova.2.jpg", ["petrova"]),
        ("elena_petrova.docx", ["elena_petrova"]),
        ("elena-petrova.docx", ["elena-petrova"]),
        ("ElenaPetrova.docx", ["ElenaPetrova"]),
        ("petrova_elena.docx", ["petrova_elena"]),
        ("Елены Ивановны Петровой", ["Елены Ивановны Петровой"]),  # the whole name
        ("Елена\nПетрова", ["Елена\nПетрова"]),  # a line break between the words
        ("Jelena Pietrowa", ["Jelena Pietrowa"]),  # Polish
        ("Petrovoy", ["Petrovoy"]),  # a case form, romanised
        ("Петрова и Петровой", ["Петрова", "Петровой"]),
    ],
)
def test_finds_every_disguise(finder: NameFinder, text: str, expected: list[str]) -> None:
    assert found(finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Петровка, 38",
        "Петровский район",
        "Петровская площадь",
        "петрович",
        "Petrovich",
        "Петр Петров",  # the man's surname: she is known to be a woman
        "Елена Прекрасная",  # a first name alone is not a form
        "Ивановна",
        "petrovastatement.pdf",
        "Спетрова",
        "петровато",
    ],
)
def test_no_hit_inside_longer_words_or_other_names(finder: NameFinder, text: str) -> None:
    assert finder.find(text) == []


def test_offsets_point_into_the_original_text(finder: NameFinder) -> None:
    text = "А\u00adБ: свидетель Пе\u200bт\u00adрова, затем E.\u00a0Petrova."
    hits = finder.find(text)
    assert [(text[h.start : h.end]) for h in hits] == ["Пе\u200bт\u00adрова", "E.\u00a0Petrova"]
    assert all(isinstance(h, NameHit) and h.form in finder.forms for h in hits)


def test_redact_replaces_every_hit_and_nothing_else(finder: NameFinder) -> None:
    text = "Петровой (Е. Петрова, petrova_statement.pdf) сказала Петровскому: Пет-\nрова."
    assert finder.redact(text, "[…]") == "[…] ([…], […]_statement.pdf) сказала Петровскому: […]."


def test_the_longest_form_wins() -> None:
    finder = NameFinder(["Петрова", "Елена Петрова"])
    assert [h.form for h in finder.find("Елена Петрова")] == ["Елена Петрова"]


def test_a_hyphenated_line_end_keeps_the_words_found_on_their_own() -> None:
    finder = NameFinder(["Корсаков"])
    assert found(finder, "Римский-\nКорсаков") == ["Корсаков"]


def test_letters_of_other_scripts_fold_to_ascii() -> None:
    finder = NameFinder(["Lukasz Wałęsa", "Đorđević", "Søren", "Ахмет Қасымов"])
    assert found(finder, "ŁUKASZ WALESA") == ["ŁUKASZ WALESA"]
    assert found(finder, "Djordjevic") == []  # anyascii gives Dorde..., not the dj spelling
    assert found(finder, "Dorđević") == ["Dorđević"]
    assert found(finder, "Soren") == ["Soren"]
    assert found(finder, "ахмет қасымов") == ["ахмет қасымов"]


def test_no_forms_find_nothing() -> None:
    assert NameFinder([]).find("Петрова") == []
    assert NameFinder(["", "  ", "."]).find("Петрова .") == []


def test_many_forms_compile_and_match_fast_enough_for_whole_documents() -> None:
    forms: set[str] = set()
    for surname in ("Кузнецов", "Сидоров", "Зайцева", "Ферапонтов", "Акманов", "Садовский"):
        forms |= person_forms([f"Иван {surname}"])
    finder = NameFinder(forms)
    text = "Обычный текст протокола без имён. " * 20000 + "Сидорову И."
    hits = finder.find(text)
    assert [text[h.start : h.end] for h in hits] == ["Сидорову И."]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("со слов Петровой Е.А. и её матери", "со слов [скрыто] и её матери"),
        ("Е.А. Петровой вручена повестка", "[скрыто] вручена повестка"),
        ("свидетель Петрова Е. А., 1979 г.р.", "свидетель [скрыто], 1979 г.р."),
        ("Petrova E.A. testified", "[скрыто] testified"),
        ("Допрос Петровой. А потом очная ставка", "Допрос [скрыто]. А потом очная ставка"),
    ],
)
def test_initials_the_forms_do_not_know_go_with_the_name(text: str, redacted: str) -> None:
    """Only "Елена Петрова" is known (no patronymic): the patronymic's initial, after or
    before the name, is taken out with it; a sentence's next word is not."""
    finder = NameFinder(person_forms(["Елена Петрова", "Elena Petrova"]))
    assert finder.redact(text, "[скрыто]") == redacted
