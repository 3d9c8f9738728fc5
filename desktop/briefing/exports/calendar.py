"""The `ics` export: complaint response deadlines (and, if asked, dated key facts) as an
iCalendar file for any calendar program.

Each deadline is an all-day event on the due day with a reminder `alarm_days` before.
UIDs are the record id at `dossier`, so importing a newer export updates the same events
instead of adding copies; a complaint no longer waiting for an answer stays in the file,
marked cancelled, so calendars drop its reminder. DTSTAMP is the export's date (required
by RFC 5545; there is no clock time in it, so the same inputs give the same bytes).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.briefing.exports.content import ExportComplaint, ExportContent, ExportEvent
from desktop.briefing.exports.words import word
from desktop.core.enums import ComplaintStatus

if TYPE_CHECKING:
    from icalendar import Event


def uid(record_id: str) -> str:
    return f"{record_id}@dossier"


def ics_file(
    content: ExportContent,
    alarm_days: int = 7,
    with_key_facts: bool = False,
    file_name: str = "deadlines.ics",
) -> list[tuple[str, bytes]]:
    # Imported here: only this export needs the library.
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//Dossier//Case exports//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", content.title)
    stamp = dt.datetime.combine(content.generated_on, dt.time(), tzinfo=dt.UTC)
    for complaint in content.complaints:
        if complaint.due is not None:
            calendar.add_component(_deadline(content, complaint, alarm_days, stamp))
    if with_key_facts:
        for event in content.events:
            if event.key and not event.date.is_undated:
                calendar.add_component(_fact(content, event, stamp))
    return [(file_name, calendar.to_ical())]


def _deadline(
    content: ExportContent, complaint: ExportComplaint, alarm_days: int, stamp: dt.datetime
) -> Event:
    from icalendar import Alarm, Event

    lang = content.lang
    assert complaint.due is not None
    event = Event()
    event.add("uid", uid(complaint.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", complaint.due)
    event.add("dtend", complaint.due + dt.timedelta(days=1))
    status = ComplaintStatus(complaint.status).label(lang)
    what = complaint.subject or complaint.reference or complaint.filed_text
    summary = f"{word(lang, 'due')}: {complaint.body} — {what}"
    if not complaint.awaiting:
        summary = f"{summary} ({word(lang, 'settled')}: {status.lower()})"
    event.add("summary", summary)
    lines = [
        f"{word(lang, 'complaint')}: {complaint.body}",
        f"{word(lang, 'filed')}: {complaint.filed_text}",
        f"{word(lang, 'filed_by')}: {complaint.filed_by}" if complaint.filed_by else "",
        f"{word(lang, 'against')}: " + ", ".join(a.text for a in complaint.against)
        if complaint.against
        else "",
        f"{word(lang, 'subject')}: {complaint.subject}" if complaint.subject else "",
        f"{word(lang, 'reference')}: {complaint.reference}" if complaint.reference else "",
        f"{word(lang, 'registration')}: {complaint.registration}" if complaint.registration else "",
        f"{word(lang, 'status')}: {status}",
    ]
    event.add("description", "\n".join(line for line in lines if line))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [word(lang, "complaint")])
    if complaint.awaiting:
        event.add("status", "CONFIRMED")
        if alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", word(lang, "due_alarm").format(days=alarm_days))
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            event.add_component(alarm)
    else:
        event.add("status", "CANCELLED")
    return event


def _fact(content: ExportContent, fact: ExportEvent, stamp: dt.datetime) -> Event:
    """A key fact over the days its date covers; an open date ("before X") on its one
    known day. The title carries the date as written, so no precision is invented."""
    from icalendar import Event

    lang = content.lang
    first = fact.date.earliest() or fact.date.latest()
    last = fact.date.latest() or first
    assert first is not None and last is not None
    event = Event()
    event.add("uid", uid(fact.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))
    event.add("summary", f"{fact.date_text}: {fact.title}")
    lines = [fact.description]
    if fact.place:
        lines.append(f"{word(lang, 'place')}: {fact.place}")
    if fact.people:
        lines.append(f"{word(lang, 'people')}: " + ", ".join(p.name for p in fact.people))
    if fact.sources:
        lines.append(f"{word(lang, 'sources')}: " + ", ".join(r.text() for r in fact.sources))
    event.add("description", "\n".join(line for line in lines if line))
    event.add("transp", "TRANSPARENT")
    event.add("categories", [word(lang, "key_fact")])
    return event
