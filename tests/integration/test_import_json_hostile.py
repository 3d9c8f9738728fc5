"""`import-json` treats its file as hostile: a clear one-line refusal, and nothing written.

Round trip too: export -> import into a fresh vault -> export gives the same bytes.
"""

from __future__ import annotations

import base64
import copy
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.services import transfer
from desktop.services.registry import Services
from desktop.services.transfer import ImportRefused, export_json, import_json
from desktop.store.models import AuditEntry
from desktop.store.vault import Vault

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile-json"
Doc = dict[str, Any]


@pytest.fixture(scope="module")
def demo_export(demo_template: Any, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo case plus one attachment, exported once for the whole module."""
    import shutil

    folder = tmp_path_factory.mktemp("export") / "vault"
    shutil.copytree(demo_template.folder, folder)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
        vault = Vault.unlock_with_passphrase(folder, "correct horse battery")
        try:
            services = Services.over(vault)
            (case,) = services.cases.list_cases()
            services.sources.add_attachment(case.id, "letter.pdf", b"%PDF-1.4 exhibit bytes")
            return export_json(services.store)
        finally:
            vault.lock()


@pytest.fixture
def target(services: Services) -> Iterator[Services]:
    """An import target that already holds something of its own."""
    case_id = services.cases.create_case("Our own case")
    services.timeline.add_event(case_id, "2020-01-02", "Our own event")
    yield services


def audit_count(services: Services) -> int:
    with services.store.reading() as s:
        return s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def assert_refused_and_untouched(services: Services, raw: bytes) -> str:
    before, audits = export_json(services.store), audit_count(services)
    with pytest.raises(ImportRefused) as caught:
        import_json(services.store, raw)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 200
    assert "Traceback" not in message
    assert export_json(services.store) == before
    assert audit_count(services) == audits
    return message


# ---- round trip ------------------------------------------------------------------------------
def test_export_import_export_gives_identical_bytes(demo_export: bytes, services: Services) -> None:
    count = import_json(services.store, demo_export)
    assert count > 100
    assert export_json(services.store) == demo_export


def test_imported_records_are_searchable(demo_export: bytes, services: Services) -> None:
    import_json(services.store, demo_export)
    hits = services.search.search("Кузнецов")
    assert any(h.kind == "person" and "Kuznetsov" in h.title for h in hits)


def test_the_export_is_canonical(demo_export: bytes) -> None:
    doc = json.loads(demo_export)
    assert transfer.canonical_bytes(doc) == demo_export
    for rows in doc["tables"].values():
        ids = [r["id"] for r in rows]
        assert ids == sorted(ids)
    assert doc["blobs"] and doc["blobs"][0]["size"] == len(b"%PDF-1.4 exhibit bytes")


def test_importing_the_same_export_twice_is_refused(demo_export: bytes, target: Services) -> None:
    import_json(target.store, demo_export)
    message = assert_refused_and_untouched(target, demo_export)
    assert "already holds" in message


# ---- files in tests/data/hostile-json --------------------------------------------------------
@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.json")), ids=lambda p: p.name)
def test_hostile_files_are_refused(path: Path, target: Services) -> None:
    assert_refused_and_untouched(target, path.read_bytes())


def test_the_hostile_folder_is_not_empty() -> None:
    assert len(list(HOSTILE.glob("*.json"))) >= 15


# ---- malformations of a real export ----------------------------------------------------------
def first(doc: Doc, table: str) -> dict[str, Any]:
    row: dict[str, Any] = doc["tables"][table][0]
    return row


def set_field(table: str, field: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        first(doc, table)[field] = value

    return change


def drop_field(table: str, field: str) -> Callable[[Doc], None]:
    return lambda doc: first(doc, table).pop(field) and None


def duplicate_row(table: str) -> Callable[[Doc], None]:
    return lambda doc: doc["tables"][table].append(copy.deepcopy(first(doc, table)))


def same_id_in_two_tables(doc: Doc) -> None:
    first(doc, "persons")["id"] = first(doc, "events")["id"]


def dangling(table: str, field: str) -> Callable[[Doc], None]:
    return set_field(table, field, str(uuid.uuid4()))


def drop_blobs(doc: Doc) -> None:
    doc["blobs"] = []


def blob(field: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["blobs"][0][field] = value

    return change


def blob_data(data: bytes) -> Callable[[Doc], None]:
    return blob("data", base64.b64encode(data).decode())


def duplicate_blob(doc: Doc) -> None:
    doc["blobs"].append(copy.deepcopy(doc["blobs"][0]))


def extra_top_level(doc: Doc) -> None:
    doc["comment"] = "hello"


MUTATIONS: dict[str, Callable[[Doc], None]] = {
    "title is a number": set_field("events", "title", 5),
    "title is a list": set_field("events", "title", ["a"]),
    "title is null": set_field("events", "title", None),
    "day_order is text": set_field("events", "day_order", "1"),
    "day_order is a float": set_field("events", "day_order", 1.5),
    "day_order is a bool": set_field("events", "day_order", True),
    "day_order is huge": set_field("events", "day_order", 2**63),
    "deleted is an int": set_field("events", "deleted", 0),
    "key_event is text": set_field("events", "key_event", "yes"),
    "id is an object": set_field("events", "id", {"$gt": ""}),
    "id is too long": set_field("events", "id", "x" * 37),
    "huge title": set_field("events", "title", "x" * (transfer.MAX_TEXT_CHARS + 1)),
    "huge edtf": set_field("events", "date_edtf", "2009-" * 20),
    "vv is not json": set_field("events", "vv", "not json"),
    "vv is a list": set_field("events", "vv", "[1, 2]"),
    "vv counter is text": set_field("events", "vv", '{"a": "x"}'),
    "missing title": drop_field("events", "title"),
    "missing id": drop_field("persons", "id"),
    "missing vv": drop_field("cases", "vv"),
    "extra column": set_field("events", "evil", 1),
    "extra top-level key": extra_top_level,
    "duplicate event id": duplicate_row("events"),
    "duplicate case id": duplicate_row("cases"),
    "same id in two tables": same_id_in_two_tables,
    "event of a missing case": dangling("events", "case_id"),
    "participant of a missing person": dangling("event_participants", "person_id"),
    "citation of a missing source": dangling("citations", "source_id"),
    "attachment without its blob": drop_blobs,
    "blob is not base64": blob("data", "!!not base64!!"),
    "blob data is a number": blob("data", 12),
    "blob hash mismatch": blob_data(b"other bytes"),
    "blob size mismatch": blob("size", 1),
    "blob sha256 is a number": blob("sha256", 5),
    "blob with extra field": blob("name", "x"),
    "duplicate blob": duplicate_blob,
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_malformed_exports_are_refused(name: str, demo_export: bytes, target: Services) -> None:
    doc = json.loads(demo_export)
    MUTATIONS[name](doc)
    raw = json.dumps(doc, ensure_ascii=False).encode()
    assert_refused_and_untouched(target, raw)


def test_an_untouched_export_is_accepted(demo_export: bytes, target: Services) -> None:
    """Guard for the mutations above: re-serialising alone changes nothing."""
    raw = json.dumps(json.loads(demo_export), ensure_ascii=False).encode()
    assert import_json(target.store, raw) > 100


def test_a_file_over_the_size_cap_is_refused_unparsed(
    target: Services, monkeypatch: pytest.MonkeyPatch, demo_export: bytes
) -> None:
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", len(demo_export) - 1)
    assert "too large" in assert_refused_and_untouched(target, demo_export)


def test_messages_do_not_echo_case_content(demo_export: bytes, target: Services) -> None:
    doc = json.loads(demo_export)
    first(doc, "events")["title"] = None
    first(doc, "events")["description"] = "Secret witness Ivanov"
    message = assert_refused_and_untouched(target, json.dumps(doc).encode())
    assert "Ivanov" not in message
