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

from desktop.core.filenames import safe_file_name
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


# ---- meaning, not only types: the rules of core/rules.py -------------------------------------
MEANING: dict[str, tuple[Callable[[Doc], None], str]] = {
    "date 0000-00-00": (set_field("events", "date_edtf", "0000-00-00"), "date_edtf"),
    "year 99999": (set_field("events", "date_edtf", "99999-01-01"), "date_edtf"),
    "date in words": (set_field("events", "date_edtf", "10 September 2009"), "date_edtf"),
    "year 0999": (set_field("events", "date_edtf", "0999-01-01"), "date_edtf"),
    "unknown person kind": (set_field("persons", "kind", "zzz"), "kind"),
    "unknown fact status": (set_field("events", "fact_status", "alleged"), "fact_status"),
    "unknown complaint status": (set_field("complaints", "status", "lost"), "status"),
    "unknown citation target": (set_field("citations", "target_kind", "case"), "target_kind"),
    "date_sort off the date": (set_field("events", "date_sort", 20990101), "date_sort"),
    "date_end off the date": (set_field("events", "date_end", 1), "date_end"),
    "a 999,999-character title": (set_field("events", "title", "x" * 999_999), "title"),
    "a 501-character person name": (
        set_field("persons", "display_name", "x" * 501),
        "display_name",
    ),
    "a lone surrogate": (set_field("events", "title", "a\ud800b"), "title"),
    "a NUL in a description": (set_field("events", "description", "a\x00b"), "description"),
    "a due date not a day": (set_field("complaints", "response_due", "2009-02-30"), "response_due"),
}


@pytest.mark.parametrize("name", sorted(MEANING))
def test_rows_that_break_a_rule_are_refused_by_table_id_and_field(
    name: str, demo_export: bytes, target: Services
) -> None:
    change, field = MEANING[name]
    doc = json.loads(demo_export)
    change(doc)
    table = name_of_changed_table(doc, demo_export)
    raw = json.dumps(doc, ensure_ascii=True).encode()  # \ud800 travels as an escape
    before, audits = export_json(target.store), audit_count(target)
    with pytest.raises(ImportRefused) as caught:
        import_json(target.store, raw)
    assert export_json(target.store) == before and audit_count(target) == audits
    (problem,) = caught.value.problems
    assert (problem.table, problem.field) == (table, field)
    assert problem.record_id == first(doc, table)["id"]
    assert f"{table} {problem.record_id} {field}:" in str(caught.value)
    assert "xxxx" not in str(caught.value) and "\ud800" not in str(caught.value)


def name_of_changed_table(doc: Doc, original: bytes) -> str:
    before = json.loads(original)["tables"]
    (changed,) = [t for t, rows in doc["tables"].items() if rows and rows[0] != before[t][0]]
    return changed


def test_a_refusal_lists_the_first_twenty_problems(demo_export: bytes, target: Services) -> None:
    doc = json.loads(demo_export)
    rows = doc["tables"]["events"] + doc["tables"]["persons"]
    assert len(rows) > 20
    for row in doc["tables"]["events"]:
        row["fact_status"] = "alleged"
    for row in doc["tables"]["persons"]:
        row["kind"] = "suspect"
    before = export_json(target.store)
    with pytest.raises(ImportRefused) as caught:
        import_json(target.store, json.dumps(doc).encode())
    assert len(caught.value.problems) == 20
    assert {p.record_id for p in caught.value.problems} <= {r["id"] for r in rows}
    assert f"{len(rows)} in all" in str(caught.value)
    assert export_json(target.store) == before


def test_a_reference_to_a_record_nowhere_is_named(demo_export: bytes, target: Services) -> None:
    doc = json.loads(demo_export)
    citation = first(doc, "citations")
    citation["target_id"] = str(uuid.uuid4())
    message = assert_refused_and_untouched(target, json.dumps(doc).encode())
    assert f"citations {citation['id']} target_id" in message


def test_a_reference_to_a_record_already_in_the_vault_is_accepted(
    demo_export: bytes, target: Services
) -> None:
    """Records may refer to what the vault holds: an event added to one of our cases."""
    (ours,) = target.cases.list_cases()
    doc = json.loads(demo_export)
    event = first(doc, "events")
    only = {"events": [event], "cases": []}
    doc["tables"] = {name: only.get(name, []) for name in doc["tables"]}
    event["case_id"] = ours.id
    doc["blobs"] = []
    assert import_json(target.store, json.dumps(doc).encode()) == 1


def test_the_cli_lists_the_problems_and_changes_nothing(
    demo_export: bytes, tmp_path: Path, demo_folder: Path, passphrase: str, capsys: Any
) -> None:
    from desktop.cli.main import main

    doc = json.loads(demo_export)
    for event in doc["tables"]["events"][:3]:
        event["date_edtf"] = "0000-00-00"
    first(doc, "persons")["title"] = None  # an unknown field would be refused first
    first(doc, "persons").pop("title")
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "pass").write_text(passphrase)
    base = ["--vault", str(demo_folder), "--passphrase-file", str(tmp_path / "pass")]
    assert main([*base, "export-json", str(tmp_path / "before.json")]) == 0
    assert main([*base, "import-json", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("dossier: Nothing was imported")
    assert err.count("date_edtf: not a date in EDTF form") == 4  # the summary and three lines
    assert main([*base, "export-json", str(tmp_path / "after.json")]) == 0
    assert (tmp_path / "before.json").read_bytes() == (tmp_path / "after.json").read_bytes()


@pytest.mark.parametrize("where", ["/", "."])
def test_export_to_a_folder_is_a_plain_refusal(
    where: str, demo_folder: Path, tmp_path: Path, passphrase: str, capsys: Any
) -> None:
    from desktop.cli.main import main

    (tmp_path / "pass").write_text(passphrase)
    base = ["--vault", str(demo_folder), "--passphrase-file", str(tmp_path / "pass")]
    assert main([*base, "export-json", where]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "hostile",
    ["../../etc/cron.d/x", "C:\\Windows\\evil.pdf", "statement\nsecond line.pdf",
     "invoice\u202efdp.exe", "CON"],
)  # fmt: skip
def test_attachment_names_are_made_harmless_when_imported(
    hostile: str, demo_export: bytes, target: Services
) -> None:
    doc = json.loads(demo_export)
    row = first(doc, "attachments")
    row["file_name"] = hostile
    import_json(target.store, json.dumps(doc, ensure_ascii=False).encode())
    stored = target.sources.get_attachment(row["id"]).file_name
    assert stored == safe_file_name(hostile)
    assert "/" not in stored and "\\" not in stored and "\n" not in stored
    assert "\u202e" not in stored and stored != hostile
