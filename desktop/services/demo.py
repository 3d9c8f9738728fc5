"""The built-in demo case: the death of Sergei Magnitsky, from public reports, with sources.

Loaded from `resources/sample_case/magnitsky.json` through the ordinary services, so the
demo exercises the same validation and audit as a user's own entries.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.errors import KnownError
from desktop.paths import resources_dir
from desktop.services.complaints import Against
from desktop.services.people import NameVariant
from desktop.services.registry import Services

SAMPLE_FILE = "sample_case/magnitsky.json"


def sample_case_path() -> Path:
    return resources_dir() / SAMPLE_FILE


def load_sample(path: Path | None = None) -> dict[str, Any]:
    try:
        data = json.loads((path or sample_case_path()).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KnownError("The demo case file is missing or damaged; reinstall Dossier.") from exc
    if data.get("format") != "dossier-sample-case":
        raise KnownError("The demo case file is not in the expected format.")
    return dict(data)


def install_demo_case(services: Services, path: Path | None = None) -> str:
    """Add the demo case to the vault; returns its id."""
    data = load_sample(path)
    case = data["case"]
    notice = "\n".join(p for p in (case.get("notice", ""), case.get("notice_ru", "")) if p)
    case_id = services.cases.create_case(
        case["title"],
        summary=case.get("summary", ""),
        text_lang="en",
        title_alt=case.get("title_ru", ""),
        summary_alt=case.get("summary_ru", ""),
        status=case.get("status", "open"),
        is_sample=True,
        notice=notice,
        confidentiality="",
    )
    sources = {
        s["key"]: services.sources.add_source(
            case_id,
            s["title"],
            label=s["key"],
            kind=s["kind"],
            author=s.get("author", ""),
            publisher=s.get("publisher", ""),
            date=s.get("date", ""),
            language=s.get("language", ""),
            reliability=s.get("reliability", "unknown"),
            url=s.get("url", ""),
            text_lang="en",
            title_alt=s.get("title_ru", ""),
        )
        for s in data["sources"]
    }

    def cite(kind: str, target_id: str, citations: list[dict[str, str]]) -> None:
        for c in citations:
            services.sources.cite(
                sources[c["source"]], kind, target_id, c.get("pinpoint", ""), c.get("quote", "")
            )

    organisations: dict[str, str] = {}
    for org in data["organisations"]:  # parents are listed before their units
        organisations[org["key"]] = services.people.add_organisation(
            case_id,
            org["name"],
            name_ru=org.get("name_ru", ""),
            kind=org.get("kind", "other"),
            parent_id=organisations.get(org.get("parent") or ""),
        )
    people: dict[str, str] = {}
    for person in data["people"]:
        names = [
            NameVariant(n["text"], n.get("script", ""), n.get("kind", "alias"))
            for n in person["names"]
        ]
        primary = next((n.text for n in names if n.kind == "primary"), names[0].text)
        people[person["key"]] = services.people.add_person(
            case_id,
            person["kind"],
            primary,
            names=names,
            description=person.get("description", ""),
            protected=bool(person.get("protected")),
        )
        cite("person", people[person["key"]], person.get("citations", []))
    for posting in data["postings"]:
        posting_id = services.people.add_posting(
            people[posting["person"]],
            organisations[posting["organisation"]],
            role=posting.get("role", ""),
            rank=posting.get("rank", ""),
            start=posting.get("start", ""),
            end=posting.get("end", ""),
        )
        cite("posting", posting_id, posting.get("citations", []))
    for order, event in enumerate(data["events"]):
        event_id = services.timeline.add_event(
            case_id,
            event["date"],
            event["title"],
            description=event.get("description", ""),
            text_lang="en",  # the demo is written in English, with Russian titles beside
            title_alt=event.get("title_ru", ""),
            description_alt=event.get("description_ru", ""),
            place=event.get("place", ""),
            fact_status=event.get("fact_status", "unverified"),
            key_event=bool(event.get("key_event")),
            day_order=order,
        )
        for p in event.get("people", []):
            services.timeline.add_participant(event_id, people[p["person"]], p.get("role", ""))
        cite("event", event_id, event.get("citations", []))
    complaints: dict[str, str] = {}
    for c in data["complaints"]:
        against = [
            Against(
                people.get(a.get("person", "")),
                organisations.get(a.get("organisation", "")),
                a.get("description", ""),
            )
            for a in c.get("against", [])
        ]
        complaint_id = services.complaints.add_complaint(
            case_id,
            against=against,
            filed_on=c.get("filed_on", ""),
            filed_by=c.get("filed_by", ""),
            body_id=organisations.get(c.get("body") or ""),
            body_detail=c.get("body_detail", ""),
            our_reference=c.get("our_reference", ""),
            registration_number=c.get("registration_number", ""),
            legal_basis=c.get("legal_basis", ""),
            subject=c.get("subject", ""),
            text_lang="en",
            subject_alt=c.get("subject_ru", ""),
            status=c.get("status", "filed"),
            response_due=c.get("response_due"),
            outcome=c.get("outcome", ""),
            escalated_from_id=complaints.get(c.get("escalates") or ""),
        )
        complaints[c["key"]] = complaint_id
        for r in c.get("responses", []):
            services.complaints.add_response(
                complaint_id,
                r.get("date", ""),
                r.get("kind", "other"),
                summary=r.get("summary", ""),
            )
        cite("complaint", complaint_id, c.get("citations", []))
    return case_id
