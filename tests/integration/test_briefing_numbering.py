"""Source numbers a brief can be cited by: stable when sources are added, the same in
every profile, in natural label order (S2 before S10), printed with their labels."""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from desktop.briefing.model import Briefing, BriefingOptions
from desktop.services.registry import Services

ON = dt.date(2024, 5, 1)


def numbers(briefing: Briefing) -> dict[str, int]:
    """Each listed source's label (or title) -> its number."""
    return {s.label or s.text: s.number for s in briefing.sources}


def cited(briefing: Briefing) -> list[tuple[str, tuple[int, ...]]]:
    return [(row.title, tuple(c.source_number for c in row.citations))
            for row in briefing.chronology]  # fmt: skip


def test_adding_a_source_renumbers_nothing_already_cited(
    demo_services: Services, demo_case_id: str
) -> None:
    options = BriefingOptions(generated_on=ON)
    before = demo_services.briefs.briefing(demo_case_id, options)
    assert any(numbers for _t, numbers in cited(before)), "the demo cites its sources"
    sources = demo_services.sources
    sources.add_source(demo_case_id, "A later report, filed under a low label", label="S0")
    sources.add_source(demo_case_id, "Aardvark: an unlabelled note")
    after = demo_services.briefs.briefing(demo_case_id, options)
    kept = {k: v for k, v in numbers(after).items() if k in numbers(before)}
    moved = {k for k, v in kept.items() if numbers(before)[k] != v}
    # "S0" sorts first by label, so labelled sources after it move by one; nothing else
    # does, and the unlabelled newcomer goes after every source that existed.
    assert all(numbers(after)[k] == numbers(before)[k] + 1 for k in moved)
    unlabelled = (
        numbers(after)["Aardvark: an unlabelled note"]
        if False
        else max(n for s, n in ((s, s.number) for s in after.sources) if "Aardvark" in s.text)
    )
    assert unlabelled == len(after.sources)


def test_labels_sort_naturally_and_numbers_hold_across_profiles(
    services: Services,
) -> None:
    case_id = services.cases.create_case("Numbering")
    src = services.sources
    ids = {label: src.add_source(case_id, f"Source {label}", label=label)
           for label in ("S10", "S2", "S1")}  # fmt: skip
    secret = src.add_source(case_id, "Informant's note", label="S3", confidential=True)
    event = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    src.cite(ids["S10"], "event", event, pinpoint="¶4")
    src.cite(secret, "event", event)

    internal = services.briefs.briefing(case_id, BriefingOptions(generated_on=ON))
    counsel = services.briefs.briefing(
        case_id, BriefingOptions(generated_on=ON, redaction="counsel")
    )
    assert [(s.label, s.number) for s in internal.sources] == [
        ("S1", 1),
        ("S2", 2),
        ("S3", 4 - 1),
        ("S10", 4),
    ]
    assert [(s.label, s.number) for s in counsel.sources] == [("S1", 1), ("S2", 2), ("S10", 4)]
    assert cited(internal) == [("Death in custody", (3, 4))]
    assert cited(counsel) == [("Death in custody", (4,))]  # the same number, a gap at 3


def test_the_sources_section_prints_each_label(services: Services) -> None:
    case_id = services.cases.create_case("Labels")
    services.sources.add_source(case_id, "Report of the Presidential Council", label="S7")
    options = BriefingOptions(generated_on=ON, sections=frozenset({"cover", "sources"}))
    pdf = services.briefs.build(case_id, options).pdf
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "[1] S7 “Report of the Presidential Council”" in " ".join(text.split())


def test_every_fact_has_a_paragraph_number_printed_above_its_date(
    demo_services: Services, demo_case_id: str
) -> None:
    options = BriefingOptions(generated_on=ON, sections=frozenset({"cover", "chronology"}))
    pack = demo_services.briefs.build(demo_case_id, options)
    rows = pack.briefing.chronology
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(
        io.BytesIO(pack.pdf)).pages).split())  # fmt: skip
    last = rows[-1]
    assert f"¶ {last.number} {last.date_text}" in text.replace("\u00a0", " ")
