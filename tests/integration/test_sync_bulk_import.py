"""A large sync import on real vaults: what the bulk path must keep while it goes fast.

Thousands of records arrive in one bundle: they are inserted in key order, indexed for
search in one pass after the rows are in, and audited one entry each. Search must still
find Russian word forms and other scripts among them, the audit chain and every record's
content hash must verify, and the values bound in bulk must be stored as before.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from sqlalchemy import func, select, text
from sync_devices import Device, make_device, pair, send

from desktop.core.clock import HlcStamp
from desktop.core.fuzzydate import FuzzyDate
from desktop.core.vectors import VersionVector
from desktop.services.integrity import verify
from desktop.services.people import NameVariant
from desktop.store import audit, search
from desktop.store.models import Event
from desktop.store.models.local import AuditEntry, SearchDoc

MANY = search.BULK_DOCUMENTS + 300  # over the threshold of the bulk indexing path
TITLES = (
    "Допрос у следователя Кузнецова",  # the genitive of Кузнецов
    "Жалоба в ОВД Дзержинского района",
    "Interrogation by Kuznetsov at Butyrka",
    "Transfer to Matrosskaya Tishina",
)


def _fill(device: Device, case_id: str, count: int) -> tuple[list[str], list[str]]:
    """`count` events written on `device` in bulk, each with its own dot, as the editors
    would leave them; every 97th is a tombstone. Returns (live ids, deleted ids)."""
    template_id = device.services.timeline.add_event(case_id, "2008-11-24", "Template")
    table = Event.__table__
    live, deleted = [template_id], []
    with device.services.store.writing() as w:
        s = w.session
        template = dict(s.execute(select(table).where(table.c.id == template_id)).mappings().one())
        dot_device, counter = w.stamper.device, w.stamper.counter
        wall = time.time_ns() // 1_000_000
        rows = []
        for n in range(count):
            counter += 1
            gone = n % 97 == 0
            record_id = str(uuid.uuid4())
            (deleted if gone else live).append(record_id)
            rows.append(
                {
                    **template,
                    "id": record_id,
                    "title": f"{TITLES[n % len(TITLES)]} ({n})",
                    "description": f"Record {n}, place and time as the witness gave them.",
                    "deleted": gone,
                    "dot_counter": counter,
                    "vv": VersionVector({dot_device: counter}).to_json(),
                    "hlc": HlcStamp(wall, n, dot_device).format(),
                }
            )
        s.execute(table.insert(), rows)
        w.stamper.counter = counter
    return live, deleted


def test_a_large_import_is_found_by_word_forms_and_its_audit_verifies(tmp_path: Path) -> None:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "pairing")
    case_id = a.services.cases.create_case("Дело")
    a.services.people.add_person(
        case_id, "official", "Артём Кузнецов",
        names=[NameVariant("Артём Кузнецов", kind="original")],
    )  # fmt: skip
    a.services.people.add_organisation(case_id, "ОВД Дзержинского района")
    typed = a.services.timeline.add_event(
        case_id, FuzzyDate.day(2009, 3, 2), "Допрос у Кузнецов А."
    )
    live, deleted = _fill(a, case_id, MANY)
    with b.services.store.reading() as s:
        entries_before = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()

    result = send(a, b, tmp_path / "stick")

    assert result.new == len(live) + 4  # the events, the case, person, organisation, `typed`
    assert b.export_json() == a.export_json()
    # Found through the index built in one pass: word forms, other scripts, tombstones out.
    by_title: dict[str, set[str]] = {}
    for query in ("Кузнецов", "Kuznetsov", "Дзержинский", "Butyrka", "Tishina"):
        by_title[query] = {h.title for h in b.services.search.search(query, limit=10_000)}
    assert any(t.startswith("Допрос у следователя Кузнецова") for t in by_title["Кузнецов"])
    assert "Артём Кузнецов" in by_title["Кузнецов"]
    assert any(t.startswith("Допрос у следователя Кузнецова") for t in by_title["Kuznetsov"])
    assert any(t.startswith("Interrogation by Kuznetsov") for t in by_title["Кузнецов"])
    assert "ОВД Дзержинского района" in by_title["Дзержинский"]
    assert any(t.startswith("Жалоба в ОВД Дзержинского района") for t in by_title["Дзержинский"])
    assert "Допрос у Кузнецов А." in by_title["Kuznetsov"]
    with b.services.store.reading() as s:
        indexed = set(s.execute(select(SearchDoc.record_id)).scalars())
    assert set(live) <= indexed
    assert not indexed & set(deleted)
    assert b.services.search.search("Tishina", limit=10_000) != []
    assert len(indexed) == b.services.search.rebuild_index()  # as if indexed from scratch
    # One audit entry for the bundle and one per record, chained and verifiable.
    with b.services.store.reading() as s:
        entries = s.execute(select(AuditEntry).where(AuditEntry.seq > entries_before)).scalars()
        actions = [(e.action, e.entity, e.record_id) for e in entries]
        chain = audit.check_chain(s)
    assert actions[0][:2] == ("sync-import", "bundle")
    assert len(actions) == 1 + result.new + len(deleted)
    assert {r for _, entity, r in actions if entity == "events"} == {typed, *live, *deleted}
    assert {r for action, _, r in actions if action == "sync-delete"} == set(deleted)
    assert chain.ok, chain.problems
    assert chain.not_covered == 0
    report = verify(b.services.store)
    assert report.ok, report.problems


def test_values_bound_in_bulk_are_stored_as_before(tmp_path: Path) -> None:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "pairing")
    case_id = a.services.cases.create_case("Case")
    complaint = a.services.complaints.add_complaint(case_id, subject="The arrest")
    send(a, b, tmp_path / "stick")
    with b.services.store.reading() as s:
        stored = s.execute(
            text(
                "SELECT typeof(deleted), deleted, typeof(response_due), typeof(body_id) "
                "FROM complaints WHERE id = :id"
            ),
            {"id": complaint},
        ).one()
        entity = s.execute(
            text("SELECT typeof(entity), entity FROM audit_entries WHERE record_id = :id"),
            {"id": complaint},
        ).one()
        # The driver's own binding, as the bulk paths use it: booleans as 0/1, None as NULL.
        driver = s.connection().connection.dbapi_connection
        assert driver is not None
        bound = driver.execute("SELECT typeof(?), ?, typeof(?), typeof(?)", (True, False, None, 5))
        assert bound.fetchone() == ("integer", 0, "null", "integer")
    assert tuple(stored) == ("integer", 0, "null", "null")
    assert tuple(entity) == ("text", "complaints")
