"""The name matcher against a labelled list (tests/data/name_pairs.tsv, also read by
bench/names.py): each written form, a person's stored names, and what search and
redaction must make of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.namematch import NameFinder, person_forms
from desktop.core.namematch.lookup import NameIndex

PAIRS = Path(__file__).resolve().parent.parent / "data" / "name_pairs.tsv"


def labelled_pairs() -> list[tuple[str, list[str], str, str]]:
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            written, names, search, redact = line.split("\t")
            rows.append((written, [n.strip() for n in names.split("|")], search, redact))
    return rows


PAIR_ROWS = labelled_pairs()


def test_the_list_is_long_enough_and_balanced() -> None:
    assert len(PAIR_ROWS) >= 60
    assert {r[2] for r in PAIR_ROWS} == {"exact", "similar", "none"}
    assert sum(r[3] == "no" for r in PAIR_ROWS) >= 20


@pytest.mark.parametrize(("written", "names", "search", "redact"), PAIR_ROWS)
def test_search_finds_as_labelled(written: str, names: list[str], search: str, redact: str) -> None:
    index = NameIndex([("p", names)])
    exact = index.matching(written) == ["p"]
    similar = [s.person_id for s in index.similar(written)] == ["p"]
    assert (exact, similar) == (search == "exact", search == "similar")


@pytest.mark.parametrize(("written", "names", "search", "redact"), PAIR_ROWS)
def test_redaction_finds_as_labelled(
    written: str, names: list[str], search: str, redact: str
) -> None:
    hits = NameFinder(person_forms(names)).find(written)
    if redact == "yes":
        assert [(h.start, h.end) for h in hits] == [(0, len(written))]
    else:
        assert hits == []


def test_similar_among_many_people_is_each_persons_own_score() -> None:
    """With every labelled person in one index (many sharing name words), `similar`
    returns exactly the people whose own score reaches the threshold, best first: the
    shortcut through shared spellings leaves nobody out and lets nobody in."""
    from desktop.core.namematch.lookup import (
        SIMILAR_THRESHOLD,
        person_keys,
        query_finds,
        similarity,
    )

    people = [(f"p{n}", names) for n, (_w, names, _s, _r) in enumerate(PAIR_ROWS)]
    index = NameIndex(people)
    found_any = 0
    for written in dict.fromkeys(row[0] for row in PAIR_ROWS):
        expected = []
        for pid, names in people:
            keys = person_keys(names)
            score = similarity(written, keys)
            if score >= SIMILAR_THRESHOLD and not query_finds(written, keys):
                expected.append((pid, score))
        expected.sort(key=lambda pair: -pair[1])
        got = [(s.person_id, s.score) for s in index.similar(written)]
        assert got == expected, written
        found_any += bool(got)
    assert found_any >= 10  # the comparison covered real finds, not only empty lists
