"""Schema migrations at unlock: back up the (still encrypted) file, then upgrade to head."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.durable import fsync_folder
from desktop.errors import KnownError
from desktop.store.open_progress import OpenStage, report

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
COPY_CHUNK = 16 * 1024 * 1024


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class UpgradeFailed(KnownError):
    pass


class VaultTooNew(KnownError):
    pass


def data_schema() -> int:
    """The newest migration that changes what records hold, as a number: the data schema
    sync bundles carry. A migration that only adds or reshapes indexes says
    `DATA_UNCHANGED = True` and does not count, so a Dossier one index newer still reads,
    and is read by, the one before it (a newer data schema is refused on import)."""
    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions():  # head first
        if not getattr(script.module, "DATA_UNCHANGED", False):
            return int(script.revision)
    raise AssertionError("no migration changes the data")  # 0001 makes the tables


def known_revisions() -> set[str]:
    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def _copy_durably(source: Path, target: Path) -> None:
    """Copy `source` to `target` and make it durable, reporting the bytes copied (a
    million-event vault is over 2 GiB). Written under another name and renamed when
    complete, so a copy cut short (a crash, a full disk) never passes for a backup."""
    total = source.stat().st_size
    done = 0
    partial = target.with_name(target.name + ".partial")
    report(OpenStage.COPY, done, total)
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            while chunk := reader.read(COPY_CHUNK):
                writer.write(chunk)
                done += len(chunk)
                report(OpenStage.COPY, done, total)
            writer.flush()
            os.fsync(writer.fileno())
        shutil.copystat(source, partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def _copy_refused(exc: OSError, db_path: Path) -> UpgradeFailed:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UpgradeFailed(
            "This vault must be upgraded for this version of Dossier, which first keeps a copy "
            "of it ({size} MiB), but the disk is full; free that much space, then unlock "
            "again. Nothing was changed.",
            size=max(1, -(-db_path.stat().st_size // 2**20)),
        )
    return UpgradeFailed(
        "This vault must be upgraded for this version of Dossier, which first keeps a copy of "
        "it in the vault's folder, and the copy could not be written there; make sure the "
        "folder can be written to, then unlock again. Nothing was changed."
    )


def _outside_transaction(conn: Connection, pragma: str) -> None:
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(pragma)
    finally:
        cursor.close()


def upgrade_to_head(engine: Engine, db_path: Path) -> Path | None:
    """Bring the schema to head; returns the backup made first, if any was needed.

    Foreign keys are off while the migrations run (a batch table rebuild drops and
    re-creates a table other tables point at) and checked in full before the commit.
    """
    current = current_revision(engine)
    if current == head_revision():
        return None
    if current is not None and current not in known_revisions():
        # Checked before any backup or write: an older app must leave a newer vault alone.
        raise VaultTooNew(
            "This vault was made by a newer Dossier (version {version}); update Dossier.",
            version=current[:40],
        )
    backup: Path | None = None
    if current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        backup = db_path.with_name(f"{db_path.name}.before-{head_revision()}.bak")
        try:
            _copy_durably(db_path, backup)
        except OSError as exc:
            raise _copy_refused(exc, db_path) from None
    config = alembic_config()
    report(OpenStage.SCHEMA)
    with engine.connect() as conn:
        _outside_transaction(conn, "PRAGMA foreign_keys = OFF")  # ignored inside one
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise UpgradeFailed(
                        "The vault could not be upgraded to this version of Dossier "
                        "(its references do not hold); nothing was changed."
                    )
        except (OperationalError, IntegrityError) as exc:
            if backup:
                raise UpgradeFailed(
                    "The vault could not be upgraded to this version of Dossier; nothing was "
                    "changed. A copy from before the upgrade is in {name}.",
                    name=backup.name,
                ) from exc
            raise UpgradeFailed(
                "The vault could not be upgraded to this version of Dossier; nothing was changed."
            ) from exc
        finally:
            _outside_transaction(conn, "PRAGMA foreign_keys = ON")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return backup
