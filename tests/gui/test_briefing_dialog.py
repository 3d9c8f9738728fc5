"""The briefing-pack dialog over a real vault holding the demo case.

Each test builds the dialog, drives its options, builds the preview on the worker thread
and checks what the user would get: the previewed pages, the saved file, the printout.
"""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DOSSIER_INSECURE_TEST_KDF", "1")

import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageRanges
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.briefing import BriefingDialog
from desktop.ui.briefing.dialog import pack_file_name
from desktop.ui.i18n import install_language

BUILD_TIMEOUT_MS = 30_000
PASSPHRASE = "passphrase-123"


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def dark_pixels(image: QImage) -> int:
    """How many pixels of a sparse grid over `image` are dark (text, rules)."""
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                count += 1
    return count


@pytest.fixture(scope="module")
def demo_vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked vault holding the demo case, made once; each test opens its own copy."""
    folder = tmp_path_factory.mktemp("briefing-template") / "vault"
    vault, _recovery = Vault.create(folder, PASSPHRASE, check_strength=False)
    try:
        install_demo_case(Services.over(vault, actor="test"))
    finally:
        vault.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    return folder


@pytest.fixture
def vault_services(demo_vault_template: Path, tmp_path: Path) -> Iterator[Services]:
    """Services over a private copy of the demo vault, on disk in tmp_path."""
    folder = tmp_path / "vault"
    shutil.copytree(demo_vault_template, folder)
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        yield Services.over(vault, actor="test")
    finally:
        vault.lock()


@pytest.fixture
def case_id(vault_services: Services) -> str:
    (case,) = vault_services.cases.list_cases()
    return case.id


@pytest.fixture
def dialog(qtbot: QtBot, vault_services: Services, case_id: str) -> Iterator[BriefingDialog]:
    widget = BriefingDialog(vault_services, case_id)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.builder.cancel()
    assert widget.builder.wait(BUILD_TIMEOUT_MS)


def build(qtbot: QtBot, dialog: BriefingDialog) -> bytes:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pack is not None, timeout=BUILD_TIMEOUT_MS)
    assert dialog.pack is not None
    return dialog.pack.pdf


def test_preview_shows_every_page_and_the_hash(qtbot: QtBot, dialog: BriefingDialog) -> None:
    reported: list[float] = []
    dialog.builder.progressed.connect(reported.append)
    pdf = build(qtbot, dialog)
    assert reported and reported == sorted(reported) and reported[-1] == 1.0
    assert dialog.preview.page_count == len(PdfReader(BytesIO(pdf)).pages)
    assert dialog.preview.thumbnails.count() == dialog.preview.page_count
    assert dialog.pack is not None and dialog.pack.sha256 in dialog.status.text()
    image = dialog.preview.current_image()
    assert not image.isNull()
    assert dark_pixels(image) > 50
    assert not dialog.progress.isVisible()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    qtbot.waitUntil(dialog.preview.thumbnails_done, timeout=BUILD_TIMEOUT_MS)
    icon = dialog.preview.thumbnails.item(0).icon()
    assert not icon.isNull()


def test_page_keys_and_zoom_move_through_the_pages(qtbot: QtBot, dialog: BriefingDialog) -> None:
    build(qtbot, dialog)
    first = dialog.preview.current_image().size()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.preview.thumbnails.setFocus()
    # A button's shortcut "animates" its click: the page turns a moment after the key.
    qtbot.keyClick(dialog.preview.thumbnails, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.preview.current_index == 1)
    assert dialog.preview.thumbnails.currentRow() == 1
    qtbot.keyClick(dialog.preview.thumbnails, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: dialog.preview.current_index == 0)
    qtbot.mouseClick(dialog.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    bigger = dialog.preview.current_image().size()
    assert bigger.width() > first.width() and bigger.height() > first.height()


def test_the_preview_opens_fitted_to_the_width(qtbot: QtBot, dialog: BriefingDialog) -> None:
    build(qtbot, dialog)
    preview = dialog.preview
    assert preview.fits_width and preview.fit_button.isChecked()
    viewport = preview.page_scroll.viewport().width()
    shown = preview.current_image().width() / preview.devicePixelRatioF()
    assert viewport * 0.8 <= shown <= viewport  # the whole width, nothing cropped
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not preview.fits_width and not preview.fit_button.isChecked()
    assert preview.current_image().width() / preview.devicePixelRatioF() > shown
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)
    assert preview.fits_width
    assert preview.current_image().width() / preview.devicePixelRatioF() == shown


def test_the_russian_options_pane_is_not_clipped(
    qtbot: QtBot, vault_services: Services, case_id: str, english: None
) -> None:
    assert install_language("ru")
    widget = BriefingDialog(vault_services, case_id)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    pane = widget.form_scroll
    assert pane.widget().minimumSizeHint().width() <= pane.viewport().width()
    fields = (widget.form.date_to, widget.form.language, widget.form.confidentiality)

    def inside() -> bool:
        edge = pane.viewport().mapToGlobal(pane.viewport().rect().topRight()).x()
        return all(f.mapToGlobal(f.rect().topRight()).x() <= edge for f in fields)

    qtbot.waitUntil(inside)  # once the layout has settled, every field ends inside the pane


def test_russian_labels(qtbot: QtBot, dialog: BriefingDialog) -> None:
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("ru"))
    text = pdf_text(build(qtbot, dialog))
    assert "Хронология" in text
    assert "Chronology" not in text


def test_public_redaction_removes_a_protected_person(
    qtbot: QtBot, dialog: BriefingDialog, vault_services: Services, case_id: str
) -> None:
    (witness,) = [
        p for p in vault_services.people.persons(case_id) if p.display_name == "Andreas Gross"
    ]
    vault_services.people.update_person(witness.id, protected=True)
    assert "Gross" in pdf_text(build(qtbot, dialog))  # internal keeps everyone
    dialog.form.redaction.setCurrentIndex(dialog.form.redaction.findData("public"))
    assert dialog.pack is None  # the change dropped the internal preview
    public = build(qtbot, dialog)
    assert "Gross" not in pdf_text(public)
    assert b"Gross" not in public


def test_changing_an_option_drops_the_preview(qtbot: QtBot, dialog: BriefingDialog) -> None:
    build(qtbot, dialog)
    dialog.form.section_boxes["people"].setChecked(False)
    assert dialog.pack is None
    assert dialog.preview.page_count == 0
    assert not dialog.save_button.isEnabled()
    assert not dialog.print_button.isEnabled()


def test_validation_error_is_shown_beside_its_field(qtbot: QtBot, dialog: BriefingDialog) -> None:
    assert dialog.form.bates_prefix.text() == "DOS-"
    dialog.form.bates_prefix.clear()
    qtbot.keyClicks(dialog.form.bates_prefix, "EXH-")  # exhibit labels read EXH-4
    assert "bates_prefix" in dialog.form.visible_errors()
    assert dialog.form.errors["bates_prefix"].isVisible()
    assert not dialog.preview_button.isEnabled()
    dialog.form.bates_prefix.setText("MAG-")
    assert dialog.form.options(dt.date(2024, 5, 1)).bates_prefix == "MAG-"
    assert dialog.form.visible_errors() == {}
    for box in dialog.form.section_boxes.values():
        box.setChecked(False)
    assert set(dialog.form.visible_errors()) == {"sections"}


def test_the_period_starts_as_the_case_s_first_and_last_day(
    dialog: BriefingDialog, vault_services: Services, case_id: str
) -> None:
    span = vault_services.timeline.day_span(case_id)
    assert span is not None and span[0] < span[1]
    assert (dialog.form.date_from.date().toPython(), dialog.form.date_to.date().toPython()) == span
    dialog.form.limit_dates.setChecked(True)  # ticked as it comes: the whole case, no error
    assert dialog.form.visible_errors() == {}


def test_dates_in_the_wrong_order_are_refused(qtbot: QtBot, dialog: BriefingDialog) -> None:
    dialog.form.limit_dates.setChecked(True)
    dialog.form.date_from.setDate(dialog.form.date_to.date().addDays(1))
    assert set(dialog.form.visible_errors()) == {"date_from"}
    dialog.build_preview()
    assert not dialog.builder.running


def test_save_writes_the_pack_built_by_the_service(
    qtbot: QtBot,
    dialog: BriefingDialog,
    vault_services: Services,
    case_id: str,
    tmp_path: Path,
) -> None:
    dialog.form.paper.setCurrentIndex(dialog.form.paper.findData("letter"))
    qtbot.keyClicks(dialog.form.prepared_for, "Court")
    build(qtbot, dialog)
    options = dialog.pack_options
    assert options is not None and options.paper == "letter" and options.prepared_for == "Court"
    target = tmp_path / "out" / "pack"
    target.parent.mkdir()
    assert dialog.save_to(target)
    written = (tmp_path / "out" / "pack.pdf").read_bytes()
    assert written == vault_services.briefs.build(case_id, options).pdf


def print_and_wait(qtbot: QtBot, dialog: BriefingDialog, printer: QPrinter) -> str:
    with qtbot.waitSignal(dialog.printout.done, timeout=BUILD_TIMEOUT_MS) as done:
        dialog.print_to(printer)
    assert not dialog.printout.busy
    return str(done.args[0])


def test_print_to_file_writes_the_pdf_pages_themselves(
    qtbot: QtBot, dialog: BriefingDialog, tmp_path: Path
) -> None:
    pdf = build(qtbot, dialog)
    assert dialog.pack is not None
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_and_wait(qtbot, dialog, printer)
    assert (tmp_path / "printed.pdf").read_bytes() == pdf  # vector pages, not images
    assert (tmp_path / "printed.pdf").stat().st_mode & 0o077 == 0

    ranged = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "range.pdf"))
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setPageRanges(QPageRanges.fromString("2-3"))
    assert "2" in print_and_wait(qtbot, dialog, ranged)
    reader = PdfReader(tmp_path / "range.pdf")
    original = PdfReader(BytesIO(pdf))
    assert [p.extract_text() for p in reader.pages] == [
        original.pages[1].extract_text(),
        original.pages[2].extract_text(),
    ]


def test_stop_ignores_the_running_build(qtbot: QtBot, dialog: BriefingDialog) -> None:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.builder.running and dialog.stop_button.isEnabled()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not dialog.builder.running
    assert dialog.builder.wait(BUILD_TIMEOUT_MS)
    qtbot.wait(50)  # let any queued result arrive: it must be ignored
    assert dialog.pack is None
    assert not dialog.save_button.isEnabled()


def test_default_file_name_comes_from_the_title_and_date() -> None:
    name = pack_file_name("The death of Sergei Magnitsky: a case", dt.date(2024, 5, 1))
    assert name == "The-death-of-Sergei-Magnitsky-a-case-2024-05-01.pdf"
    assert pack_file_name("«Дело» №1", dt.date(2024, 5, 1)) == "Дело-1-2024-05-01.pdf"


def test_save_into_a_missing_folder_says_so(
    qtbot: QtBot, dialog: BriefingDialog, tmp_path: Path
) -> None:
    build(qtbot, dialog)
    assert not dialog.save_to(tmp_path / "no-such-folder" / "pack.pdf")
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "could not be saved" in box.text()
    assert not (tmp_path / "no-such-folder").exists()
    box.close()


def test_label_language_defaults_to_the_interface_language(
    qtbot: QtBot, vault_services: Services, case_id: str
) -> None:
    install_language("ru")
    try:
        widget = BriefingDialog(vault_services, case_id)
        qtbot.addWidget(widget)
        assert widget.form.language.currentData() == "ru"
        assert widget.options().lang == "ru"
    finally:
        install_language("en")
    widget = BriefingDialog(vault_services, case_id)
    qtbot.addWidget(widget)
    assert widget.options().lang == "en"


def test_citations_as_footnotes_from_the_form(qtbot: QtBot, dialog: BriefingDialog) -> None:
    assert "Sources" in pdf_text(build(qtbot, dialog)).split("Chronology", 2)[2][:200]
    dialog.form.citations.setCurrentIndex(dialog.form.citations.findData("footnotes"))
    assert dialog.pack is None  # a new choice drops the preview built with the old one
    pdf = build(qtbot, dialog)
    assert dialog.pack is not None and dialog.pack.briefing.citations == "footnotes"
    chronology = pdf_text(pdf).split("Chronology", 2)[2]
    head = chronology[: chronology.index("¶")]
    assert "Event" in head and "Sources" not in head  # no sources column
    assert "[3] S3 Deception, chapter on the Magnitsky case" in chronology  # a note
