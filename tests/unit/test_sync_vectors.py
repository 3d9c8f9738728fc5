"""Version vectors and the multi-value merge of one record's versions."""

from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.clock import HlcStamp
from desktop.core.vectors import (
    DivergentVersionError,
    Dot,
    Ordering,
    Version,
    VersionVector,
    compare,
    merge_siblings,
    merge_version,
    superseding_vector,
    winner,
)

A, B, C = "device-a", "device-b", "device-c"


def vv(**counters: int) -> VersionVector:
    return VersionVector({f"device-{k}": v for k, v in counters.items()})


def version(
    device: str,
    counter: int,
    vector: VersionVector,
    wall: int,
    *,
    deleted: bool = False,
    payload: dict[str, str] | None = None,
) -> Version:
    return Version(Dot(device, counter), vector, HlcStamp(wall, 0, device), deleted, payload or {})


def test_compare_covers_all_four_orderings() -> None:
    assert compare(vv(a=1), vv(a=2)) is Ordering.BEFORE
    assert compare(vv(a=2, b=1), vv(a=2)) is Ordering.AFTER
    assert compare(vv(a=1), VersionVector({A: 1, B: 0})) is Ordering.EQUAL
    assert compare(vv(a=1), vv(b=1)) is Ordering.CONCURRENT


def test_vector_operations() -> None:
    merged = vv(a=3, b=1).merge(vv(b=4, c=2))
    assert merged == vv(a=3, b=4, c=2)
    assert merged.dominates(vv(a=3)) and not vv(a=3).dominates(merged)
    assert vv(a=1).increment(B) == vv(a=1, b=1)
    assert vv(a=1).covers(Dot(A, 1)) and not vv(a=1).covers(Dot(A, 2))


def test_canonical_json_is_sorted_without_spaces_and_round_trips() -> None:
    vector = VersionVector({"z": 2, "a": 10, "m": 0})
    assert vector.to_json() == '{"a":10,"z":2}'
    assert VersionVector.from_json(vector.to_json()) == vector
    with pytest.raises(ValueError):
        VersionVector.from_json('{"a":-1}')
    with pytest.raises(ValueError):
        VersionVector.from_json("[1]")


def test_a_later_edit_replaces_the_one_it_saw() -> None:
    first = version(A, 1, vv(a=1), 10, payload={"title": "draft"})
    second = version(B, 1, vv(a=1, b=1), 20, payload={"title": "final"})
    assert merge_version([first], second) == (second,)
    assert merge_version([second], first) == (second,)


def test_concurrent_edits_are_both_kept_and_the_winner_is_the_newest() -> None:
    base = version(A, 1, vv(a=1), 10)
    on_a = version(A, 2, vv(a=2), 30, payload={"title": "A"})
    on_b = version(B, 1, vv(a=1, b=1), 20, payload={"title": "B"})
    siblings = merge_siblings(merge_siblings([base], [on_a]), [on_b])
    assert siblings == (on_a, on_b)
    assert winner(siblings) is on_a


def test_a_delete_that_follows_an_edit_wins() -> None:
    edit = version(A, 1, vv(a=1), 10, payload={"title": "x"})
    delete = version(B, 1, vv(a=1, b=1), 20, deleted=True)
    assert merge_version([edit], delete) == (delete,)


def test_an_edit_concurrent_with_a_delete_keeps_both_and_shows_the_edit() -> None:
    base = version(A, 1, vv(a=1), 10)
    delete = version(B, 1, vv(a=1, b=1), 50, deleted=True)
    edit = version(A, 2, vv(a=2), 20, payload={"title": "kept"})
    siblings = merge_siblings([base], [delete, edit])
    assert set(siblings) == {delete, edit}
    assert winner(siblings) is edit


def test_resolving_supersedes_every_sibling() -> None:
    on_a = version(A, 2, vv(a=2), 30)
    on_b = version(B, 1, vv(a=1, b=1), 20)
    resolved_vector = superseding_vector([on_a, on_b], Dot(C, 1))
    resolved = version(C, 1, resolved_vector, 40, payload={"title": "merged"})
    assert merge_siblings([on_a, on_b], [resolved]) == (resolved,)


def test_the_same_dot_with_different_content_is_refused() -> None:
    one = version(A, 1, vv(a=1), 10, payload={"title": "one"})
    other = version(A, 1, vv(a=1), 10, payload={"title": "other"})
    with pytest.raises(DivergentVersionError, match="same version number"):
        merge_version([one], other)


# --- properties: simulated devices produce causally consistent histories -------------


@st.composite
def histories(draw: st.DrawFn) -> list[Version]:
    """Versions of one record made by 3 devices that sometimes exchange what they have."""
    devices = [A, B, C]
    known: dict[str, list[Version]] = {d: [] for d in devices}
    counters = dict.fromkeys(devices, 0)
    made: list[Version] = []
    for step in range(draw(st.integers(1, 12))):
        device = draw(st.sampled_from(devices))
        if draw(st.booleans()) and made:  # receive some versions first
            for v in draw(st.lists(st.sampled_from(made), max_size=4)):
                known[device] = list(merge_version(known[device], v))
        counters[device] += 1
        dot = Dot(device, counters[device])
        vector = superseding_vector(known[device], dot)
        new = Version(
            dot,
            vector,
            HlcStamp(draw(st.integers(0, 50)), step, device),
            deleted=draw(st.booleans()),
            payload={"step": step},
        )
        known[device] = list(merge_version(known[device], new))
        made.append(new)
    return made


def deliver(versions: list[Version]) -> tuple[Version, ...]:
    siblings: tuple[Version, ...] = ()
    for v in versions:
        siblings = merge_version(siblings, v)
    return siblings


@settings(max_examples=200)
@given(histories(), st.randoms(use_true_random=False))
def test_delivery_order_and_duplicates_do_not_matter(made: list[Version], rnd: Random) -> None:
    shuffled = made + rnd.sample(made, k=min(3, len(made)))
    rnd.shuffle(shuffled)
    assert deliver(shuffled) == deliver(made)


@settings(max_examples=200)
@given(histories(), st.data())
def test_merge_of_sibling_sets_is_commutative_associative_idempotent(
    made: list[Version], data: st.DataObject
) -> None:
    parts = [deliver(data.draw(st.lists(st.sampled_from(made), max_size=6))) for _ in range(3)]
    x, y, z = parts
    assert merge_siblings(x, y) == merge_siblings(y, x)
    assert merge_siblings(merge_siblings(x, y), z) == merge_siblings(x, merge_siblings(y, z))
    assert merge_siblings(x, x) == tuple(sorted(x, key=lambda v: v.dot))


@settings(max_examples=200)
@given(histories())
def test_no_version_is_lost_unless_a_later_version_saw_it(made: list[Version]) -> None:
    siblings = deliver(made)
    for v in made:
        kept = v in siblings
        superseded = any(o.dot != v.dot and o.vector.covers(v.dot) for o in made)
        assert kept != superseded
    assert winner(siblings) in siblings
