"""The demo case data file: internally consistent, fully cited, and true to its brief.

The file is checked on its own (references, citations, vocabularies, dates) and, where the
agreed brief `../shared/domain/sample-case.md` sits beside the checkout, row by row against
that brief, so that nothing is dropped, added or re-dated on the way into the demo.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core import enums

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_FILE = REPO_ROOT / "resources" / "sample_case" / "magnitsky.json"
BRIEF_FILE = REPO_ROOT.parent / "shared" / "domain" / "sample-case.md"

Record = dict[str, Any]

_POINT = r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?|\d{3}X|XXXX)"
_EDTF = re.compile(rf"{_POINT}|{_POINT}/{_POINT}|\.\./{_POINT}|{_POINT}/\.\.")
_CALENDAR_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@pytest.fixture(scope="module")
def data() -> Record:
    with DATA_FILE.open(encoding="utf-8") as handle:
        loaded: Record = json.load(handle)
    return loaded


@pytest.fixture(scope="module")
def brief() -> dict[str, list[list[str]]]:
    if not BRIEF_FILE.exists():
        pytest.skip(f"the case brief is not beside the checkout ({BRIEF_FILE})")
    return _brief_tables(BRIEF_FILE.read_text(encoding="utf-8"))


def _brief_tables(markdown: str) -> dict[str, list[list[str]]]:
    """The body rows of each section's table, keyed by the section heading."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            tables.setdefault(heading, []).append(cells)
    # Drop each table's header row and its |---| separator.
    return {name: rows[2:] for name, rows in tables.items()}


def _name_variants(brief_name: str) -> list[str]:
    """'Artem (Artyom) Kuznetsov' -> ['Artem Kuznetsov', 'Artyom Kuznetsov']."""
    match = re.fullmatch(r"(.*?)(\S+) \(([^)]+)\)(.*)", brief_name)
    if match is None:
        return [brief_name]
    before, word, alternative, after = match.groups()
    return [f"{before}{word}{after}", f"{before}{alternative}{after}"]


def _brief_date_as_edtf(cell: str) -> str:
    """The date column of the brief ('2007-12-03 to 2007-12-11 (range)') as EDTF text."""
    text = cell.split(" (", 1)[0].strip()
    if text.startswith("before "):
        return "../" + text.removeprefix("before ")
    if " to " in text:
        start, end = text.split(" to ")
        return f"{start}/{end}"
    return text


def _brief_sources(cell: str) -> list[str]:
    return [key.strip() for key in cell.split(",")]


def _cited(record: Record) -> list[str]:
    return [citation["source"] for citation in record["citations"]]


def _all_citations(data: Record) -> Iterator[Record]:
    for collection in ("people", "postings", "events", "complaints"):
        for record in data[collection]:
            yield from record["citations"]


def _all_dates(data: Record) -> Iterator[str]:
    for source in data["sources"]:
        yield source["date"]
    for event in data["events"]:
        yield event["date"]
    for complaint in data["complaints"]:
        yield complaint["filed_on"]
        if complaint["response_due"] is not None:
            yield complaint["response_due"]
        yield from (response["date"] for response in complaint["responses"] if response["date"])
    for posting in data["postings"]:
        yield from (value for value in (posting["start"], posting["end"]) if value)


def _texts(person: Record) -> set[str]:
    return {name["text"] for name in person["names"]}


def _values(vocabulary: type[enums.LabelledEnum]) -> set[str]:
    return {member.value for member in vocabulary}


def test_the_header_names_the_format_and_keeps_the_sample_data_notice(data: Record) -> None:
    assert data["format"] == "dossier-sample-case"
    assert data["version"] == 1
    case = data["case"]
    assert case["notice"] == (
        "Sample data compiled from public reports; verify every fact before any use."
    )
    assert case["notice_ru"]
    assert "sample" in case["tags"]
    assert case["status"] in _values(enums.CaseStatus)
    assert 3 <= case["summary"].count(". ") + 1 <= 5


def test_counts_match_the_brief(data: Record) -> None:
    assert len(data["sources"]) == 8
    assert len(data["people"]) == 9
    assert len(data["events"]) == 16
    assert len(data["complaints"]) >= 11


@pytest.mark.parametrize(
    "collection", ["sources", "organisations", "people", "events", "complaints"]
)
def test_keys_are_unique(data: Record, collection: str) -> None:
    keys = Counter(record["key"] for record in data[collection])
    assert [key for key, seen in keys.items() if seen > 1] == []


def test_every_reference_resolves(data: Record) -> None:
    sources = {source["key"] for source in data["sources"]}
    organisations = {organisation["key"] for organisation in data["organisations"]}
    people = {person["key"] for person in data["people"]}
    complaints = {complaint["key"] for complaint in data["complaints"]}

    for organisation in data["organisations"]:
        assert organisation["parent"] in organisations | {None}, organisation["key"]
    for posting in data["postings"]:
        assert posting["person"] in people
        assert posting["organisation"] in organisations
    for event in data["events"]:
        for taking_part in event["people"]:
            assert taking_part["person"] in people, event["key"]
    for complaint in data["complaints"]:
        assert complaint["body"] in organisations | {None}, complaint["key"]
        assert complaint["escalates"] in complaints | {None}, complaint["key"]
        for target in complaint["against"]:
            assert len(target) == 1, complaint["key"]
            if "person" in target:
                assert target["person"] in people, complaint["key"]
            elif "organisation" in target:
                assert target["organisation"] in organisations, complaint["key"]
            else:
                assert target["description"], complaint["key"]
    for citation in _all_citations(data):
        assert citation["source"] in sources


def test_every_event_complaint_and_posting_is_cited(data: Record) -> None:
    for collection in ("events", "complaints", "postings"):
        uncited = [record for record in data[collection] if not record["citations"]]
        assert uncited == [], collection


def test_every_source_is_cited_somewhere(data: Record) -> None:
    cited = {citation["source"] for citation in _all_citations(data)}
    assert cited == {source["key"] for source in data["sources"]}


def test_values_come_from_the_vocabularies(data: Record) -> None:
    for source in data["sources"]:
        assert source["kind"] in _values(enums.SourceKind), source["key"]
        assert source["reliability"] in _values(enums.Reliability), source["key"]
    for organisation in data["organisations"]:
        assert organisation["kind"] in _values(enums.OrganisationKind), organisation["key"]
    for person in data["people"]:
        assert person["kind"] in _values(enums.PersonKind), person["key"]
    for event in data["events"]:
        assert event["fact_status"] in _values(enums.FactStatus), event["key"]
    for complaint in data["complaints"]:
        assert complaint["status"] in _values(enums.ComplaintStatus), complaint["key"]
        for response in complaint["responses"]:
            assert response["kind"] in _values(enums.ResponseKind), complaint["key"]


def test_statuses_agree_with_responses(data: Record) -> None:
    for complaint in data["complaints"]:
        kinds = {response["kind"] for response in complaint["responses"]}
        if complaint["status"] == "filed":
            assert kinds == set(), complaint["key"]
        if complaint["status"] == "forwarded":
            assert "forwarding" in kinds, complaint["key"]
        if complaint["status"] == "rejected":
            assert "refusal" in kinds, complaint["key"]


def test_every_date_is_edtf_on_the_calendar(data: Record) -> None:
    for text in _all_dates(data):
        assert _EDTF.fullmatch(text), text
        for point in _CALENDAR_DATE.findall(text):
            parts = point.split("-")
            if len(parts) == 3:
                datetime.date.fromisoformat(point)
            elif len(parts) == 2:
                assert 1 <= int(parts[1]) <= 12, text


def test_every_person_has_one_primary_name_and_names_in_known_scripts(data: Record) -> None:
    for person in data["people"]:
        kinds = [name["kind"] for name in person["names"]]
        assert kinds.count("primary") == 1, person["key"]
        assert {name["script"] for name in person["names"]} <= {"latn", "cyrl"}
        texts = [name["text"] for name in person["names"]]
        assert len(texts) == len(set(texts)), person["key"]


def test_every_source_of_the_brief_is_present(
    data: Record, brief: dict[str, list[list[str]]]
) -> None:
    brief_sources = {row[0]: row for row in brief["Sources"]}
    assert {source["key"] for source in data["sources"]} == set(brief_sources)
    for source in data["sources"]:
        date_cell = brief_sources[source["key"]][2]
        if not date_cell.startswith("undated"):
            assert source["date"] == date_cell, source["key"]


def test_every_name_of_the_brief_is_a_name_of_its_person(
    data: Record, brief: dict[str, list[list[str]]]
) -> None:
    for row in brief["People"]:
        name_en, name_ru = row[0], row[1]
        variants = _name_variants(name_en)
        matches = [p for p in data["people"] if variants[0] in _texts(p)]
        assert len(matches) == 1, name_en
        person = matches[0]
        assert set(variants) <= _texts(person), name_en
        cyrillic = [name["text"] for name in person["names"] if name["script"] == "cyrl"]
        assert cyrillic == ([name_ru] if name_ru else []), name_en


def test_every_timeline_row_is_an_event_with_its_date_and_sources(
    data: Record, brief: dict[str, list[list[str]]]
) -> None:
    rows = brief["Timeline"]
    assert len(rows) == len(data["events"])
    for row, event in zip(rows, data["events"], strict=True):
        date_cell, text, _people, sources_cell = row
        assert event["date"] == _brief_date_as_edtf(date_cell), event["key"]
        assert _cited(event) == _brief_sources(sources_cell), event["key"]
        assert event["description"].startswith(text.split(" (see ")[0]), event["key"]


def test_every_complaint_row_is_one_record_or_two(
    data: Record, brief: dict[str, list[list[str]]]
) -> None:
    expected: list[list[str]] = []
    for row in brief["Complaints"]:
        expected.extend([row, row] if "(two complaints)" in row[3] else [row])
    assert len(expected) == len(data["complaints"])
    for row, complaint in zip(expected, data["complaints"], strict=True):
        assert complaint["filed_on"].startswith(_brief_date_as_edtf(row[0])), complaint["key"]
        assert _cited(complaint) == _brief_sources(row[5]), complaint["key"]
        assert complaint["outcome"] in row[4], complaint["key"]
