"""The spreadsheet import wizard, offscreen, over a copy of the demo vault: end to end."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from desktop.core.sheetcolumns import SHEETS
from desktop.services.registry import Services
from desktop.ui.i18n import install_language
from desktop.ui.sheet.memory import ColumnMemory
from desktop.ui.sheet.wizard import (
    COLUMNS,
    PREVIEW,
    RESULT,
    SheetImportWizard,
    save_template_dialog,
)
from desktop.ui.undo import CaseUndoStack

EVENTS = [
    ["3 March 2012", "Hearing on the appeal", "", "disputed", "Moscow", "Магнитского", "", "yes",
     ""],
    ["32 Jan 2009", "A day that does not exist", "", "", "", "", "", "", ""],
    ["early 2013", "Second hearing", "", "", "", "Kuznetsova", "", "", ""],
]  # fmt: skip


def workbook(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "events"
    ws.append(list(SHEETS["events"]))
    for row in EVENTS:
        ws.append(row)
    book.save(path)
    return path


def titles(services: Services, case_id: str) -> set[str]:
    return {r.event.title for r in services.timeline.rows(services.timeline.event_ids(case_id))}


def test_preview_then_import_of_the_valid_rows_then_undo(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "facts.xlsx")
    before = titles(services, case_id)
    undo = CaseUndoStack()
    undo.set_case(case_id)
    wizard = SheetImportWizard(services, case_id, undo)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.set_files([path])
    wizard.next()
    assert wizard.currentId() == PREVIEW  # the template's headers: no columns to map
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    table = page.table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [r[:3] for r in rows] == [
        ["events", "2", "new"],
        ["events", "3", "refused"],
        ["events", "4", "new"],
    ]
    assert rows[1][4].startswith('date "32 Jan 2009" not understood')
    assert "2 new, 0 unchanged, 1 refused" in page.summary.text()
    assert titles(services, case_id) == before  # the preview wrote nothing
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    page.valid_only.setChecked(True)
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == RESULT
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.report is not None, timeout=20_000)
    assert "2 new, 0 unchanged, 1 refused" in result.result.text()
    assert result.progress.value() == result.progress.maximum()
    assert titles(services, case_id) == before | {"Hearing on the appeal", "Second hearing"}
    hearing = next(
        r
        for r in services.timeline.rows(services.timeline.event_ids(case_id))
        if r.event.title == "Hearing on the appeal"
    )
    assert hearing.people == ("Sergei Magnitsky",)  # "Магнитского": genitive, matched
    assert undo.count() == 1
    undo.undo()
    assert titles(services, case_id) == before
    undo.redo()
    assert "Second hearing" in titles(services, case_id)


def test_unknown_headers_are_mapped_once_and_remembered(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Datum", "Was geschah", "Bemerkung"])
    writer.writerow(["1 May 2013", "Visit to the prison", "ignore me"])
    path = tmp_path / "Tabelle.csv"
    path.write_bytes(out.getvalue().encode("cp1251"))
    memory = ColumnMemory()

    def run_wizard() -> SheetImportWizard:
        wizard = SheetImportWizard(services, case_id, None, memory)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.files_page.set_files([path])
        wizard.next()
        return wizard

    wizard = run_wizard()
    assert wizard.currentId() == COLUMNS
    page = wizard.columns_page
    (kind,) = page.kinds.values()  # no header is known: which sheet is it?
    kind.setCurrentIndex(kind.findData("events"))
    combos = {header: combo for _i, header, combo in page.headers}
    assert set(combos) == {"Datum", "Was geschah", "Bemerkung"}
    combos["Datum"].setCurrentIndex(combos["Datum"].findData("date"))
    combos["Was geschah"].setCurrentIndex(combos["Was geschah"].findData("title"))
    wizard.next()
    assert wizard.currentId() == PREVIEW
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    assert "1 new, 0 unchanged, 0 refused" in wizard.preview_page.summary.text()
    assert memory.load() == {"Datum": "date", "Was geschah": "title", "Bemerkung": ""}
    wizard.close()

    again = run_wizard()  # the choices come back for the same headers
    assert again.currentId() == COLUMNS  # the file's kind is still unknown by its name
    (kind,) = again.columns_page.kinds.values()
    kind.setCurrentIndex(kind.findData("events"))
    chosen = {h: c.currentData() for _i, h, c in again.columns_page.headers}
    assert chosen == {"Datum": "date", "Was geschah": "title", "Bemerkung": ""}


def test_the_file_menu_offers_import_and_template(window: object) -> None:
    a = window.commands  # type: ignore[attr-defined]
    titles_in_menu = [x.text() for x in window.menus.file.actions()]  # type: ignore[attr-defined]
    assert a.import_sheet.text() in titles_in_menu and a.save_template.text() in titles_in_menu
    wizard = window.open_sheet_import()  # type: ignore[attr-defined]
    assert isinstance(wizard, SheetImportWizard)
    wizard.close()


def test_save_template_adds_the_suffix_and_writes_the_workbook(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = str(tmp_path / "for the paralegal")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen, ""))
    path = save_template_dialog(parent)
    assert path == tmp_path / "for the paralegal.xlsx"
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == [*SHEETS, "notes"]
    book.close()


def test_a_refused_row_is_explained_in_russian_in_the_russian_ui(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "facts.xlsx")
    assert install_language("ru")
    try:
        undo = CaseUndoStack()
        undo.set_case(case_id)
        wizard = SheetImportWizard(services, case_id, undo)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.files_page.set_files([path])
        wizard.next()
        page = wizard.preview_page
        qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
        reason = page.table.item(1, 4).text()
    finally:
        install_language("en")
    # the cell as written, the column, and the date parser's own reason, all in Russian
    assert reason.startswith("date: «32 Jan 2009» не понято (")
    assert "not understood" not in reason
    assert any("а" <= ch <= "я" for ch in reason.split("(", 1)[1])
