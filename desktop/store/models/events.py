"""Timeline events and the people who took part in them."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Synced, ref

TIMELINE_COLUMNS = (
    "case_id", "deleted", "date_sort", "date_end", "day_order", "created_at", "id",
    "date_edtf", "key_event",
)  # fmt: skip
VAULT_TIMELINE_COLUMNS = TIMELINE_COLUMNS[1:]  # the same order across every case


class Event(Synced):
    """Dates as yyyymmdd ints from the FuzzyDate: `date_sort` orders the timeline (the
    start's first day); `date_start`/`date_end` are the earliest and latest days it may
    have happened (0 and 99991231 when open), so a range filter keeps "before 2010" in 2009.
    `date_note` is how the date was written where EDTF cannot say it ("night", "early").
    The timeline index covers the whole ordered query with the band's date and key mark,
    so it never touches the rows; the vault timeline index does the same for the timeline
    of all cases.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_timeline", *TIMELINE_COLUMNS),
        Index("ix_events_vault_timeline", *VAULT_TIMELINE_COLUMNS),
    )

    case_id: Mapped[str] = mapped_column(ref("cases.id"))
    date_edtf: Mapped[str] = mapped_column(String(64))
    date_sort: Mapped[int] = mapped_column(Integer)
    date_start: Mapped[int] = mapped_column(Integer, default=0)
    date_end: Mapped[int] = mapped_column(Integer)
    day_order: Mapped[int] = mapped_column(Integer, default=0)
    date_note: Mapped[str] = mapped_column(String(16), default="")
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    # The language of title and description ("" by script) and their translation into
    # the other language (core.bilingual).
    text_lang: Mapped[str] = mapped_column(String(8), default="", server_default="")
    title_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    description_alt: Mapped[str] = mapped_column(Text, default="", server_default="")
    place: Mapped[str] = mapped_column(Text, default="")
    fact_status: Mapped[str] = mapped_column(String(16), default="unverified")
    # Who disputes a disputed fact (core.enums.DisputedBy, "" when not said) and, for
    # "other", who in the user's words.
    disputed_by: Mapped[str] = mapped_column(String(16), default="", server_default="")
    disputed_by_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    key_event: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    for_brief: Mapped[bool] = mapped_column(Boolean, default=True)


TIMELINE_ORDER = (Event.date_sort, Event.date_end, Event.day_order, Event.created_at, Event.id)
"""The one order of facts: in the timeline table, `event list` and the briefing pack.

The first day a fact may have happened; on the same first day the shorter span first (a
day before its month, its month before its year, "after X" last); then the manual order
(`event move`, drag in the table); then the order of entry. Editing a fact changes none
of these unless its date changes. `FuzzyDate.timeline_key` is the same order in Python.
"""


class EventParticipant(Synced):
    __tablename__ = "event_participants"

    event_id: Mapped[str] = mapped_column(ref("events.id"), index=True)
    person_id: Mapped[str] = mapped_column(ref("persons.id"), index=True)
    role: Mapped[str] = mapped_column(Text, default="")
