""" "Save a copy…" offers a safe name and writes a private file, whatever name was stored."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.services.registry import Services
from desktop.ui.sources.tab import SourcesTab

HOSTILE = "../../etc/cron.d/x\n\u202eexe.pdf"


def test_save_a_copy_prefills_a_safe_name_and_writes_0600(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    attachment_id = services.sources.add_attachment(case_id, "plain.pdf", b"%PDF-1.4 data")
    # A name stored by an older version or arriving unchecked: written straight into the vault.
    with services.store.vault.require_engine().begin() as conn:
        conn.execute(text("UPDATE attachments SET file_name = :n WHERE id = :i"),
                     {"n": HOSTILE, "i": attachment_id})  # fmt: skip
    tab = SourcesTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    attachment = services.sources.get_attachment(attachment_id)
    assert attachment.file_name == HOSTILE
    offered = tab.suggested_copy_path(attachment)
    assert offered.parent == Path.home()
    assert offered.name == "xexe.pdf"
    copy = tmp_path / offered.name
    tab.save_copy_to(attachment, copy)
    assert copy.read_bytes() == b"%PDF-1.4 data"
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    else:  # pragma: no cover
        pytest.skip("POSIX modes")
