"""Complaints filed with a body against officials, and the responses received."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Synced, ref


class Complaint(Synced):
    __tablename__ = "complaints"

    case_id: Mapped[str] = mapped_column(ref("cases.id"), index=True)
    filed_edtf: Mapped[str] = mapped_column(String(64), default="XXXX")
    filed_sort: Mapped[int] = mapped_column(Integer, default=99999999)
    filed_by: Mapped[str] = mapped_column(Text, default="")
    body_id: Mapped[str | None] = mapped_column(ref("organisations.id"), default=None)
    body_detail: Mapped[str] = mapped_column(Text, default="")
    our_reference: Mapped[str] = mapped_column(Text, default="")
    registration_number: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    # The language of the subject ("" by script) and its translation (core.bilingual).
    text_lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    subject_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    response_due: Mapped[str | None] = mapped_column(String(10), default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    escalated_from_id: Mapped[str | None] = mapped_column(ref("complaints.id"), default=None)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    for_brief: Mapped[bool] = mapped_column(Boolean, default=True)


class ComplaintTarget(Synced):
    """Whom a complaint is against: a person, an organisation, or a description."""

    __tablename__ = "complaint_targets"

    complaint_id: Mapped[str] = mapped_column(ref("complaints.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ref("persons.id"), default=None, index=True)
    organisation_id: Mapped[str | None] = mapped_column(ref("organisations.id"), default=None)
    description: Mapped[str] = mapped_column(Text, default="")


class ComplaintEvent(Synced):
    """A fact of the timeline that a complaint is about (the arrest it protests, say)."""

    __tablename__ = "complaint_events"

    complaint_id: Mapped[str] = mapped_column(ref("complaints.id"), index=True)
    event_id: Mapped[str] = mapped_column(ref("events.id"), index=True)


class ComplaintResponse(Synced):
    __tablename__ = "complaint_responses"

    complaint_id: Mapped[str] = mapped_column(ref("complaints.id"), index=True)
    received_edtf: Mapped[str] = mapped_column(String(64), default="XXXX")
    received_sort: Mapped[int] = mapped_column(Integer, default=99999999)
    kind: Mapped[str] = mapped_column(String(32), default="other")
    summary: Mapped[str] = mapped_column(Text, default="")
    attachment_id: Mapped[str | None] = mapped_column(ref("attachments.id"), default=None)
