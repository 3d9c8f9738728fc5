"""The plain data a briefing pack is printed from.

`BriefingOptions` is what the user asked for; `Briefing` is the finished content, already
filtered and redacted by `briefing/data.py`. The renderer prints a `Briefing` and nothing
else, so whatever redaction removed before the object was built cannot reach the PDF.
Everything here is a frozen dataclass of plain values: no I/O, no database objects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final

from desktop.errors import BugError, ValidationError

# Sections in the order they are printed. "exhibits" is the exhibit index; the exhibit
# files themselves follow the main document whenever the index is printed.
SECTION_ORDER: Final = (
    "cover",
    "contents",
    "summary",
    "chronology",
    "people",
    "complaints",
    "sources",
    "exhibits",
)
LANGUAGES: Final = ("en", "ru")
MARKING_LIMIT: Final = 120
# Bundle page numbers ("Bates") are printed as this prefix and six digits: DOS-000042.
DEFAULT_BATES_PREFIX: Final = "DOS-"
PAPERS: Final = ("a4", "letter")
REDACTIONS: Final = ("internal", "counsel", "public")
PRECISIONS: Final = ("day", "month", "year", "decade", "century", "range", "undated")
QUALIFIERS: Final = ("exact", "circa", "before", "after", "between")
FACT_STATUSES: Final = ("undisputed", "disputed", "unverified")
PERSON_KINDS: Final = (
    "victim",
    "official",
    "judge",
    "prosecutor",
    "investigator",
    "lawyer",
    "witness",
    "other",
)
# Who disputes a fact marked "disputed"; "" is a record from before the field existed,
# printed as the authorities (the only wording there was).
DISPUTERS: Final = ("", "authorities", "defence", "other")
# Where citations go: a sources column beside each entry, or numbered notes under it.
CITATION_STYLES: Final = ("column", "footnotes")
COMPLAINT_STATUSES: Final = (
    "draft",
    "filed",
    "acknowledged",
    "forwarded",
    "answered",
    "rejected",
    "appealed",
    "closed",
)


def _check_choice(value: str, allowed: tuple[str, ...], what: str) -> None:
    """Internal values come from our own code: a wrong one is a bug, not user input."""
    if value not in allowed:
        raise BugError(f"{what} must be one of {allowed}, got {value!r}")


def ordered_sections(sections: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The chosen sections in printing order."""
    return tuple(s for s in SECTION_ORDER if s in sections)


@dataclass(frozen=True)
class BriefingOptions:
    """What the user asked for when building a pack (CLI flags, the GUI dialog)."""

    generated_on: dt.date
    sections: frozenset[str] = frozenset(SECTION_ORDER)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    marked_only: bool = False
    key_only: bool = False  # the chronology holds only the key facts
    lang: str = "en"
    paper: str = "a4"
    redaction: str = "internal"
    prepared_for: str = ""
    prepared_by: str = ""
    bates_prefix: str = DEFAULT_BATES_PREFIX
    # Empty means the default marking for the redaction profile (labels.default_marking).
    confidentiality: str = ""
    citations: str = "column"

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", frozenset(self.sections))
        unknown = self.sections - set(SECTION_ORDER)
        if unknown:
            raise ValidationError(
                "Unknown briefing section; choose from {listed}.",
                field="sections",
                listed=", ".join(SECTION_ORDER),
            )
        if not self.sections:
            raise ValidationError("Choose at least one section for the pack.", field="sections")
        if self.lang not in LANGUAGES:
            raise ValidationError("The label language must be en or ru.", field="lang")
        if self.paper not in PAPERS:
            raise ValidationError("The paper size must be a4 or letter.", field="paper")
        if self.redaction not in REDACTIONS:
            raise ValidationError(
                "The redaction profile must be internal, counsel or public.", field="redaction"
            )
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError("The start date is after the end date.", field="date_from")
        if len(self.confidentiality) > MARKING_LIMIT or "\n" in self.confidentiality:
            raise ValidationError(
                "The confidentiality marking must be one line of at most {limit} characters.",
                field="confidentiality",
                limit=MARKING_LIMIT,
            )
        if self.citations not in CITATION_STYLES:
            raise ValidationError(
                "Citations go in a column or in footnotes (column, footnotes).", field="citations"
            )
        prefix = self.bates_prefix
        if not (1 <= len(prefix) <= 12 and prefix.isascii() and prefix.replace("-", "").isalnum()):
            raise ValidationError(
                "The Bates prefix must be 1 to 12 letters, digits or dashes.",
                field="bates_prefix",
            )
        if prefix.upper().startswith("EXH"):
            # "EXH-000004" beside exhibit "EXH-4" is the confusion a clerk complained of.
            raise ValidationError(
                "The Bates prefix must differ from the exhibit labels (EXH-1, EXH-2...).",
                field="bates_prefix",
            )

    def ordered_sections(self) -> tuple[str, ...]:
        return ordered_sections(self.sections)


@dataclass(frozen=True)
class Citation:
    """A numbered reference into the sources list, with an optional pinpoint ("p. 12")."""

    source_number: int
    pinpoint: str = ""
    quote: str = ""
    source_label: str = ""  # the source's own label ("S3"), for notes that stand alone
    source_title: str = ""  # and its title, so a footnote names the source on its page


@dataclass(frozen=True)
class EventPerson:
    """Someone involved in an event, with the role they played and the rank held that day."""

    name: str
    role: str = ""
    rank: str = ""


@dataclass(frozen=True)
class ChronologyRow:
    """One event, its date as entered and displayed (qualifier included: "около марта 2008").

    `precision` is printed under the date; `qualifier` is kept for callers, not re-printed.
    """

    date_text: str
    title: str
    precision: str = "day"
    qualifier: str = "exact"
    description: str = ""
    place: str = ""
    fact_status: str = "undisputed"
    people: tuple[EventPerson, ...] = ()
    citations: tuple[Citation, ...] = ()
    number: int = 0  # paragraph number in the chronology (1-based; 0: not numbered)
    # The language of a title or description printed in the other language, for want of
    # a translation ("" when it is in the pack's language): the renderer marks it.
    title_lang: str = ""
    description_lang: str = ""
    disputed_by: str = ""  # for a disputed fact: authorities, defence or other
    disputed_by_note: str = ""  # who, in the user's words ("the prison doctor")

    def __post_init__(self) -> None:
        _check_choice(self.precision, PRECISIONS, "precision")
        _check_choice(self.qualifier, QUALIFIERS, "qualifier")
        _check_choice(self.fact_status, FACT_STATUSES, "fact_status")
        _check_choice(self.disputed_by, DISPUTERS, "disputed_by")


@dataclass(frozen=True)
class ComplaintRef:
    """A complaint named elsewhere in the pack: its register number, date and body."""

    number: int
    filed_text: str
    body: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class Posting:
    """A post someone held: organisation, role, rank and the period as entered."""

    organisation: str
    role: str = ""
    rank: str = ""
    period_text: str = ""


@dataclass(frozen=True)
class PersonEntry:
    """A person in the pack; `name_variants` holds the other scripts and romanisations."""

    name: str
    kind: str = "other"
    name_variants: tuple[str, ...] = ()
    postings: tuple[Posting, ...] = ()
    description: str = ""  # as entered: printed as a description, never as allegations
    allegations: str = ""  # only what was entered as allegations
    complaints_against: tuple[ComplaintRef, ...] = ()
    events: tuple[int, ...] = ()  # chronology paragraphs the person takes part in
    citations: tuple[Citation, ...] = ()

    def __post_init__(self) -> None:
        _check_choice(self.kind, PERSON_KINDS, "kind")


@dataclass(frozen=True)
class ComplaintResponse:
    """A body's answer (or other step) on a complaint."""

    date_text: str
    kind: str = ""
    summary: str = ""


@dataclass(frozen=True)
class ComplaintEntry:
    """One line of the complaints register; `overdue` is decided by data.py on generated_on.

    `number` is the complaint's place in filing order over the whole case, so it is the
    same in every selection and profile (a narrower pack has gaps).
    """

    filed_text: str
    body: str
    status: str = "filed"
    number: int = 0
    filed_by: str = ""
    against: tuple[str, ...] = ()
    subject: str = ""
    our_reference: str = ""
    registration_number: str = ""
    due_text: str = ""
    overdue: bool = False
    responses: tuple[ComplaintResponse, ...] = ()
    citations: tuple[Citation, ...] = ()
    subject_lang: str = ""  # as ChronologyRow.title_lang
    legal_basis: str = ""
    outcome: str = ""
    # The escalation this complaint belongs to, first filing first (itself included), or
    # () when it was never escalated; `escalated` says whether one follows it.
    chain: tuple[ComplaintRef, ...] = ()
    escalated: bool = False
    events: tuple[int, ...] = ()  # chronology paragraphs dated the day it was filed

    def __post_init__(self) -> None:
        _check_choice(self.status, COMPLAINT_STATUSES, "status")


@dataclass(frozen=True)
class SourceEntry:
    """A numbered entry of the sources list, already formatted as one citation text."""

    number: int
    text: str
    label: str = ""  # the user's own label (S1), printed beside the number


@dataclass(frozen=True)
class Exhibit:
    """An attached file printed after the main document (PDF, PNG, JPEG) or only listed."""

    label: str
    title: str
    media_type: str
    data: bytes = field(repr=False)
    sha256: str = ""
    file_name: str = ""  # empty in redacted packs: a file name often names a witness
    date_text: str = ""  # the date of its source document, as the pack writes dates
    source_text: str = ""  # the source it belongs to: label and title

    def __post_init__(self) -> None:
        actual = hashlib.sha256(self.data).hexdigest()
        if not self.sha256:
            object.__setattr__(self, "sha256", actual)
        elif self.sha256 != actual:
            # The vault stores blobs by hash: a mismatch means corrupted data or our bug.
            raise BugError("exhibit data does not match its SHA-256")

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Briefing:
    """Everything printed in one pack, in the order and language it is printed."""

    title: str
    generated_on: dt.date
    sections: tuple[str, ...] = SECTION_ORDER
    lang: str = "en"
    paper: str = "a4"
    summary: str = ""
    is_sample: bool = False
    confidentiality: str = ""
    prepared_for: str = ""
    prepared_by: str = ""
    period_text: str = ""
    selection_note: str = ""  # the cover says when a pack holds only part of the case
    redaction: str = "internal"
    bates_prefix: str = DEFAULT_BATES_PREFIX
    citations: str = "column"
    chronology: tuple[ChronologyRow, ...] = ()
    people: tuple[PersonEntry, ...] = ()
    complaints: tuple[ComplaintEntry, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    audit_head: str = ""  # "count:hash" of the vault's audit log, printed on the last page
    title_lang: str = ""  # as ChronologyRow.title_lang, for the case's title and summary
    summary_lang: str = ""

    def __post_init__(self) -> None:
        _check_choice(self.lang, LANGUAGES, "lang")
        _check_choice(self.paper, PAPERS, "paper")
        _check_choice(self.redaction, REDACTIONS, "redaction")
        _check_choice(self.citations, CITATION_STYLES, "citations")
        if self.sections != ordered_sections(set(self.sections)):
            raise BugError(f"sections must be distinct and in printing order: {self.sections}")

    def has(self, section: str) -> bool:
        return section in self.sections


def iter_texts(value: object) -> Iterator[str]:
    """Every string held anywhere in a Briefing (or any row of it), depth first."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from iter_texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from iter_texts(getattr(value, f.name))


def leaked_strings(briefing: Briefing, redacted: Iterable[str]) -> set[str]:
    """The redacted strings still present in some text of `briefing` (case-insensitive).

    data.py calls this after redaction; the renderer prints nothing the Briefing does not
    hold (tests check the PDF's words against `iter_texts`), so an empty result here means
    the redacted text cannot reach the PDF.
    """
    haystack = "\n".join(t.casefold() for t in iter_texts(briefing))
    return {s for s in redacted if s and s.casefold() in haystack}
