"""Spreadsheet import: a dry run that reports every row, and the import itself.

`preview` plans the import in a read session and writes nothing. `run` plans again inside
the write transaction (so nothing changes between the check and the write) and, when a
row is refused, writes nothing unless `valid_rows` asks for the rows that pass; every
record goes through the `ChangeWriter` as an editor's would (sync metadata, search index,
one audit entry per record), plus one audit entry naming the import. The result lists
the records it created, so the app can undo the whole import as one step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.sheetcolumns import SheetName
from desktop.errors import KnownError
from desktop.services.sheetfiles import Sheet, read_sheets
from desktop.services.sheetplan import MODELS, Outcome, Planned, Planner, RowReport, Writing
from desktop.services.sheetwrite import NewRows, set_deleted_many
from desktop.store import audit
from desktop.store.changes import ChangeWriter
from desktop.store.models import Case
from desktop.store.store import Store

Progress = Callable[[int, int], None]
_TABLES = {model.__tablename__: model for model in MODELS.values()}
TABLE_ORDER = [
    "tags", "sources", "persons", "events", "event_participants", "citations", "tag_links",
    "complaints", "complaint_targets",
]  # fmt: skip


@dataclass(frozen=True)
class SheetReport:
    rows: tuple[RowReport, ...]
    created: tuple[tuple[str, str], ...] = ()  # (table, id) of records made or brought back
    written: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def refused(self) -> tuple[RowReport, ...]:
        return tuple(r for r in self.rows if r.outcome is Outcome.REFUSED)

    def summary(self) -> str:
        """ "3 new, 27 unchanged, 1 refused": matched rows count as unchanged (nothing is
        written for them) and are named apart."""
        new, matched = self.count(Outcome.NEW), self.count(Outcome.MATCHED)
        unchanged = self.count(Outcome.UNCHANGED) + matched
        text = f"{new} new, {unchanged} unchanged, {self.count(Outcome.REFUSED)} refused"
        if matched:
            text += f" ({matched} matched to records already in the case)"
        return text

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "new": self.count(Outcome.NEW),
            "matched": self.count(Outcome.MATCHED),
            "unchanged": self.count(Outcome.UNCHANGED),
            "refused": self.count(Outcome.REFUSED),
            "rows": [
                {
                    "sheet": r.sheet,
                    "row": r.row,
                    "outcome": r.outcome.value,
                    "label": r.label,
                    "detail": r.detail,
                }
                for r in self.rows
            ],
        }


class RowsRefused(KnownError):
    """A real run with refused rows and no leave to skip them: nothing was written."""

    def __init__(self, report: SheetReport) -> None:
        count = len(report.refused)
        first = report.refused[0]
        super().__init__(
            "Nothing was imported: {count} row(s) refused, the first {sheet} row {row}. "
            "Correct them, or import only the valid rows.",
            count=count,
            sheet=first.sheet,
            row=first.row,
        )
        self.report = report


class SheetImport:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def read(
        paths: Iterable[Path], mapping: Mapping[str, str] | None = None
    ) -> dict[SheetName, Sheet]:
        return read_sheets(paths, mapping)

    def _check_case(self, session: Session, case_id: str) -> None:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            raise KnownError("That case no longer exists; nothing was imported.")

    def preview(self, case_id: str, sheets: Mapping[SheetName, Sheet]) -> SheetReport:
        with self.store.reading() as s:
            self._check_case(s, case_id)
            planned = Planner(s, case_id).plan(sheets)
        return SheetReport(tuple(p.report for p in planned))

    def run(
        self,
        case_id: str,
        sheets: Mapping[SheetName, Sheet],
        *,
        valid_rows: bool = False,
        progress: Progress | None = None,
    ) -> SheetReport:
        with self.store.writing() as w:
            self._check_case(w.session, case_id)
            planned = Planner(w.session, case_id).plan(sheets)
            report = SheetReport(tuple(p.report for p in planned))
            if report.refused and not valid_rows:
                raise RowsRefused(report)
            kept = [p for p in planned if p.report.outcome is Outcome.NEW]
            created = self._write(w, kept, progress)
            if created:
                stamp = w.next_stamp()
                # As import-json's: about the vault, not a record (no content to hash).
                summary = audit.Draft(stamp.at, stamp.device, w.actor, "import", "vault",
                                      f"spreadsheet: {len(kept)} rows")  # fmt: skip
                audit.append_many(w.session, [summary])
        return SheetReport(report.rows, created, written=True)

    @staticmethod
    def _write(
        w: ChangeWriter, kept: list[Planned], progress: Progress | None
    ) -> tuple[tuple[str, str], ...]:
        created: list[tuple[str, str]] = []
        writing = Writing(w, NewRows(w))
        total = len(kept)
        for done, plan in enumerate(kept, start=1):
            for step in plan.steps:
                step(writing)
            created += plan.made
            if progress is not None and (done % 25 == 0 or done == total):
                progress(done, total)
        writing.rows.flush(TABLE_ORDER.index)
        return tuple(dict.fromkeys(created))

    # ---- undo and redo of a whole import -------------------------------------------------------
    def take_back(self, created: Iterable[tuple[str, str]]) -> None:
        """Delete what an import created (undo), in one transaction."""
        self._set_deleted(created, deleted=True)

    def bring_back(self, created: Iterable[tuple[str, str]]) -> None:
        """Restore what `take_back` deleted (redo)."""
        self._set_deleted(created, deleted=False)

    def _set_deleted(self, created: Iterable[tuple[str, str]], *, deleted: bool) -> None:
        by_table: dict[str, list[str]] = {}
        for table, record_id in created:
            by_table.setdefault(table, []).append(record_id)
        with self.store.writing() as w:
            for table, ids in by_table.items():
                set_deleted_many(w, _TABLES[table], ids, deleted)
