"""Exports of a case for other tools, through the briefing pack's selection, redaction and
a leak gate; written atomically, each file's SHA-256 reported.

`build` gathers the case as a pack would (`BriefingService.snapshot`), keeps and redacts
what the options let leave (`briefing.exports.content`), renders the format, and for a
`counsel` or `public` export reads every file back for protected names
(`briefing.exports.gate`): a hit raises `ExportRefused` and no `Export` exists, so
nothing can be written. `write` then puts the files where the user asked.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.briefing.exports.content import ExportContent, export_content
from desktop.briefing.exports.formats import (
    FORMATS,
    SEVERAL_FILES,
    ExportFiles,
    ExportSettings,
    render,
)
from desktop.briefing.exports.gate import ExportCheck, check_export
from desktop.briefing.exports.packaging import zipped
from desktop.briefing.model import BriefingOptions
from desktop.briefing.redaction import ProtectedNames
from desktop.briefing.selection import protected_names
from desktop.durable import write_atomically
from desktop.errors import KnownError, SystemReason
from desktop.services.briefs import BriefingService
from desktop.store.models import Event, Tag, TagLink
from desktop.store.store import Store

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Export:
    format: str
    files: tuple[tuple[str, bytes], ...]
    content: ExportContent
    check: ExportCheck | None = None  # set for counsel and public exports

    @property
    def several(self) -> bool:
        return self.format in SEVERAL_FILES


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    sha256: str
    size: int


def _nothing(_fraction: float) -> None:
    return None


class ExportService:
    def __init__(self, store: Store, briefs: BriefingService) -> None:
        self.store = store
        self.briefs = briefs

    def event_tags(self, case_id: str) -> dict[str, list[str]]:
        """The names of each event's tags, by event id."""
        with self.store.reading() as s:
            rows = s.execute(
                select(TagLink.target_id, Tag.name)
                .join(Tag, Tag.id == TagLink.tag_id)
                .join(Event, Event.id == TagLink.target_id)
                .where(
                    Tag.case_id == case_id,
                    Tag.deleted.is_(False),
                    TagLink.deleted.is_(False),
                    TagLink.target_kind == "event",
                )
            ).all()
        found: dict[str, list[str]] = defaultdict(list)
        for event_id, name in rows:
            found[event_id].append(name)
        return found

    def build(
        self,
        case_id: str,
        fmt: str,
        options: BriefingOptions,
        settings: ExportSettings | None = None,
        progress: Progress | None = None,
        *,
        redact_with: ProtectedNames | None = None,
    ) -> Export:
        """The export's files, checked by the gate for redacted profiles; `ExportRefused`
        when a protected name is in one. `redact_with` weakens redaction in tests only."""
        if fmt not in FORMATS:
            raise KnownError(
                "Unknown export format; choose from {listed}.", listed=", ".join(FORMATS)
            )
        report = progress or _nothing
        report(0.0)
        snapshot = self.briefs.snapshot(case_id)
        names = protected_names(snapshot, options)
        report(0.3)
        content = export_content(snapshot, options, self.event_tags(case_id), redact_with or names)
        report(0.5)
        files: ExportFiles = render(fmt, content, settings or ExportSettings())
        report(0.8)
        check = None
        if options.redaction != "internal":
            check = check_export(files, names.finder, len(names.forms), names.people)
        report(1.0)
        return Export(fmt, tuple(files), content, check)

    @staticmethod
    def check_target(fmt: str, out: Path) -> None:
        """Refuse an output path before the work: a missing folder (a typo must not create
        folders), a folder where a file goes, a file where a folder goes."""
        out = Path(out)
        if not out.parent.is_dir():
            raise KnownError(
                "The folder {parent} does not exist; create it first.", parent=out.parent
            )
        if fmt in SEVERAL_FILES and out.suffix.lower() != ".zip":
            if out.exists() and not out.is_dir():
                raise KnownError(
                    "{out} is a file; {fmt} writes a folder (or give a .zip).", out=out, fmt=fmt
                )
        elif out.is_dir():
            raise KnownError(
                "{out} is a folder; give a file name such as {example}.",
                out=out,
                example=out / FORMATS[fmt],
            )

    def write(self, export: Export, out: Path, *, private: bool = True) -> list[WrittenFile]:
        """Write the export: one file to `out`; several to a folder `out`, or one zip when
        `out` ends in `.zip`. Each file is written atomically."""
        out = Path(out)
        self.check_target(export.format, out)
        if export.several and out.suffix.lower() != ".zip":
            return self._write_folder(export, out, private)
        data = zipped(export.files) if export.several else export.files[0][1]
        return [self._write_one(out, data, private)]

    def _write_folder(self, export: Export, out: Path, private: bool) -> list[WrittenFile]:
        try:
            out.mkdir(mode=0o700 if private else 0o755, exist_ok=True)
        except OSError as exc:
            raise KnownError(
                "Cannot create the folder {out}: {reason}.", out=out, reason=SystemReason.of(exc)
            ) from None
        return [self._write_one(out / name, data, private) for name, data in export.files]

    @staticmethod
    def _write_one(target: Path, data: bytes, private: bool) -> WrittenFile:
        try:
            write_atomically(target, data, private=private)
        except OSError as exc:
            raise KnownError(
                "Cannot write {target}: {reason}.", target=target, reason=SystemReason.of(exc)
            ) from None
        return WrittenFile(target, hashlib.sha256(data).hexdigest(), len(data))
