"""A vault made to look as an older Dossier left it: the schema before the newest
migrations and a search index built another way (for upgrade tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import update

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.store import migrate
from desktop.store.indexing import INDEX_VERSION_KEY
from desktop.store.models import DeviceState
from desktop.store.vault import Vault


def made_old(vault: Vault, events: int) -> Path:
    """Give `vault` events, take it back to the schema before 0017 and mark its search
    index as built an older way; lock it. Returns its folder."""
    services = Services.over(vault)
    case_id = services.cases.create_case("Дело Петровой")
    for n in range(events):
        services.timeline.add_event(case_id, FuzzyDate.day(2009, 1 + n % 12, 1), f"Допрос {n}")
    config = migrate.alembic_config()
    with vault.require_engine().begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0015")
    with services.store.writing() as w:
        w.session.execute(
            update(DeviceState).where(DeviceState.key == INDEX_VERSION_KEY).values(value="1")
        )
    folder = vault.folder
    vault.lock()
    return folder
