"""The quick consistency check of received versions agrees with building the version."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.clock import HlcStamp
from desktop.sync.versions import consistent, version_of

DEVICE = "3f0c9a8e-0000-4000-8000-000000000001"
devices = st.sampled_from([DEVICE, "other-device", "", " ", "dev ice", "x"])
stamps = st.one_of(
    st.builds(lambda w, c, d: HlcStamp(w, c, d).format(),
              st.integers(0, 10**13 - 1), st.integers(0, 99_999), st.sampled_from([DEVICE, "a-b"])),
    st.sampled_from(["", "1700000000000-00000-", "1700000000000-00000-a b", "170000000000-00000-a",
                     "1700000000000-0000-a", "17000000000x0-00000-a", "１７00000000000-00000-a",
                     "1700000000000-00000-dev\u00a0ice", "1700000000000-00000-a-b-c"]),
    st.text(max_size=30),
)  # fmt: skip
counters = st.one_of(st.integers(-1, 5), st.booleans(), st.floats(0, 5), st.text(max_size=2))
vectors = st.one_of(
    st.dictionaries(devices, counters, max_size=3).map(json.dumps),
    st.sampled_from(["", "[]", "null", "{", '{"a":1}x', "1", '{"":1}']),
)


@given(device=devices, counter=st.integers(-1, 6), hlc=stamps, vv=vectors, deleted=st.booleans())
def test_consistent_exactly_when_the_version_can_be_built(
    device: str, counter: int, hlc: str, vv: str, deleted: bool
) -> None:
    row = {"dot_device": device, "dot_counter": counter, "hlc": hlc, "vv": vv, "deleted": deleted}
    try:
        version_of(row)
        built = True
    except (ValueError, TypeError):
        built = False
    assert consistent(row) is built


def test_a_written_version_is_consistent() -> None:
    stamp = HlcStamp(1_700_000_000_000, 2, DEVICE).format()
    row = {"dot_device": DEVICE, "dot_counter": 3, "hlc": stamp,
           "vv": json.dumps({DEVICE: 3, "other": 9}), "deleted": False}  # fmt: skip
    assert consistent(row)
    assert not consistent({**row, "dot_counter": 4})  # the vector does not cover the dot


def test_a_vector_nested_too_deeply_is_inconsistent_not_a_crash() -> None:
    stamp = HlcStamp(1_700_000_000_000, 0, DEVICE).format()
    row = {"dot_device": DEVICE, "dot_counter": 1, "hlc": stamp, "vv": "[" * 100_000,
           "deleted": False}  # fmt: skip
    assert consistent(row) is False


# ---- received rows obey the same rules as imports and the editors (core/rules.py) -------------
def event_row(**changes: object) -> dict[str, object]:
    from desktop.sync.versions import synced_tables

    stamp = HlcStamp(1_700_000_000_000, 0, DEVICE).format()
    row: dict[str, object] = {c.name: None for c in synced_tables()["events"].c}
    row.update(
        id="e" * 36, case_id="c" * 36, created_at="2026-01-01T00:00:00Z",
        updated_at="2026-01-01T00:00:00Z", dot_device=DEVICE, dot_counter=1,
        vv=json.dumps({DEVICE: 1}), hlc=stamp, deleted=False, date_edtf="2009-11-16",
        date_sort=20091116, date_start=20091116, date_end=20091116, day_order=0,
        title="Died in detention", description="", place="", fact_status="undisputed",
        key_event=False, confidential=False, for_brief=True, date_note="", text_lang="",
        title_alt="", description_alt="", disputed_by="",
        disputed_by_note="",
    )  # fmt: skip
    row.update(changes)
    return row


@pytest.mark.parametrize(
    "changes",
    [{"date_edtf": "0000-00-00"}, {"date_edtf": "99999-01-01"}, {"fact_status": "alleged"},
     {"date_sort": 1}, {"title": "x" * 999_999}, {"title": "a\ud800b"}],
)  # fmt: skip
def test_a_received_row_that_breaks_a_rule_is_refused(changes: dict[str, object]) -> None:
    from desktop.sync.bundle import BundleRejected
    from desktop.sync.versions import VersionChecker

    checker = VersionChecker()
    assert checker.check({"t": "events", "r": event_row()})[0] == "events"
    with pytest.raises(BundleRejected):
        checker.check({"t": "events", "r": event_row(**changes)})


def test_a_row_of_an_older_version_reads_with_the_columns_it_lacks_empty() -> None:
    from desktop.sync.bundle import BundleRejected
    from desktop.sync.versions import VersionChecker

    checker = VersionChecker()
    old = event_row()
    for late in ("text_lang", "title_alt", "description_alt", "date_note"):
        del old[late]
    table, row = checker.check({"t": "events", "r": old})
    assert (table, row["title_alt"], row["text_lang"], row["date_note"]) == ("events", "", "", "")
    with pytest.raises(BundleRejected):  # only the columns added later may be missing
        checker.check({"t": "events", "r": {k: v for k, v in old.items() if k != "place"}})
    with pytest.raises(BundleRejected):  # and a language must be one Dossier knows
        checker.check({"t": "events", "r": event_row(text_lang="de")})


# ---- the one-pass check of a usual row decides as the value-by-value rules do -----------------
odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**63), 2**63), st.sampled_from([0, 1, 1.0, 2**62]),
    st.text(max_size=40), st.sampled_from(["a\x00b", "a\ud800b", "Кузнецов\udc00", "x" * 37,
                                           "y" * 501, "z" * 200_001, "2009-11-16", "Ёлка"]),
)  # fmt: skip


@given(changes=st.dictionaries(st.sampled_from(sorted(event_row())), odd_values, max_size=3))
def test_the_quick_check_of_a_row_agrees_with_the_rules_one_by_one(
    changes: dict[str, object],
) -> None:
    from desktop.core.rules import row_problems
    from desktop.sync.bundle import BundleRejected
    from desktop.sync.versions import VersionChecker

    checker = VersionChecker()
    row = event_row(**changes)
    rules = checker._rules["events"]
    slow = rules.allow(row) and consistent(row) and not row_problems("events", row)
    if rules.sound(row):  # the quick pass vouches for types, lengths and text
        assert rules.allow(row)
        assert row_problems("events", row) == row_problems("events", row, texts_checked=True)
    try:
        checker.check({"t": "events", "r": row})
        accepted = True
    except BundleRejected:
        accepted = False
    assert accepted is slow
