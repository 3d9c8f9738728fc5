"""`event add | edit | delete | restore | move | show`, and `event list --json`."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli import translations
from desktop.cli.context import Context
from desktop.cli.groups import (
    add_json_flag,
    delete_record,
    edit_record,
    print_json,
    restore_record,
    subcommands,
    with_json,
)
from desktop.cli.ids import event_id, person_id, source_id
from desktop.core.enums import DisputedBy, FactStatus
from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.errors import KnownError
from desktop.services.event_entry import Cite, EventEntry, Taking
from desktop.services.fact_order import FactOrder
from desktop.services.timeline import EventFilter, EventRow
from desktop.services.validation import fuzzy_date

DATE_HELP = (
    'e.g. 2008-11-24, "Dec 2007", "circa 2008", "night of 25 to 26 August 2008", '
    '"в конце 2008 года"'
)


def _fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    parser.add_argument("--date", required=adding, help=DATE_HELP)
    parser.add_argument("--title", required=adding)
    parser.add_argument("--description", default="" if adding else None)
    parser.add_argument("--place", default="" if adding else None)
    translations.add_flags(parser, ("title", "description"))
    statuses = [s.value for s in FactStatus]
    parser.add_argument("--status", choices=statuses, default="unverified" if adding else None)
    parser.add_argument(
        "--disputed-by",
        choices=[d.value for d in DisputedBy],
        default="" if adding else None,
        help="who disputes a disputed fact (with 'other', name them in --disputed-by-note)",
    )
    parser.add_argument("--disputed-by-note", default="" if adding else None)
    for name in ("key", "confidential"):
        parser.add_argument(
            f"--{name}", action=argparse.BooleanOptionalAction, default=False if adding else None
        )


def register(sub: argparse._SubParsersAction) -> None:
    event = subcommands(sub, "event", "timeline events")
    add = event.add_parser("add", help="add an event, with its people and sources")
    add.add_argument("--case")
    _fields(add, adding=True)
    add.add_argument(
        "--person", action="append", default=[], metavar="NAME[:ROLE]",
        help="someone who took part (name or id), with their role (repeatable)",
    )  # fmt: skip
    add.add_argument(
        "--cite", action="append", default=[], metavar="LABEL[:PIN]",
        help="a source backing the event, e.g. S1:¶2 (repeatable)",
    )  # fmt: skip
    add.set_defaults(run=event_add)
    edit = event.add_parser("edit", help="change an event (its place in the day is kept)")
    edit.add_argument("event", help="event id (any prefix `event list` prints)")
    _fields(edit, adding=False)
    edit.set_defaults(run=event_edit)
    for action, run in (("delete", event_delete), ("restore", event_restore)):
        parser = event.add_parser(action, help=f"{action} an event")
        parser.add_argument("event", help="event id or a prefix of it")
        parser.set_defaults(run=run)
    move = event.add_parser("move", help="reorder facts of the same date")
    move.add_argument("event")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--before", metavar="ID")
    where.add_argument("--after", metavar="ID")
    move.set_defaults(run=event_move)
    show = event.add_parser("show", help="one event with its people and sources")
    show.add_argument("event")
    show.add_argument("--lang", choices=("en", "ru"), default="en")
    add_json_flag(show)
    show.set_defaults(run=event_show)
    with_json(event, "list", event_list_json)


def _split(text: str, what: str) -> tuple[str, str]:
    name, _, rest = text.partition(":")
    if not name.strip():
        raise KnownError(
            "{what} {text!r} names nobody: give NAME or NAME:ROLE.", what=what, text=text
        )
    return name.strip(), rest.strip()


def event_add(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.case_id()
    people = [Taking(person_id(ctx, case_id, n), role) for n, role in map(_people, a.person)]
    cites = [Cite(source_id(ctx, case_id, label), pin) for label, pin in map(_cites, a.cite)]
    fields: dict[str, object] = {
        "date": a.date,
        "title": a.title,
        "description": a.description,
        "place": a.place,
        "fact_status": a.status,
        "disputed_by": a.disputed_by,
        "disputed_by_note": a.disputed_by_note,
        "key_event": a.key,
        "confidential": a.confidential,
        **translations.values(a, ("title", "description")),
    }
    new_id = EventEntry(ctx.services.store).add(case_id, fields, people, cites)
    event = ctx.services.timeline.get_event(new_id)
    print(f"Added {new_id[:8]}: {_date(event.date_edtf, event.date_note).display()}")
    return 0


def _people(text: str) -> tuple[str, str]:
    return _split(text, "--person")


def _cites(text: str) -> tuple[str, str]:
    return _split(text, "--cite")


def _date(edtf: str, note: str) -> FuzzyDate:
    return FuzzyDate.from_edtf(edtf).with_part(known_part(note))


def event_edit(ctx: Context) -> int:
    a = ctx.args
    target = event_id(ctx, a.event)
    given = {
        "date": a.date,
        "title": a.title,
        "description": a.description,
        "place": a.place,
        "fact_status": a.status,
        "disputed_by": a.disputed_by,
        "disputed_by_note": a.disputed_by_note,
        "key_event": a.key,
        "confidential": a.confidential,
    }
    stored = ctx.services.timeline.get_event(target)
    given.update(translations.values(a, ("title", "description"), stored.text_lang, stored.title))
    return edit_record(
        "event",
        target,
        given,
        "--date, --title, --place and the like",
        ctx.services.timeline.update_event,
    )


def event_delete(ctx: Context) -> int:
    target = event_id(ctx, ctx.args.event)
    return delete_record("event", target, ctx.services.timeline.delete_event)


def event_restore(ctx: Context) -> int:
    target = event_id(ctx, ctx.args.event, deleted=True)
    return restore_record("event", target, ctx.services.timeline.restore_event)


def event_move(ctx: Context) -> int:
    a = ctx.args
    target = event_id(ctx, a.event)
    before = event_id(ctx, a.before) if a.before else None
    after = event_id(ctx, a.after) if a.after else None
    FactOrder(ctx.services.store).move(target, before=before, after=after)
    print(f"Moved event {target[:8]}")
    return 0


def _row_data(row: EventRow, lang: str) -> dict[str, object]:
    e = row.event
    return {
        "id": e.id,
        "date": row.date.display(lang),
        "date_edtf": e.date_edtf,
        "date_note": e.date_note,
        "day_order": e.day_order,
        "title": e.title,
        "description": e.description,
        "text_lang": e.text_lang,
        "title_alt": e.title_alt,
        "description_alt": e.description_alt,
        "place": e.place,
        "status": e.fact_status,
        "disputed_by": e.disputed_by,
        "disputed_by_note": e.disputed_by_note,
        "key": e.key_event,
        "confidential": e.confidential,
        "people": list(row.people),
        "sources": row.source_count,
    }


def _day(text: str | None, flag: str) -> dt.date | None:
    """The first day of what `text` names for --from, its last day for --to."""
    if not text:
        return None
    date = fuzzy_date(text, flag)
    return date.earliest() if flag == "--from" else date.latest()


def _filter(ctx: Context) -> EventFilter:
    a = ctx.args
    return EventFilter(
        text=a.text,
        date_from=_day(a.date_from, "--from"),
        date_to=_day(a.date_to, "--to"),
        key_only=a.key_only,
    )


def event_list_json(ctx: Context) -> int:
    timeline = ctx.services.timeline
    rows = timeline.rows(timeline.event_ids(ctx.case_id(), _filter(ctx)))
    return print_json([_row_data(r, ctx.args.lang) for r in rows])


def event_show(ctx: Context) -> int:
    target = event_id(ctx, ctx.args.event)
    row = ctx.services.timeline.rows([target])[0]
    data = _row_data(row, ctx.args.lang)
    data["participants"] = [
        {"person": person.display_name, "role": part.role}
        for part, person in ctx.services.timeline.participants(target)
    ]
    data["citations"] = [
        {"source": src.label or src.title, "pin": cite.pinpoint, "quote": cite.quote}
        for cite, src in ctx.services.sources.citations("event", target)
    ]
    data["tags"] = [t.name for t in ctx.services.tags.tags_of(target)]
    if ctx.args.json:
        return print_json(data)
    for key in ("id", "date", "title", "title_alt", "place", "status", "description",
                "description_alt"):  # fmt: skip
        if data[key]:
            print(f"{key:>12}: {data[key]}")
    for p in data["participants"]:  # type: ignore[attr-defined]
        print(f"{'person':>12}: {p['person']}" + (f" ({p['role']})" if p["role"] else ""))
    for c in data["citations"]:  # type: ignore[attr-defined]
        print(f"{'source':>12}: {c['source']}" + (f" {c['pin']}" if c["pin"] else ""))
    return 0
