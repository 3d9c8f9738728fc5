"""The complaint–event link (`complaint_events`, migration 0012) travels like any record:
through a sync bundle between two real vaults, through export-json and import-json, and
into the audit log that `vault verify` checks. Parties of a complaint may be people and
organisations at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_devices import Device, make_device, pair, send, sync_pair

from desktop.errors import ValidationError
from desktop.services.complaints import Against
from desktop.services.integrity import check_rows, verify
from desktop.services.registry import Services
from desktop.services.transfer import export_document, export_json, import_json
from desktop.store.vault import Vault


@pytest.fixture
def two(tmp_path: Path) -> tuple[Device, Device]:
    a = make_device(tmp_path / "a", "office laptop")
    b = make_device(tmp_path / "b", "field laptop")
    pair(a, b, tmp_path / "pairing")
    return a, b


def complaint_with_links(services: Services) -> tuple[str, str, list[str]]:
    case = services.cases.create_case("Magnitsky")
    arrest = services.timeline.add_event(case, "2008-11-24", "Arrest")
    refusal = services.timeline.add_event(case, "2009-03", "Medical care refused")
    person = services.people.add_person(case, "official", "Artyom Kuznetsov")
    organisation = services.people.add_organisation(case, "Butyrka detention centre")
    complaint = services.complaints.enter(
        case,
        against=[Against(person_id=person), Against(organisation_id=organisation)],
        fields={"subject": "Unlawful detention", "filed_on": "2009-04"},
        events=[refusal, arrest],
    ).record_id
    return case, complaint, [arrest, refusal]


def linked(services: Services, complaint: str) -> list[str]:
    return [e.id for _link, e in services.complaints.linked_events(complaint)]


def test_links_and_their_removal_survive_sync_between_two_vaults(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    _case, complaint, events = complaint_with_links(a.services)
    send(a, b, stick)
    assert linked(b.services, complaint) == events  # timeline order, not entry order
    assert [c.id for c in b.services.complaints.complaints_about(events[0])] == [complaint]
    targets = b.services.complaints.targets(complaint)
    assert sorted((t.person_id is None, t.organisation_id is None) for t in targets) == [
        (False, True),
        (True, False),
    ]

    # B unlinks the arrest; A links nothing new but edits the complaint: both meet
    (link_id, _event) = b.services.complaints.linked_events(complaint)[0]
    b.services.complaints.unlink_event(link_id)
    a.services.complaints.update_complaint(complaint, subject="Unlawful detention (amended)")
    sync_pair(a, b, stick)
    assert linked(a.services, complaint) == [events[1]]
    assert a.services.complaints.complaints_about(events[0]) == []
    assert a.export_json() == b.export_json()
    assert a.conflicts.list_conflicts() == []
    assert verify(a.services.store).ok and verify(b.services.store).ok
    assert check_rows(b.services.store).total == 0


def test_links_go_through_export_json_and_import_json(tmp_path: Path) -> None:
    source, _ = Vault.create(tmp_path / "source", "correct horse battery")
    target, _ = Vault.create(tmp_path / "target", "correct horse battery")
    try:
        one, other = Services.over(source), Services.over(target)
        _case, complaint, events = complaint_with_links(one)
        document = export_document(one.store)
        assert len(document["tables"]["complaint_events"]) == 2
        import_json(other.store, export_json(one.store))
        assert linked(other, complaint) == events
        assert export_json(other.store) == export_json(one.store)
        assert verify(other.store).ok
    finally:
        source.lock()
        target.lock()


def test_links_are_audited_and_checked(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", "correct horse battery")
    try:
        services = Services.over(vault)
        case, complaint, events = complaint_with_links(services)
        with services.store.reading() as s:
            entities = {
                row[0] for row in s.connection().exec_driver_sql("SELECT entity FROM audit_entries")
            }
        assert "complaint_events" in entities
        # a link to an event of another case, or twice to one event, is refused
        other_case = services.cases.create_case("Another case")
        stranger = services.timeline.add_event(other_case, "2010", "Elsewhere")
        with pytest.raises(ValidationError, match="another case"):
            services.complaints.link_event(complaint, stranger)
        with pytest.raises(ValidationError, match="already linked"):
            services.complaints.link_event(complaint, events[0])
        assert linked(services, complaint) == events
        assert verify(services.store).ok
        assert case
    finally:
        vault.lock()


def test_an_escalation_concerns_the_same_events(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", "correct horse battery")
    try:
        services = Services.over(vault)
        _case, complaint, events = complaint_with_links(services)
        appeal = services.complaints.escalate(complaint, body_detail="Prosecutor General")
        assert linked(services, appeal) == events
        assert len(services.complaints.targets(appeal)) == 2
        assert {c.id for c in services.complaints.complaints_about(events[1])} == {
            complaint,
            appeal,
        }
    finally:
        vault.lock()
