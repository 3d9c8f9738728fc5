"""The Sources & Exhibits tab: attaching files into the vault and viewing them from memory."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desktop.services.registry import Services
from desktop.ui.sources.tab import SourcesTab


def two_page_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for text in ("first page", "second page"):
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_attach_view_pdf_and_save_a_copy(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    data = two_page_pdf()
    dropped = tmp_path / "exhibit.pdf"
    dropped.write_bytes(data)
    tab = SourcesTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.set_case(case_id)
    source_id = services.sources.sources(case_id)[0].id
    assert tab.select_source(source_id)
    tab.attach_files([dropped])
    qtbot.waitUntil(lambda: tab.files.count() == 1, timeout=10_000)
    digest = hashlib.sha256(data).hexdigest()
    assert tab.hash_label.text() == f"SHA-256: {digest}"
    assert services.sources.attachments(case_id, source_id)[0].blob_sha256 == digest
    qtbot.waitUntil(lambda: tab.viewer.rendered is not None, timeout=10_000)
    assert tab.viewer.page_count == 2 and not tab.viewer.rendered.image.isNull()  # type: ignore[union-attr]
    tab.viewer.next_button.click()
    qtbot.waitUntil(lambda: tab.viewer.page == 1, timeout=10_000)
    copy = tmp_path / "copy.pdf"
    attachment = tab.current_attachment()
    assert attachment is not None
    tab.save_copy_to(attachment, copy)
    assert copy.read_bytes() == data


def test_image_attachment_is_shown(qtbot: QtBot, services: Services, case_id: str) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    raw = QByteArray()
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    source_id = services.sources.sources(case_id)[1].id
    services.sources.add_attachment(case_id, "photo.png", bytes(raw.data()), source_id=source_id)
    tab = SourcesTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    tab.select_source(source_id)
    qtbot.waitUntil(lambda: tab.viewer.rendered is not None, timeout=10_000)
    assert tab.viewer.rendered is not None and tab.viewer.rendered.image.size().width() == 40


def test_clearance_and_description_are_set_in_the_tab_and_undone(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    source_id = services.sources.sources(case_id)[0].id
    attachment_id = services.sources.add_attachment(
        case_id, "witness_statement.pdf", two_page_pdf(), source_id=source_id
    )
    undo = QUndoStack()
    tab = SourcesTab(services, undo)
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    assert tab.select_source(source_id)
    clearance = tab.clearance
    assert clearance.public.isEnabled() and not clearance.public.isChecked()
    clearance.public.click()
    assert services.sources.get_attachment(attachment_id).cleared_public
    assert not services.sources.get_attachment(attachment_id).cleared_counsel
    clearance.description.setFocus()
    qtbot.keyClicks(clearance.description, "Statement (redacted copy)")
    qtbot.keyClick(clearance.description, Qt.Key.Key_Return)
    assert services.sources.get_attachment(attachment_id).description == (
        "Statement (redacted copy)"
    )
    current = tab.current_attachment()
    assert current is not None and current.cleared_public  # the list holds fresh values
    undo.undo()
    assert services.sources.get_attachment(attachment_id).description == ""
    undo.undo()
    assert not services.sources.get_attachment(attachment_id).cleared_public
    undo.redo()
    assert services.sources.get_attachment(attachment_id).cleared_public
    services.sources.update_attachment(attachment_id, confidential=True)
    tab.refresh()
    assert not tab.clearance.public.isEnabled()  # confidential: never in a redacted pack
