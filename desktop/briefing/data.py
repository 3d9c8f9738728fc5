"""From a case snapshot to a `Briefing`: the people and exhibits sections, and the whole.

`assemble` is pure: it applies the options through `selection.selection_of` (sections,
dates, marked-only, redaction, source numbers), then builds the chronology
(`chronology`), the complaints register (`register`), the people with each one's rank on
each event's date, and the exhibits. Redaction happens in the selection, before the
`Briefing` exists, so removed text cannot reach the renderer, the outline or the PDF
metadata. `snapshot.load_snapshot` reads the case out of the vault.
"""

from __future__ import annotations

from desktop.briefing.chronology import Chronology, chronology_of
from desktop.briefing.labels import default_marking, label
from desktop.briefing.model import (
    Briefing,
    BriefingOptions,
    ComplaintRef,
    Exhibit,
    PersonEntry,
    Posting,
    SourceEntry,
)
from desktop.briefing.redaction import ProtectedNames, names_of
from desktop.briefing.register import register_of
from desktop.briefing.selection import (
    Selection,
    day_text,
    in_pack_language,
    keeps_item,
    other_lang,
    selection_of,
)
from desktop.briefing.snapshot import CaseSnapshot
from desktop.core.bilingual import main_lang
from desktop.core.exhibitlabels import LabelledFile, missing_labels, natural_key
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import ValidationError
from desktop.store.records import (
    AttachmentRecord,
    SourceRecord,
)


def _period_text(start_edtf: str, end_edtf: str, lang: str) -> str:
    start, end = FuzzyDate.from_edtf(start_edtf), FuzzyDate.from_edtf(end_edtf)
    if start.is_undated and end.is_undated:
        return ""
    left = "" if start.is_undated else start.display(lang)
    right = "" if end.is_undated else end.display(lang)
    return f"{left} – {right}".strip()


# Officials of every kind come after the victims and before everyone else.
OFFICIAL_KINDS = ("official", "judge", "prosecutor", "investigator")


def _people(
    sel: Selection, against_person: dict[str, list[ComplaintRef]], chronology: Chronology
) -> tuple[PersonEntry, ...]:
    entries = []
    order = {"victim": 0, **dict.fromkeys(OFFICIAL_KINDS, 1)}
    for person in sorted(sel.persons, key=lambda p: (order.get(p.kind, 2), sel.names[p.id])):
        shown = sel.names[person.id]
        variants = sorted(sel.scrub(n) for n in names_of(person) if sel.scrub(n) != shown)
        postings = tuple(
            Posting(
                sel.organisation_name.get(x.organisation_id, ""),
                sel.scrub(x.role),
                sel.scrub(x.rank),
                _period_text(x.start_edtf, x.end_edtf, sel.lang),
            )
            for x in sel.postings_of[person.id]
        )
        entries.append(
            PersonEntry(
                name=sel.names[person.id],
                kind=person.kind,
                name_variants=tuple(variants),
                postings=postings,
                # Printed as entered, under "Description", for every kind of person: a
                # judge's description is not an accusation.
                description=sel.scrub(person.description),
                allegations=sel.scrub(person.allegations),
                complaints_against=tuple(against_person.get(person.id, ())),
                events=tuple(chronology.takes_part.get(person.id, ())),
                citations=tuple(sel.cited.get(person.id, ())),
            )
        )
    return tuple(entries)


def _exhibits(sel: Selection) -> tuple[Exhibit, ...]:
    """The attachments to print; in a redacted pack only those cleared for its profile.

    A redacted pack never prints a file name (it often names a witness): a cleared exhibit
    is listed by its label and its description (or its source's title).
    """
    redaction = sel.options.redaction
    kept = [
        a
        for a in sel.snapshot.attachments
        if sel.keeps(a.confidential, a.for_brief) and a.cleared_for(redaction)
    ]
    # Labels belong to the file, not to the pack: one the services have not yet written
    # back is worked out over every attachment of the case, so no selection changes it.
    fallback = missing_labels(
        LabelledFile(a.id, a.created_at, a.exhibit_label) for a in sel.snapshot.attachments
    )
    labels = {a.id: fallback.get(a.id, a.exhibit_label) for a in kept}
    kept.sort(key=lambda a: (natural_key(labels[a.id]), a.id))
    sources = {s.id: s for s in sel.sources}
    redacted = redaction != "internal"
    prefix = sel.options.bates_prefix.casefold()
    clash = next((v for v in labels.values() if v.casefold().startswith(prefix)), None)
    if clash is not None:
        raise ValidationError(
            "The Bates prefix {prefix} would read like exhibit {clash}; choose another prefix.",
            field="bates_prefix",
            prefix=sel.options.bates_prefix,
            clash=clash,
        )

    def title(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        if not redacted:
            return sel.scrub(a.description or a.file_name)
        return sel.scrub(a.description or (source.title if source else ""))

    def source_text(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        if source is None:
            return ""
        return sel.scrub(" ".join(p for p in (source.label, source.title) if p))

    def date_text(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        date = FuzzyDate.from_edtf(source.date_edtf) if source else None
        return "" if date is None or date.is_undated else date.display(sel.options.lang)

    return tuple(
        Exhibit(
            label=labels[a.id],
            title=title(a),
            media_type=a.media_type,
            data=sel.snapshot.blob(a.blob_sha256),
            sha256=a.blob_sha256,
            file_name="" if redacted else sel.scrub(a.file_name),
            date_text=date_text(a),
            source_text=source_text(a),
        )
        for a in kept
    )


def uncleared_exhibits(snapshot: CaseSnapshot, options: BriefingOptions) -> int:
    """How many attachments a redacted pack leaves out because nobody cleared them for it."""
    if "exhibits" not in options.sections:
        return 0
    return sum(
        1
        for a in snapshot.attachments
        if keeps_item(options, a.confidential, a.for_brief) and not a.cleared_for(options.redaction)
    )


def assemble(
    snapshot: CaseSnapshot, options: BriefingOptions, names: ProtectedNames | None = None
) -> Briefing:
    """The pack's content; `names` are the forms to redact (by default every form of every
    person the profile hides, see `protected_names`)."""
    sel = selection_of(snapshot, options, names)
    chronology = chronology_of(sel)
    complaints, against_person = register_of(sel, chronology)
    period = ""
    if options.date_from or options.date_to:
        first, last = (day_text(d, options.lang) for d in (options.date_from, options.date_to))
        period = f"{first} – {last}"
    case = snapshot.case
    title, summary = in_pack_language(
        sel,
        case.text_lang,
        case.title,
        ((case.title, case.title_alt), (case.summary, case.summary_alt)),
    )
    return Briefing(
        title=title.text,
        title_lang=other_lang(title, options.lang),
        summary_lang=other_lang(summary, options.lang),
        generated_on=options.generated_on,
        sections=options.ordered_sections(),
        lang=options.lang,
        paper=options.paper,
        summary=summary.text,
        is_sample=case.is_sample,
        confidentiality=(
            options.confidentiality
            or case.confidentiality
            or default_marking(options.redaction, options.lang)
        ),
        prepared_for=options.prepared_for,
        prepared_by=options.prepared_by,
        period_text=period.strip(),
        selection_note=_selection_note(options),
        redaction=options.redaction,
        bates_prefix=options.bates_prefix,
        citations=options.citations,
        chronology=chronology.rows,
        people=_people(sel, against_person, chronology),
        complaints=complaints,
        sources=tuple(
            SourceEntry(sel.source_number[s.id], sel.scrub(_source_text(s, options.lang)), s.label)
            for s in sel.sources
        ),
        exhibits=_exhibits(sel),
    )


def _selection_note(options: BriefingOptions) -> str:
    """What the cover says about a pack that holds only part of the case."""
    notes = [
        label(options.lang, key)
        for key, chosen in (
            ("cover.marked_only", options.marked_only),
            ("cover.key_only", options.key_only),
        )
        if chosen
    ]
    return "; ".join(notes)


def _source_text(source: SourceRecord, lang: str) -> str:
    """A citation: the title as published, its translation into the pack's language after
    it in square brackets where one is entered (as bibliographies do)."""
    date = FuzzyDate.from_edtf(source.date_edtf)
    title = f"“{source.title}”"
    if source.title_alt and main_lang(source.text_lang, source.title) != lang:
        title += f" [{source.title_alt}]"
    parts = [source.author, title, source.publisher]
    if not date.is_undated:
        parts.append(date.display(lang))
    if source.url:
        parts.append(source.url)
    return ", ".join(p for p in parts if p) + "."
