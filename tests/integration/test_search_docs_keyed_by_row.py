"""Migration 0016: `search_docs` keyed by the full-text row number. A vault indexed before
it keeps its index (copied, not rebuilt) and finds what it found before: names across
scripts and word forms, phrases, prefixes, one case's records. Real vaults on disk."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store import migrate
from desktop.store.indexing import index_version
from desktop.store.search import SEARCH_INDEX_VERSION
from desktop.store.vault import Vault

QUERIES = ("Кузнецова", "Кузнецов", "Kuznetsov", "Kuznecov", "Кузн", '"допрос свидетеля"',
           "Butyrka", "Дзержинский", "detention")  # fmt: skip


def fill(services: Services) -> tuple[str, str]:
    first = services.cases.create_case("Первое дело")
    second = services.cases.create_case("Second case")
    services.timeline.add_event(first, FuzzyDate.day(2009, 3, 1), "Допрос свидетеля Кузнецова",
                                place="Бутырка")  # fmt: skip
    services.timeline.add_event(first, FuzzyDate.day(2009, 3, 2), "ОВД Дзержинского района")
    services.timeline.add_event(second, FuzzyDate.day(2009, 4, 1), "Hearing on detention",
                                description="Kuznetsov was taken to Butyrka")  # fmt: skip
    services.people.add_person(second, "official", "Кузнецов Иван")
    return first, second


def found(services: Services, first: str) -> dict[str, object]:
    return {
        **{
            q: sorted((h.kind, h.record_id, h.snippet) for h in services.search.search(q))
            for q in QUERIES
        },
        "in one case": sorted(
            h.record_id for h in services.search.search("Кузнецов", case_id=first)
        ),
        "timeline": sorted(services.timeline.event_ids(first, EventFilter(text="Kuznetsova"))),
    }


def schema(vault: Vault) -> str:
    with vault.require_engine().connect() as conn:
        return str(
            conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'search_docs'")).scalar()
        )


def test_a_vault_indexed_before_0016_keeps_its_index_and_finds_the_same(
    vault: Vault, passphrase: str
) -> None:
    services = Services.over(vault)
    first, _second = fill(services)
    before = found(services, first)
    assert all(before[q] for q in QUERIES)  # each query finds something to compare
    assert len(before["timeline"]) == 1  # type: ignore[arg-type]
    config = migrate.alembic_config()
    before_0016 = ScriptDirectory.from_config(config).get_revision("0016").down_revision
    with vault.require_engine().begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, str(before_0016))
    assert "PRIMARY KEY (record_id)" in schema(vault)
    with vault.require_engine().connect() as conn:
        mapped = conn.execute(text("SELECT record_id, fts_rowid FROM search_docs")).all()
    folder = vault.folder
    vault.lock()

    upgraded = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        assert "PRIMARY KEY (fts_rowid)" in schema(upgraded)
        services = Services.over(upgraded)
        with services.store.reading() as s:
            assert index_version(s) == str(SEARCH_INDEX_VERSION)  # not rebuilt: copied
            assert sorted(
                s.execute(text("SELECT record_id, fts_rowid FROM search_docs")).all()
            ) == sorted(mapped)
        assert found(services, first) == before
        # and the index keeps working for edits after the upgrade
        event_id = services.timeline.add_event(
            first, FuzzyDate.day(2010, 1, 1), "Кузнецова вызвали"
        )
        assert event_id in {h.record_id for h in services.search.search("Kuznetsova")}
        services.timeline.delete_event(event_id)
        assert event_id not in {h.record_id for h in services.search.search("Kuznetsova")}
    finally:
        upgraded.lock()
