"""Naming records on the command line: id prefixes as lists print them, names and labels."""

from __future__ import annotations

from desktop.cli.context import Context
from desktop.errors import KnownError
from desktop.services.lookup import Found, RecordLookup
from desktop.services.people import parse_names

CITABLE = ("event", "person", "posting", "complaint")


def record(ctx: Context, ref: str, *kinds: str, deleted: bool | None = False) -> Found:
    """The one record of `kinds` whose id starts with `ref` (a clear error otherwise)."""
    return RecordLookup(ctx.services.store).require(ref, kinds, deleted=deleted)


def event_id(ctx: Context, ref: str, *, deleted: bool | None = False) -> str:
    return record(ctx, ref, "event", deleted=deleted).id


def complaint_id(ctx: Context, ref: str, *, deleted: bool | None = False) -> str:
    return record(ctx, ref, "complaint", deleted=deleted).id


def person_id(ctx: Context, case_id: str, ref: str, *, deleted: bool | None = False) -> str:
    """A person by id prefix, else by any of their names (case-insensitive) in the case."""
    lookup = RecordLookup(ctx.services.store)
    found = lookup.by_prefix(ref, ("person",), case_id=case_id, deleted=deleted)
    if found is not None:
        return found.id
    folded = ref.strip().casefold()
    matches = [
        p.id
        for p in ctx.services.people.persons(case_id)
        if p.display_name.casefold() == folded
        or any(n.text.casefold() == folded for n in parse_names(p.names))
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KnownError("Several people are called {ref!r}; use the id.", ref=ref.strip())
    raise KnownError("No person called {ref!r} in this case (see `person list`).", ref=ref.strip())


def organisation_id(ctx: Context, case_id: str, ref: str) -> str | None:
    """An organisation by id prefix, else by its name in either language; None if none."""
    found = RecordLookup(ctx.services.store).by_prefix(ref, ("organisation",), case_id=case_id)
    if found is not None:
        return found.id
    folded = ref.strip().casefold()
    matches = [
        o.id
        for o in ctx.services.people.organisations(case_id)
        if folded in (o.name.casefold(), o.name_ru.casefold())
    ]
    if len(matches) > 1:
        raise KnownError("Several organisations are called {ref!r}; use the id.", ref=ref.strip())
    return matches[0] if matches else None


def require_organisation(ctx: Context, case_id: str, ref: str) -> str:
    found = organisation_id(ctx, case_id, ref)
    if found is None:
        raise KnownError("No organisation called {ref!r} (add it with `org add`).", ref=ref.strip())
    return found


def source_id(ctx: Context, case_id: str, ref: str) -> str:
    """A source by its label (S1) or an id prefix."""
    lookup = RecordLookup(ctx.services.store)
    by_label = lookup.source_by_label(case_id, ref)
    if by_label is not None:
        return by_label
    found = lookup.by_prefix(ref, ("source",), case_id=case_id)
    if found is None:
        raise KnownError("No source labelled {ref!r} (see `source list`).", ref=ref.strip())
    return found.id


def citable(ctx: Context, ref: str) -> Found:
    """An event, person, posting or complaint that can cite a source."""
    return record(ctx, ref, *CITABLE)
