"""The pack dialog's redaction controls over a real vault holding the demo case: clearing an
exhibit for a profile, the confidentiality marking, and the leak gate's refusal."""

from __future__ import annotations

import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flows import writes_landed
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.pdf import fonts
from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.briefing import BriefingDialog
from desktop.ui.writes import write_queue

BUILD_TIMEOUT_MS = 30_000
PASSPHRASE = "passphrase-123"


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def scan_pdf(line: str) -> bytes:
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS)
    canvas.setFont(fonts.SANS, 12)
    canvas.drawString(72, 720, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clearance-template") / "vault"
    vault, _recovery = Vault.create(folder, PASSPHRASE, check_strength=False)
    try:
        install_demo_case(Services.over(vault, actor="test"))
    finally:
        vault.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    return folder


@pytest.fixture
def services(template: Path, tmp_path: Path) -> Iterator[Services]:
    folder = tmp_path / "vault"
    shutil.copytree(template, folder)
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        yield Services.over(vault, actor="test")
    finally:
        vault.lock()


@pytest.fixture
def case_id(services: Services) -> str:
    (case,) = services.cases.list_cases()
    (gross,) = [p for p in services.people.persons(case.id) if p.display_name == "Andreas Gross"]
    services.people.update_person(gross.id, protected=True)
    return case.id


@pytest.fixture
def scan(services: Services, case_id: str) -> str:
    return services.sources.add_attachment(
        case_id,
        "gross_interview_scan.pdf",
        scan_pdf("Record of the hearing at Butyrka, 2009"),
        exhibit_label="MAG-7",
        description="Hearing record",
    )


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, case_id: str, scan: str) -> Iterator[BriefingDialog]:
    widget = BriefingDialog(services, case_id)
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


def choose(dialog: BriefingDialog, redaction: str) -> None:
    dialog.form.redaction.setCurrentIndex(dialog.form.redaction.findData(redaction))


def test_clearing_an_exhibit_in_the_dialog_puts_it_in_the_public_pack(
    qtbot: QtBot, dialog: BriefingDialog, services: Services, scan: str
) -> None:
    files = dialog.clearance.files
    assert not files.isEnabled()  # internal packs need no clearance
    choose(dialog, "public")
    assert files.isEnabled() and files.count() == 1
    item = files.item(0)
    assert "gross_interview_scan.pdf" in item.text()  # the user sees the file name here
    assert item.checkState() == Qt.CheckState.Unchecked
    text = "\n".join(pdf_text(build(qtbot, dialog)))
    assert "Record of the hearing" not in text
    assert "1 attachment(s) left out" in dialog.status.text()
    assert "Redaction check:" in dialog.status.text() and "1 protected people" in (
        dialog.status.text()
    )

    item.setCheckState(Qt.CheckState.Checked)  # as a click on its box does
    assert dialog.pack is None  # the tick dropped the preview at once
    writes_landed(qtbot, services)  # written on the vault's write queue
    assert services.sources.get_attachment(scan).cleared_public
    assert not services.sources.get_attachment(scan).cleared_counsel
    assert dialog.pack is None  # the tick dropped the preview
    texts = pdf_text(build(qtbot, dialog))
    assert "Record of the hearing" in texts[-1]
    joined = "\n".join(texts)
    assert "MAG-7" in joined and "Hearing record" in joined
    assert "gross_interview_scan" not in joined  # never the file name
    assert "Gross" not in joined

    choose(dialog, "counsel")  # a clearance is per profile
    assert dialog.clearance.files.item(0).checkState() == Qt.CheckState.Unchecked


def test_marking_field_shows_the_default_and_prints_what_is_typed(
    qtbot: QtBot, dialog: BriefingDialog
) -> None:
    field = dialog.form.confidentiality
    assert field.placeholderText() == "CONFIDENTIAL: internal working copy"
    choose(dialog, "counsel")
    assert field.placeholderText() == "PRIVILEGED AND CONFIDENTIAL: for counsel"
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("ru"))
    assert field.placeholderText() == "КОНФИДЕНЦИАЛЬНО: адвокатская тайна"
    texts = pdf_text(build(qtbot, dialog))
    assert all("КОНФИДЕНЦИАЛЬНО: адвокатская тайна" in t for t in texts)
    qtbot.keyClicks(field, "UNDER SEAL")
    assert dialog.pack is None
    texts = pdf_text(build(qtbot, dialog))
    assert len(texts) > 5 and all("UNDER SEAL" in t for t in texts)
    assert not any("адвокатская тайна" in t for t in texts)


def test_the_gate_refusal_is_shown_and_nothing_can_be_saved(
    qtbot: QtBot, dialog: BriefingDialog
) -> None:
    choose(dialog, "public")
    qtbot.keyClicks(dialog.form.prepared_for, "Mr Gross's counsel")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.findChild(QMessageBox, "errorBox") is not None, timeout=BUILD_TIMEOUT_MS
    )
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "The pack was not written" in box.text()
    assert "«Gross» (page 1, page text)" in box.text()
    assert dialog.pack is None
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    box.close()


def test_a_public_packs_file_name_leaves_out_a_protected_name(
    qtbot: QtBot, dialog: BriefingDialog, services: Services, case_id: str
) -> None:
    services.cases.update_case(case_id, title="Interview of Andreas Gross")
    choose(dialog, "public")
    build(qtbot, dialog)
    assert "Gross" not in dialog.default_path().name
    assert dialog.default_path().name.startswith("Interview-of-redacted-")


def test_a_build_asked_for_while_a_change_is_queued_waits_for_it(
    qtbot: QtBot, dialog: BriefingDialog, services: Services, case_id: str
) -> None:
    """A change still on the write queue (another writer held the lock) is in the pack."""
    event_id = services.timeline.event_ids(case_id)[0]
    release = threading.Event()

    def late_edit() -> None:
        assert release.wait(30)
        services.timeline.update_event(event_id, title="Retitled just before printing")

    queue = write_queue(services)
    queue.submit(late_edit)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.builder.running and dialog.pack is None
    assert dialog.status.text() == "Building once the last change is saved…"
    release.set()
    qtbot.waitUntil(lambda: dialog.pack is not None, timeout=BUILD_TIMEOUT_MS)
    assert dialog.pack is not None
    assert "Retitled just before printing" in "\n".join(pdf_text(dialog.pack.pdf))
