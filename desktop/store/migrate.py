"""Schema migrations at unlock: back up the (still encrypted) file, then upgrade to head."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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


def upgrade_to_head(engine: Engine, db_path: Path) -> Path | None:
    """Bring the schema to head; returns the backup made first, if any was needed."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    if current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        backup = db_path.with_name(f"{db_path.name}.before-{head_revision()}.bak")
        shutil.copy2(db_path, backup)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return backup
