"""person_forms: the surface forms generated for one person."""

from __future__ import annotations

from desktop.core.namematch import fold_for_match, person_forms, split_name
from desktop.core.namematch.forms import NameParts


def folded(forms: frozenset[str]) -> set[str]:
    return {" ".join(fold_for_match(f).split()) for f in forms}


ELENA = ["Елена Петрова", "Elena Petrova", "Петрова Елена Ивановна"]


def test_variants_case_forms_initials_romanisations_and_joined_forms() -> None:
    forms = folded(person_forms(ELENA))
    expected = [
        "Елена Петрова", "Elena Petrova", "Петрова Елена Ивановна",  # each variant
        "петровой", "петрову", "петрова",  # surname alone in every case
        "елены петровой", "петровой елены ивановны", "елене ивановне петровой",
        "е. петрова", "е.и. петровой", "петрова е.и.", "петровой е.",  # initials
        "e. petrova", "petrova e.i.", "ye. petrova",  # in Latin too
        "petrovoy", "petrovoi", "eleny petrovoy", "jelena pietrowa", "yelena petrova",
        "petrova", "elena_petrova", "elena-petrova", "elenapetrova", "petrova_elena",
        "e_petrova",
    ]  # fmt: skip
    missing = [f for f in expected if fold_for_match(f) not in forms]
    assert missing == []


def test_a_name_stored_with_patronymic_is_found_without_it() -> None:
    """Stored only as "Елена Андреевна Петрова", she is still found as most texts name
    her: a public pack printed "Показания Елены [скрыто]" before this."""
    forms = folded(person_forms(["Елена Андреевна Петрова"]))
    for form in ("елены петровой", "елене петровой", "еленой петровой", "елену петрову",
                 "елена петрова", "петровой елены", "eleny petrovoy"):  # fmt: skip
        assert fold_for_match(form) in forms, form
    assert fold_for_match("елены") not in forms  # still no first name alone


def test_no_first_name_or_patronymic_alone() -> None:
    forms = folded(person_forms(ELENA))
    for alone in ("елена", "елены", "ивановна", "elena", "ivanovna"):
        assert fold_for_match(alone) not in forms


def test_gender_known_keeps_to_it_and_unknown_gives_both() -> None:
    female = folded(person_forms(["Петрова"], "female"))
    assert fold_for_match("петровой") in female
    assert fold_for_match("петровым") in female  # plural (супруги Петровы) is kept
    assert fold_for_match("петрове") not in female  # the man's prepositional
    both = folded(person_forms(["Кузнецов"]))
    for form in ("кузнецова", "кузнецовой", "кузнецову", "кузнецовым", "кузнецове"):
        assert fold_for_match(form) in both
    male = folded(person_forms(["Кузнецов"], "male"))
    assert fold_for_match("кузнецовой") not in male


def test_gender_read_from_patronymic_or_first_name() -> None:
    forms = folded(person_forms(["Сидоров Иван Петрович"]))
    assert fold_for_match("сидорову и.п.") in forms
    assert fold_for_match("ивана петровича сидорова") in forms
    assert fold_for_match("сидоровой") not in forms  # a man: no woman's forms


def test_adjective_and_double_surnames_decline() -> None:
    forms = folded(person_forms(["Садовский"]))
    assert {fold_for_match(f) for f in ("садовского", "садовская", "садовской")} <= forms
    assert fold_for_match("sadovsky") in forms
    double = folded(person_forms(["Николай Римский-Корсаков"], "male"))
    assert fold_for_match("римского-корсакова") in double
    assert fold_for_match("н. римскому-корсакову") in double


def test_other_romanisations_of_a_russian_surname() -> None:
    forms = folded(person_forms(["Кузнецов"]))
    for spelling in ("Kuznetsov", "Kouznetsov", "Kusnezow", "Kuzniecow", "Kuznetsova"):
        assert fold_for_match(spelling) in forms
    assert fold_for_match("ferapontoff") in folded(person_forms(["Ферапонтов"]))


def test_scripts_without_tables_get_their_ascii_spelling() -> None:
    forms = folded(person_forms(["ზურაბ ჟვანია"]))
    assert fold_for_match("Zurab Zhvania") in forms
    assert fold_for_match("zhvania") in forms


def test_split_name_reads_both_russian_orders() -> None:
    assert split_name("Петрова Елена Ивановна") == NameParts("Елена", "Ивановна", "Петрова")
    assert split_name("Елена Ивановна Петрова") == NameParts("Елена", "Ивановна", "Петрова")
    assert split_name("Петрова Елена") == NameParts("Елена", "", "Петрова")
    assert split_name("Елена Петрова") == NameParts("Елена", "", "Петрова")
    assert split_name("Elena Petrova") == NameParts("Elena", "", "Petrova")
    assert split_name("Кузнецов") == NameParts("", "", "Кузнецов")


def test_empty_names_give_no_forms() -> None:
    assert person_forms([]) == frozenset()
    assert person_forms(["", "  ", "123"]) == frozenset()
