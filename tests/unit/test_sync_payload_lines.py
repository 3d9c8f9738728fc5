"""The payload of a bundle is read as exactly one JSON object per line."""

from __future__ import annotations

import pytest

from desktop.sync.bundle import BundleRejected, Reason
from desktop.sync.bundle_read import _parse_records


def test_each_line_is_one_record_in_order() -> None:
    payload = '{"t":"cases","r":{"id":"1"}}\n{"t":"events","r":{"title":"Арест"}}\n'.encode()
    assert _parse_records(payload, 2) == (
        {"t": "cases", "r": {"id": "1"}},
        {"t": "events", "r": {"title": "Арест"}},
    )
    assert _parse_records(b"", 0) == ()


@pytest.mark.parametrize(
    "payload",
    [
        b'{"a":1}{"b":2}\n',  # two objects on one line
        b'{"a":1},{"b":2}\n',
        b'{"a":[1\n2]}\n',  # one object across two lines
        b'{"a":1}\n\n',  # an empty line
        b' {"a":1}\n',  # whitespace the writer never puts
        b"[1]\n",  # not an object
        b'"text"\n',
        b'{"a":1}',  # no final newline
        b'{"a":"\xff"}\n',  # not UTF-8
        b'{"a":1\n',  # cut short
    ],
)
def test_anything_else_is_refused_as_unreadable(payload: bytes) -> None:
    with pytest.raises(BundleRejected) as refused:
        _parse_records(payload, 1)
    assert refused.value.reason is Reason.BAD_PAYLOAD
    assert "not readable" in str(refused.value)


def test_a_count_other_than_the_manifests_is_refused() -> None:
    with pytest.raises(BundleRejected, match="record count does not match"):
        _parse_records(b'{"a":1}\n{"b":2}\n', 3)


def test_a_line_nested_too_deeply_is_refused_not_a_crash() -> None:
    deep = b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    with pytest.raises(BundleRejected) as refused:
        _parse_records(deep, 1)
    assert refused.value.reason is Reason.BAD_PAYLOAD
