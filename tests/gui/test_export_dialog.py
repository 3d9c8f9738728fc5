"""File → Export… over a real vault holding the demo case (and, where it matters, a
protected witness): the export runs off the GUI thread, the dialog shows each file's
SHA-256 and the leak gate's line, and a refusal writes nothing and says why."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.services.complaints import Against
from desktop.services.people import NameVariant
from desktop.services.registry import Services
from desktop.ui.exports import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.writes import write_queue

TIMEOUT_MS = 30_000


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, case_id: str) -> ExportDialog:
    widget = ExportDialog(services, case_id)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(dialog: ExportDialog, fmt: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def export(qtbot: QtBot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT_MS)
    assert dialog.wait()


def add_witness(services: Services, case_id: str) -> str:
    witness = services.people.add_person(
        case_id,
        "witness",
        "Елена Петрова",
        names=[NameVariant("Елена Петрова", kind="primary"), NameVariant("Elena Petrova")],
        protected=True,
    )
    event = services.timeline.add_event(
        case_id, "2009-03-02", "Допрос Петровой", description="Elena Petrova's statement"
    )
    services.timeline.add_participant(event, witness, "свидетель")
    services.complaints.add_complaint(
        case_id, against=[Against(person_id=witness)], filed_on="2009-06-01",
        body_detail="Prosecutor's office", response_due="2009-07-01",
    )  # fmt: skip
    return witness


def test_a_public_xlsx_export_shows_its_hash(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    choose(dialog, "xlsx")
    assert dialog.redaction.currentData() == "public"  # the safe profile is the default
    target = tmp_path / "case.xlsx"
    dialog.path.setText(str(target))
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    export(qtbot, dialog)
    assert target.exists()
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert f"SHA-256 {digest}" in dialog.status.text()
    assert "Redaction check" in dialog.status.text()
    assert dialog.outcome is not None and dialog.outcome.written[0].path == target
    assert progress and progress[-1] == 100
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()


def test_the_period_starts_as_the_case_and_save_to_names_its_field(
    dialog: ExportDialog, services: Services, case_id: str
) -> None:
    span = services.timeline.day_span(case_id)
    assert span is not None and dialog.period.days() == span
    assert dialog.date_from.displayFormat() == "d MMM yyyy"  # English; Russian 24.11.2008
    assert not dialog.date_from.isEnabled()
    dialog.limit_dates.setChecked(True)
    assert dialog.date_from.isEnabled() and dialog.date_to.isEnabled()
    labels = [w for w in dialog.findChildren(QLabel) if w.text() == "&Save to:"]
    assert len(labels) == 1 and labels[0].buddy() is dialog.path  # Alt+S, no bare "&"


def test_the_calendar_options_follow_the_format(dialog: ExportDialog) -> None:
    choose(dialog, "timelinejs")
    assert not dialog.alarm_days.isEnabled() and not dialog.key_facts.isEnabled()
    assert dialog.path.text().endswith("timeline.json")
    choose(dialog, "ics")
    assert dialog.alarm_days.isEnabled() and dialog.key_facts.isEnabled()
    assert dialog.path.text().endswith("deadlines.ics")
    assert "reminder" in dialog.note.text()


def test_an_ics_with_a_reminder_and_key_facts(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    from icalendar import Calendar

    complaint = services.complaints.add_complaint(
        case_id, filed_on="2010-01-10", body_detail="Prosecutor's office",
        against=[Against(description="the investigators")], response_due="2010-02-10",
    )  # fmt: skip
    dialog = ExportDialog(services, case_id)
    qtbot.addWidget(dialog)
    choose(dialog, "ics")
    dialog.alarm_days.setValue(3)
    dialog.key_facts.setChecked(True)
    dialog.path.setText(str(tmp_path / "deadlines.ics"))
    export(qtbot, dialog)
    calendar = Calendar.from_ical((tmp_path / "deadlines.ics").read_bytes())
    alarms = [a for e in calendar.walk("VEVENT") for a in e.walk("VALARM")]
    assert alarms and all(a.decoded("TRIGGER").days == -3 for a in alarms)
    assert f"{complaint}@dossier" in {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert any("Key fact" in str(e.get("CATEGORIES").cats) for e in calendar.walk("VEVENT"))


def test_csv_writes_a_folder(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    choose(dialog, "csv")
    dialog.path.setText(str(tmp_path / "sheets"))
    export(qtbot, dialog)
    names = sorted(p.name for p in (tmp_path / "sheets").iterdir())
    assert names == ["complaints.csv", "events.csv", "people.csv", "sources.csv"]
    assert dialog.status.text().count("SHA-256") == 4


def test_a_missing_folder_writes_nothing(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.path.setText(str(tmp_path / "missing" / "case.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Nothing was written" in dialog.status.text()
    assert "does not exist" in dialog.status.text()
    assert not (tmp_path / "missing").exists() and not dialog.running


def test_the_witness_stays_out_and_a_typed_name_is_refused(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    add_witness(services, case_id)
    dialog = ExportDialog(services, case_id)
    qtbot.addWidget(dialog)
    choose(dialog, "edtf-json")
    target = tmp_path / "chronology.json"
    dialog.path.setText(str(target))
    export(qtbot, dialog)
    text = target.read_text(encoding="utf-8").casefold()
    assert "петров" not in text and "petrov" not in text
    assert "допрос [redacted]" in text
    assert "forms of 1 protected people, none found" in dialog.status.text()
    data = json.loads(target.read_bytes())
    target.unlink()
    dialog.title.setText("Показания Петровой")
    export(qtbot, dialog)
    assert not target.exists()
    assert "Nothing was written" in dialog.status.text() and "«Петровой»" in dialog.status.text()
    assert data["redaction"] == "public"


def test_file_menu_export_opens_the_dialog_and_lock_closes_it(window: MainWindow) -> None:
    assert window.commands.export in window.menus.file.actions()
    window.commands.export.trigger()
    dialogs = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    window.lock_vault()
    assert not dialogs[0].isVisible()


def test_an_export_asked_for_while_a_protection_is_queued_leaves_the_person_out(
    qtbot: QtBot, dialog: ExportDialog, services: Services, case_id: str, tmp_path: Path
) -> None:
    """Marking a person protected and exporting at once: the export waits for the mark."""
    witness = add_witness(services, case_id)
    services.people.update_person(witness, protected=False)
    release = threading.Event()

    def protect_late() -> None:  # another writer held the vault's lock until now
        assert release.wait(30)
        services.people.update_person(witness, protected=True)

    write_queue(services).submit(protect_late)
    choose(dialog, "edtf-json")
    target = tmp_path / "case.json"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not target.exists()
    assert dialog.status.text() == "Exporting once the last change is saved…"
    release.set()
    qtbot.waitUntil(lambda: target.exists() and not dialog.running, timeout=TIMEOUT_MS)
    written = target.read_text("utf-8")
    assert "Petrov" not in written and "Петров" not in written
