"""Two and three real vaults syncing through a folder that stands in for a USB stick."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_devices import Device, carry, make_device, pair, pair_all, send, sync_pair

from desktop.services.sync import SyncRefused
from desktop.sync.bundle import BundleRejected


@pytest.fixture
def two(tmp_path: Path) -> tuple[Device, Device]:
    a = make_device(tmp_path / "a", "office laptop")
    b = make_device(tmp_path / "b", "field laptop")
    pair(a, b, tmp_path / "pairing")
    return a, b


def test_edits_on_both_sides_meet_and_the_vaults_export_identically(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Magnitsky", summary="first")
    first = send(a, b, stick)
    assert (first.new, first.updated, first.conflicts) == (1, 0, 0)
    event = b.services.timeline.add_event(case, "2008-11-24", "Arrest")
    a.services.cases.update_case(case, summary="edited on A")
    sync_pair(a, b, stick)
    assert a.export_json() == b.export_json()
    assert b.services.cases.get_case(case).summary == "edited on A"
    assert a.services.timeline.get_event(event).title == "Arrest"
    assert a.conflicts.list_conflicts() == []


def test_concurrent_edits_of_one_field_are_both_kept_and_one_is_shown(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case", summary="base")
    send(a, b, stick)
    a.services.cases.update_case(case, summary="A's words")
    b.services.cases.update_case(case, summary="B's words")
    to_b = send(a, b, stick)
    send(b, a, stick)
    assert to_b.conflicts == 1
    assert a.export_json() == b.export_json()
    [conflict] = a.conflicts.list_conflicts()
    assert conflict.differing == ("summary",)
    assert {v.values["summary"] for v in conflict.versions} == {"A's words", "B's words"}
    assert sum(v.shown for v in conflict.versions) == 1
    kept = next(v for v in conflict.versions if v.values["summary"] == "B's words")
    a.conflicts.resolve(conflict.record_id, kept.label)
    assert a.services.cases.get_case(case).summary == "B's words"
    send(a, b, stick)
    assert b.conflicts.list_conflicts() == []
    assert a.export_json() == b.export_json()


def test_an_edit_of_a_record_in_conflict_supersedes_every_version(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case", summary="base")
    send(a, b, stick)
    a.services.cases.update_case(case, summary="A")
    b.services.cases.update_case(case, summary="B")
    send(a, b, stick)
    assert len(b.conflicts.list_conflicts()) == 1
    b.services.cases.update_case(case, summary="merged by hand")
    assert b.conflicts.list_conflicts() == []
    send(b, a, stick)
    assert a.conflicts.list_conflicts() == []
    assert a.services.cases.get_case(case).summary == "merged by hand"
    assert a.export_json() == b.export_json()


def test_a_delete_that_follows_an_edit_wins(two: tuple[Device, Device], tmp_path: Path) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    event = a.services.timeline.add_event(case, "2009", "Death in custody")
    a.services.timeline.update_event(event, title="Death in custody (edited)")
    send(a, b, stick)
    b.services.timeline.delete_event(event)
    result = send(b, a, stick)
    assert result.deleted == 1
    assert a.conflicts.list_conflicts() == []
    assert event not in a.services.timeline.event_ids(case)
    assert a.export_json() == b.export_json()


def test_an_edit_concurrent_with_a_delete_is_kept_and_the_delete_shown_beside_it(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    event = a.services.timeline.add_event(case, "2009", "Hearing")
    send(a, b, stick)
    a.services.timeline.update_event(event, title="Hearing postponed")
    b.services.timeline.delete_event(event)
    send(a, b, stick)
    send(b, a, stick)
    for device in (a, b):
        assert device.services.timeline.get_event(event).title == "Hearing postponed"
        [conflict] = device.conflicts.list_conflicts()
        assert [v.describe() for v in conflict.versions if not v.shown] == [
            "deleted on field laptop"
        ]
    assert a.export_json() == b.export_json()


def test_changes_relay_through_a_third_device(tmp_path: Path) -> None:
    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    c = make_device(tmp_path / "c", "C")
    pair(a, b, tmp_path / "p")
    pair(b, c, tmp_path / "p")  # A and C never meet
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Relayed", summary="from A")
    send(a, b, stick)
    relayed = send(b, c, stick)
    assert relayed.new == 1
    assert c.services.cases.get_case(case).summary == "from A"
    c.services.cases.update_case(case, summary="from C")
    send(c, b, stick)
    send(b, a, stick)
    assert a.services.cases.get_case(case).summary == "from C"
    assert a.export_json() == b.export_json() == c.export_json()


def test_attachments_travel_once(two: tuple[Device, Device], tmp_path: Path) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    data = b"%PDF-1.4 scanned complaint\n" * 500
    attachment = a.services.sources.add_attachment(case, "complaint.pdf", data)
    first = carry(a, b, stick)
    b.sync.import_bundle(first)
    sha256 = b.services.sources.get_attachment(attachment).blob_sha256
    assert b.services.sources.blob(sha256) == data
    send(b, a, stick)  # B acknowledges what it holds
    a.services.sources.update_attachment(attachment, exhibit_label="E-1")
    second = a.sync.export(stick, peer=b.device_id)
    assert (second.versions, second.blobs) == (1, 0)
    b.sync.import_bundle(second.path)
    assert a.export_json() == b.export_json()


def test_incremental_export_sends_only_what_the_peer_has_not_acknowledged(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    for n in range(5):
        a.services.timeline.add_event(case, "2008", f"Event {n}")
    stick.mkdir()
    assert a.sync.export(stick, peer=b.device_id).versions == 6
    # No acknowledgement yet: a lost stick only means a resend of everything.
    again = a.sync.export(stick, peer=b.device_id)
    assert again.versions == 6
    b.sync.import_bundle(again.path)
    send(b, a, stick)
    a.services.timeline.add_event(case, "2009", "Later")
    assert a.sync.export(stick, peer=b.device_id).versions == 1
    assert a.sync.export(stick, peer=b.device_id, full=True).versions == 7


def test_reimporting_a_bundle_is_a_no_op(two: tuple[Device, Device], tmp_path: Path) -> None:
    a, b = two
    case = a.services.cases.create_case("Case")
    path = carry(a, b, tmp_path / "stick")
    b.sync.import_bundle(path)
    b.services.cases.update_case(case, summary="local edit after import")
    before = b.export_json()
    again = b.sync.import_bundle(path)
    assert again.already_imported
    assert b.export_json() == before


def test_a_revoked_device_is_refused_and_gets_nothing(
    two: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = two
    stick = tmp_path / "stick"
    a.services.cases.create_case("Case")
    path = carry(a, b, stick)
    b.sync.revoke("office laptop")
    before = b.export_json()
    with pytest.raises(BundleRejected, match="unpaired device"):
        b.sync.import_bundle(path)
    assert b.export_json() == before
    with pytest.raises(SyncRefused, match="Pair a device first"):
        b.sync.export(stick)
    assert [p.revoked for p in b.sync.peers()] == [True]


def test_folder_import_takes_every_bundle_for_this_device_and_skips_partials(
    tmp_path: Path,
) -> None:
    a, b, c = (make_device(tmp_path / n, n) for n in ("A", "B", "C"))
    pair_all([a, b, c], tmp_path / "p")
    stick = tmp_path / "stick"
    stick.mkdir()
    a.services.cases.create_case("From A")
    c.services.cases.create_case("From C")
    carry(a, b, stick)
    carry(c, b, stick)
    carry(a, c, stick)  # for C only: B must skip it
    (stick / "leftover.dossier.partial").write_bytes(b"half a bundle")
    outcome = b.sync.import_path(stick)
    assert outcome.refused == []
    assert sorted(r.sender_name for r in outcome.imported) == ["A", "C"]
    assert sorted(c.title for c in b.services.cases.list_cases()) == ["From A", "From C"]


def test_a_copied_vault_takes_a_new_device_id_before_writing(tmp_path: Path) -> None:
    import shutil

    from sync_devices import PASSPHRASE

    from desktop.services.registry import Services
    from desktop.services.sync import SyncService
    from desktop.store.vault import Vault

    a = make_device(tmp_path / "a", "original")
    case = a.services.cases.create_case("Case")
    original = a.device_id
    a.vault.lock()
    shutil.copytree(tmp_path / "a", tmp_path / "copy")
    copy = Vault.unlock_with_passphrase(tmp_path / "copy", PASSPHRASE)
    services = Services.over(copy)
    services.cases.update_case(case, summary="edited in the copy")
    with services.store.reading() as s:
        from desktop.store.models import Case

        row = s.get(Case, case)
        assert row is not None
        assert row.dot_device != original
        assert row.dot_counter == 1
    assert SyncService(services.store).device().device_id == row.dot_device
    copy.lock()
    reopened = Vault.unlock_with_passphrase(tmp_path / "a", PASSPHRASE)
    assert SyncService(Services.over(reopened).store).device().device_id == original
    reopened.lock()


def test_a_persons_photo_travels_with_the_person(tmp_path: Path) -> None:
    a, b = (make_device(tmp_path / n, n) for n in ("A", "B"))
    pair(a, b, tmp_path / "pairing")
    case_id = a.services.cases.create_case("Photos")
    person_id = a.services.people.add_person(case_id, "official", "Pavel Karpov")
    picture = tmp_path / "karpov.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    sha = a.services.people.store_photo(picture)
    a.services.people.update_person(person_id, photo_sha256=sha)
    send(a, b, tmp_path / "stick")
    assert b.services.people.get_person(person_id).photo_sha256 == sha
    assert b.services.sources.blob(sha) == picture.read_bytes()
    assert a.export_json() == b.export_json()
