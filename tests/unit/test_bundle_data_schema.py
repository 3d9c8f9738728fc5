"""Sync bundles carry the data schema: the newest migration that changes what records
hold. A migration that only adds an index (0017, the timeline's covering index) does not
raise it, so a laptop one such upgrade behind still imports the other's bundles instead
of refusing them as "newer"."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from desktop.services.sync import schema_version
from desktop.store import migrate


def test_index_only_migrations_leave_the_bundle_schema() -> None:
    scripts = list(ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions())
    index_only = {s.revision for s in scripts if getattr(s.module, "DATA_UNCHANGED", False)}
    assert "0017" in index_only
    assert int(migrate.head_revision()) >= 17
    assert schema_version() == 15  # 0015, the newest not marked as leaving the data alone
    assert str(schema_version()).zfill(4) not in index_only
