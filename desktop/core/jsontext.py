"""JSON from outside the process (bundles, pairing files, stored rows another device wrote).

`json.loads` raises `RecursionError`, not `ValueError`, for deeply nested input such as
`[[[[…`; code that turns `ValueError` into a plain refusal would let that one escape as a
traceback. `loads` reports it as the `ValueError` it is.
"""

from __future__ import annotations

import json
from typing import Any


def loads(text: str | bytes) -> Any:
    """Parse JSON; `ValueError` for anything unreadable, nesting too deep included."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def loads_prefix(decoder: json.JSONDecoder, text: str, position: int) -> tuple[Any, int]:
    """`decoder.raw_decode` with the same promise as `loads`.

    It calls the decoder's scanner itself, as `raw_decode` does, one Python call fewer
    per value: a bundle's payload is read with one call per record."""
    try:
        return decoder.scan_once(text, position)  # type: ignore[attr-defined]
    except StopIteration:  # no JSON value starts there
        raise ValueError("Expecting value") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
