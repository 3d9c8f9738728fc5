"""The spreadsheet round trip: the demo case exported as XLSX (`dossier export xlsx`) and
imported into an empty case (`dossier import-sheet`) gives the same chronology: dates,
titles, descriptions, places, status, key facts, people, pin cites and tags. Real vault,
real workbook, the command line both ways."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl
import pytest

from desktop.cli.main import main
from desktop.services.registry import Services
from desktop.store.vault import Vault


def dossier(vault: Path, secret: Path, *args: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    argv = ["--vault", str(vault), "--passphrase-file", str(secret), *map(str, args)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert code == 0, (out.getvalue(), err.getvalue())
    return out.getvalue()


def chronology(services: Services, case_id: str) -> list[tuple[object, ...]]:
    """Each fact as the pack would tell it, without record ids."""
    facts = []
    for event_id in services.timeline.event_ids(case_id):
        event = services.timeline.get_event(event_id)
        people = sorted(p.display_name for _part, p in services.timeline.participants(event_id))
        cites = sorted(
            (src.label, c.pinpoint) for c, src in services.sources.citations("event", event_id)
        )
        tags = sorted(t.name for t in services.tags.tags_of(event_id))
        facts.append((event.date_edtf, event.date_note, event.title, event.description,
                      event.place, event.fact_status, event.key_event, tuple(people),
                      tuple(cites), tuple(tags)))  # fmt: skip
    return facts


def test_the_demo_case_exported_as_xlsx_imports_into_an_empty_case_unchanged(
    demo_folder: Path, passphrase: str, tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    opened = Vault.unlock_with_passphrase(demo_folder, passphrase)
    try:
        services = Services.over(opened, actor="test")
        (demo,) = services.cases.list_cases()
        (first, *_rest) = services.timeline.event_ids(demo.id)
        services.timeline.update_event(first, key_event=True)
        services.tags.tag(demo.id, "event", first, "медицинская помощь")
        before = chronology(services, demo.id)
    finally:
        opened.lock()
    assert any(f[6] for f in before) and any(f[9] for f in before) and any(f[8] for f in before)

    book = tmp_path / "demo.xlsx"
    dossier(demo_folder, secret, "export", "xlsx", "--case", demo.id, "--out", book)
    sheets = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert {"sources", "people", "events", "complaints"} <= set(sheets)
    dossier(demo_folder, secret, "case", "add", "Round trip")
    out = dossier(demo_folder, secret, "import-sheet", book, "--case", "Round trip")
    assert "refused" not in out.lower() or " 0 refused" in out.lower(), out

    opened = Vault.unlock_with_passphrase(demo_folder, passphrase)
    try:
        services = Services.over(opened, actor="test")
        copy = next(c for c in services.cases.list_cases() if c.title == "Round trip")
        after = chronology(services, copy.id)
    finally:
        opened.lock()
    assert len(after) == len(before)
    assert after == before


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_formula_like_texts_come_back_as_written(
    demo_folder: Path, passphrase: str, tmp_path: Path, fmt: str
) -> None:
    """The exports keep "=…" and "-…" from running as formulas (an apostrophe in CSV, a text
    cell in XLSX); importing the file gives back exactly what was written."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    texts = ('=HYPERLINK("http://x.example","open")', "-5 days", "'=quoted by hand", "'plain")
    opened = Vault.unlock_with_passphrase(demo_folder, passphrase)
    try:
        services = Services.over(opened, actor="test")
        (demo,) = services.cases.list_cases()
        for number, description in enumerate(texts):
            services.timeline.add_event(
                demo.id, f"2011-01-0{number + 1}", f"Formula {number}", description=description
            )
    finally:
        opened.lock()
    out = tmp_path / ("demo.xlsx" if fmt == "xlsx" else "sheets")
    dossier(demo_folder, secret, "export", fmt, "--case", demo.id, "--out", out)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(out)
        cells = [c for row in book["events"].iter_rows() for c in row if c.value == texts[0]]
        assert cells and all(c.data_type == "s" for c in cells)
        files: list[Path] = [out]
    else:
        assert "'=HYPERLINK(" in (out / "events.csv").read_text(encoding="utf-8-sig")
        files = sorted(out.glob("*.csv"))
    dossier(demo_folder, secret, "case", "add", "Round trip")
    dossier(demo_folder, secret, "import-sheet", *files, "--case", "Round trip")
    opened = Vault.unlock_with_passphrase(demo_folder, passphrase)
    try:
        services = Services.over(opened, actor="test")
        copy = next(c for c in services.cases.list_cases() if c.title == "Round trip")
        read_back = {
            event.title: event.description
            for event in map(services.timeline.get_event, services.timeline.event_ids(copy.id))
        }
    finally:
        opened.lock()
    assert [read_back[f"Formula {n}"] for n in range(len(texts))] == list(texts)
