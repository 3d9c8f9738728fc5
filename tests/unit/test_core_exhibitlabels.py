"""Exhibit labels: every live file ends with its own label, and no label already given
to a file (or to a deleted one) is given to another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.exhibitlabels import (
    LabelledFile,
    label_number,
    missing_labels,
    natural_key,
    next_label,
)

labels = st.sampled_from(["", "EXH-1", "EXH-2", "exh-2", "EXH-10", "P-7", "A"])
files = st.lists(
    st.builds(
        LabelledFile,
        id=st.uuids().map(str),
        created_at=st.sampled_from(["2024-01-01", "2024-01-02", "2024-01-03"]),
        label=labels,
        live=st.booleans(),
    ),
    max_size=12,
    unique_by=lambda f: f.id,
)


@given(files)
def test_every_live_file_ends_with_a_label_of_its_own(batch: list[LabelledFile]) -> None:
    given_now = missing_labels(batch)
    final = [given_now.get(f.id, f.label) for f in batch if f.live]
    assert all(final)
    assert len({v.casefold() for v in final}) == len(final)
    # a new label is above every number ever used, deleted files included
    used = max((label_number(f.label) for f in batch), default=0)
    assert all(label_number(v) > used for v in given_now.values())
    # a file whose label was its own keeps it
    for f in batch:
        if (
            f.live
            and f.label
            and sum(g.live and g.label.casefold() == f.label.casefold() for g in batch) == 1
        ):
            assert f.id not in given_now


def test_the_older_of_two_files_keeps_a_shared_label() -> None:
    older = LabelledFile("b", "2024-01-01", "EXH-3")
    newer = LabelledFile("a", "2024-01-02", "EXH-3")
    gone = LabelledFile("c", "2023-12-31", "EXH-9", live=False)
    assert missing_labels([newer, gone, older]) == {"a": "EXH-10"}


def test_numbers_and_order() -> None:
    assert next_label([]) == "EXH-1"
    assert next_label(["EXH-9", "P-100", "exh-10"]) == "EXH-11"
    assert label_number("P-7") == 0 and label_number(" EXH-12 ") == 12
    assert sorted(["EXH-10", "EXH-2", "A", "EXH-1"], key=natural_key) == [
        "A", "EXH-1", "EXH-2", "EXH-10"
    ]  # fmt: skip
