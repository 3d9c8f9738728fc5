"""The `ftm` export: Follow the Money entities as JSON lines, for OCCRP Aleph.

People become `Person`; organisations `PublicBody` (state bodies, courts, prosecutors,
places of detention), `Company` or `Organization`; postings `Employment` (employer,
employee, role, period); facts and complaints `Event` (with the people and bodies
`involved`); sources `Article` (a cited work, with no file); each citation a
`Documentation` linking a source to what it supports, its pinpoint as the role. Dates
are ISO prefixes as precise as the case knows them ("2008", "2008-03"), a span as start
and end date, "before X" as an end date only; the date as written stays in `summary`.

Entity ids are SHA-1 of `dossier`, the record kind and the record id, so exporting again
gives the same ids and Aleph updates the entities it already has.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from desktop.briefing.exports.content import ExportContent, SourceRef
from desktop.core.enums import PersonKind
from desktop.core.fuzzydate import DatePoint, FuzzyDate, Precision, Qualifier

PUBLIC_BODIES = frozenset(
    {"agency", "unit", "court", "prosecutor", "detention_facility", "foreign_government"}
)
Entity = dict[str, Any]


def entity_id(kind: str, record_id: str) -> str:
    return hashlib.sha1(f"dossier.{kind}.{record_id}".encode()).hexdigest()


def iso_prefix(point: DatePoint, *, last: bool = False) -> str:
    """The point as an ISO date cut to its precision; a decade or century as its first
    (or last) year."""
    if point.precision in (Precision.DECADE, Precision.CENTURY):
        day = point.latest() if last else point.earliest()
        return f"{day.year:04d}"
    day = point.earliest()
    if point.precision is Precision.YEAR:
        return f"{day.year:04d}"
    if point.precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def date_properties(date: FuzzyDate) -> dict[str, list[str]]:
    """`date`, or `startDate`/`endDate`, saying no more than the case knows."""
    start, end = date.start, date.end
    if start is None:
        return {}
    if date.qualifier is Qualifier.BEFORE:
        return {"endDate": [iso_prefix(start, last=True)]}
    if date.qualifier is Qualifier.AFTER:
        return {"startDate": [iso_prefix(start)]}
    if end is not None:
        return {"startDate": [iso_prefix(start)], "endDate": [iso_prefix(end, last=True)]}
    if start.precision in (Precision.DECADE, Precision.CENTURY):
        return {"startDate": [iso_prefix(start)], "endDate": [iso_prefix(start, last=True)]}
    return {"date": [iso_prefix(start)]}


def _entity(schema: str, entity_key: str, **properties: list[str]) -> Entity:
    kept = {k: sorted(dict.fromkeys(v for v in values if v)) for k, values in properties.items()}
    return {"id": entity_key, "schema": schema, "properties": {k: v for k, v in kept.items() if v}}


def entities(content: ExportContent) -> Iterator[Entity]:
    """Every entity once, in a fixed order: people, organisations, postings, sources,
    facts, complaints, citations."""
    seen: set[str] = set()
    for entity in _entities(content):
        if entity["id"] not in seen:  # a source cited twice alike is one Documentation
            seen.add(entity["id"])
            yield entity


def _entities(content: ExportContent) -> Iterator[Entity]:
    person = {p.id: entity_id("person", p.id) for p in content.people}
    organisation = {o.id: entity_id("organisation", o.id) for o in content.organisations}
    document = {s.id: entity_id("source", s.id) for s in content.sources}
    for p in content.people:
        yield _entity(
            "Person",
            person[p.id],
            name=[p.name],
            alias=[p.original, *p.aliases],
            description=[p.description],
            classification=[PersonKind(p.kind).label("en")],
        )
    for o in content.organisations:
        schema = (
            "PublicBody"
            if o.kind in PUBLIC_BODIES
            else "Company"
            if o.kind == "company"
            else "Organization"
        )
        yield _entity(
            schema,
            organisation[o.id],
            name=[o.name],
            alias=[o.name_ru],
            parent=[organisation[o.parent_id]] if o.parent_id else [],
        )
    for p in content.people:
        for posting in p.postings:
            if posting.organisation_id not in organisation:
                continue
            period: dict[str, list[str]] = {}
            for key, values in date_properties(posting.start).items():
                if key in ("date", "startDate"):
                    period["startDate"] = values
            for key, values in date_properties(posting.end).items():
                if key in ("date", "endDate"):
                    period["endDate"] = values
            role = ", ".join(x for x in (posting.role, posting.rank) if x)
            yield _entity(
                "Employment",
                entity_id("posting", posting.id),
                employer=[organisation[posting.organisation_id]],
                employee=[person[p.id]],
                role=[role],
                summary=[posting.period_text],
                **period,
            )
    for s in content.sources:
        yield _entity(
            "Article",
            document[s.id],
            title=[s.title],
            name=[f"{s.label}: {s.title}"],
            author=[s.author],
            publisher=[s.publisher],
            sourceUrl=[s.url],
            publishedAt=[iso_prefix(s.date.start)] if s.date.start and not s.date.end else [],
            summary=[s.date.display(content.lang) if not s.date.is_undated else ""],
        )
    for e in content.events:
        yield _entity(
            "Event",
            entity_id("event", e.id),
            name=[e.title],
            description=[e.description],
            summary=[e.date_text],
            location=[e.place],
            involved=[person[p.person_id] for p in e.people],
            important=["true"] if e.key else [],
            **date_properties(e.date),
        )
    for c in content.complaints:
        involved = [person[a.person_id] for a in c.against if a.person_id in person]
        involved += [organisation[a.organisation_id] for a in c.against if a.organisation_id]
        if c.body_id in organisation:
            involved.append(organisation[c.body_id])
        yield _entity(
            "Event",
            entity_id("complaint", c.id),
            name=[" — ".join(x for x in (c.body, c.subject or c.reference) if x)],
            description=[c.subject],
            summary=[c.filed_text],
            involved=involved,
            **date_properties(c.filed),
        )
    for kind, record_id, refs in _citations(content):
        for ref in refs:
            yield _entity(
                "Documentation",
                entity_id("citation", f"{kind}.{record_id}.{ref.source_id}.{ref.pinpoint}"),
                document=[document[ref.source_id]],
                entity=[entity_id(kind, record_id)],
                role=[ref.pinpoint],
            )


def _citations(content: ExportContent) -> Iterator[tuple[str, str, tuple[SourceRef, ...]]]:
    for p in content.people:
        yield "person", p.id, p.sources
    for e in content.events:
        yield "event", e.id, e.sources
    for c in content.complaints:
        yield "complaint", c.id, c.sources


def ftm_file(
    content: ExportContent, file_name: str = "entities.ftm.json"
) -> list[tuple[str, bytes]]:
    lines = [
        json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        for e in entities(content)
    ]
    return [(file_name, ("\n".join(lines) + "\n").encode("utf-8"))]
