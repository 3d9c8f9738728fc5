"""core/rules.py: what a stored row must satisfy, named by table, id and field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.fuzzydate import FuzzyDate, Qualifier
from desktop.core.rules import edtf_problem, row_problems


def event(**changes: Any) -> dict[str, Any]:
    date = FuzzyDate.parse("before 5 August 2010")
    row: dict[str, Any] = {
        "id": "e1",
        "case_id": "c1",
        "title": "Detained",
        "description": "",
        "place": "",
        "fact_status": "undisputed",
        "date_edtf": date.to_edtf(),
        "date_sort": date.sort_number(),
        "date_start": date.start_number(),
        "date_end": date.end_number(),
        "vv": '{"d":1}',
    }
    row.update(changes)
    return row


def test_a_sound_row_has_no_problems() -> None:
    assert row_problems("events", event()) == []


@pytest.mark.parametrize(
    "text",
    [
        "0000-00-00",
        "99999-01-01",
        "10 September 2009",
        "0999",
        "2201",
        "2009-13",
        "2009-02-30",
        "2009-1-05",
        "",
        "../..",
        "2009~~",
    ],
)
def test_dates_that_are_not_stored_dates(text: str) -> None:
    assert edtf_problem(text) is not None
    (problem,) = row_problems("events", event(date_edtf=text))
    assert (problem.table, problem.record_id, problem.field) == ("events", "e1", "date_edtf")


@pytest.mark.parametrize("text", ["2008-03~", "../2010-08-05", "2007-12/2008", "200X", "XXXX"])
def test_dates_the_app_writes_pass(text: str) -> None:
    assert edtf_problem(text) is None


@pytest.mark.parametrize("column", ["date_sort", "date_start", "date_end"])
def test_numbers_that_disagree_with_the_date(column: str) -> None:
    (problem,) = row_problems("events", event(**{column: 20090101}))
    assert problem.field == column and "does not match" in problem.rule


def test_messages_never_quote_the_value() -> None:
    problems = row_problems("events", event(title="Secret " * 100, fact_status="Ivanov"))
    assert {p.field for p in problems} == {"title", "fact_status"}
    assert all("Secret" not in str(p) and "Ivanov" not in str(p) for p in problems)


def test_a_missing_column_is_reported_not_raised() -> None:
    row = event()
    del row["date_sort"]
    assert [p.field for p in row_problems("events", row)] == ["date_sort"]


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    year = draw(st.integers(1000, 2200))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    kind = draw(st.sampled_from(["day", "month", "year", "circa", "before", "after", "range"]))
    if kind == "day":
        return FuzzyDate.day(year, month, day)
    if kind == "month":
        return FuzzyDate.month(year, month)
    if kind == "year":
        return FuzzyDate.year(year)
    if kind == "range":  # from a day to a later year (a range may not end before it starts)
        start = FuzzyDate.day(min(year, 2199), month, day)
        return FuzzyDate.between(start, FuzzyDate.year(min(year, 2199) + 1))
    qualifier = {"circa": Qualifier.CIRCA, "before": Qualifier.BEFORE, "after": Qualifier.AFTER}
    return FuzzyDate.day(year, month, day, qualifier=qualifier[kind])


@given(fuzzy_dates())
def test_every_date_the_editors_make_passes_the_rules(date: FuzzyDate) -> None:
    """The editors write date_columns(date); the rules must accept exactly that."""
    row = event(
        date_edtf=date.to_edtf(),
        date_sort=date.sort_number(),
        date_start=date.start_number(),
        date_end=date.end_number(),
    )
    assert row_problems("events", row) == []


@given(
    st.dictionaries(
        st.sampled_from(["title", "description", "place", "id", "notes"]),
        st.one_of(st.text(max_size=30), st.integers(), st.none(),
                  st.sampled_from(["a\x00", "\ud800", "ж" * 501, "x" * 501, "y" * 200_001])),
        max_size=4,
    )
)  # fmt: skip
def test_text_rules_decided_for_a_whole_row_agree_with_each_value(row: dict[str, Any]) -> None:
    """Rows are first checked with their text values joined; the verdict is the same."""
    from desktop.core.rules import text_limit, text_problem

    expected = sorted(
        (column, problem)
        for column, value in row.items()
        if isinstance(value, str) and (problem := text_problem(value, text_limit("events", column)))
    )
    found = sorted((p.field, p.rule) for p in row_problems("events", row, partial=True))
    assert found == expected


def test_who_disputes_may_be_the_vocabulary_member_or_its_text() -> None:
    from desktop.core.enums import DisputedBy

    assert row_problems("events", event(disputed_by=DisputedBy.DEFENCE)) == []
    assert row_problems("events", event(disputed_by="defence")) == []
    assert [p.field for p in row_problems("events", event(disputed_by="police"))] == ["disputed_by"]
    assert [p.field for p in row_problems("events", event(disputed_by=["defence"]))] == [
        "disputed_by"
    ]


def test_a_date_seen_sound_before_still_checks_each_rows_numbers() -> None:
    assert row_problems("events", event()) == []  # remembered as sound
    assert [p.field for p in row_problems("events", event(date_end=1))] == ["date_end"]
