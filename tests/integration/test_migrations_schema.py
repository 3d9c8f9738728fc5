"""Schema migrations: a linear chain, a head that matches the models, a backup before upgrading."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from desktop.paths import VAULT_DB
from desktop.services.registry import Services
from desktop.services.transfer import export_json
from desktop.store import migrate
from desktop.store.models import Base
from desktop.store.vault import Vault

FTS_PREFIX = "search_index"

EXTRA_REVISION = '''"""test-only: a column on cases, applied with a full batch table rebuild

Revision ID: 9999
Revises: {down}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases", recreate="always") as batch:
        batch.add_column(sa.Column("colour", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", recreate="always") as batch:
        batch.drop_column("colour")
'''


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def test_the_chain_is_linear() -> None:
    scripts = script_directory()
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1
    ordered = list(reversed(list(scripts.walk_revisions())))  # base first
    assert ordered[0].down_revision is None
    for previous, current in itertools.pairwise(ordered):
        assert current.down_revision == previous.revision
        assert not current.branch_labels and not current.is_merge_point
    assert ordered[-1].revision == migrate.head_revision()


def test_every_revision_can_be_downgraded() -> None:
    for revision in script_directory().walk_revisions():
        assert hasattr(revision.module, "downgrade"), revision.revision


def _ignore_fts(diff: Any) -> bool:
    """Drop differences about the FTS5 virtual table and its shadow tables."""
    ops = diff if isinstance(diff, list) else [diff]
    for op in ops:
        for part in op[1:]:
            name = getattr(part, "name", None) or getattr(getattr(part, "table", None), "name", "")
            if isinstance(name, str) and name.startswith(FTS_PREFIX):
                return True
            if isinstance(part, str) and part.startswith(FTS_PREFIX):
                return True
    return False


def test_an_upgraded_empty_vault_matches_the_models(vault: Vault) -> None:
    with vault.require_engine().connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert context.get_current_revision() == migrate.head_revision()
        differences = [d for d in compare_metadata(context, Base.metadata) if not _ignore_fts(d)]
        tables = set(inspect(conn).get_table_names())
    assert differences == []
    assert set(Base.metadata.tables) <= tables
    assert FTS_PREFIX in tables


def test_the_comparison_can_see_a_difference(vault: Vault) -> None:
    """Guard for the test above: a table missing from the database is reported."""
    with vault.require_engine().begin() as conn:
        conn.exec_driver_sql("DROP TABLE tag_links")
    with vault.require_engine().connect() as conn:
        context = MigrationContext.configure(conn)
        differences = compare_metadata(context, Base.metadata)
    assert any(d[0] == "add_table" and d[1].name == "tag_links" for d in differences)


def test_opening_a_current_vault_makes_no_backup(vault: Vault) -> None:
    assert migrate.upgrade_to_head(vault.require_engine(), vault.db_path) is None
    assert list(vault.folder.glob("*.bak")) == []


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the shipped migrations plus one newer test-only revision."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    current_head = migrate.head_revision()
    (folder / "versions" / "9999_test_colour.py").write_text(
        EXTRA_REVISION.format(down=current_head), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    return current_head


def test_upgrading_an_older_vault_backs_it_up_first(
    demo_folder: Path, passphrase: str, newer_migrations: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (demo_folder / VAULT_DB).read_bytes()
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)  # upgrades to 9999
    try:
        assert migrate.current_revision(vault.require_engine()) == "9999"
        with vault.require_engine().connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("cases")}
            fk_problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        assert "colour" in columns
        assert fk_problems == []
        upgraded = export_json(Services.over(vault).store)
    finally:
        vault.lock()

    backup = demo_folder / f"{VAULT_DB}.before-9999.bak"
    assert backup.exists()
    assert backup.read_bytes() == before  # a byte copy of the (still encrypted) old file
    assert b"Magnitsky" not in backup.read_bytes()

    # The backup is the old vault: with the shipped migrations it opens as it was.
    monkeypatch.undo()
    old = demo_folder.parent / "restored"
    old.mkdir()
    shutil.copy(backup, old / VAULT_DB)
    shutil.copy(demo_folder / "keystore.json", old / "keystore.json")
    restored = Vault.unlock_with_passphrase(old, passphrase)
    try:
        assert migrate.current_revision(restored.require_engine()) == newer_migrations
        assert export_json(Services.over(restored).store) == upgraded
    finally:
        restored.lock()


FAILING_REVISION = '''"""test-only: a migration that fails half-way

Revision ID: 9998
Revises: {down}
"""

from alembic import op

revision = "9998"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM events")
    op.execute("SELECT * FROM no_such_table")


def downgrade() -> None:
    pass
'''


def test_a_failed_upgrade_is_a_clear_error_and_changes_nothing(
    demo_folder: Path, passphrase: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    before = export_json(Services.over(vault).store)
    vault.lock()
    folder = tmp_path / "failing-migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9998_test_fails.py").write_text(
        FAILING_REVISION.format(down=migrate.head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    with pytest.raises(migrate.UpgradeFailed, match="could not be upgraded") as caught:
        Vault.unlock_with_passphrase(demo_folder, passphrase)
    assert "\n" not in str(caught.value)
    assert (demo_folder / f"{VAULT_DB}.before-9998.bak").exists()
    monkeypatch.undo()
    reopened = Vault.unlock_with_passphrase(demo_folder, passphrase)  # lock was released
    try:
        assert export_json(Services.over(reopened).store) == before  # nothing deleted
    finally:
        reopened.lock()
