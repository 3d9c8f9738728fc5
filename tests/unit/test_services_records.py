"""Services over a real vault: audit per change, timeline filters, complaints, postings, files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest
from sqlalchemy import func, select, text

from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import KnownError
from desktop.services.complaints import Against
from desktop.services.integrity import verify
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store.changes import RecordMissing
from desktop.store.models import AuditEntry, Blob
from desktop.store.stamping import vv_parse


@pytest.fixture
def case_id(services: Services) -> str:
    return services.cases.create_case("The case")


def audit_rows(services: Services) -> list[AuditEntry]:
    with services.store.reading() as s:
        return list(s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars())


# ---- audit -----------------------------------------------------------------------------------
def test_every_change_leaves_one_audit_entry(services: Services, case_id: str) -> None:
    start = len(audit_rows(services))
    event_id = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    services.timeline.update_event(event_id, title="Death in pre-trial detention")
    services.timeline.update_event(event_id, title="Death in pre-trial detention")  # no change
    services.timeline.delete_event(event_id)
    services.timeline.restore_event(event_id)
    entries = audit_rows(services)[start:]
    assert [(e.action, e.entity, e.record_id) for e in entries] == [
        ("create", "events", event_id),
        ("update", "events", event_id),
        ("delete", "events", event_id),
        ("restore", "events", event_id),
    ]
    assert entries[1].fields == "title"
    assert all(e.actor == "test" for e in entries)
    assert "Death" not in " ".join(e.fields + e.record_id for e in entries)  # names, not values


def test_the_audit_chain_is_intact_after_many_changes(demo_services: Services) -> None:
    report = verify(demo_services.store)
    assert report.ok, report.problems
    assert len(audit_rows(demo_services)) > 100


def test_tampering_with_an_audit_row_is_detected(demo_services: Services) -> None:
    with demo_services.store.reading() as s, s.begin():
        s.execute(text("UPDATE audit_entries SET actor = 'someone else' WHERE seq = 5"))
    report = verify(demo_services.store)
    assert report.cipher_ok and report.integrity_ok
    assert not report.audit_ok
    assert any("entry 5" in p for p in report.problems)


def test_deleting_an_audit_row_is_detected(demo_services: Services) -> None:
    with demo_services.store.reading() as s, s.begin():
        s.execute(text("DELETE FROM audit_entries WHERE seq = 7"))
    assert not verify(demo_services.store).audit_ok


def test_sync_metadata_is_maintained_on_every_write(services: Services, case_id: str) -> None:
    event_id = services.timeline.add_event(case_id, "2009", "First")
    with services.store.reading() as s:
        first = s.execute(text("SELECT vv, dot_counter, hlc FROM events WHERE id = :i"),
                          {"i": event_id}).one()  # fmt: skip
    services.timeline.update_event(event_id, title="Second")
    with services.store.reading() as s:
        second = s.execute(text("SELECT vv, dot_counter, hlc FROM events WHERE id = :i"),
                           {"i": event_id}).one()  # fmt: skip
    assert second.dot_counter > first.dot_counter
    assert second.hlc > first.hlc
    (device,) = vv_parse(second.vv)
    assert vv_parse(second.vv)[device] == second.dot_counter


# ---- delete and restore ----------------------------------------------------------------------
def test_delete_hides_and_restore_brings_back(services: Services, case_id: str) -> None:
    event_id = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    services.timeline.delete_event(event_id)
    assert services.timeline.event_ids(case_id) == []
    assert services.search.search("custody") == []
    with pytest.raises(RecordMissing):
        services.timeline.get_event(event_id)
    with pytest.raises(RecordMissing):
        services.timeline.update_event(event_id, title="x")
    services.timeline.restore_event(event_id)
    assert services.timeline.event_ids(case_id) == [event_id]
    assert [h.record_id for h in services.search.search("custody")] == [event_id]


def test_deleted_cases_leave_the_list(services: Services, case_id: str) -> None:
    services.cases.delete_case(case_id)
    assert services.cases.list_cases() == []
    with pytest.raises(KnownError):
        services.cases.get_case(case_id)
    services.cases.restore_case(case_id)
    assert [c.id for c in services.cases.list_cases()] == [case_id]


# ---- timeline --------------------------------------------------------------------------------
@pytest.fixture
def timeline(services: Services, case_id: str) -> dict[str, str]:
    t = services.timeline
    karpov = services.people.add_person(case_id, "official", "Pavel Karpov")
    ids = {
        "raid": t.add_event(case_id, "2007-06-04", "Raid on the offices", fact_status="undisputed"),
        "dec": t.add_event(case_id, "2007-12", "Companies re-registered"),
        "arrest": t.add_event(case_id, "2008-11-24", "Arrest at home", fact_status="disputed"),
        "year": t.add_event(case_id, "2009", "Moved between detention centres"),
        "death": t.add_event(case_id, "2009-11-16", "Death in custody", fact_status="undisputed"),
        "undated": t.add_event(case_id, "", "Undated note"),
        "karpov": karpov,
    }
    t.add_participant(ids["raid"], karpov, "led the raid")
    t.add_participant(ids["arrest"], karpov, "ordered the arrest")
    return ids


def ids_for(services: Services, case_id: str, **kw: object) -> list[str]:
    return services.timeline.event_ids(case_id, EventFilter(**kw))  # type: ignore[arg-type]


def test_events_come_in_date_order_undated_last(
    services: Services, case_id: str, timeline: dict[str, str]
) -> None:
    order = ["raid", "dec", "arrest", "year", "death", "undated"]
    assert ids_for(services, case_id) == [timeline[k] for k in order]


def test_filter_by_text(services: Services, case_id: str, timeline: dict[str, str]) -> None:
    assert ids_for(services, case_id, text="custody") == [timeline["death"]]
    assert ids_for(services, case_id, text="detention") == [timeline["year"]]


def test_filter_by_person(services: Services, case_id: str, timeline: dict[str, str]) -> None:
    got = ids_for(services, case_id, person_id=timeline["karpov"])
    assert got == [timeline["raid"], timeline["arrest"]]
    rows = services.timeline.rows(got)
    assert rows[0].people == ("Pavel Karpov",)


def test_date_range_keeps_events_that_may_overlap(
    services: Services, case_id: str, timeline: dict[str, str]
) -> None:
    got = ids_for(services, case_id, date_from=dt.date(2007, 12, 15), date_to=dt.date(2009, 3, 1))
    # December 2007 may fall on the 15th or later; 2009 may fall before March.
    assert got == [timeline["dec"], timeline["arrest"], timeline["year"]]
    assert ids_for(services, case_id, date_from=dt.date(2009, 11, 17)) == [timeline["year"]]
    assert ids_for(services, case_id, date_from=dt.date(2010, 1, 1)) == []  # undated never match
    assert ids_for(services, case_id, date_to=dt.date(2007, 6, 4)) == [timeline["raid"]]


def test_filter_by_status(services: Services, case_id: str, timeline: dict[str, str]) -> None:
    got = ids_for(services, case_id, fact_status="undisputed")
    assert got == [timeline["raid"], timeline["death"]]


def test_rows_keep_the_order_asked_and_skip_vanished_ids(
    services: Services, timeline: dict[str, str]
) -> None:
    services.timeline.delete_event(timeline["dec"])
    asked = [timeline["death"], timeline["dec"], timeline["raid"]]
    rows = services.timeline.rows(asked)
    assert [r.event.id for r in rows] == [timeline["death"], timeline["raid"]]
    assert rows[0].date == FuzzyDate.from_edtf("2009-11-16").with_order(0)


# ---- complaints ------------------------------------------------------------------------------
def test_days_left_and_overdue_with_a_fixed_today(services: Services, case_id: str) -> None:
    c = services.complaints
    late = c.add_complaint(case_id, subject="late", status="filed", response_due="2009-10-01")
    soon = c.add_complaint(
        case_id, subject="soon", status="acknowledged", response_due="2009-10-20"
    )
    answered = c.add_complaint(
        case_id, subject="done", status="answered", response_due="2009-09-01"
    )
    no_due = c.add_complaint(case_id, subject="open", status="filed")
    rows = {r.complaint.id: r for r in c.register(case_id, today=dt.date(2009, 10, 10))}
    assert (rows[late].days_left, rows[late].overdue) == (-9, True)
    assert (rows[soon].days_left, rows[soon].overdue) == (10, False)
    assert (rows[answered].days_left, rows[answered].overdue) == (None, False)
    assert rows[no_due].days_left is None


def test_escalation_links_and_copies_the_parties(services: Services, case_id: str) -> None:
    people, c = services.people, services.complaints
    kuznetsov = people.add_person(case_id, "official", "Artem Kuznetsov")
    prosecutor = people.add_organisation(case_id, "Prosecutor General's Office", kind="prosecutor")
    first = c.add_complaint(
        case_id, against=[Against(person_id=kuznetsov), Against(description="unnamed officers")],
        subject="unlawful detention", legal_basis="Art. 125 CPC", status="rejected",
    )  # fmt: skip
    second = c.escalate(first, body_id=prosecutor, filed_on="2009-10-01")
    escalated = c.get_complaint(second)
    assert escalated.escalated_from_id == first
    assert escalated.subject == "unlawful detention"
    assert escalated.legal_basis == "Art. 125 CPC"
    assert escalated.status == "draft"
    targets = {(t.person_id, t.description) for t in c.targets(second)}
    assert targets == {(kuznetsov, ""), (None, "unnamed officers")}
    assert c.get_complaint(first).status == "appealed"
    assert {x.id for x in c.complaints_against(kuznetsov)} == {first, second}
    row = next(r for r in c.register(case_id) if r.complaint.id == second)
    assert row.body_name == "Prosecutor General's Office"
    assert set(row.against) == {"Artem Kuznetsov", "unnamed officers"}
    assert (row.escalation_id, row.escalated) == (None, False)
    original = next(r for r in c.register(case_id) if r.complaint.id == first)
    assert (original.escalation_id, original.escalated_to) == (second, row.body_name)
    assert original.escalated  # appealed because of the escalation
    c.update_complaint(first, status="closed")
    closed = next(r for r in c.register(case_id) if r.complaint.id == first)
    assert closed.escalation_id == second and not closed.escalated


def test_responses_are_kept_in_date_order(services: Services, case_id: str) -> None:
    c = services.complaints
    complaint = c.add_complaint(case_id, subject="s")
    c.add_response(complaint, "2009-12-01", "refusal", summary="no grounds")
    c.add_response(complaint, "2009-10-05", "acknowledgement")
    assert [r.kind for r in c.responses(complaint)] == ["acknowledgement", "refusal"]


# ---- postings --------------------------------------------------------------------------------
def test_posting_on_picks_the_rank_held_on_a_date(services: Services, case_id: str) -> None:
    people = services.people
    person = people.add_person(case_id, "official", "Artem Kuznetsov")
    ministry = people.add_organisation(case_id, "Interior Ministry", kind="agency")
    major = people.add_posting(person, ministry, role="investigator", rank="Major",
                               start="2005", end="2008-06")  # fmt: skip
    colonel = people.add_posting(person, ministry, role="investigator",
                                 rank="Lt Colonel", start="2008-07", end="2011")  # fmt: skip

    def held_on(day: str) -> str | None:
        posting = people.posting_on(person, FuzzyDate.parse(day))
        return None if posting is None else posting.id

    assert held_on("2007-06-04") == major
    assert held_on("2008-11-24") == colonel
    assert held_on("2013-01-01") is None
    assert people.posting_on(person, FuzzyDate.undated()) is None


# ---- attachments -----------------------------------------------------------------------------
def test_attachments_store_each_content_once_and_return_exact_bytes(
    services: Services, case_id: str
) -> None:
    data = os.urandom(300_000) + b"\x00\xff"
    a = services.sources.add_attachment(case_id, "letter.pdf", data, exhibit_label="E-1")
    b = services.sources.add_attachment(case_id, "copy of letter.pdf", data)
    other = services.sources.add_attachment(case_id, "photo.jpg", b"jpeg bytes")
    with services.store.reading() as s:
        assert s.execute(select(func.count()).select_from(Blob)).scalar_one() == 2
    first = services.sources.get_attachment(a)
    assert first.blob_sha256 == hashlib.sha256(data).hexdigest()
    assert first.size == len(data) and first.media_type == "application/pdf"
    assert services.sources.get_attachment(b).blob_sha256 == first.blob_sha256
    assert services.sources.blob(first.blob_sha256) == data
    assert (
        services.sources.blob(services.sources.get_attachment(other).blob_sha256) == b"jpeg bytes"
    )
    assert len(services.sources.attachments(case_id)) == 3


def test_a_damaged_blob_is_reported(services: Services, case_id: str) -> None:
    a = services.sources.add_attachment(case_id, "note.txt", b"original")
    digest = services.sources.get_attachment(a).blob_sha256
    with services.store.reading() as s, s.begin():
        s.execute(
            text("UPDATE blobs SET data = :d WHERE sha256 = :h"), {"d": b"changed", "h": digest}
        )
    with pytest.raises(KnownError, match="damaged"):
        services.sources.blob(digest)
    with pytest.raises(KnownError, match="missing"):
        services.sources.blob("0" * 64)


def test_citations_link_sources_to_records(services: Services, case_id: str) -> None:
    src = services.sources.add_source(case_id, "Presidential Council report", label="S1",
                                      kind="official_report", date="2011-07")  # fmt: skip
    event = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    services.sources.cite(src, "event", event, pinpoint="p. 12", quote="beaten")
    ((citation, source),) = services.sources.citations("event", event)
    assert (citation.pinpoint, citation.quote, source.label) == ("p. 12", "beaten", "S1")
    assert services.timeline.rows([event])[0].source_count == 1
