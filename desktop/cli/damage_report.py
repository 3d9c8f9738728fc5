"""`dossier vault verify PATH` and `dossier vault salvage PATH --to NEWPATH`.

Verify reads the database page by page first (`services.damage`), without opening it
through SQLCipher: a damaged vault gets a report of the damaged pages, the tables they
belong to and the records lost, and exit status 1. Only an undamaged vault is then
unlocked for the structural, audit and per-record checks. Nothing is ever written to the
vault being verified or salvaged.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.passphrases import existing_passphrase, new_passphrase, read_passphrase_file
from desktop.cli.progress import ProgressLine
from desktop.errors import KnownError
from desktop.services import damage
from desktop.services.integrity import STRUCTURE, audit_head, verify_all
from desktop.services.registry import Services
from desktop.store.vault import Vault, VaultDamaged

SHOWN = 20


def _source(path: str) -> Path:
    folder = Path(path)
    if not Vault.db_path_of(folder).is_file():
        raise KnownError("This folder has no dossier.db: it is not a Dossier vault.")
    return folder


def _print_damage(report: damage.DamageReport, path: str, *, pages: bool = True) -> None:
    bad = len(report.damaged)
    state = "ok" if not bad else f"{bad} DAMAGED"
    if pages:
        print(f"pages (each authenticated on its own):  {state} ({report.pages} pages)")
    for page, what in list(report.damaged.items())[:SHOWN]:
        print(f"  page {page}: {what}")
    for note in report.notes:
        print(f"  {note}")
    if report.intact:
        if bad:
            print("No record is affected: the damage is only where nothing was stored.")
        return
    print("readable records:")
    for table in report.tables:
        if table.lost == 0:
            continue
        if table.lost is None:
            print(f"  {table.name}: {table.readable} readable; an unknown number lost")
            continue
        ids = ", ".join(table.lost_ids[:SHOWN])
        more = f" (and {table.lost - SHOWN} more)" if table.lost > SHOWN else ""
        print(f"  {table.name}: {table.readable} readable, {table.lost} lost: {ids}{more}")
    whole = sum(1 for t in report.tables if t.lost == 0)
    print(f"  every record of the other {whole} tables reads")
    print(
        f"The vault is damaged and was not changed. Copy what can be read into a new vault "
        f"with: dossier vault salvage {path} --to NEWPATH"
    )


def _shown_on(bar: ProgressLine) -> Callable[[str, int, int], None]:
    def show(stage: str, done: int, total: int) -> None:
        if stage == STRUCTURE:
            bar.stage(stage, done)
        else:
            bar.update(stage, done, total)

    return show


def run_verify(ctx: Context) -> int:
    folder = _source(ctx.args.path)
    passphrase = existing_passphrase(ctx.args.passphrase_file)
    bar = ProgressLine()
    try:
        key = damage.data_key(folder, passphrase)
        found = damage.inspect(folder, key, lambda done, total: bar.update("pages", done, total))
    finally:
        bar.done()
    _print_damage(found, ctx.args.path)
    if not found.intact:
        return 1
    try:
        bar.stage("opening")
        vault = Vault.unlock_with_passphrase(folder, passphrase)
        try:
            store = Services.over(vault, actor="cli").store
            report, rows = verify_all(
                store, ctx.args.against, pages_checked=True, progress=_shown_on(bar)
            )
            head = audit_head(store)
        finally:
            vault.lock()
    except VaultDamaged:
        # Intact pages, yet a record does not read (text another tool stored that is not
        # Unicode): the record-by-record reading says which.
        bar.done()
        found = damage.inspect(folder, key, thorough=True)
        _print_damage(found, ctx.args.path, pages=False)
        return 1
    finally:
        bar.done()
    print(f"encryption (page authentication): {'ok' if report.cipher_ok else 'FAILED'}")
    print(f"database structure:               {'ok' if report.integrity_ok else 'FAILED'}")
    print(f"audit hash chain:                 {'ok' if report.audit_ok else 'FAILED'}")
    print(f"audit head (save it to check later): {head}")
    for problem in report.problems[:SHOWN]:
        print(f"  {problem}")
    verdict = "ok" if not rows.total else f"{rows.total} FAILED"
    print(f"records (dates, vocabularies, text, references): {verdict}")
    for broken in rows.first:
        print(f"  {broken}")
    return 0 if report.ok and not rows.total else 1


def run_salvage(ctx: Context) -> int:
    folder, target = _source(ctx.args.path), Path(ctx.args.to)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise KnownError("The --to folder is not empty; give a new or empty folder.")
    key = damage.data_key(folder, existing_passphrase(ctx.args.passphrase_file))
    if ctx.args.new_passphrase_file:
        passphrase = read_passphrase_file(ctx.args.new_passphrase_file)
    else:
        passphrase = new_passphrase(None, "Passphrase for the new vault")
    created = not target.exists()
    vault, recovery = Vault.create(target, passphrase)
    try:
        report = damage.salvage(
            folder, key, vault, lambda t: print(f"copying {t}", file=sys.stderr)
        )
    except BaseException:
        vault.lock()
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                with contextlib.suppress(OSError):
                    child.unlink()
        raise
    vault.lock()
    total = sum(report.copied.values())
    print(f"Copied {total} records into {target}; {ctx.args.path} was not changed.")
    if not report.lost:
        print("Nothing was lost: every record read.")
    for table in report.lost:
        if table.lost is None:
            print(f"  lost from {table.name}: an unknown number (its id index is damaged too)")
        else:
            ids = ", ".join(table.lost_ids[:SHOWN])
            print(f"  lost from {table.name}: {table.lost}: {ids}")
    for dropped in report.dropped[:SHOWN]:
        print(f"  dropped {dropped}")
    if len(report.dropped) > SHOWN:
        print(f"  (and {len(report.dropped) - SHOWN} more dropped for the same reason)")
    for case_id in report.placeholders:
        print(f"  records of a lost case are kept in a placeholder case {case_id}")
    print("The new vault is a new device for sync: pair it again with the other laptops.")
    print("Recovery key of the new vault (shown once; write it down and keep it apart):")
    print(f"  {recovery}")
    return 0
