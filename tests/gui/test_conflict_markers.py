"""A record with an open conflict is marked in every view: timeline, people, complaints.

Two real vaults exchange real bundles through a folder standing in for a USB stick; both
change the same event, person and complaint before the second sync.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.services.complaints import Against
from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.store.vault import Vault
from desktop.ui.complaints.tab import ComplaintsTab
from desktop.ui.people.avatar import initials_avatar
from desktop.ui.people.tab import AVATAR, CONFLICT_ROLE, PeopleTab
from desktop.ui.timeline.model import Column
from desktop.ui.timeline.panel import TimelinePanel

PASSPHRASE = "correct horse battery staple"


class Laptop:
    def __init__(self, folder: Path) -> None:
        self.vault, _ = Vault.create(folder, PASSPHRASE)
        self.services = Services.over(self.vault)
        self.sync = SyncService(self.services.store)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Services, dict[str, str]]]:
    """The office laptop after a sync that left the event, person and complaint in conflict
    (and a second event and person that only one side changed)."""
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    b.sync.import_pairing(tmp_path / "a.pairing", a.sync.export_pairing(tmp_path / "a.pairing"))
    a.sync.import_pairing(tmp_path / "b.pairing", b.sync.export_pairing(tmp_path / "b.pairing"))
    stick = tmp_path / "stick"
    stick.mkdir()
    case = a.services.cases.create_case("Case")
    ids = {
        "case": case,
        "event": a.services.timeline.add_event(case, "2009-11-16", "Death in custody"),
        "calm_event": a.services.timeline.add_event(case, "2009-11-20", "Funeral"),
        "person": a.services.people.add_person(case, "official", "Kuznetsov"),
        "calm_person": a.services.people.add_person(case, "witness", "Witness"),
    }
    ids["complaint"] = a.services.complaints.add_complaint(
        case, against=[Against(person_id=ids["person"])], subject="Detention"
    )
    b.sync.import_bundle(a.sync.export(stick).path)
    a.services.timeline.update_event(ids["event"], place="Moscow")
    b.services.timeline.update_event(ids["event"], place="Butyrka")
    a.services.people.update_person(ids["person"], description="Investigator")
    b.services.people.update_person(ids["person"], description="Major")
    a.services.complaints.update_complaint(ids["complaint"], subject="Detention, first")
    b.services.complaints.update_complaint(ids["complaint"], subject="Detention, second")
    b.sync.import_bundle(a.sync.export(stick).path)
    yield b.services, ids
    a.vault.lock()
    b.vault.lock()


def test_the_service_names_the_records_in_conflict(
    office: tuple[Services, dict[str, str]],
) -> None:
    services, ids = office
    marked = ConflictService(services.store).conflicted_ids()
    assert {ids["event"], ids["person"], ids["complaint"]} <= marked
    assert ids["calm_event"] not in marked and ids["calm_person"] not in marked


def test_the_timeline_row_carries_the_mark(
    qtbot: QtBot, office: tuple[Services, dict[str, str]]
) -> None:
    services, ids = office
    panel = TimelinePanel(services)
    qtbot.addWidget(panel)
    panel.set_case(ids["case"])
    panel.wait_idle()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    model = panel.model
    row, calm = model.row_of(ids["event"]), model.row_of(ids["calm_event"])
    assert row is not None and calm is not None
    title = model.index(row, Column.TITLE)
    assert model.data(title, Qt.ItemDataRole.DecorationRole) is not None
    assert "two devices" in str(model.data(title, Qt.ItemDataRole.ToolTipRole))
    calm_title = model.index(calm, Column.TITLE)
    assert model.data(calm_title, Qt.ItemDataRole.DecorationRole) is None
    assert "two devices" not in str(model.data(calm_title, Qt.ItemDataRole.ToolTipRole))


def test_the_person_in_the_list_carries_the_mark(
    qtbot: QtBot, office: tuple[Services, dict[str, str]]
) -> None:
    services, ids = office
    tab = PeopleTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(ids["case"])
    items = {tab.list.item(i).data(Qt.ItemDataRole.UserRole): tab.list.item(i)
             for i in range(tab.list.count())}  # fmt: skip
    marked, calm = items[ids["person"]], items[ids["calm_person"]]
    assert marked.data(CONFLICT_ROLE) is True and calm.data(CONFLICT_ROLE) is False
    assert "two devices" in marked.toolTip() and "two devices" not in calm.toolTip()
    assert "two devices" in marked.data(Qt.ItemDataRole.AccessibleTextRole)
    # The badge really changes the avatar's pixels.
    plain = initials_avatar("Kuznetsov", AVATAR).toImage()
    shown = marked.icon().pixmap(plain.size()).toImage().convertToFormat(plain.format())
    assert shown.size() == plain.size() and shown != plain


def test_the_complaint_in_the_register_carries_the_mark(
    qtbot: QtBot, office: tuple[Services, dict[str, str]]
) -> None:
    services, ids = office
    tab = ComplaintsTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(ids["case"])
    row = tab.model.row_of(ids["complaint"])
    index = tab.model.index(row, 0)
    assert tab.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert "two devices" in str(tab.model.data(index, Qt.ItemDataRole.ToolTipRole))


def test_choosing_a_version_removes_the_mark(
    qtbot: QtBot, office: tuple[Services, dict[str, str]]
) -> None:
    services, ids = office
    conflicts = ConflictService(services.store)
    conflict = conflicts.get_conflict(ids["complaint"])
    conflicts.resolve(conflict.record_id, conflict.versions[0].label)
    tab = ComplaintsTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(ids["case"])
    index = tab.model.index(tab.model.row_of(ids["complaint"]), 0)
    assert tab.model.data(index, Qt.ItemDataRole.DecorationRole) is None
