"""Validation: every broken rule is a ValidationError naming its field; nothing is written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.services.complaints import Against
from desktop.services.registry import Services
from desktop.services.validation import MAX_TEXT, MAX_TITLE
from desktop.store.models import AuditEntry


def audit_count(services: Services) -> int:
    with services.store.reading() as s:
        return s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


@pytest.fixture
def case_id(services: Services) -> str:
    return services.cases.create_case("Validation case")


CASES = {
    "empty title": ("title", lambda s, c: s.timeline.add_event(c, "2009-01-01", "   ")),
    "title not text": ("title", lambda s, c: s.timeline.add_event(c, "2009-01-01", 5)),
    "title too long": (
        "title",
        lambda s, c: s.timeline.add_event(c, "2009-01-01", "x" * (MAX_TITLE + 1)),
    ),
    "description too long": (
        "description",
        lambda s, c: s.timeline.add_event(c, "2009", "t", description="x" * (MAX_TEXT + 1)),
    ),
    "bad fact status": (
        "fact_status",
        lambda s, c: s.timeline.add_event(c, "2009", "t", fact_status="probably"),
    ),
    "bad date": ("date", lambda s, c: s.timeline.add_event(c, "the 45th of Smarch", "t")),
    "date too long": ("date", lambda s, c: s.timeline.add_event(c, "2009 " * 30, "t")),
    "flag not bool": ("key_event", lambda s, c: s.timeline.add_event(c, "2009", "t", key_event=1)),
    "day order not int": (
        "day_order",
        lambda s, c: s.timeline.add_event(c, "2009", "t", day_order="3"),
    ),
    "unknown field": ("colour", lambda s, c: s.timeline.add_event(c, "2009", "t", colour="red")),
    "bad person kind": ("kind", lambda s, c: s.people.add_person(c, "villain", "A. Person")),
    "empty person name": ("display_name", lambda s, c: s.people.add_person(c, "official", "")),
    "bad complaint status": (
        "status",
        lambda s, c: s.complaints.add_complaint(c, status="lost", subject="x"),
    ),
    "bad due date": (
        "response_due",
        lambda s, c: s.complaints.add_complaint(c, response_due="next Tuesday"),
    ),
    "complaint against nobody": (
        "against",
        lambda s, c: s.complaints.add_complaint(c, against=[Against()]),
    ),
    "bad source reliability": (
        "reliability",
        lambda s, c: s.sources.add_source(c, "A report", reliability="sure"),
    ),
    "bad case status": ("status", lambda s, c: s.cases.create_case("Another", status="frozen")),
    "empty case title": ("title", lambda s, c: s.cases.create_case("")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_rules_name_their_field_and_write_nothing(
    name: str, services: Services, case_id: str
) -> None:
    field, action = CASES[name]
    before = audit_count(services)
    with pytest.raises(ValidationError) as caught:
        action(services, case_id)
    assert caught.value.field == field
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    assert audit_count(services) == before


def test_only_some_kinds_can_cite_a_source(services: Services, case_id: str) -> None:
    source_id = services.sources.add_source(case_id, "A report")
    before = audit_count(services)
    with pytest.raises(ValidationError) as caught:
        services.sources.cite(source_id, "case", case_id)
    assert caught.value.field == "target_kind"
    assert audit_count(services) == before


def test_a_posting_cannot_end_before_it_starts(services: Services, case_id: str) -> None:
    person = services.people.add_person(case_id, "official", "Pavel Karpov")
    org = services.people.add_organisation(case_id, "Interior Ministry", kind="agency")
    with pytest.raises(ValidationError) as caught:
        services.people.add_posting(person, org, start="2009", end="2007")
    assert caught.value.field == "end"


def test_text_is_trimmed(services: Services, case_id: str) -> None:
    event_id = services.timeline.add_event(case_id, "2009-11-16", "  Death in custody  ")
    assert services.timeline.get_event(event_id).title == "Death in custody"


def test_validation_messages_do_not_echo_the_value(services: Services, case_id: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.timeline.add_event(case_id, "2009", "t", fact_status="secret-witness-Ivanov")
    assert "Ivanov" not in str(caught.value)


# ---- the editors apply core/rules.py, the rules of import, sync and verify ----------------------
def test_editors_refuse_what_an_import_would_refuse(services: Services) -> None:
    case_id = services.cases.create_case("Rules")
    for date in ("0999", "2201-01-01", "circa 3000"):
        with pytest.raises(ValidationError) as caught:
            services.timeline.add_event(case_id, date, "An event")
        assert caught.value.field == "date"
    with pytest.raises(ValidationError):
        services.timeline.add_event(case_id, "2009", "a\ud800b")
    with pytest.raises(ValidationError):
        services.timeline.add_event(case_id, "2009", "x" * 501)
    event_id = services.timeline.add_event(case_id, "circa March 2008", "Fine")
    assert services.timeline.get_event(event_id).date_edtf == "2008-03~"
