"""A damaged vault: what is damaged, what can still be read, and copying that out.

`inspect` reads the database page by page with the data key (never opening it through
SQLCipher, which refuses a whole query for one bad page and the whole file for a bad
first page), names each damaged page's table or index, and counts per table the
records that read and those lost, by id where the table's primary-key index survives.

`salvage` copies every record that reads into a new, empty vault (its own new data key,
passphrase and recovery key: the damaged vault is left exactly as it was). Records
that refer to a lost record are kept where they can be: an event whose case was lost
goes into a placeholder case named as such; a link whose either end was lost is dropped
and listed. The search index is rebuilt and the salvage itself is logged in the audit
chain. The copy is a new installation: it takes a new device id and must be paired again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.crypto.keystore import PASSPHRASE, KeystoreDamaged, passphrase_kek
from desktop.errors import KnownError, SystemReason, WrongPassphrase
from desktop.store import audit
from desktop.store.cipherpages import NotACipherFile, PageCheck, check_pages, key_fits
from desktop.store.filelock import VaultLock
from desktop.store.indexing import rebuild
from desktop.store.models import SYNCED_MODELS, Case
from desktop.store.pagemap import FREE, SCHEMA
from desktop.store.rescue import Image, TableRead, columns, open_image, primary_keys, readable_rows
from desktop.store.store import Store
from desktop.store.vault import Vault
from desktop.store.vault_keys import damaged_message

# The new vault's own: its schema version, its search index (rebuilt), and its audit log.
# A damaged log cannot be verified any more; the salvaged vault starts a chain of its own
# whose first entry records what was copied, then one entry per record as stored.
NOT_COPIED = ("alembic_version", "search_docs", "audit_entries", "audit_chain")


def data_key(folder: Path, passphrase: str) -> bytes:
    """The vault's data key from its passphrase slots, without opening the database.

    Both key files are read; during an interrupted rotation the passphrase opens two keys,
    and the one whose pages authenticate is the database's.
    """
    files = Vault.read_keys(Path(folder))
    candidates = files.candidates(PASSPHRASE)
    if not candidates:
        raise KeystoreDamaged(damaged_message(PASSPHRASE))
    keys: list[bytes] = []
    for keystore, slot in candidates:
        key = keystore.open_slot(slot, passphrase_kek(passphrase, slot.params))
        if key is not None and key not in keys:
            keys.append(key)
    if not keys:
        raise WrongPassphrase("Wrong passphrase.")
    db_path = Vault.db_path_of(folder)
    return next((k for k in keys if key_fits(db_path, k)), keys[0])


@dataclass(frozen=True)
class TableHealth:
    name: str
    readable: int
    lost: int | None  # None: the number cannot be known (its id index is damaged too)
    lost_ids: tuple[str, ...] = ()


@dataclass
class DamageReport:
    pages: int
    damaged: dict[int, str] = field(default_factory=dict)  # page -> what it held
    notes: list[str] = field(default_factory=list)
    tables: list[TableHealth] = field(default_factory=list)

    @property
    def lost_records(self) -> int:
        return sum(t.lost or 0 for t in self.tables)

    @property
    def unknown_losses(self) -> list[str]:
        return [t.name for t in self.tables if t.lost is None]

    @property
    def intact(self) -> bool:
        """Nothing damaged at all, or damage only where nothing lived (free space)."""
        harmless = all(what.startswith("free space") for what in self.damaged.values())
        return harmless and not self.notes and not self.lost_records and not self.unknown_losses

    @property
    def clean(self) -> bool:
        return not self.damaged and not self.notes


def _user_tables(image: Image) -> list[str]:
    # Schema pages are kept even when damaged (to find the tables): their text may be
    # garbled and must read as garbled, not stop the report. Record text is not decoded
    # here: a record whose text is not Unicode is counted as lost where it is read.
    rows = [
        (bytes(name).decode("utf-8", "replace"), bytes(sql or b"").decode("utf-8", "replace"))
        for name, sql in image.connection.execute(
            "SELECT CAST(name AS BLOB), CAST(sql AS BLOB) FROM sqlite_master"
            " WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    return [
        str(name)
        for name, sql in rows
        if not str(name).startswith(("sqlite_", "search_index"))
        and "VIRTUAL TABLE" not in str(sql or "").upper()
    ]


def _describe(image: Image, page: int) -> str:
    owner = image.owners.get(page)
    if owner is None:
        return "not reachable from any table (below another damaged page, or unused)"
    if owner == FREE:
        return "free space: nothing was stored there"
    if owner == SCHEMA:
        return "the schema (the list of tables); read as far as it goes"
    table = image.tables.get(owner, owner)
    if owner.startswith("search_index") or table.startswith("search_index"):
        return "the search index: rebuilt by salvage, nothing of the case lost"
    if table != owner:
        return f"index {owner} of table {table}: the rows themselves are not on it"
    return f"table {owner}"


def _key_column(names: list[str]) -> int | None:
    for key in ("id", "sha256", "key"):
        if key in names:
            return names.index(key)
    return None


def _health(image: Image, table: str) -> TableHealth:
    read = TableRead()
    key_at = _key_column(columns(image, table))
    keys = primary_keys(image, table)
    seen: set[Any] = set()
    for row in readable_rows(image, table, read):
        if key_at is not None:
            seen.add(row[key_at])
    if keys is not None and key_at is not None:
        missing = tuple(sorted(str(k) for k in keys - seen))
        return TableHealth(table, read.rows, len(missing), missing)
    unknown = bool(read.skipped_ranges or read.unreadable_rowids)
    return TableHealth(table, read.rows, None if unknown else 0)


@contextmanager
def _locked_image(folder: Path, key: bytes, unreadable: str) -> Iterator[Image]:
    """The vault's database decrypted into memory, the vault locked against writers."""
    lock = VaultLock(Path(folder))
    lock.acquire()
    try:
        size = Vault.db_path_of(folder).stat().st_size
        if size > ANALYSIS_LIMIT_BYTES:
            raise KnownError(
                "This vault ({size:.1f} GiB) is larger than salvage can read page by "
                "page in memory ({limit:.1f} GiB); nothing was copied.",
                size=size / 1024**3,
                limit=ANALYSIS_LIMIT_BYTES / 1024**3,
            )
        try:
            image = open_image(Vault.db_path_of(folder), key)
        except NotACipherFile:
            raise KnownError(unreadable) from None
        except OSError as exc:
            raise KnownError(
                "Cannot read the vault's database: {reason}.", reason=SystemReason.of(exc)
            ) from None
        try:
            yield image
        finally:
            image.close()
    finally:
        lock.release()


# Above this the page-by-page analysis is not attempted: it holds the file and its plain
# image in memory, and SQLite opens an in-memory image of at most 2 GiB.
ANALYSIS_LIMIT_BYTES = 1536 * 1024**2
NOT_THIS_VAULT = (
    "dossier.db does not open with this vault's key: it is not this vault's database, or it "
    "is damaged beyond reading."
)
NOTHING_TO_SALVAGE = "dossier.db does not open with this vault's key; nothing can be salvaged."


def inspect(
    folder: Path,
    key: bytes,
    progress: Callable[[int, int], None] | None = None,
    *,
    thorough: bool = False,
) -> DamageReport:
    """What is damaged in the vault at `folder` and what still reads (nothing is written).

    Every page is first authenticated as it is read (`progress(pages done, pages)`); only
    a vault with damage, or a write-ahead log left by a crash, is then analysed in memory,
    or any vault when `thorough` (records that read back wrong from intact pages: text
    another tool stored that is not Unicode).
    """
    lock = VaultLock(Path(folder))
    lock.acquire()
    try:
        return inspect_held(folder, key, progress, thorough=thorough)
    finally:
        lock.release()


def inspect_held(
    folder: Path,
    key: bytes,
    progress: Callable[[int, int], None] | None = None,
    *,
    thorough: bool = False,
) -> DamageReport:
    """`inspect` for a caller that holds the vault's lock already: the open vault, whose
    check met a page that does not read."""
    db_path = Vault.db_path_of(folder)
    try:
        check = check_pages(db_path, key, progress)
        wal = db_path.with_name(db_path.name + "-wal")
        size = db_path.stat().st_size
        leftover_log = wal.exists() and wal.stat().st_size > 0
    except NotACipherFile:
        raise KnownError(NOT_THIS_VAULT) from None
    except OSError as exc:
        raise KnownError(
            "Cannot read the vault's database: {reason}.", reason=SystemReason.of(exc)
        ) from None
    if not (check.damaged or check.partial_page or leftover_log or thorough):
        return DamageReport(check.page_count)
    if size > ANALYSIS_LIMIT_BYTES:
        return _unanalysed(check)
    return _analysed(db_path, key, NOT_THIS_VAULT)


def _unanalysed(check: PageCheck) -> DamageReport:
    """The report for a vault too large to analyse in memory: its damaged pages, by number.
    A write-ahead log left by a crash is not damage: SQLCipher authenticates its frames
    when the vault opens for the checks that follow."""
    report = DamageReport(check.page_count)
    for page in sorted(check.damaged):
        report.damaged[page] = "not analysed: the vault is too large to open in memory"
    if check.partial_page:
        report.notes.append("the file ends with a partial page")
    if check.damaged:
        report.notes.append(
            "the vault is too large for verify to name the records on damaged pages; "
            "salvage copies every record that still reads"
        )
    return report


def _analysed(db_path: Path, key: bytes, unreadable: str) -> DamageReport:
    try:
        image = open_image(db_path, key)
    except NotACipherFile:
        raise KnownError(unreadable) from None
    except OSError as exc:
        raise KnownError(
            "Cannot read the vault's database: {reason}.", reason=SystemReason.of(exc)
        ) from None
    try:
        report = DamageReport(image.scan.page_count, notes=list(image.scan.notes))
        for page in sorted(image.scan.damaged):
            report.damaged[page] = _describe(image, page)
        for table in _user_tables(image):
            report.tables.append(_health(image, table))
        return report
    finally:
        image.close()


# ---- salvage ----------------------------------------------------------------------------------
@dataclass
class SalvageReport:
    copied: dict[str, int] = field(default_factory=dict)
    lost: list[TableHealth] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # "table id: why"
    placeholders: list[str] = field(default_factory=list)  # ids of placeholder cases


def salvage(
    folder: Path,
    key: bytes,
    target: Vault,
    progress: Callable[[str], None] = lambda _table: None,
) -> SalvageReport:
    """Copy every readable record of the vault at `folder` into the new, empty `target`."""
    report = SalvageReport()
    with _locked_image(folder, key, NOTHING_TO_SALVAGE) as image:
        _copy(image, target, report, progress)
    _repair_references(target, report)
    store = Store(target, actor="salvage")
    with store.writing() as w:
        rebuild(w.session)
        stamp = w.next_stamp()
        summary = audit.Draft(stamp.at, stamp.device, w.actor, "salvage", "vault",
                              f"{sum(report.copied.values())} records")  # fmt: skip
        drafts = [summary]
        for model in SYNCED_MODELS:  # one entry per copied record, hashing it as stored
            table = model.__table__
            rows = w.session.execute(select(table)).mappings()
            drafts += audit.record_drafts(table, rows, summary)  # type: ignore[arg-type]
        audit.append_many(w.session, drafts)
    return report


def _copy(
    image: Image, target: Vault, report: SalvageReport, progress: Callable[[str], None]
) -> None:
    raw = target.require_engine().raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA foreign_keys = OFF")  # checked and repaired after the copy
        cursor.execute("BEGIN")
        wanted = {
            str(r[0])
            for r in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).fetchall()
        }
        for table in _user_tables(image):
            if table not in wanted or table in NOT_COPIED:
                continue
            progress(table)
            theirs = columns(image, table)
            ours = {str(r[1]) for r in cursor.execute(f'PRAGMA table_info("{table}")').fetchall()}
            keep = [i for i, name in enumerate(theirs) if name in ours]
            names = ", ".join(f'"{theirs[i]}"' for i in keep)
            marks = ", ".join("?" for _ in keep)
            cursor.execute(f'DELETE FROM "{table}"')  # a new vault's own rows, e.g. its state
            health = _health(image, table)
            if health.lost != 0:
                report.lost.append(health)
            batch: list[tuple[Any, ...]] = []
            count = 0
            for row in readable_rows(image, table, TableRead()):
                if table == "blobs" and not _blob_intact(dict(zip(theirs, row, strict=True))):
                    report.dropped.append(f"blobs {row[0]}: its bytes do not match their SHA-256")
                    continue
                batch.append(tuple(row[i] for i in keep))
                if len(batch) >= 500:
                    cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', batch)
                    count, batch = count + len(batch), []
            if batch:
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', batch)
                count += len(batch)
            report.copied[table] = count
        cursor.execute("COMMIT")
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.cursor().execute("PRAGMA foreign_keys = ON")
        raw.close()


def _blob_intact(row: dict[str, Any]) -> bool:
    data = row.get("data")
    return isinstance(data, bytes) and hashlib.sha256(data).hexdigest() == row.get("sha256")


def _dangling(cursor: Any) -> list[tuple[str, int, str, str]]:
    """(table, rowid, referenced table, referring column) of every broken reference."""
    found = []
    for table, rowid, parent, fk in cursor.execute("PRAGMA foreign_key_check").fetchall():
        column = [r[3] for r in cursor.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == fk]
        found.append((str(table), int(rowid), str(parent), str(column[0])))
    return found


def _repair_references(target: Vault, report: SalvageReport) -> None:
    """Placeholder cases for orphans of a lost case; drop links to any other lost record."""
    store = Store(target, actor="salvage")
    for _round in range(20):
        raw = target.require_engine().raw_connection()
        try:
            cursor = raw.cursor()
            dangling = _dangling(cursor)
            lost_cases = sorted(
                {
                    cursor.execute(
                        f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)
                    ).fetchone()[0]
                    for table, rowid, parent, column in dangling
                    if parent == "cases"
                }
            )
            others = [d for d in dangling if d[2] != "cases"]
            if others:
                cursor.execute("BEGIN")
                for table, rowid, parent, _column in others:
                    (record_id,) = cursor.execute(
                        f'SELECT id FROM "{table}" WHERE rowid = ?', (rowid,)
                    ).fetchone() or ("?",)
                    report.dropped.append(
                        f"{table} {record_id}: it refers to a lost {parent} record"
                    )
                    cursor.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                cursor.execute("COMMIT")
        finally:
            raw.close()
        if lost_cases:
            with store.writing() as w:
                for case_id in lost_cases:
                    w.insert(
                        Case,
                        id=case_id,
                        title="Recovered records (their case record was lost)",
                        summary="Made by vault salvage: this case's record was on a damaged page.",
                    )
                    report.placeholders.append(case_id)
        if not dangling:
            return
