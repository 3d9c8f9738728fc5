"""The store's bulk paths on real SQLCipher files: the lookaside pool, id lists bound as
one JSON parameter, and the search index kept in step by sync imports."""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlcipher3
from sqlalchemy import insert, select, text
from sync_devices import Device, make_device, pair, send

from desktop.services.registry import Services
from desktop.store import lookaside
from desktop.store.idlist import among
from desktop.store.models import Event
from desktop.store.vault import Vault


def _driver_connection(vault: Vault):  # type: ignore[no-untyped-def]
    return vault.require_engine().raw_connection()


def test_every_vault_connection_gets_the_wide_pool_and_it_never_runs_full(vault: Vault) -> None:
    raw = _driver_connection(vault)
    try:
        driver = raw.driver_connection
        cursor = driver.cursor()
        # Far more distinct cached statements than SQLite's default pool holds, then a
        # bulk insert: with the default pool this made hundreds of thousands of misses.
        for n in range(150):
            cursor.execute(f"SELECT id, title FROM events WHERE date_sort > {n} LIMIT 1").fetchall()
        cursor.execute("BEGIN")
        cursor.executemany(
            "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
            [(uuid.uuid4().hex * 2, 1, b"x") for _ in range(2_000)],
        )
        cursor.execute("ROLLBACK")
        assert lookaside.misses(driver, str(vault.db_path)) == 0
    finally:
        raw.close()


def test_the_pool_is_only_touched_on_the_connection_of_that_very_file(
    vault: Vault, tmp_path: Path
) -> None:
    other = sqlcipher3.connect(str(tmp_path / "other.db"))
    try:
        assert lookaside.widen(other, str(vault.db_path)) is False  # another file: refused
        assert lookaside.misses(other, str(vault.db_path)) is None
        assert lookaside.widen(object(), str(vault.db_path)) is False  # not a connection
    finally:
        other.close()


def test_an_id_list_longer_than_sqlites_variable_limit_is_one_parameter(
    services: Services,
) -> None:
    case_id = services.cases.create_case("Many events")
    template = services.timeline.add_event(case_id, "2009-11-16", "Template")
    table = Event.__table__
    with services.store.writing() as w:
        row = dict(w.session.execute(select(table).where(table.c.id == template)).mappings().one())
        rows = [{**row, "id": str(uuid.uuid4()), "title": f"Event {n}"} for n in range(40_000)]
        w.session.execute(insert(table), rows)  # type: ignore[arg-type]
    wanted = [r["id"] for r in rows[::2]] + [str(uuid.uuid4())]  # 20,001 ids, one unknown
    many = [r["id"] for r in rows] + [template]  # 40,001: over SQLite's 32,766 variables
    with services.store.reading() as s:
        found = s.execute(select(table.c.id).where(among(table.c.id, wanted))).scalars().all()
        counted = s.execute(
            select(text("count(*)")).select_from(table).where(among(table.c.id, many))
        ).scalar_one()
    assert sorted(found) == sorted(wanted[:-1])
    assert counted == 40_001
    assert len(services.timeline.rows(many[:300])) == 300


def test_search_follows_what_a_sync_import_changed(tmp_path: Path) -> None:
    a: Device = make_device(tmp_path / "a", "A")
    b: Device = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "pairing")
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    kept = a.services.timeline.add_event(case, "2008-11-24", "Arrest at Butyrka")
    gone = a.services.timeline.add_event(case, "2009-11-16", "Transfer to Matrosskaya Tishina")
    send(a, b, stick)
    assert [h.record_id for h in b.services.search.search("Butyrka")] == [kept]
    a.services.timeline.update_event(kept, title="Interrogation by Kuznetsov")
    a.services.timeline.delete_event(gone)
    result = send(a, b, stick)
    assert (result.updated, result.deleted) == (1, 1)
    assert b.services.search.search("Butyrka") == []  # the old text is gone from the index
    assert [h.record_id for h in b.services.search.search("Кузнецов")] == [kept]
    assert b.services.search.search("Tishina") == []  # deleted records are not found
    assert b.services.search.rebuild_index() == a.services.search.rebuild_index()
