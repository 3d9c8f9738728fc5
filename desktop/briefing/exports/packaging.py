"""Deterministic zip files: the same members give the same bytes, whenever written.

Zip members carry a modification time; libraries (openpyxl among them) stamp the
current time. Exports are hashed like packs, so every member gets one fixed time and a
fixed mode, and members keep the order they were given.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from typing import Final

FIXED_TIME: Final = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


def zipped(files: Iterable[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files:
            member = zipfile.ZipInfo(name, FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            archive.writestr(member, data, compresslevel=9)
    return out.getvalue()


def normalised_zip(data: bytes, replace: Mapping[str, bytes] | None = None) -> bytes:
    """The same archive with fixed member times (for files other libraries zipped), and
    the members named in `replace` given those bytes instead."""
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [
            (m.filename, replace.get(m.filename) or archive.read(m)) for m in archive.infolist()
        ]
    return zipped(members)
