"""Search and the timeline filter narrowed to one case inside the full-text index (the
`scope` column, migration 0015), and the re-index of a vault upgraded from before it.
Real vaults on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store import migrate
from desktop.store.indexing import index_version
from desktop.store.search import SEARCH_INDEX_VERSION, scope_token
from desktop.store.vault import Vault


def two_cases(services: Services) -> tuple[str, str]:
    first = services.cases.create_case("Первое дело")
    second = services.cases.create_case("Second case")
    for case_id, where in ((first, "Бутырка"), (second, "Butyrka")):
        services.timeline.add_event(
            case_id, FuzzyDate.day(2009, 3, 1), f"Допрос Кузнецова ({where})", place=where
        )
        services.timeline.add_event(case_id, FuzzyDate.day(2009, 3, 2), "Hearing on detention")
    return first, second


def test_the_scope_token_is_one_word_per_case() -> None:
    token = scope_token("0a1b2c3d-0000-4000-8000-00000000abcd")
    assert token == "c0a1b2c3d000040008000" + "00000000abcd"
    assert token.isalnum()


def test_the_timeline_filter_keeps_to_its_case(services: Services) -> None:
    first, second = two_cases(services)
    for case_id in (first, second):
        titles = [
            services.timeline.get_event(i).title
            for i in services.timeline.event_ids(case_id, EventFilter(text="Kuznetsov"))
        ]
        assert len(titles) == 1
        assert ("Бутырка" in titles[0]) == (case_id == first)
    assert len(services.timeline.event_ids(first, EventFilter(text="hearing"))) == 1


def test_search_in_one_case_and_in_all(services: Services) -> None:
    first, second = two_cases(services)
    everywhere = services.search.search("Кузнецов")
    assert {h.case_id for h in everywhere} == {first, second}
    assert {h.case_id for h in services.search.search("Кузнецов", case_id=first)} == {first}
    assert {h.case_id for h in services.search.search("detention", case_id=second)} == {second}
    # a word typed like the scope token finds nothing of it
    assert services.search.search(scope_token(first)) == []
    assert services.search.search("c" + first[:4]) == []


def test_a_vault_from_before_the_scope_column_is_upgraded_and_reindexed(
    tmp_path: Path, vault: Vault, passphrase: str
) -> None:
    services = Services.over(vault)
    first, _second = two_cases(services)
    config = migrate.alembic_config()
    with vault.require_engine().begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0012")  # to the revision before the scope column
    folder = vault.folder
    vault.lock()

    upgraded = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        services = Services.over(upgraded)
        with services.store.reading() as s:
            assert index_version(s) == str(SEARCH_INDEX_VERSION)
        found = services.timeline.event_ids(first, EventFilter(text="Кузнецова"))
        assert len(found) == 1
        assert {h.case_id for h in services.search.search("Butyrka", case_id=first)} == {first}
        assert list(folder.glob("*.before-*.bak"))  # the upgrade backed the vault up first
    finally:
        upgraded.lock()


def test_a_full_disk_while_reindexing_at_unlock_says_so_not_wrong_key(
    vault: Vault, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The re-index after an upgrade writes the whole index; when the disk fills up the
    unlock says so (it used to say the database was damaged or not this key's)."""
    from desktop.store import indexing
    from desktop.store import vault as vault_module

    services = Services.over(vault)
    case_id = services.cases.create_case("Большое дело")
    for n in range(300):
        services.timeline.add_event(
            case_id, FuzzyDate.day(2009, 1, 1 + n % 28), f"Hearing {n}: Кузнецов " + "x" * 300
        )
    with services.store.writing() as w:
        w.session.execute(text("DELETE FROM device_state WHERE key = 'search_index_version'"))
    folder = vault.folder
    vault.lock()

    def on_a_full_disk(session: Session) -> int | None:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        return indexing.ensure_current(session)

    monkeypatch.setattr(vault_module, "ensure_current", on_a_full_disk)
    with pytest.raises(KnownError, match="disk that holds the vault is full"):
        Vault.unlock_with_passphrase(folder, passphrase)
    monkeypatch.undo()
    reopened = Vault.unlock_with_passphrase(folder, passphrase)  # nothing was lost
    try:
        found = Services.over(reopened).timeline.event_ids(case_id, EventFilter(text="Kuznetsov"))
        assert len(found) == 300
    finally:
        reopened.lock()
