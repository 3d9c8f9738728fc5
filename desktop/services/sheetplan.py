"""What a spreadsheet import would do, row by row, decided against the vault as it stands.

The planner walks the sheets in `SHEETS` order (sources, people, events, complaints: a
sheet refers only to those before it) and gives every row one outcome: new, matched to a
record already in the case, unchanged (this row was imported before), or refused with a
reason. A new row carries the step that writes it; the importer runs the steps of the
rows it keeps inside one transaction, after planning again in that same transaction.

Identity: a row's record gets an id derived from the case, the sheet and the row's key
(`sheetvalues.record_id`). Ids travel with sync, so the file re-imported on a colleague's
laptop after a sync finds those records there too and reports them unchanged; an `id`
cell holding the id of a record already in the case (an export of it) finds that record.
People and sources are matched by name (across scripts and Russian case forms, through
`core.namematch`) and by label; names in an event's people or a complaint's against that
match nobody become new people, once each.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.enums import PersonKind
from desktop.core.namematch import fold_for_match
from desktop.core.namematch.lookup import PersonKeys, name_finds, person_keys
from desktop.core.sheetcolumns import ID_COLUMN, SheetName
from desktop.errors import KnownError
from desktop.services.people import parse_names
from desktop.services.sheetfiles import Sheet, SheetRow
from desktop.services.sheetvalues import (
    RowRefused,
    complaint_fields,
    event_fields,
    people_row_fields,
    person_fields,
    record_id,
    row_key,
    source_fields,
    split_list,
    split_source,
)
from desktop.services.sheetwrite import NewRows
from desktop.services.timeline import next_day_order
from desktop.services.validation import required_text
from desktop.store.changes import ChangeWriter
from desktop.store.idlist import among
from desktop.store.models import (
    Citation,
    Complaint,
    ComplaintTarget,
    Event,
    EventParticipant,
    Organisation,
    Person,
    Source,
    Synced,
    Tag,
    TagLink,
)

MODELS: dict[SheetName, type[Synced]] = {
    "sources": Source,
    "people": Person,
    "events": Event,
    "complaints": Complaint,
}


class Outcome(StrEnum):
    NEW = "new"
    MATCHED = "matched"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True)
class RowReport:
    sheet: SheetName
    row: int
    outcome: Outcome
    label: str  # the row's title or name, as the file gives it
    detail: str = ""  # the reason of a refusal; what a new or matched row links to
    refusal: KnownError | None = field(default=None, compare=False)  # for its translation

    def __str__(self) -> str:
        if self.outcome is Outcome.REFUSED:
            return f"{self.sheet} row {self.row}: {self.detail}"
        more = f" ({self.detail})" if self.detail else ""
        return f"{self.sheet} row {self.row}: {self.outcome.value}: {self.label}{more}"


@dataclass
class Writing:
    """What the steps of one import write with: the transaction and its new rows."""

    writer: ChangeWriter
    rows: NewRows
    day_orders: dict[tuple[object, object], int] = field(default_factory=dict)


Step = Callable[[Writing], None]


@dataclass
class Planned:
    report: RowReport
    steps: list[Step] = field(default_factory=list)
    made: list[tuple[str, str]] = field(default_factory=list)  # (table, id) it creates


@dataclass
class _Person:
    id: str
    names: tuple[str, ...]
    keys: PersonKeys
    folded: frozenset[str]


def _uuid_text(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def _uuids(texts: set[str]) -> set[str]:
    return {u for u in map(_uuid_text, texts) if u is not None}


def _chunks(ids: list[str], size: int = 5000) -> list[list[str]]:
    return [ids[n : n + size] for n in range(0, len(ids), size)]


def _state(session: Session, model: type[Synced], record_id_: str) -> bool | None:
    """None: no such record; True: live; False: deleted."""
    deleted = session.execute(select(model.deleted).where(model.id == record_id_)).scalar()
    return None if deleted is None else not deleted


def _ensure(
    model: type[Synced], record_id_: str, values: Mapping[str, object], state: bool | None
) -> Step:
    """Create the record, or bring it back if it was deleted (an undone import)."""

    def step(w: Writing) -> None:
        if state is None:
            w.rows.add(model, record_id_, **values)
        elif state is False:
            w.writer.restore(model, record_id_)

    return step


class Planner:
    def __init__(self, session: Session, case_id: str) -> None:
        self.session = session
        self.case_id = case_id
        self.people: list[_Person] = []
        self.sources: dict[str, str] = {}  # folded label -> id
        self.implied: dict[str, str] = {}  # folded name -> id of a person this import adds
        self.tags: dict[str, str] = {}
        self.keys_seen: dict[tuple[str, str], int] = {}
        self._found: dict[str, list[_Person]] = {}
        self._states: dict[str, bool | None] = {}  # record id -> live (see `_state`)
        self._existing: set[str] = set()  # `id` cells naming a record of the case already
        self._load()

    # ---- what the case already holds -------------------------------------------------------
    def _load(self) -> None:
        s, case = self.session, self.case_id
        for pid, display, names in s.execute(
            select(Person.id, Person.display_name, Person.names).where(
                Person.case_id == case, Person.deleted.is_(False)
            )
        ):
            self._add_person(pid, (display, *(n.text for n in parse_names(names))))
        for sid, label in s.execute(
            select(Source.id, Source.label).where(Source.case_id == case, Source.deleted.is_(False))
        ):
            if label:
                self.sources.setdefault(fold_for_match(label), sid)
        self.organisations = {
            fold_for_match(name): oid
            for oid, en, ru in s.execute(
                select(Organisation.id, Organisation.name, Organisation.name_ru).where(
                    Organisation.case_id == case, Organisation.deleted.is_(False)
                )
            )
            for name in (en, ru)
            if name
        }
        self.tags = {
            name: tid
            for tid, name in s.execute(
                select(Tag.id, Tag.name).where(Tag.case_id == case, Tag.deleted.is_(False))
            )
        }

    def _add_person(self, pid: str, names: tuple[str, ...]) -> None:
        names = tuple(dict.fromkeys(n for n in names if n.strip()))
        folded = frozenset(fold_for_match(n) for n in names)
        self.people.append(_Person(pid, names, person_keys(names), folded))
        self._found.clear()

    def find_people(self, name: str) -> list[_Person]:
        """Who a written name is: the same name exactly, else the same words in any script
        or grammatical case ("Kuznetsov", "Кузнецова" for Кузнецов)."""
        found = self._found.get(name)
        if found is None:
            folded = fold_for_match(name)
            found = [p for p in self.people if folded in p.folded] or [
                p for p in self.people if name_finds(name, p.keys)
            ]
            self._found[name] = found
        return found

    # ---- rows ----------------------------------------------------------------------------
    def plan(self, sheets: Mapping[SheetName, Sheet]) -> list[Planned]:
        self._prefetch(sheets)
        planned: list[Planned] = []
        for name in MODELS:
            sheet = sheets.get(name)
            if sheet is None:
                continue
            for row in sheet.rows:
                planned.append(self._row(name, row))
        return planned

    def _prefetch(self, sheets: Mapping[SheetName, Sheet]) -> None:
        """Which of the rows' ids exist, in one query per sheet rather than one per row."""
        for name, model in MODELS.items():
            sheet = sheets.get(name)
            if sheet is None:
                continue
            given = {row.cells.get(ID_COLUMN, "") for row in sheet.rows} - {""}
            case_column = getattr(model, "case_id")  # noqa: B009 (every sheet's model has one)
            for chunk in _chunks(sorted(_uuids(given))):
                for (found,) in self.session.execute(
                    select(model.id).where(among(model.id, chunk), case_column == self.case_id)
                ):
                    self._existing.add(str(found))
            ids = [self._rid(name, row) for row in sheet.rows]
            for chunk in _chunks(ids):
                self._states.update(dict.fromkeys(chunk))
                for found, deleted in self.session.execute(
                    select(model.id, model.deleted).where(among(model.id, chunk))
                ):
                    self._states[str(found)] = not deleted

    def _rid(self, sheet: SheetName, row: SheetRow) -> str:
        given = row.cells.get(ID_COLUMN, "")
        existing = _uuid_text(given) if given else None
        if existing in self._existing:
            return str(existing)
        return record_id(self.case_id, sheet, row_key(sheet, row.cells))

    def _row(self, sheet: SheetName, row: SheetRow) -> Planned:
        label = row.cells.get("title") or row.cells.get("name") or row.cells.get("label") or ""
        if sheet == "complaints":
            label = row.cells.get("subject") or row.cells.get("reference") or label
        label = " ".join(label.split())[:80]
        key = row_key(sheet, row.cells)
        first = self.keys_seen.setdefault((sheet, key), row.number)
        if first != row.number:
            return Planned(RowReport(sheet, row.number, Outcome.UNCHANGED, label,
                                     f"a repeat of row {first}"))  # fmt: skip
        model = MODELS[sheet]
        rid = self._rid(sheet, row)
        try:
            state = self._now(model, rid)
            if state is True:
                self._remember(sheet, rid, row.cells)
                return Planned(RowReport(sheet, row.number, Outcome.UNCHANGED, label,
                                         "imported before"))  # fmt: skip
            plan = getattr(self, f"_{sheet}")(row, rid, label)
        except RowRefused as refused:
            return Planned(
                RowReport(sheet, row.number, Outcome.REFUSED, label, str(refused), refused)
            )
        assert isinstance(plan, Planned)
        return plan

    def _now(self, model: type[Synced], record_id_: str) -> bool | None:
        if record_id_ not in self._states:
            self._states[record_id_] = _state(self.session, model, record_id_)
        return self._states[record_id_]

    def _remember(self, sheet: SheetName, rid: str, cells: Mapping[str, str]) -> None:
        """A row imported before still names its record for the rows after it."""
        if sheet == "sources" and cells.get("label"):
            self.sources.setdefault(fold_for_match(cells["label"]), rid)

    # ---- one method per sheet: the row's plan, or RowRefused ---------------------------------
    def _sources(self, row: SheetRow, rid: str, label: str) -> Planned:
        values = source_fields(row.cells)
        folded = fold_for_match(row.cells.get("label", ""))
        report = RowReport("sources", row.number, Outcome.NEW, label)
        if folded and folded in self.sources:
            return Planned(RowReport("sources", row.number, Outcome.MATCHED, label,
                                     "a source with this label is in the case"))  # fmt: skip
        if folded:
            self.sources[folded] = rid
        step = _ensure(Source, rid, {"case_id": self.case_id, **values}, self._now(Source, rid))
        return Planned(report, [step], [("sources", rid)])

    def _people(self, row: SheetRow, rid: str, label: str) -> Planned:
        values = people_row_fields(row.cells)
        written = [row.cells["name"], row.cells.get("original", "")]
        for name in filter(None, written):
            found = self.find_people(name)
            if len(found) > 1:
                raise self._ambiguous(name, found)
            if found:
                return Planned(RowReport("people", row.number, Outcome.MATCHED, label,
                                         f"as {found[0].names[0]}"))  # fmt: skip
        names = tuple(n.text for n in parse_names(str(values["names"])))
        self._add_person(rid, names)
        step = _ensure(Person, rid, {"case_id": self.case_id, **values}, self._now(Person, rid))
        return Planned(RowReport("people", row.number, Outcome.NEW, label), [step],
                       [("persons", rid)])  # fmt: skip

    def _ambiguous(self, name: str, found: list[_Person]) -> RowRefused:
        shown = ", ".join(p.names[0] for p in found[:3])
        return RowRefused('"{name}" could be {count} people in this case ({shown}); write the '
                          "full name", name=name, count=len(found), shown=shown)  # fmt: skip

    def _person_ref(self, name: str, kind: str, steps: list[Step], made: list[tuple[str, str]],
                    notes: list[str]) -> str:  # fmt: skip
        """The person a name in a list cell is; a new one (added before the row's own step)."""
        found = self.find_people(name)
        if len(found) > 1:
            raise self._ambiguous(name, found)
        if found:
            return found[0].id
        folded = fold_for_match(name)
        if folded in self.implied:
            return self.implied[folded]
        pid = record_id(self.case_id, "person-named", folded)
        values = person_fields(name, kind)
        steps.append(
            _ensure(Person, pid, {"case_id": self.case_id, **values}, self._now(Person, pid))
        )
        made.append(("persons", pid))
        notes.append(f"new person {name}")
        return pid

    def _commit_people(self, names: dict[str, str]) -> None:
        """The row is sound: the people it adds are known to the rows after it."""
        for name, pid in names.items():
            if all(p.id != pid for p in self.people):
                self.implied[fold_for_match(name)] = pid
                self._add_person(pid, (name,))

    def _events(self, row: SheetRow, rid: str, label: str) -> Planned:
        values = event_fields(row.cells)
        steps: list[Step] = []
        made: list[tuple[str, str]] = [("events", rid)]
        notes: list[str] = []
        people = {
            name: self._person_ref(name, PersonKind.OTHER.value, steps, made, notes)
            for name in split_list(row.cells.get("people", ""))
        }
        cites: list[tuple[str, str]] = []
        for item in split_list(row.cells.get("sources", "")):
            source_label, pin = split_source(item)
            sid = self.sources.get(fold_for_match(source_label))
            if sid is None:
                raise RowRefused(
                    'source "{label}" is neither in the sources sheet nor in the case',
                    label=source_label,
                )
            if len(pin) > 500:
                raise RowRefused("sources: a pinpoint is too long")
            cites.append((sid, pin))
        tags = [required_text(t, "tag", 100) for t in split_list(row.cells.get("tags", ""))]
        self._commit_people(people)
        case_id = self.case_id

        state = self._now(Event, rid)

        def write_event(w: Writing) -> None:
            if state is False:
                w.writer.restore(Event, rid)
                return
            event_values = dict(values)
            event_values["day_order"] = self._day_order(w, event_values)
            w.rows.add(Event, rid, case_id=case_id, **event_values)
            for pid in dict.fromkeys(people.values()):
                w.rows.add(EventParticipant, record_id(rid, "participant", pid), event_id=rid,
                           person_id=pid, role="")  # fmt: skip
            for n, (sid, pin) in enumerate(cites):
                w.rows.add(Citation, record_id(rid, "citation", f"{n}"), case_id=case_id,
                           source_id=sid, target_kind="event", target_id=rid, pinpoint=pin,
                           quote="")  # fmt: skip
            for tag in dict.fromkeys(tags):
                tag_id = self._tag(w, tag)
                w.rows.add(TagLink, record_id(rid, "tag", tag_id), tag_id=tag_id,
                           target_kind="event", target_id=rid)  # fmt: skip

        steps.append(write_event)
        return Planned(RowReport("events", row.number, Outcome.NEW, label, "; ".join(notes)),
                       steps, made)  # fmt: skip

    def _tag(self, w: Writing, name: str) -> str:
        """The case's tag `name`, made (or brought back) at its first use in this import."""
        tag_id = self.tags.get(name)
        if tag_id is None:
            tag_id = self.tags[name] = record_id(self.case_id, "tag", name)
            state = _state(self.session, Tag, tag_id)
            _ensure(Tag, tag_id, {"case_id": self.case_id, "name": name}, state)(w)
        return tag_id

    def _day_order(self, w: Writing, values: dict[str, object]) -> int:
        """Last among the facts of its date, as `add_event` places one (counted here, since
        the batch's rows are not in the table until the end)."""
        key = (values["date_sort"], values["date_end"])
        if key not in w.day_orders:
            w.day_orders[key] = next_day_order(self.session, self.case_id, values)
        order = w.day_orders[key]
        w.day_orders[key] = order + 1
        return order

    def _complaints(self, row: SheetRow, rid: str, label: str) -> Planned:
        values = complaint_fields(row.cells)
        body = row.cells.get("body", "")
        body_id = self.organisations.get(fold_for_match(body)) if body else None
        if body_id is not None:
            values["body_id"] = body_id
        elif body:
            if len(body) > 500:
                raise RowRefused("body: too long (at most 500 characters)")
            values["body_detail"] = body
        steps: list[Step] = []
        made: list[tuple[str, str]] = [("complaints", rid)]
        notes: list[str] = []
        against: list[tuple[str | None, str | None]] = []
        named: dict[str, str] = {}
        for name in split_list(row.cells.get("against", "")):
            organisation = self.organisations.get(fold_for_match(name))
            if organisation is not None:
                against.append((None, organisation))
                continue
            pid = self._person_ref(name, PersonKind.OFFICIAL.value, steps, made, notes)
            named[name] = pid
            against.append((pid, None))
        self._commit_people(named)
        case_id = self.case_id

        state = self._now(Complaint, rid)

        def write_complaint(w: Writing) -> None:
            if state is False:
                w.writer.restore(Complaint, rid)
                return
            w.rows.add(Complaint, rid, case_id=case_id, **values)
            for pid, oid in dict.fromkeys(against):
                w.rows.add(ComplaintTarget, record_id(rid, "against", f"{pid}/{oid}"),
                           complaint_id=rid, person_id=pid, organisation_id=oid)  # fmt: skip

        steps.append(write_complaint)
        return Planned(RowReport("complaints", row.number, Outcome.NEW, label, "; ".join(notes)),
                       steps, made)  # fmt: skip
