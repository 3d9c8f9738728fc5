"""The pack's complaints register: numbered over the whole case in filing order, with
responses, escalation chains, overdue marks and whom each complaint is against."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from desktop.briefing.chronology import Chronology
from desktop.briefing.model import (
    ComplaintEntry,
    ComplaintRef,
    ComplaintResponse,
)
from desktop.briefing.redaction import names_of
from desktop.briefing.selection import (
    REDACTED,
    Selection,
    date_of,
    day_text,
    in_pack_language,
    other_lang,
)
from desktop.store.records import (
    ComplaintRecord,
    ResponseRecord,
    TargetRecord,
)

AWAITING = {"filed", "acknowledged", "forwarded", "appealed"}


def against(sel: Selection, target: TargetRecord) -> str:
    if target.person_id:
        return sel.names.get(target.person_id, REDACTED[sel.lang])
    if target.organisation_id:
        return sel.organisation_name.get(target.organisation_id, "")
    return sel.scrub(target.description)


def complaint_order(complaint: ComplaintRecord) -> tuple[object, ...]:
    """Filing order: the register's numbers follow it over the whole case."""
    return (date_of(complaint.filed_edtf).sort_key(), complaint.created_at, complaint.id)


def complaint_numbers(complaints: tuple[ComplaintRecord, ...]) -> dict[str, int]:
    """Each complaint's number in the register, from the whole case, not from what one
    pack shows: a date-range or marked-only pack keeps the numbers (and has gaps)."""
    return {c.id: i for i, c in enumerate(sorted(complaints, key=complaint_order), start=1)}


def register_of(
    sel: Selection, chronology: Chronology
) -> tuple[tuple[ComplaintEntry, ...], dict[str, list[ComplaintRef]]]:
    """The register, and for each shown person the complaints against them."""
    targets: dict[str, list[TargetRecord]] = defaultdict(list)
    for target in sel.snapshot.targets:
        targets[target.complaint_id].append(target)
    responses: dict[str, list[ResponseRecord]] = defaultdict(list)
    for response in sel.snapshot.responses:
        responses[response.complaint_id].append(response)
    numbers = complaint_numbers(sel.snapshot.complaints)
    shown = [
        c
        for c in sorted(sel.snapshot.complaints, key=complaint_order)
        if sel.keeps(c.confidential, c.for_brief, date_of(c.filed_edtf))
    ]

    def body_of(complaint: ComplaintRecord) -> str:
        body = sel.organisation_name.get(complaint.body_id or "", "") or complaint.body_detail
        return sel.scrub(body)

    refs = {
        c.id: ComplaintRef(
            numbers[c.id], date_of(c.filed_edtf).display(sel.lang), body_of(c), sel.scrub(c.outcome)
        )
        for c in shown
    }
    chains = escalation_chains(shown)
    entries = []
    against_person: dict[str, list[ComplaintRef]] = defaultdict(list)
    # "Filed by" is free text; where it is a shown person's name, print it as the pack
    # names that person (Cyrillic in a Russian pack).
    named = {n.casefold(): sel.names[p.id] for p in sel.persons for n in names_of(p)}
    for complaint in shown:
        filed = date_of(complaint.filed_edtf)
        for target in targets[complaint.id]:
            if target.person_id in sel.names:
                against_person[str(target.person_id)].append(refs[complaint.id])
        overdue = bool(
            complaint.response_due
            and complaint.status in AWAITING
            and dt.date.fromisoformat(complaint.response_due) < sel.options.generated_on
        )
        history = tuple(
            ComplaintResponse(
                date_of(r.received_edtf).display(sel.lang), r.kind, sel.scrub(r.summary)
            )
            for r in sorted(
                responses[complaint.id], key=lambda r: date_of(r.received_edtf).sort_key()
            )
        )
        (subject,) = in_pack_language(
            sel,
            complaint.text_lang,
            complaint.subject,
            ((complaint.subject, complaint.subject_alt),),
        )
        entries.append(
            ComplaintEntry(
                filed_text=filed.display(sel.lang),
                body=refs[complaint.id].body,
                status=complaint.status,
                number=numbers[complaint.id],
                filed_by=named.get(complaint.filed_by.strip().casefold())
                or sel.scrub(complaint.filed_by),
                against=tuple(a for a in (against(sel, t) for t in targets[complaint.id]) if a),
                subject=subject.text,
                subject_lang=other_lang(subject, sel.lang),
                our_reference=complaint.our_reference,
                registration_number=complaint.registration_number,
                due_text=due_text(complaint.response_due, sel.lang),
                overdue=overdue,
                responses=history,
                citations=tuple(sel.cited.get(complaint.id, ())),
                legal_basis=sel.scrub(complaint.legal_basis),
                outcome=sel.scrub(complaint.outcome),
                chain=tuple(refs[i] for i in chains.get(complaint.id, ())),
                escalated=any(c.escalated_from_id == complaint.id for c in shown),
                events=tuple(chronology.filed_on.get(complaint.filed_edtf, ())),
            )
        )
    return tuple(entries), against_person


def escalation_chains(shown: list[ComplaintRecord]) -> dict[str, list[str]]:
    """For each escalated complaint shown, the ids of its escalation in filing order: the
    first filing, then each escalation of it (depth first). Links to complaints the pack
    leaves out are cut there, so a chain never names a complaint the reader cannot see."""
    by_id = {c.id: c for c in shown}
    children: dict[str, list[str]] = defaultdict(list)
    for c in shown:  # already in filing order
        if c.escalated_from_id in by_id:
            children[str(c.escalated_from_id)].append(c.id)
    chains: dict[str, list[str]] = {}
    for c in shown:
        if c.escalated_from_id in by_id or not children.get(c.id):
            continue
        order: list[str] = []
        stack, seen = [c.id], set()
        while stack:  # a damaged vault could hold a cycle: never visit twice
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            stack.extend(reversed(children.get(current, [])))
        for member in order:
            chains[member] = order
    return chains


def due_text(due: str | None, lang: str) -> str:
    """A response due date as the body writes dates."""
    if not due:
        return ""
    return day_text(dt.date.fromisoformat(due), lang)
