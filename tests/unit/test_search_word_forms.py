"""Search over Russian word forms, similar names, other scripts, and the re-index of vaults
indexed by an older Dossier. Real vaults on disk (the `services` fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.people import NameVariant
from desktop.services.registry import Services
from desktop.store.indexing import INDEX_VERSION_KEY, index_version
from desktop.store.search import SEARCH_INDEX_VERSION
from desktop.store.vault import Vault

PEOPLE = {
    "Кузнецов": ["Артём Кузнецов", "Artem Kuznetsov"],
    "Садовский": ["Игорь Садовский"],
    "Ферапонтов": ["Ферапонтов Николай Петрович"],
    "Акманов": ["Акманов Руслан"],
    "Зубихин": ["Зубихин Олег"],
    "Łukasz": ["Łukasz Nowak"],
    "Жвания": ["ზურაბ ჟვანია"],
    "Қасымов": ["Қасымов Ержан"],
    "Đorđević": ["Đorđe Đorđević"],
    "Østergaard": ["Søren Østergaard"],
}


@pytest.fixture
def case(services: Services) -> str:
    case_id = services.cases.create_case("Дело")
    for key, names in PEOPLE.items():
        services.people.add_person(
            case_id, "official", key, names=[NameVariant(n, kind="original") for n in names]
        )
    services.people.add_organisation(case_id, "ОВД Дзержинского района")
    services.timeline.add_event(
        case_id, FuzzyDate.day(2009, 3, 1), "Жалоба на действия Кузнецова", place="Москва"
    )
    services.timeline.add_event(
        case_id, FuzzyDate.day(2009, 3, 2), "Допрос у Кузнецов А.", place="Москва"
    )
    return case_id


def titles(services: Services, query: str, kind: str | None = None) -> list[str]:
    return [h.title for h in services.search.search(query) if kind in (None, h.kind)]


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Кузнецова", "Кузнецов"),
        ("Кузнецову", "Кузнецов"),
        ("Kuznetsova", "Кузнецов"),
        ("Садовского", "Садовский"),
        ("Ферапонтова", "Ферапонтов"),
        ("Акманова", "Акманов"),
        ("Зубихина", "Зубихин"),
        ("Łukasz", "Łukasz"),
        ("Lukasz", "Łukasz"),
        ("LUKASZ", "Łukasz"),
        ("Zhvania", "Жвания"),
        ("ჟვანია", "Жвания"),
        ("Qasymov", "Қасымов"),
        ("Dordevic", "Đorđević"),
        ("Ostergaard", "Østergaard"),
        ("Soren", "Østergaard"),
        ("Kuznetsov", "Кузнецов"),
        ("kuznecov", "Кузнецов"),
    ],
)
def test_case_forms_and_scripts_find_the_person(
    services: Services, case: str, query: str, person: str
) -> None:
    assert titles(services, query, "person") == [person]


def test_declined_district_finds_its_nominative_and_back(services: Services, case: str) -> None:
    assert titles(services, "Дзержинский", "organisation") == ["ОВД Дзержинского района"]
    assert titles(services, "Дзержинского", "organisation") == ["ОВД Дзержинского района"]
    assert titles(services, "Dzerzhinsky", "organisation") == ["ОВД Дзержинского района"]


def test_exact_matches_rank_before_other_forms(services: Services, case: str) -> None:
    events = titles(services, "Кузнецова", "event")
    assert events == ["Жалоба на действия Кузнецова", "Допрос у Кузнецов А."]
    assert titles(services, "Кузнецов", "event")[0] == "Допрос у Кузнецов А."


def test_other_forms_are_highlighted_too(services: Services, case: str) -> None:
    hit = next(h for h in services.search.search("Кузнецова") if h.title.startswith("Допрос"))
    assert "\x02Кузнецов\x03" in hit.title_marked


@pytest.mark.parametrize("query", ["Kouznetsov", "Kusnezow", "Kuzniecow"])
def test_foreign_spellings_are_similar_names_not_hits(
    services: Services, case: str, query: str
) -> None:
    results = services.search.results(query)
    assert "person" not in results.groups
    assert [p.display_name for p in results.similar] == ["Кузнецов"]
    assert results.similar[0].names == ("Кузнецов", "Артём Кузнецов", "Artem Kuznetsov")


@pytest.mark.parametrize(
    ("query", "person"), [("Zubichin", "Зубихин"), ("Ferapontoff", "Ферапонтов")]
)
def test_more_similar_names(services: Services, case: str, query: str, person: str) -> None:
    assert [p.display_name for p in services.search.results(query).similar] == [person]


def test_a_person_found_exactly_is_not_also_similar(services: Services, case: str) -> None:
    results = services.search.results("Кузнецов")
    assert [h.title for h in results.groups["person"]] == ["Кузнецов"]
    assert results.similar == []


def test_similar_names_follow_every_change_to_the_people(services: Services, case: str) -> None:
    """The names are kept between searches; a rename, a new person or a deletion shows."""
    assert [p.display_name for p in services.search.results("Kouznetsov").similar] == ["Кузнецов"]
    person = next(p for p in services.people.persons(case) if p.display_name == "Кузнецов")
    services.people.update_person(
        person.id, display_name="Смирнов", names=[NameVariant("Смирнов", kind="original")]
    )
    assert services.search.results("Kouznetsov").similar == []
    assert [p.display_name for p in services.search.results("Smirnoff").similar] == ["Смирнов"]
    services.people.delete_person(person.id)
    assert services.search.results("Smirnoff").similar == []
    other = services.cases.create_case("Другое дело")
    services.people.add_person(other, "witness", "Смирнова")
    assert [p.display_name for p in services.search.results("Schmirnowa").similar] == ["Смирнова"]
    assert services.search.similar_names("Schmirnowa", case_id=case) == []


def test_unrelated_words_find_no_similar_names(services: Services, case: str) -> None:
    for query in ("Kozlov", "Petrovka", "Москва", "жалоба", "ab"):
        assert services.search.results(query).similar == [], query


def test_vault_indexed_by_an_older_version_is_reindexed_at_unlock(
    tmp_path: Path, vault: Vault, services: Services, case: str, passphrase: str
) -> None:
    assert titles(services, "Zubikhin") == ["Зубихин"]
    with vault.session() as s, s.begin():
        assert index_version(s) == str(SEARCH_INDEX_VERSION)
        # An index stored another way, under an older number (here: no word keys at all).
        s.execute(text("UPDATE search_index SET skeletons = ''"))
        s.execute(
            text("UPDATE device_state SET value = '1' WHERE key = :k"), {"k": INDEX_VERSION_KEY}
        )
    assert titles(services, "Zubikhin") == []  # the old index cannot answer
    folder = vault.folder
    vault.lock()
    reopened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        again = Services.over(reopened, actor="test")
        assert titles(again, "Zubikhin") == ["Зубихин"]
        assert titles(again, "Dzerzhinsky") == ["ОВД Дзержинского района"]
        with reopened.session() as s:
            assert index_version(s) == str(SEARCH_INDEX_VERSION)
    finally:
        reopened.lock()


def test_a_current_index_is_not_rebuilt_at_unlock(
    vault: Vault, services: Services, case: str, passphrase: str
) -> None:
    with vault.session() as s, s.begin():
        s.execute(text("DELETE FROM search_index WHERE title = 'Садовский'"))
    folder = vault.folder
    vault.lock()
    reopened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        assert titles(Services.over(reopened, actor="test"), "Садовский") == []
    finally:
        reopened.lock()
