"""Headless commands over the case records: list, show, add, search."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli import translations
from desktop.cli.context import Context
from desktop.cli.output import plain_snippet, table
from desktop.core.enums import ComplaintStatus, PersonKind
from desktop.services.complaints import Against
from desktop.services.people import NameVariant, parse_names
from desktop.services.timeline import EventFilter
from desktop.services.validation import fuzzy_date


def _date(text: str | None, flag: str) -> dt.date | None:
    """The first day of what `text` names for --from, its last day for --to."""
    if not text:
        return None
    date = fuzzy_date(text, flag)
    return date.earliest() if flag == "--from" else date.latest()


def register(sub: argparse._SubParsersAction) -> None:
    case = sub.add_parser("case", help="list cases or show one").add_subparsers(
        dest="case_action", required=True
    )
    case.add_parser("list", help="every case in the vault").set_defaults(run=case_list)
    show = case.add_parser("show", help="a case's summary and record counts")
    show.add_argument("case", nargs="?", help="case id or title (default: the only case)")
    show.set_defaults(run=case_show)

    event = sub.add_parser("event", help="timeline events").add_subparsers(
        dest="event_action", required=True
    )
    ls = event.add_parser("list", help="the timeline, in date order")
    ls.add_argument("--case")
    ls.add_argument("--text", default="", help="only events matching this text")
    ls.add_argument("--from", dest="date_from", help="only events that may fall on or after")
    ls.add_argument("--to", dest="date_to", help="only events that may fall on or before")
    ls.add_argument("--key-only", action="store_true", help="only the key facts")
    ls.add_argument("--lang", choices=("en", "ru"), default="en")
    ls.set_defaults(run=event_list)

    person = sub.add_parser("person", help="people and officials").add_subparsers(
        dest="person_action", required=True
    )
    pl = person.add_parser("list", help="people in a case")
    pl.add_argument("--case")
    pl.set_defaults(run=person_list)
    pa = person.add_parser("add", help="add a person")
    pa.add_argument("--case")
    pa.add_argument("--name", required=True, help="the name as usually written")
    pa.add_argument("--original", default="", help="the name in its own script")
    pa.add_argument("--alias", action="append", default=[], help="another spelling (repeatable)")
    pa.add_argument("--kind", choices=[k.value for k in PersonKind], default="other")
    pa.add_argument("--description", default="")
    pa.add_argument(
        "--allegations", default="", help="what they are accused of (packs print it as such)"
    )
    pa.add_argument(
        "--protected",
        action="store_true",
        help="a witness or other person whose names public packs remove everywhere",
    )
    pa.add_argument(
        "--confidential",
        action="store_true",
        help="left out, names and all, of counsel and public packs",
    )
    pa.set_defaults(run=person_add)

    complaint = sub.add_parser("complaint", help="the complaints register").add_subparsers(
        dest="complaint_action", required=True
    )
    cl = complaint.add_parser("list", help="complaints with status and deadline")
    cl.add_argument("--case")
    cl.set_defaults(run=complaint_list)
    ca = complaint.add_parser("add", help="add a complaint")
    ca.add_argument("--case")
    ca.add_argument("--filed", default="", help="date filed")
    ca.add_argument("--by", dest="filed_by", default="")
    ca.add_argument("--body", default="", help="the body it was filed with")
    ca.add_argument(
        "--against",
        action="append",
        default=[],
        help="person or organisation name, or a description (repeat for several)",
    )
    ca.add_argument("--subject", default="")
    translations.add_flags(ca, ("subject",))
    ca.add_argument("--reference", default="", help="our reference")
    ca.add_argument("--registration", default="", help="the body's registration number")
    ca.add_argument("--due", default="", help="response due date, YYYY-MM-DD")
    ca.add_argument("--status", choices=[s.value for s in ComplaintStatus], default="filed")
    ca.set_defaults(run=complaint_add)

    search = sub.add_parser("search", help="search every case (names match across scripts)")
    search.add_argument("query")
    search.add_argument("--case")
    search.set_defaults(run=run_search)


def case_list(ctx: Context) -> int:
    cases = ctx.services.cases.list_cases()
    rows = [(c.id[:8], c.title, c.status, "sample" if c.is_sample else "") for c in cases]
    print(table(("id", "title", "status", ""), rows))
    return 0


def case_show(ctx: Context) -> int:
    case = ctx.services.cases.get_case(ctx.case_id())
    print(case.title)
    if case.is_sample and case.notice:
        print(f"NOTE: {case.notice.splitlines()[0]}")
    print()
    print(case.summary)
    print()
    for kind, count in ctx.services.cases.counts(case.id).items():
        print(f"{kind:>11}: {count}")
    return 0


def event_list(ctx: Context) -> int:
    timeline = ctx.services.timeline
    flt = EventFilter(
        text=ctx.args.text,
        date_from=_date(ctx.args.date_from, "--from"),
        date_to=_date(ctx.args.date_to, "--to"),
        key_only=ctx.args.key_only,
    )
    rows = timeline.rows(timeline.event_ids(ctx.case_id(), flt))
    print(
        table(
            ("id", "date", "event", "people", "sources"),
            [
                (
                    r.event.id[:8],
                    r.date.display(ctx.args.lang),
                    r.event.title,
                    ", ".join(r.people),
                    str(r.source_count),
                )
                for r in rows
            ],
        )
    )
    return 0


def person_list(ctx: Context) -> int:
    people = ctx.services.people.persons(ctx.case_id())
    rows = []
    for p in people:
        others = [n.text for n in parse_names(p.names) if n.text != p.display_name]
        marks = [
            m for m, on in (("protected", p.protected), ("confidential", p.confidential)) if on
        ]
        rows.append(
            (
                p.id[:8],
                p.display_name,
                ", ".join(others),
                PersonKind(p.kind).label(),
                ", ".join(marks),
            )
        )
    print(table(("id", "name", "other names", "kind", "marks"), rows))
    return 0


def person_add(ctx: Context) -> int:
    a = ctx.args
    names = [NameVariant(a.name, kind="primary")]
    if a.original:
        names.append(NameVariant(a.original, kind="original"))
    names += [NameVariant(alias) for alias in a.alias]
    person_id = ctx.services.people.add_person(
        ctx.case_id(),
        a.kind,
        a.name,
        names=names,
        description=a.description,
        allegations=a.allegations,
        protected=a.protected,
        confidential=a.confidential,
    )
    marks = [m for m, on in (("protected", a.protected), ("confidential", a.confidential)) if on]
    print(f"Added {person_id[:8]}: {a.name}" + (f" ({', '.join(marks)})" if marks else ""))
    return 0


def complaint_list(ctx: Context) -> int:
    rows = []
    for r in ctx.services.complaints.register(ctx.case_id()):
        c = r.complaint
        due = c.response_due or ""
        if r.days_left is not None:
            due += " OVERDUE" if r.overdue else f" ({r.days_left} days)"
        rows.append(
            (
                c.id[:8],
                r.filed.display(style="short"),
                r.body_name,
                "; ".join(r.against),
                ComplaintStatus(c.status).label(),
                due,
            )
        )
    print(table(("id", "filed", "body", "against", "status", "due"), rows, max_width=40))
    return 0


def complaint_add(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.case_id()
    people = {p.display_name.casefold(): p.id for p in ctx.services.people.persons(case_id)}
    bodies = {o.name.casefold(): o.id for o in ctx.services.people.organisations(case_id)}
    against = [
        Against(person_id=people[x.casefold()])
        if x.casefold() in people
        else Against(organisation_id=bodies[x.casefold()])
        if x.casefold() in bodies
        else Against(description=x)
        for x in a.against
    ]
    fields: dict[str, object] = {
        "filed_on": a.filed,
        "filed_by": a.filed_by,
        "body_id": bodies.get(a.body.casefold()),
        "body_detail": "" if a.body.casefold() in bodies else a.body,
        "subject": a.subject,
        "our_reference": a.reference,
        "registration_number": a.registration,
        "response_due": a.due or None,
        "status": a.status,
        **translations.values(a, ("subject",)),
    }
    complaint_id = ctx.services.complaints.add_complaint(case_id, against=against, **fields)
    print(f"Added complaint {complaint_id[:8]}")
    return 0


def run_search(ctx: Context) -> int:
    case_id = ctx.services.cases.find_case(ctx.args.case).id if ctx.args.case else None
    results = ctx.services.search.results(ctx.args.query, case_id)
    if results.empty:
        print("No matches.")
        return 0
    for kind, hits in results.groups.items():
        print(f"{kind}:")
        for hit in hits:
            snippet = plain_snippet(hit.snippet)
            print(f"  {hit.title}" + (f" — {snippet}" if snippet else ""))
    if results.similar:
        # Apart from the hits: these names are spelled like the query, not the same name.
        print("similar names:")
        for person in results.similar:
            others = [n for n in person.names if n != person.display_name]
            print(f"  {person.display_name}" + (f" ({', '.join(others)})" if others else ""))
    return 0
