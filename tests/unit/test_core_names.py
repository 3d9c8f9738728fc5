"""Names across scripts: every spelling of one person meets on one skeleton."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.names import (
    detect_script,
    fold,
    skeleton,
    skeleton_tokens,
    tokens,
    transliterate,
)

# Each list: spellings of one name that search must treat as the same.
SPELLINGS: dict[str, list[str]] = {
    "Kuznetsov": ["Kuznetsov", "Кузнецов", "kuznecov", "KUZNETSOV", "Kuznetzov", "КУЗНЕЦОВ"],
    "Magnitsky": ["Magnitsky", "Магнитский", "Magnitskiy", "Magnitskii", "Magnitskij"],
    "Artem": ["Artem", "Artyom", "Артём", "Артем", "ARTYOM"],
    "Sergei": ["Sergei", "Sergey", "Сергей", "Sergej"],
    "Alexei": ["Alexei", "Aleksei", "Алексей", "Aleksey", "Alexey"],
    "Kharitonov": ["Kharitonov", "Харитонов", "Haritonov"],
    "Silchenko": ["Silchenko", "Сильченко", "Sil'chenko"],
    "Navalny": ["Navalny", "Навальный", "Navalnyi", "Navalnyy", "Naval'nyy"],
    "Karpov": ["Karpov", "Карпов"],
    "Dmitry": ["Dmitry", "Дмитрий", "Dmitriy", "Dmitrii"],
    "Shchukin": ["Щукин", "Shchukin", "Schukin"],
    "Fyodor": ["Fyodor", "Фёдор", "Fedor", "Федор"],
    "Yuri": ["Yuri", "Юрий", "Iurii", "Yury"],
    "Natalia": ["Natalia", "Наталья", "Natalya", "Nataliya"],
    "Zhukov": ["Zhukov", "Жуков", "ZHUKOV"],
}


@pytest.mark.parametrize("name", SPELLINGS)
def test_spellings_of_one_name_share_a_skeleton(name: str) -> None:
    keys = {spelling: skeleton(spelling) for spelling in SPELLINGS[name]}
    assert len(set(keys.values())) == 1, keys


def test_different_people_have_different_skeletons() -> None:
    keys = {name: skeleton(spellings[0]) for name, spellings in SPELLINGS.items()}
    for (a, key_a), (b, key_b) in itertools.combinations(keys.items(), 2):
        assert key_a != key_b, (a, b)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Кузнецов", "kuznecov"),
        ("Magnitsky", "magniki"),
        ("Навальный", "navalni"),
        ("Харитонов", "haritonov"),
        ("Alexei", "aleksei"),
        ("Rimsky-Korsakov", "rimskikorsakov"),
        ("", ""),
        ("—", ""),
        ("2008", "2008"),
    ],
)
def test_skeleton_values(word: str, expected: str) -> None:
    assert skeleton(word) == expected


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Кузнецов", "Kuznetsov"),
        ("Артём", "Artyom"),
        ("Магнитский", "Magnitskiy"),
        ("Сергей Леонидович", "Sergey Leonidovich"),
        ("Навальный", "Navalnyy"),
        ("Харитонов", "Kharitonov"),
        ("Щукин", "Shchukin"),
        ("Подъячев", "Podyachev"),
        ("Юлия", "Yuliya"),
        ("ЖУКОВ", "ZHUKOV"),
        ("Жуков", "Zhukov"),
        ("Ж. Жуков", "Zh. Zhukov"),
        ("ЦСКА", "TSSKA"),
        ("Матросская Тишина, СИЗО-1", "Matrosskaya Tishina, SIZO-1"),
        ("Magnitsky", "Magnitsky"),
        ("Кузнецов (Kuznetsov), 2008", "Kuznetsov (Kuznetsov), 2008"),
    ],
)
def test_transliterate(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_transliterate_accepts_decomposed_input() -> None:
    assert transliterate("Арте\u0308м") == "Artyom"
    assert transliterate("Серге\u0438\u0306") == "Sergey"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ёлкин", "елкин"),
        ("СЕРГЕЙ", "сергей"),
        ("Серге\u0438\u0306", "сергей"),
        ("José ÉCOLE", "jose ecole"),
        ("Straße", "strasse"),
        ("ﬁle", "file"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sergei Magnitsky, 37", ["Sergei", "Magnitsky", "37"]),
        ("O'Brien and Rimsky-Korsakov", ["O'Brien", "and", "Rimsky-Korsakov"]),
        ("Naval'nyy — 'quoted'", ["Naval'nyy", "quoted"]),
        ("СИЗО-1 «Матросская тишина»", ["СИЗО-1", "Матросская", "тишина"]),
        ("snake_case -dash- a--b", ["snake", "case", "dash", "a", "b"]),
        ("", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_skeleton_tokens_are_unique_and_ordered() -> None:
    text = "Кузнецов, Kuznetsov and Rimsky-Korsakov; KUZNECOV!"
    assert skeleton_tokens(text) == ["kuznecov", "and", "rimski", "korsakov"]


def test_query_and_index_meet() -> None:
    indexed = set(skeleton_tokens("Артём Кузнецов, подполковник МВД"))
    for query in ["Kuznetsov", "kuznecov", "Artyom Kuznetsov", "ARTEM"]:
        assert set(skeleton_tokens(query)) <= indexed, query


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Кузнецов", "cyrl"),
        ("Kuznetsov", "latn"),
        ("Кузнецов (Kuznetsov)", "mixed"),
        ("2008-11-24", "none"),
        ("Σωκράτης", "none"),
        ("", "none"),
        ("Ёлкин 1", "cyrl"),
        ("José", "latn"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


NAME_ALPHABET = st.characters(
    codec="utf-8",
    categories=["L", "M", "N", "P", "Zs"],
) | st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'-")


@given(st.text(NAME_ALPHABET, max_size=30))
def test_skeleton_ignores_case(word: str) -> None:
    assert skeleton(word) == skeleton(word.upper())
    assert skeleton(word) == skeleton(word.lower())


@given(st.text(NAME_ALPHABET, max_size=30))
def test_skeleton_is_stable_under_transliteration(word: str) -> None:
    assert skeleton(transliterate(word)) == skeleton(word)


@given(st.text(NAME_ALPHABET, max_size=30))
def test_skeleton_is_idempotent_and_plain(word: str) -> None:
    key = skeleton(word)
    assert skeleton(key) == key
    assert all(ch.isalnum() for ch in key)


@given(st.text(max_size=60))
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(fold(text), str)
    assert isinstance(transliterate(text), str)
    assert isinstance(skeleton(text), str)
    assert detect_script(text) in {"cyrl", "latn", "mixed", "none"}
    found = tokens(text)
    assert all(token for token in found)
    keys = skeleton_tokens(text)
    assert len(keys) == len(set(keys))
    assert all(keys)


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_numbers_have_no_skeleton_but_words_with_digits_do() -> None:
    assert skeleton_tokens("Case 1123 of 12-34 in 2009") == ["case", "of", "in"]
    assert skeleton_tokens("№ 13-Б") == ["b"]
