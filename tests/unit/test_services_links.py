"""The smaller links: complaint targets, tags on records, deleting an attachment."""

from __future__ import annotations

from desktop.services.complaints import Against
from desktop.services.registry import Services


def test_complaint_targets_can_be_added_and_removed(
    demo_services: Services, demo_case_id: str
) -> None:
    complaints = demo_services.complaints
    complaint = complaints.register(demo_case_id)[0].complaint
    before = {t.id for t in complaints.targets(complaint.id)}
    person = demo_services.people.persons(demo_case_id, kind="official")[0]
    target_id = complaints.add_target(complaint.id, Against(person_id=person.id))
    assert {t.id for t in complaints.targets(complaint.id)} == before | {target_id}
    assert complaint.id in {c.id for c in complaints.complaints_against(person.id)}
    complaints.remove_target(target_id)
    assert {t.id for t in complaints.targets(complaint.id)} == before


def test_tags_attach_filter_and_detach(demo_services: Services, demo_case_id: str) -> None:
    tags = demo_services.tags
    event_id = demo_services.timeline.event_ids(demo_case_id)[0]
    tags.tag(demo_case_id, "event", event_id, "detention")
    tags.tag(demo_case_id, "event", event_id, "detention")  # one tag, two links
    assert [t.name for t in tags.tags(demo_case_id) if t.name == "detention"] == ["detention"]
    (tag,) = [t for t in tags.tags_of(event_id) if t.name == "detention"]
    tags.untag(event_id, tag.id)
    assert all(t.name != "detention" for t in tags.tags_of(event_id))


def test_a_deleted_attachment_leaves_the_list(demo_services: Services, demo_case_id: str) -> None:
    sources = demo_services.sources
    attachment_id = sources.add_attachment(demo_case_id, "note.txt", b"a note")
    assert attachment_id in {a.id for a in sources.attachments(demo_case_id)}
    sources.delete_attachment(attachment_id)
    assert attachment_id not in {a.id for a in sources.attachments(demo_case_id)}
