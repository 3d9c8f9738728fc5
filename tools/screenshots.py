"""`make screenshots`: PNGs of the main screens on the demo case, for the README.

Runs offscreen in a temporary data folder (never the user's vault or settings): builds
the demo vault, opens it in the real main window and saves docs/screenshots/*.png.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def exhibit_pdf() -> bytes:
    """A small stand-in exhibit, so the viewer has a PDF page to show."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from desktop.briefing.pdf import fonts

    fonts.register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setFont(fonts.SERIF_BOLD if hasattr(fonts, "SERIF_BOLD") else "Helvetica-Bold", 16)
    page.drawString(72, 770, "Sample exhibit (demo data)")
    page.setFont("Helvetica", 11)
    lines = [
        "This page stands in for a scanned document attached to a source.",
        "Attachments are kept inside the encrypted vault and shown from memory;",
        "their SHA-256 is shown beside them and printed in the exhibit index.",
    ]
    for i, line in enumerate(lines):
        page.drawString(72, 740 - 18 * i, line)
    page.rect(72, 420, 451, 260)
    page.drawString(86, 660, "[ image of the original document ]")
    page.showPage()
    page.save()
    return buffer.getvalue()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="dossier-screens-"))
    os.environ["DOSSIER_HOME"] = str(work / "home")

    from PySide6.QtCore import QCoreApplication, QPoint, QSettings
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = QApplication([sys.argv[0]])
    from desktop.app import open_demo_vault
    from desktop.crypto.os_keyring import MemoryKeyring
    from desktop.services.registry import Services
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from desktop.ui.workspace import COMPLAINTS, PEOPLE, SOURCES, TIMELINE

    install_language("en")
    settings = AppSettings()
    settings.autolock_minutes = 0
    vault = open_demo_vault()
    services = Services.over(vault)
    window = MainWindow(vault, Services.over, MemoryKeyring(available=False), settings)
    window.resize(*SIZE)
    window.show()
    workspace = window.workspace
    assert workspace is not None and workspace.case_id is not None
    first_source = services.sources.sources(workspace.case_id)[0]
    services.sources.add_attachment(
        workspace.case_id, "exhibit-demo.pdf", exhibit_pdf(), source_id=first_source.id,
        exhibit_label="A-1",
    )  # fmt: skip

    def settle(until: Callable[[], bool] = lambda: True, seconds: float = 3.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if until():
                break
            time.sleep(0.02)
        for _ in range(20):
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def save(name: str, extra: QWidget | None = None) -> None:
        pixmap = window.grab()
        if extra is not None:
            painter = QPainter(pixmap)
            offset = extra.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
            painter.drawPixmap(offset, extra.grab())
            painter.end()
        OUT.mkdir(parents=True, exist_ok=True)
        pixmap.save(str(OUT / f"{name}.png"))
        print(f"wrote {OUT / f'{name}.png'}")

    workspace.tabs.setCurrentIndex(TIMELINE)
    timeline = workspace.timeline
    model = getattr(timeline, "model", None)
    settle(lambda: model is None or model.rowCount() > 0, 10)
    settle(seconds=1.5)  # the band fills in the background
    save("timeline")

    workspace.tabs.setCurrentIndex(PEOPLE)
    kuznetsov = next(p for p in services.people.persons(workspace.case_id)
                     if "Kuznetsov" in p.display_name)  # fmt: skip
    workspace.people.select_person(kuznetsov.id)
    settle()
    save("people")

    workspace.tabs.setCurrentIndex(COMPLAINTS)
    tab = workspace.complaints
    overdue = next((r for r in tab.model.rows if r.overdue), None)
    target = overdue or max(tab.model.rows, key=lambda r: len(services.complaints.responses(
        r.complaint.id)))  # fmt: skip
    tab.select_complaint(target.complaint.id)
    settle()
    save("complaints")

    workspace.tabs.setCurrentIndex(SOURCES)
    workspace.sources.select_source(first_source.id)
    viewer = workspace.sources.viewer
    settle(lambda: viewer.rendered is not None, 10)
    save("sources")

    dialog = window.open_search()
    assert dialog is not None
    dialog.resize(720, 560)
    dialog.move(window.mapToGlobal(QPoint(360, 150)))
    dialog.query.setText("Kuznetsov")
    dialog.run_search()
    settle()
    save("search", dialog)
    dialog.close()

    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
