"""Spreadsheet import into real vaults: xlsx and csv, dry runs, refusals, idempotence, names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sync_devices import make_device, pair, sync_pair
from test_cli_commands import dossier, one_line_error

from desktop.core.sheetcolumns import SHEETS
from desktop.services.registry import Services
from desktop.services.sheetfiles import SheetFileError, read_sheets
from desktop.services.sheetimport import RowsRefused, SheetImport
from desktop.services.sheetplan import Outcome
from desktop.services.sheettemplate import save_template
from desktop.store import audit
from desktop.store.models import AuditEntry
from desktop.store.records import EventRecord

PASSPHRASE = "a passphrase for sheets"


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        ws.append(list(SHEETS[name]))  # type: ignore[index]
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:  # fmt: skip
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


SOURCES = [["S1", "NGO report on the raid", "Memorial", "2009", "", "advocacy_publication"]]
PEOPLE = [["Elena Petrova", "Елена Петрова", "", "victim", ""]]
EVENTS = [
    ["night of 25 to 26 August 2008", "Raid on the flat", "", "disputed", "Moscow",
     "Elena Petrova; Kuznetsov", "S1:¶2", "yes", "raid"],
    ["в ночь на 26 августа 2008 г.", "Detention", "", "", "", "Кузнецова", "S1", "", ""],
    ["early 2010", "Appeal", "", "undisputed", "", "", "", "", ""],
]  # fmt: skip
COMPLAINTS = [["2008-09-01", "Elena Petrova", "Prosecutor", "Кузнецов", "Unlawful search",
               "OUR-1", "123/08", "1 October 2008", "filed"]]  # fmt: skip


@pytest.fixture
def case(services: Services) -> str:
    case_id = services.cases.create_case("The raid")
    services.people.add_person(case_id, "official", "Кузнецов Андрей Петрович")
    return case_id


@pytest.fixture
def book(tmp_path: Path) -> Path:
    sheets = {"sources": SOURCES, "people": PEOPLE, "events": EVENTS, "complaints": COMPLAINTS}
    return workbook(tmp_path / "case.xlsx", sheets)


def counts(services: Services, case_id: str) -> dict[str, int]:
    return services.cases.counts(case_id)


def titles(services: Services, case_id: str) -> set[str]:
    return {e.title for e in events(services, case_id)}


def events(services: Services, case_id: str) -> list[EventRecord]:
    return [r.event for r in services.timeline.rows(services.timeline.event_ids(case_id))]


def test_xlsx_imports_every_sheet_and_matches_across_scripts(
    services: Services, case: str, book: Path
) -> None:
    importer = SheetImport(services.store)
    report = importer.run(case, importer.read([book]))
    assert report.summary() == "6 new, 0 unchanged, 0 refused"
    assert titles(services, case) == {"Raid on the flat", "Detention", "Appeal"}
    people = {p.display_name: p for p in services.people.persons(case)}
    # "Kuznetsov", "Кузнецова" (genitive) and "Кузнецов" all found the one official.
    assert set(people) == {"Кузнецов Андрей Петрович", "Elena Petrova"}
    kuznetsov = people["Кузнецов Андрей Петрович"].id
    (raid,) = [e for e in events(services, case) if e.title == "Raid on the flat"]
    taking = {person.display_name for _p, person in services.timeline.participants(raid.id)}
    assert taking == {"Кузнецов Андрей Петрович", "Elena Petrova"}
    cited = services.sources.citations("event", raid.id)
    assert [(c.pinpoint, s.label) for c, s in cited] == [("¶2", "S1")]
    assert [c.subject for c in services.complaints.complaints_against(kuznetsov)] == [
        "Unlawful search"
    ]
    assert [t.name for t in services.tags.tags_of(raid.id)] == ["raid"]


def test_every_record_has_an_audit_entry_and_the_import_one_more(
    services: Services, case: str, book: Path
) -> None:
    importer = SheetImport(services.store)
    with services.store.reading() as s:
        before = s.query(AuditEntry).count()
    report = importer.run(case, importer.read([book]))
    with services.store.reading() as s:
        actions = [a for (a,) in s.query(AuditEntry.action).offset(before)]
    created = [a for a in actions if a == "create"]
    assert len(created) >= len(report.created) and actions[-1] == "import"
    with services.store.reading() as s:
        assert audit.check_chain(s).ok  # every record's content hash as stored
    hits = services.search.search("raid flat", case)
    assert [h.title for h in hits if h.kind == "event"] == ["Raid on the flat"]


def test_dry_run_names_the_bad_date_and_its_row_and_changes_nothing(
    services: Services, case: str, tmp_path: Path
) -> None:
    rows = [list(r) for r in EVENTS] + [["", "", "", "", "", "", "", "", ""]] * 2
    rows += [["32 Jan 2009", "Bad day", "", "", "", "", "", "", ""]]
    path = workbook(tmp_path / "bad.xlsx", {"sources": SOURCES, "events": rows})
    importer = SheetImport(services.store)
    before = counts(services, case)
    report = importer.preview(case, importer.read([path]))
    (refused,) = report.refused
    # header row 1, three events, two blank rows: the bad date is on row 7
    assert str(refused).startswith('events row 7: date "32 Jan 2009" not understood')
    assert counts(services, case) == before
    with pytest.raises(RowsRefused, match="events row 7"):
        importer.run(case, importer.read([path]))
    assert counts(services, case) == before  # all or nothing
    done = importer.run(case, importer.read([path]), valid_rows=True)
    assert done.count(Outcome.NEW) == 4 and done.count(Outcome.REFUSED) == 1
    assert "Bad day" not in titles(services, case) and "Appeal" in titles(services, case)


def test_reimport_is_idempotent_and_undo_redo_take_the_whole_import(
    services: Services, case: str, book: Path
) -> None:
    importer = SheetImport(services.store)
    first = importer.run(case, importer.read([book]))
    after_first = counts(services, case)
    again = importer.run(case, importer.read([book]))
    assert again.summary() == "0 new, 6 unchanged, 0 refused"
    assert counts(services, case) == after_first
    importer.take_back(first.created)
    assert titles(services, case) == set()
    assert {p.display_name for p in services.people.persons(case)} == {"Кузнецов Андрей Петрович"}
    assert services.search.search("raid flat", case) == []
    importer.bring_back(first.created)
    assert counts(services, case) == after_first
    assert [h.title for h in services.search.search("raid flat", case)] == ["Raid on the flat"]
    with services.store.reading() as s:
        assert audit.check_chain(s).ok  # the bulk deletes and restores hash as stored
    importer.take_back(first.created)
    # imported again after an undo: the same records come back, not copies
    assert importer.run(case, importer.read([book])).count(Outcome.NEW) == 6
    assert counts(services, case) == after_first


def test_reimport_on_a_second_laptop_after_sync_is_idempotent(tmp_path: Path, book: Path) -> None:
    a = make_device(tmp_path / "a", "laptop-a")
    b = make_device(tmp_path / "b", "laptop-b")
    try:
        pair(a, b, tmp_path / "pairing")
        case_id = a.services.cases.create_case("Shared case")
        SheetImport(a.services.store).run(case_id, read_sheets([book]))
        sync_pair(a, b, tmp_path / "stick")
        report = SheetImport(b.services.store).run(case_id, read_sheets([book]))
        assert report.count(Outcome.NEW) == 0
        assert report.count(Outcome.REFUSED) == 0
        assert len(b.services.people.persons(case_id)) == 2  # Petrova, Kuznetsov: no copies
        assert titles(b.services, case_id) == {"Raid on the flat", "Detention", "Appeal"}
    finally:
        a.vault.lock()
        b.vault.lock()


def test_csv_dialects_cp1251_bom_and_semicolons(
    services: Services, case: str, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    header = list(SHEETS["events"])
    row = ["25.08.2008", "Обыск", "", "", "Москва", "Кузнецову", "", "да", ""]
    write_csv(folder / "events.csv", header, [row], delimiter=";", encoding="cp1251")
    people = ["\ufeff" + ",".join(SHEETS["people"]), "Иван Сидоров,,,witness,"]
    (folder / "people.csv").write_text("\r\n".join(people), encoding="utf-8")
    importer = SheetImport(services.store)
    report = importer.run(case, importer.read(sorted(folder.glob("*.csv"))))
    assert report.summary() == "2 new, 0 unchanged, 0 refused"
    (event,) = events(services, case)
    assert (event.title, event.place, event.key_event) == ("Обыск", "Москва", True)
    taking = [p.display_name for _p, p in services.timeline.participants(event.id)]
    assert taking == ["Кузнецов Андрей Петрович"]


def test_russian_sheet_names_and_headers_are_read(
    services: Services, case: str, tmp_path: Path
) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "События"
    ws.append(["Дата", "Событие", "Участники", "Ключевое"])
    ws.append(["в конце 2008 года", "Обыск", "Кузнецовым", "да"])
    book.save(tmp_path / "дело.xlsx")
    report = SheetImport(services.store).run(case, read_sheets([tmp_path / "дело.xlsx"]))
    assert report.summary() == "1 new, 0 unchanged, 0 refused"
    (event,) = events(services, case)
    assert (event.title, event.key_event, event.date_note) == ("Обыск", True, "late")
    taking = [p.display_name for _p, p in services.timeline.participants(event.id)]
    assert taking == ["Кузнецов Андрей Петрович"]  # instrumental case, matched


def test_a_russian_excel_csv_in_a_paralegals_own_words_imports_whole(
    services: Services, case: str, tmp_path: Path
) -> None:
    """As Excel saves it in Russia (Windows-1251, semicolons), with the headers, statuses,
    roles and dates a paralegal writes rather than the template's."""
    folder = tmp_path / "csv"
    folder.mkdir()
    write_csv(
        folder / "люди.csv",
        ["ФИО", "Роль", "Примечание"],
        [["Зарема Садулаева", "Потерпевшая", "мать"], ["Ирина Лебедева", "свидетельница", ""]],
        delimiter=";",
        encoding="cp1251",
    )
    write_csv(folder / "хронология.csv",
              ["Дата", "Событие", "Подробности", "Статус", "Лица", "Ключевое событие", "Метки"],
              [["в период с 24 ноября 2008 года по 16 ноября 2009 года", "Под стражей", "",
                "бесспорно", "Садулаевой", "да", "арест"],
               ["I квартал 2010 г.", "Проверка", "", "не проверено", "Лебедевой", "нет", ""]],
              delimiter=";", encoding="cp1251")  # fmt: skip
    importer = SheetImport(services.store)
    report = importer.run(case, importer.read(sorted(folder.glob("*.csv"))))
    assert report.summary() == "4 new, 0 unchanged, 0 refused"
    kinds = {p.display_name: p.kind for p in services.people.persons(case)}
    assert kinds["Зарема Садулаева"] == "victim" and kinds["Ирина Лебедева"] == "witness"
    got = {e.title: (e.date_edtf, e.fact_status, e.key_event) for e in events(services, case)}
    assert got == {
        "Под стражей": ("2008-11-24/2009-11-16", "undisputed", True),
        "Проверка": ("2010-01/2010-03", "unverified", False),
    }


def test_a_csv_with_another_name_is_known_by_its_headers_and_mapped_columns(
    services: Services, case: str, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "my facts.csv", ["Дата", "Событие", "Notes"],
                     [["2009", "Hearing", "x"]])  # fmt: skip
    with pytest.raises(SheetFileError, match="'Notes' is not one Dossier knows"):
        read_sheets([path])
    sheets = read_sheets([path], {"Notes": "description"})
    report = SheetImport(services.store).run(case, sheets)
    assert report.count(Outcome.NEW) == 1
    (event,) = events(services, case)
    assert (event.title, event.description) == ("Hearing", "x")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("events.csv", "date,title\n2009,a\n2010,b,c,d\n", "events.csv row 3 has 4 cells"),
        ("events.csv", 'date,title\n2009,"unclosed\n', "not a well-formed CSV"),
        ("events.csv", b"\x00\x01\x02binary", "not a text CSV file"),
        ("events.csv", "", "is empty"),
        ("facts.csv", "when,what\n2009,a\n", "cannot tell which sheet"),
        ("events.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
        ("events.pdf", b"%PDF-1.4", "give an .xlsx workbook or .csv files"),
    ],
)
def test_malformed_files_are_one_clear_error(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SheetFileError, match=message) as caught:
        read_sheets([path])
    assert "\n" not in str(caught.value)


def test_a_file_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.sheetfiles.MAX_FILE_BYTES", 100)
    path = write_csv(tmp_path / "events.csv", ["date", "title"], [["2009", "x" * 200]])
    with pytest.raises(SheetFileError, match="too large"):
        read_sheets([path])


def test_ambiguous_and_unknown_references_are_refused_with_reasons(
    services: Services, case: str, tmp_path: Path
) -> None:
    services.people.add_person(case, "official", "Кузнецов Иван")
    path = workbook(tmp_path / "refs.xlsx", {"events": [
        ["2009", "One", "", "", "", "Kuznetsov", "", "", ""],
        ["2009", "Two", "", "", "", "", "S9", "", ""],
        ["2009", "Three", "", "maybe", "", "", "", "", ""],
        ["2009", "Four", "", "", "", "", "", "perhaps", ""],
    ]})  # fmt: skip
    report = SheetImport(services.store).preview(case, read_sheets([path]))
    reasons = [str(r) for r in report.refused]
    assert reasons[0].startswith('events row 2: "Kuznetsov" could be 2 people')
    assert reasons[1] == 'events row 3: source "S9" is neither in the sources sheet nor in the case'
    assert reasons[2].startswith('events row 4: status "maybe" is not one of')
    assert reasons[3] == 'events row 5: key "perhaps" should be "yes" or empty'


def test_the_template_imports_as_is_and_explains_its_columns(
    services: Services, case: str, tmp_path: Path
) -> None:
    save_template(tmp_path / "template.xlsx")
    book = load_workbook(tmp_path / "template.xlsx", read_only=True)
    assert book.sheetnames == [*SHEETS, "notes"]
    notes = [row for row in book["notes"].iter_rows(values_only=True)]
    assert ("events", "date") in {(r[0], r[1]) for r in notes}
    assert any("Кузнецов" in str(r[3]) or "обязательно" in str(r[3]) for r in notes)
    book.close()
    report = SheetImport(services.store).preview(case, read_sheets([tmp_path / "template.xlsx"]))
    assert report.count(Outcome.REFUSED) == 0 and report.count(Outcome.NEW) == 3


# ---- the command line --------------------------------------------------------------------------
@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def cli_vault(tmp_path: Path, home: Path) -> Path:
    folder = tmp_path / "vault"
    dossier("vault", "create", folder, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip
    dossier("--vault", folder, "--passphrase-file", "-", "case", "add", "The raid",
            stdin=PASSPHRASE + "\n", home=home)  # fmt: skip
    return folder


def run(vault: Path, home: Path, *args: str | Path, expect: int = 0) -> tuple[str, str]:
    done = dossier("--vault", vault, "--passphrase-file", "-", *args,
                   stdin=PASSPHRASE + "\n", home=home, expect=expect)  # fmt: skip
    return done.stdout, done.stderr


def test_cli_dry_run_all_or_nothing_valid_rows_and_reimport(
    cli_vault: Path, home: Path, tmp_path: Path
) -> None:
    rows = [*EVENTS, ["32 Jan 2009", "Bad day", "", "", "", "", "", "", ""]]
    path = workbook(tmp_path / "case.xlsx", {"sources": SOURCES, "events": rows})
    out, _ = run(cli_vault, home, "import-sheet", path, "--dry-run")
    assert 'events row 5: date "32 Jan 2009" not understood' in out
    assert "Dry run, nothing written: would be 4 new, 0 unchanged, 1 refused." in out
    out, err = run(cli_vault, home, "import-sheet", path, expect=1)
    assert "events row 5" in out and err.startswith("dossier: Nothing was imported")
    assert len(err.strip().splitlines()) == 1
    listed, _ = run(cli_vault, home, "event", "list", "--json")
    assert json.loads(listed) == []
    out, _ = run(cli_vault, home, "import-sheet", path, "--valid-rows")
    assert out.strip().endswith("4 new, 0 unchanged, 1 refused.")
    out, _ = run(cli_vault, home, "import-sheet", path, "--valid-rows", "--json")
    data = json.loads(out)
    assert (data["new"], data["unchanged"], data["refused"]) == (0, 4, 1)
    listed, _ = run(cli_vault, home, "event", "list", "--json")
    assert len(json.loads(listed)) == 3


def test_cli_template_then_import_of_its_csv_folder(
    cli_vault: Path, home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "template"
    folder.mkdir()
    dossier("template", "--out", folder, home=home)
    assert sorted(p.name for p in folder.iterdir()) == [
        "columns-notes.txt", "complaints.csv", "events.csv", "people.csv", "sources.csv"
    ]  # fmt: skip
    files = sorted(folder.glob("*.csv"))
    out, _ = run(cli_vault, home, "import-sheet", *files)
    assert out.strip().endswith("4 new, 0 unchanged, 0 refused.")
    out, _ = run(cli_vault, home, "import-sheet", *files)
    assert out.strip().endswith("0 new, 4 unchanged, 0 refused.")
    done = dossier("template", "--out", tmp_path / "t.txt", home=home, expect=1)
    assert ".xlsx" in one_line_error(done)


def test_cli_malformed_file_is_one_line_and_changes_nothing(
    cli_vault: Path, home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "events.csv"
    path.write_text("date,title,colour\n2009,a,red\n", encoding="utf-8")
    done = dossier("--vault", cli_vault, "--passphrase-file", "-", "import-sheet", path,
                   stdin=PASSPHRASE + "\n", home=home, expect=1)  # fmt: skip
    assert "'colour' is not one Dossier knows" in one_line_error(done)
    out, _ = run(cli_vault, home, "import-sheet", path, "--column", "colour=")
    assert out.strip().endswith("1 new, 0 unchanged, 0 refused.")


def test_the_same_file_imported_on_two_laptops_before_a_sync_makes_no_copies(
    tmp_path: Path, book: Path
) -> None:
    a = make_device(tmp_path / "a", "laptop-a")
    b = make_device(tmp_path / "b", "laptop-b")
    try:
        pair(a, b, tmp_path / "pairing")
        case_id = a.services.cases.create_case("Shared case")
        sync_pair(a, b, tmp_path / "stick")
        SheetImport(a.services.store).run(case_id, read_sheets([book]))
        SheetImport(b.services.store).run(case_id, read_sheets([book]))
        sync_pair(a, b, tmp_path / "stick")
        for device in (a, b):
            assert sorted(e.title for e in events(device.services, case_id)) == [
                "Appeal", "Detention", "Raid on the flat"
            ]  # fmt: skip
            # the same records made twice: versions to confirm, none differing in a field
            conflicts = device.conflicts.list_conflicts()
            assert conflicts and all(c.differing == () for c in conflicts)
    finally:
        a.vault.lock()
        b.vault.lock()
