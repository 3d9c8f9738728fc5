"""The demo case plus a protected witness named everywhere an export could carry her.

«Елена Петрова / Elena Petrova» is a protected witness: she takes part in facts, is named
in their titles, descriptions and places under several forms, is one of the parties a
complaint is against, titles a source, a citation's pinpoint and a tag. «Иван Сидоров» is
confidential, and one fact is confidential. Shared by the export tests.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.briefing.model import BriefingOptions
from desktop.services.complaints import Against
from desktop.services.people import NameVariant
from desktop.services.registry import Services

# Never in a public export, whatever the casing (ё read as е).
NEVER = ("петров", "petrov", "елена", "elena", "сидоров", "sidorov", "confidential meeting")
GENERATED_ON = dt.date(2024, 5, 1)


@dataclass(frozen=True)
class WitnessCase:
    services: Services
    case_id: str
    witness: str
    officer: str
    statement_event: str
    night_event: str
    complaint: str

    def options(self, redaction: str = "public", **changes: object) -> BriefingOptions:
        values: dict[str, object] = {"generated_on": GENERATED_ON, "redaction": redaction}
        values.update(changes)
        return BriefingOptions(**values)  # type: ignore[arg-type]


def add_witness(services: Services, case_id: str) -> WitnessCase:
    people = services.people
    witness = people.add_person(
        case_id,
        "witness",
        "Елена Петрова",
        names=[NameVariant("Елена Петрова", kind="primary"), NameVariant("Elena Petrova")],
        protected=True,
    )
    secret = people.add_person(case_id, "other", "Иван Сидоров", confidential=True)
    officer = next(p.id for p in people.persons(case_id) if p.display_name == "Artem Kuznetsov")
    timeline = services.timeline
    statement = timeline.add_event(
        case_id,
        "circa March 2009",
        "Допрос Петровой",
        description="Следователь допросил Е. Петрову; Elena Petrova's statement was filed.",
        place="у дома Петровой",
        key_event=True,
        for_brief=True,
    )
    timeline.add_participant(statement, witness, "свидетель")
    timeline.add_participant(statement, officer, "следователь")
    timeline.add_participant(statement, secret, "понятой")
    night = timeline.add_event(
        case_id, "night of 25 to 26 August 2009", "Statement", description="E. Petrova confirmed."
    )
    timeline.add_participant(night, witness)
    timeline.add_event(
        case_id, "2009-05-03", "Confidential meeting with Сидоров", confidential=True
    )
    complaint = services.complaints.add_complaint(
        case_id,
        against=[Against(person_id=witness), Against(person_id=officer)],
        filed_on="2009-06-01",
        body_detail="Prosecutor's office",
        subject="Threats to Петровой",
        response_due="2009-07-01",
        status="filed",
        for_brief=True,
    )
    source = services.sources.add_source(case_id, "Statement of Elena Petrova", label="S50")
    services.sources.cite(source, "event", statement, pinpoint="p. 2 (Петрова)")
    services.tags.tag(case_id, "event", statement, "Петрова")
    return WitnessCase(services, case_id, witness, officer, statement, night, complaint)


def readable_texts(name: str, data: bytes) -> Iterator[str]:
    """What a person opening the file could read, through plain library readers."""
    if name.endswith((".xlsx", ".zip")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield member
                yield from readable_texts(member, archive.read(member))
        if name.endswith(".xlsx"):
            from openpyxl import load_workbook

            book = load_workbook(io.BytesIO(data))
            for sheet in book.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    yield from (str(v) for v in row if v is not None)
        return
    text = data.decode("utf-8-sig")
    yield text
    if name.endswith(".ics"):
        from icalendar import Calendar

        for component in Calendar.from_ical(data).walk():
            for value in component.values():
                yield str(value)
    if name.endswith(".json"):
        try:
            values = [json.loads(text)]
        except ValueError:
            values = [json.loads(line) for line in text.splitlines()]
        yield json.dumps(values, ensure_ascii=False)


def folded(text: str) -> str:
    return text.casefold().replace("ё", "е")
