"""Replies move a waiting complaint's status; they never reopen one that was settled."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.services.registry import Services


@pytest.fixture
def case_id(services: Services) -> str:
    return services.cases.create_case("Case")


@pytest.mark.parametrize(
    ("kind", "status", "awaiting"),
    [
        ("decision", "answered", False),
        ("refusal", "rejected", False),
        ("acknowledgement", "acknowledged", True),
        ("forwarding", "forwarded", True),
        ("other", "filed", True),
    ],
)
def test_a_reply_moves_a_waiting_complaint(
    services: Services, case_id: str, kind: str, status: str, awaiting: bool
) -> None:
    c = services.complaints
    complaint = c.add_complaint(case_id, subject="s", response_due="2010-01-01")
    c.add_response(complaint, "2009-12-20", kind)
    assert c.get_complaint(complaint).status == status
    row = next(r for r in c.register(case_id, dt.date(2010, 2, 1)) if r.complaint.id == complaint)
    assert row.overdue is awaiting  # answered or refused: the overdue clock has stopped
    assert row.last_response is not None and row.last_response.kind == kind


def test_a_late_acknowledgement_does_not_reopen_a_decided_complaint(
    services: Services, case_id: str
) -> None:
    c = services.complaints
    complaint = c.add_complaint(case_id, subject="s")
    c.add_response(complaint, "2009-12-01", "decision")
    c.add_response(complaint, "2009-10-05", "acknowledgement")  # typed in later
    assert c.get_complaint(complaint).status == "answered"
    row = next(r for r in c.register(case_id) if r.complaint.id == complaint)
    assert row.last_response is not None and row.last_response.kind == "decision"  # by date


def test_a_closed_complaint_stays_closed(services: Services, case_id: str) -> None:
    c = services.complaints
    complaint = c.add_complaint(case_id, subject="s", status="closed")
    c.add_response(complaint, "2009-12-01", "refusal")
    assert c.get_complaint(complaint).status == "closed"
