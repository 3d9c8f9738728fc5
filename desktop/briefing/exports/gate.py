"""The export leak gate: each finished file is read back, as its reader would read it,
and searched for every protected form of every protected person.

Redaction (`content.py`) is the means, this gate the guarantee, as for packs
(`briefing.leakgate`): it reads the bytes that would be written, so it also catches what
redaction never saw (a label a format adds, a value a future field brings in). Each file
is read in every way a tool may: the raw text, and then as its format decodes it, since
an escape or a line fold can split a name in the raw bytes: iCalendar is unfolded and
unescaped, JSON parsed, CSV split into cells, HTML entities decoded, and zip containers
(XLSX, a zip of CSV files) opened member by member. Any hit refuses the whole export.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from desktop.briefing.leakgate import Finder, check_summary, leaks_listed
from desktop.errors import KnownError

MAX_MEMBER_BYTES: Final = 512 * 1024 * 1024  # our own zips; a guard against a bug, not input
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_ICS_ESCAPE = re.compile(r"\\([\\;,nN])")


@dataclass(frozen=True, order=True)
class ExportLeak:
    """A protected form found in the export, as written there, and in which file."""

    file: str
    form: str

    def describe(self) -> str:
        return f"«{self.form}» ({self.file})"


@dataclass(frozen=True)
class ExportCheck:
    """What the gate searched for and found: the line the CLI prints."""

    forms: int
    people: int
    leaks: tuple[ExportLeak, ...] = ()

    def summary(self) -> str:
        return check_summary(self.forms, self.people, len(self.leaks))


class ExportRefused(KnownError):
    """An export still shows a protected name: nothing is written, and this says where."""

    exit_code = 3

    def __init__(self, check: ExportCheck) -> None:
        listed = leaks_listed([leak.describe() for leak in check.leaks])
        super().__init__(
            "The export was not written: a protected name is still in it: {listed}.",
            listed=listed,
        )
        self.check = check


def check_export(
    files: Sequence[tuple[str, bytes]], finder: Finder, forms: int, people: int
) -> ExportCheck:
    """Search every file; raise `ExportRefused` if any protected form is in any of them."""
    if not forms:
        return ExportCheck(0, people)
    leaks: set[ExportLeak] = set()
    for name, data in files:
        for text in file_texts(name, data):
            for hit in finder.find(text):
                written = " ".join(text[hit.start : hit.end].split()) or hit.form
                leaks.add(ExportLeak(name, written))
    check = ExportCheck(forms, people, tuple(sorted(leaks)))
    if check.leaks:
        raise ExportRefused(check)
    return check


def file_texts(name: str, data: bytes) -> Iterator[str]:
    """Every reading of one file's bytes a tool may make (see the module's docstring)."""
    lower = name.lower()
    if lower.endswith((".xlsx", ".zip")) or data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in sorted(archive.infolist(), key=lambda m: m.filename):
                if member.file_size > MAX_MEMBER_BYTES:
                    raise KnownError("An export member is too large to check.")
                yield member.filename
                yield from file_texts(member.filename, archive.read(member))
        return
    text = data.decode("utf-8-sig", errors="replace")
    yield text
    yield html.unescape(text)
    if lower.endswith(".ics"):
        unfolded = _ICS_FOLD.sub("", text)
        yield _ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), unfolded)
    elif lower.endswith((".json", ".jsonl")):
        yield "\n".join(_json_strings(text))
    elif lower.endswith(".csv"):
        yield "\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row)


def _json_strings(text: str) -> Iterator[str]:
    """The strings of one JSON document, or of each line of JSON lines."""
    try:
        yield from _strings(json.loads(text))
        return
    except ValueError:
        pass
    for line in text.splitlines():
        try:
            value = json.loads(line)
        except ValueError:
            continue  # the raw reading above still covers this line
        yield from _strings(value)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield html.unescape(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
