"""`export-json` / `import-json`: the vault's whole logical content as canonical JSON.

Canonical means stable: tables in a fixed order, rows sorted by id, keys sorted, one
formatting. Two vaults that hold the same records export identical bytes, which is what
backups, interop and the sync tests rely on. The audit log and device state belong to an
installation, not to the case, and are not exported.

Import treats the file as hostile: size cap, strict types per column, no unknown or
missing keys, no duplicate ids, then the meaning of every row (`core.rules`: dates,
vocabularies, lengths, valid text) and every reference (within the file or this vault).
A refusal names the first `MAX_LISTED` problems by table, id and field; nothing is
written unless everything passes, and then all of it in one transaction.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Table

from desktop.core.filenames import safe_file_name
from desktop.core.rules import CITABLE_KINDS, Problem, row_problems
from desktop.errors import KnownError
from desktop.store import audit
from desktop.store.idlist import among
from desktop.store.indexing import rebuild
from desktop.store.models import SYNCED_MODELS, Blob, with_late_columns
from desktop.store.models.sync import ConflictSibling
from desktop.store.stamping import vv_parse
from desktop.store.store import Store

FORMAT = "dossier-export"
VERSION = 1
MAX_IMPORT_BYTES = 2 * 1024**3
MAX_TEXT_CHARS = 1_000_000


MAX_LISTED = 20


class ImportRefused(KnownError):
    """An export this vault will not take; `problems` lists the first rows at fault."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = (), **params: object) -> None:
        super().__init__(message, **params)
        self.problems = problems


def _refuse(problems: list[Problem], total: int) -> ImportRefused:
    shown = problems[:MAX_LISTED]
    if total > len(shown):
        return ImportRefused(
            "Nothing was imported: {total} record field(s) break Dossier's rules ({total} in "
            "all; the first {listed} are listed); the first is {shown}.",
            tuple(shown),
            total=total,
            listed=len(shown),
            shown=shown[0],
        )
    return ImportRefused(
        "Nothing was imported: {total} record field(s) break Dossier's rules; the first is "
        "{shown}.",
        tuple(shown),
        total=total,
        shown=shown[0],
    )


class _Problems:
    """Problems found so far: all counted, the first `MAX_LISTED` kept."""

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.total = 0

    def add(self, found: list[Problem]) -> None:
        self.total += len(found)
        self.kept += found[: max(0, MAX_LISTED - len(self.kept))]

    def raise_any(self) -> None:
        if self.total:
            raise _refuse(self.kept, self.total)


def _tables() -> list[Table]:
    """Synced tables in insert-safe order, then the conflict siblings sync keeps beside them."""
    synced = [model.__table__ for model in SYNCED_MODELS]
    return [*synced, ConflictSibling.__table__]  # type: ignore[list-item]


def export_document(store: Store) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.reading() as s:
        for table in _tables():
            rows = s.execute(select(table).order_by(table.c.id)).mappings()
            tables[table.name] = [dict(r) for r in rows]
        blobs = [
            {"sha256": b.sha256, "size": b.size, "data": base64.b64encode(b.data).decode()}
            for b in s.execute(select(Blob).order_by(Blob.sha256)).scalars()
        ]
    return {"format": FORMAT, "version": VERSION, "tables": tables, "blobs": blobs}


def canonical_bytes(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def export_json(store: Store) -> bytes:
    return canonical_bytes(export_document(store))


# ---- import -------------------------------------------------------------------------------
def _check_value(table: Table, column_name: str, value: Any, where: str) -> None:
    column = table.c[column_name]
    if value is None:
        if not column.nullable:
            raise ImportRefused(
                "{where}: {column_name} must not be empty.", where=where, column_name=column_name
            )
        return
    kind = column.type
    if isinstance(kind, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62
    elif isinstance(kind, String | Text):
        limit = getattr(kind, "length", None) or MAX_TEXT_CHARS
        ok = isinstance(value, str) and len(value) <= limit
    else:
        ok = False
    if not ok:
        raise ImportRefused(
            "{where}: {column_name} has the wrong type or is too long.",
            where=where,
            column_name=column_name,
        )


def _check_row(table: Table, row: Any, index: int) -> dict[str, Any]:
    where = f"{table.name} row {index + 1}"
    if not isinstance(row, dict):
        raise ImportRefused("{where} is not an object.", where=where)
    expected = set(table.c.keys())
    row = with_late_columns(table.name, row, expected)  # an export of an older version
    if set(row) != expected:
        missing, extra = expected - set(row), set(row) - expected
        shown = [n if n.isascii() and n.isidentifier() else "?" for n in sorted(extra)[:3]]
        detail = f"missing {sorted(missing)[:5]}" if missing else f"unknown {shown}"
        raise ImportRefused("{where} has the wrong fields ({detail}).", where=where, detail=detail)
    for name in expected:
        _check_value(table, name, row[name], where)
    try:
        vv_parse(row["vv"])
    except (ValueError, TypeError, AttributeError):
        raise ImportRefused("{where}: vv is not a version vector.", where=where) from None
    return dict(row)


def _check_blob(raw: Any, index: int) -> dict[str, Any]:
    where = f"blob {index + 1}"
    if not isinstance(raw, dict) or set(raw) != {"sha256", "size", "data"}:
        raise ImportRefused("{where} has the wrong fields.", where=where)
    if not isinstance(raw["data"], str) or not isinstance(raw["sha256"], str):
        raise ImportRefused("{where} has the wrong type.", where=where)
    try:
        data = base64.b64decode(raw["data"], validate=True)
    except (binascii.Error, ValueError):
        raise ImportRefused("{where} is not valid base64.", where=where) from None
    if hashlib.sha256(data).hexdigest() != raw["sha256"] or raw["size"] != len(data):
        raise ImportRefused("{where} does not match its SHA-256 or size.", where=where)
    return {"sha256": raw["sha256"], "size": len(data), "data": data}


def parse_document(raw: bytes) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRefused("That file is too large to import.")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ImportRefused("That file is not valid JSON.") from None
    except RecursionError:  # "[[[[…": nesting no export has
        raise ImportRefused("That file is nested too deeply to be a Dossier export.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused("That file is not a Dossier export.")
    if doc.get("version") != VERSION:
        raise ImportRefused("That export was written by another version of Dossier.")
    if set(doc) != {"format", "version", "tables", "blobs"}:
        raise ImportRefused("That export has unexpected top-level fields.")
    tables_raw, blobs_raw = doc["tables"], doc["blobs"]
    if not isinstance(tables_raw, dict) or not isinstance(blobs_raw, list):
        raise ImportRefused("That export is malformed (tables or blobs).")
    known = {t.name: t for t in _tables()}
    unknown = set(tables_raw) - set(known)
    if unknown:
        raise ImportRefused("That export has tables this version does not know.")
    tables: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for name, table in known.items():
        rows = tables_raw.get(name, [])
        if not isinstance(rows, list):
            raise ImportRefused("{name} is not a list.", name=name)
        checked = [_check_row(table, row, i) for i, row in enumerate(rows)]
        for row in checked:
            if row["id"] in seen:
                raise ImportRefused(
                    "{name}: the id {record_id} appears twice.", name=name, record_id=row["id"][:36]
                )
            seen.add(row["id"])
        tables[name] = checked
    for row in tables.get("attachments", []):  # a name that is a path or hides its type
        if isinstance(row.get("file_name"), str):
            row["file_name"] = safe_file_name(row["file_name"])
    problems = _Problems()
    for name, rows in tables.items():
        for row in rows:
            problems.add(row_problems(name, row))
    problems.raise_any()
    blobs = [_check_blob(b, i) for i, b in enumerate(blobs_raw)]
    if len({b["sha256"] for b in blobs}) != len(blobs):
        raise ImportRefused("A blob appears twice in that export.")
    return tables, blobs


def _references(table: Table) -> list[tuple[str, Table | None]]:
    """(column, referenced table) of every reference in `table`; None: chosen by target_kind."""
    found: list[tuple[str, Table | None]] = [
        (fk.parent.name, fk.column.table) for fk in table.foreign_keys
    ]
    if table.name == "citations":
        found.append(("target_id", None))
    return found


def _missing_references(
    s: Any, tables: dict[str, list[dict[str, Any]]], blobs: list[dict[str, Any]]
) -> list[Problem]:
    """Rows referring to a record neither in the export nor in this vault."""
    known = {t.name: t for t in _tables()}
    citable = {kind: f"{kind}s" for kind in CITABLE_KINDS}
    present: dict[str, set[str]] = {name: {r["id"] for r in rows} for name, rows in tables.items()}
    present["blobs"] = {b["sha256"] for b in blobs}
    wanted: dict[str, set[str]] = {}
    pending: list[tuple[str, dict[str, Any], str, str]] = []
    for name, rows in tables.items():
        for column, target in _references(known[name]):
            for row in rows:
                value = row[column]
                if value is None:
                    continue
                goal = target.name if target is not None else citable.get(row["target_kind"], "")
                if goal and value not in present.get(goal, ()):
                    wanted.setdefault(goal, set()).add(value)
                    pending.append((name, row, column, goal))
    held: dict[str, set[str]] = {}
    for goal, ids in wanted.items():
        key = Blob.__table__.c.sha256 if goal == "blobs" else known[goal].c.id
        held[goal] = set(s.execute(select(key).where(among(key, sorted(ids)))).scalars())
    return [
        Problem(name, row["id"], column, "refers to a record neither in the file nor here")
        for name, row, column, goal in pending
        if row[column] not in held[goal]
    ]


def _audit_import(
    session: Session, tables: dict[str, list[dict[str, Any]]], summary: audit.Draft
) -> None:
    """One entry for the import, then one per record, hashing each row as stored."""
    known = {t.name: t for t in _tables()}
    drafts = [summary]
    for name, rows in tables.items():
        table = known[name]
        stored = list(_stored_rows(session, table, [r["id"] for r in rows]))
        drafts += audit.record_drafts(table, stored, summary)
    audit.append_many(session, drafts)


def _stored_rows(session: Session, table: Table, ids: list[str]) -> Iterator[Any]:
    for start in range(0, len(ids), 5000):
        query = select(table).where(among(table.c.id, ids[start : start + 5000]))
        yield from session.execute(query).mappings()


def import_json(store: Store, raw: bytes) -> int:
    """Add every record of an export to this vault; returns the number of records added."""
    tables, blobs = parse_document(raw)
    known = {t.name: t for t in _tables()}
    total = 0
    try:
        with store.writing() as w:
            s = w.session
            problems = _Problems()
            problems.add(_missing_references(s, tables, blobs))
            problems.raise_any()
            for name, rows in tables.items():
                if not rows:
                    continue
                table = known[name]
                ids = [r["id"] for r in rows]
                if s.execute(select(table.c.id).where(among(table.c.id, ids))).first():
                    raise ImportRefused(
                        "This vault already holds records of that export ({name}).", name=name
                    )
                s.execute(insert(table), rows)
                total += len(rows)
            for blob in blobs:
                if s.get(Blob, blob["sha256"]) is None:
                    s.execute(insert(Blob.__table__), [blob])  # type: ignore[arg-type]
            s.flush()
            stamp = w.stamper.next()
            _audit_import(s, tables, audit.Draft(stamp.at, stamp.device, w.actor, "import",
                                                 "vault", f"{total} records"))  # fmt: skip
            rebuild(s)
    except IntegrityError:
        raise ImportRefused(
            "That export refers to records it does not contain; nothing was imported."
        ) from None
    return total
