"""The pack options' "Only key facts in the chronology": the preview built in the dialog
holds only the key facts and its cover says so (read back with pypdf)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.demo import sample_case_path
from desktop.services.registry import Services
from desktop.ui.briefing import BriefingDialog

BUILD_TIMEOUT_MS = 30_000
SAMPLE = json.loads(sample_case_path().read_text("utf-8"))


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, case_id: str) -> Iterator[BriefingDialog]:
    widget = BriefingDialog(services, case_id)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.builder.cancel()
    assert widget.builder.wait(BUILD_TIMEOUT_MS)


def build(qtbot: QtBot, dialog: BriefingDialog) -> str:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pack is not None, timeout=BUILD_TIMEOUT_MS)
    assert dialog.pack is not None
    pages = PdfReader(BytesIO(dialog.pack.pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_key_facts_only_checkbox_builds_a_pack_of_key_facts(
    qtbot: QtBot, dialog: BriefingDialog
) -> None:
    key = [" ".join(e["title"].split())[:40] for e in SAMPLE["events"] if e.get("key_event")]
    other = [" ".join(e["title"].split())[:40] for e in SAMPLE["events"] if not e["key_event"]]
    for section in ("people", "complaints", "sources", "exhibits", "summary"):
        dialog.form.section_boxes[section].setChecked(False)  # the chronology alone
    whole = build(qtbot, dialog)
    assert all(title in whole for title in key + other)
    assert "Only the key facts" not in whole
    qtbot.mouseClick(dialog.form.key_only, Qt.MouseButton.LeftButton)
    assert dialog.form.key_only.isChecked()
    assert dialog.pack is None  # the change dropped the old preview
    keyed = build(qtbot, dialog)
    assert dialog.pack_options is not None and dialog.pack_options.key_only
    assert all(title in keyed for title in key)
    assert not any(title in keyed for title in other)
    assert "Selection Only the key facts of the chronology" in keyed
