"""Cross-references, the complaints register and labels that say what was entered, read
back from real packs built from real vaults."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from desktop.briefing.labels import label
from desktop.briefing.model import BriefingOptions
from desktop.services.complaints import Against
from desktop.services.registry import Services

ON = dt.date(2024, 5, 1)


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(p.extract_text() or "").replace("\u00a0", " ") for p in reader.pages]


def flat(value: str) -> str:
    return " ".join(value.split())


def section_pages(texts: list[str], lang: str, section: str, following: str) -> list[int]:
    """The pages (1-based) from `section`'s heading up to, not including, `following`'s."""
    first = next(i for i, t in enumerate(texts) if t.lstrip().startswith(label(lang, section)))
    last = next(i for i, t in enumerate(texts) if t.lstrip().startswith(label(lang, following)))
    return list(range(first + 1, last + 1))


def paragraph_page(texts: list[str], number: int) -> int:
    """The page whose chronology row starts paragraph `number`."""
    pages = [i for i, t in enumerate(texts, 1) if re.search(rf"^¶ {number}$", t, re.M)]
    assert len(pages) == 1, (number, pages)
    return pages[0]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_people_refer_to_the_real_page_of_each_paragraph(
    demo_services: Services, demo_case_id: str, lang: str
) -> None:
    pack = demo_services.briefs.build(demo_case_id, BriefingOptions(generated_on=ON, lang=lang))
    texts = page_texts(pack.pdf)
    people = "\n".join(texts[p - 1] for p in section_pages(
        texts, lang, "section.people", "section.complaints"))  # fmt: skip
    page_words = r"(?:p\.|pp\.)" if lang == "en" else r"с\."
    refs = re.findall(rf"¶ (\d+)(?:–(\d+))?, {page_words} (\d+)(?:–(\d+))?", flat(people))
    assert len(refs) >= 6, "the demo's people take part in many events"
    for first, last, start, end in refs:
        assert paragraph_page(texts, int(first)) == int(start), (first, start)
        # A run of paragraphs gives the pages it spans, first to last.
        assert paragraph_page(texts, int(last or first)) == int(end or start), (last, end)
    # The chronology starts on one page and runs on: some reference points past its first.
    assert len({start for _f, _l, start, _e in refs}) >= 2
    assert any(last for _f, last, _s, _e in refs), "runs of facts are given as ranges"


def test_the_register_refers_to_the_chronology_of_the_filing_day(
    demo_services: Services, demo_case_id: str
) -> None:
    pack = demo_services.briefs.build(demo_case_id, BriefingOptions(generated_on=ON))
    texts = page_texts(pack.pdf)
    register = flat("\n".join(texts[p - 1] for p in section_pages(
        texts, "en", "section.complaints", "section.sources")))  # fmt: skip
    # The six complaints of December 2007 are recorded by the chronology's "files six
    # complaints" entry (3-11 December 2007) or its December 2007 entry.
    refs = re.findall(r"Chronology: see ¶ (\d+), p\. (\d+)", register)
    assert refs
    for number, page in refs:
        assert paragraph_page(texts, int(number)) == int(page)
        assert "December 2007" in flat(texts[int(page) - 1])


def test_eleven_complaints_share_pages_in_one_table(
    demo_services: Services, demo_case_id: str
) -> None:
    pack = demo_services.briefs.build(demo_case_id, BriefingOptions(generated_on=ON))
    texts = page_texts(pack.pdf)
    pages = section_pages(texts, "en", "section.complaints", "section.sources")
    complaints = pack.briefing.complaints
    assert len(complaints) == 11
    # One boxed card per complaint took 3½ pages; rows share pages now.
    assert len(pages) <= 2
    # The header row is printed once per page (it repeats only at a page's top).
    register = [texts[p - 1] for p in pages]
    for text in register:
        assert text.count("Last\nresponse") + text.count("Last response") == 1
    # Each row's subject appears once, each on a page that holds other rows too.
    for complaint in complaints:
        holding = [i for i, t in enumerate(register) if complaint.subject[:20] in flat(t)]
        assert holding, complaint.subject
    assert max(flat(t).count("theft of Hermitage") for t in register) >= 3


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_russian_statuses_never_break_mid_word(
    demo_services: Services, demo_case_id: str, paper: str
) -> None:
    options = BriefingOptions(
        generated_on=ON, lang="ru", paper=paper, sections=frozenset({"complaints"})
    )
    lines = "\n".join(page_texts(demo_services.briefs.build(demo_case_id, options).pdf))
    for status in ("forwarded", "rejected", "answered", "filed"):
        assert re.search(rf"^{label('ru', f'status.{status}')}$", lines, re.M), status


def test_complaint_numbers_hold_in_a_date_range_pack(
    demo_services: Services, demo_case_id: str
) -> None:
    def numbers(options: BriefingOptions) -> dict[tuple[str, str, str], list[int]]:
        """(filed, body, subject) -> the numbers of the complaints with them (the demo has
        pairs of identical filings)."""
        briefing = demo_services.briefs.briefing(demo_case_id, options)
        found: dict[tuple[str, str, str], list[int]] = {}
        for c in briefing.complaints:
            found.setdefault((c.filed_text, c.body, c.subject), []).append(c.number)
        return found

    full = numbers(BriefingOptions(generated_on=ON))
    later = numbers(
        BriefingOptions(
            generated_on=ON, date_from=dt.date(2009, 1, 1), date_to=dt.date(2010, 12, 31)
        )
    )
    assert sorted(n for ns in full.values() for n in ns) == list(range(1, 12))
    assert later and len(later) < len(full)
    assert all(full[key] == ns for key, ns in later.items())
    first = min(n for ns in later.values() for n in ns)
    assert first > 1  # the 2007 complaints leave a gap, not a renumbering
    # The PDF prints the same numbers: the first 2009 complaint is not "1".
    pack = demo_services.briefs.build(
        demo_case_id,
        BriefingOptions(
            generated_on=ON,
            date_from=dt.date(2009, 1, 1),
            date_to=dt.date(2010, 12, 31),
            sections=frozenset({"complaints"}),
        ),
    )
    text = "\n".join(page_texts(pack.pdf))
    assert re.search(rf"^{first}$", text, re.M)
    assert not re.search(r"^1$", text, re.M)


@pytest.mark.parametrize("style", ["column", "footnotes"])
def test_citations_in_a_column_or_as_footnotes(services: Services, style: str) -> None:
    case_id = services.cases.create_case("Citations")
    source = services.sources.add_source(case_id, "Report of the Presidential Council", label="S7")
    event = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    services.sources.cite(source, "event", event, pinpoint="p. 12", quote="beaten with batons")
    options = BriefingOptions(generated_on=ON, sections=frozenset({"chronology"}), citations=style)
    text = flat(page_texts(services.briefs.build(case_id, options).pdf)[0])
    if style == "column":
        assert "Date Event People Sources" in text
        assert "[1, p. 12] “beaten with batons”" in text
    else:
        assert "Date Event People" in text and "Sources" not in text
        # The mark after the title, the note (source, label, pin cite, quote) under it.
        assert "Death in custody1" in text
        assert "1 [1] S7 Report of the Presidential Council, p. 12 “beaten with batons”" in text


def test_a_judge_has_a_description_not_allegations(services: Services) -> None:
    case_id = services.cases.create_case("Kinds")
    services.people.add_person(
        case_id, "judge", "Elena Stashina", description="Extended the detention twice"
    )
    services.people.add_person(case_id, "victim", "Sergei Magnitsky", description="Tax adviser")
    for lang in ("en", "ru"):
        options = BriefingOptions(generated_on=ON, sections=frozenset({"people"}), lang=lang)
        text = flat(page_texts(services.briefs.build(case_id, options).pdf)[0])
        described = label(lang, "people.description")
        assert f"Elena Stashina ({label(lang, 'kind.judge')})" in text
        assert f"{described}: Extended the detention twice" in text
        assert f"{described}: Tax adviser" in text  # a victim's description is printed too
        assert "Allegations" not in text and "Обвинения" not in text


def test_allegations_only_when_entered_as_such(services: Services) -> None:
    case_id = services.cases.create_case("Kinds")
    services.people.add_person(
        case_id,
        "investigator",
        "Oleg Silchenko",
        description="Investigator in the case",
        allegations="Refused the medical examinations the detainee asked for",
    )
    for lang in ("en", "ru"):
        options = BriefingOptions(generated_on=ON, sections=frozenset({"people"}), lang=lang)
        text = flat(page_texts(services.briefs.build(case_id, options).pdf)[0])
        assert f"({label(lang, 'kind.investigator')})" in text
        assert f"{label(lang, 'people.description')}: Investigator in the case" in text
        assert (
            f"{label(lang, 'people.allegations')}: Refused the medical examinations the "
            "detainee asked for"
        ) in text


def test_an_escalation_is_a_chain_not_an_appeal(services: Services) -> None:
    case_id = services.cases.create_case("Escalation")
    official = services.people.add_person(case_id, "investigator", "Oleg Silchenko")
    first = services.complaints.add_complaint(
        case_id,
        filed_on="2009-08-19",
        body_detail="Head of the detention centre",
        subject="Demand for an ultrasound examination",
        legal_basis="Article 125 of the Code of Criminal Procedure",
        outcome="No reply within the time limit",
        against=[Against(person_id=official)],
    )
    services.complaints.escalate(
        first,
        filed_on="2009-09-10",
        body_detail="Tverskoy District Court",
        status="rejected",
        outcome="Complaint dismissed",
    )
    assert services.complaints.get_complaint(first).status == "appealed"  # as the vault says
    pack = services.briefs.build(case_id, BriefingOptions(generated_on=ON))
    texts = page_texts(pack.pdf)
    text = flat("\n".join(texts))
    chain = (
        "Escalation: No. 1 (this complaint) → No. 2 (10 September 2009, Tverskoy District "
        "Court) → decision: Complaint dismissed"
    )
    assert chain in text
    assert (
        "Escalation: No. 1 (19 August 2009, Head of the detention centre) → No. 2 (this "
        "complaint) → decision: Complaint dismissed" in text
    )
    assert "Legal basis: Article 125 of the Code of Criminal Procedure" in text
    assert "Outcome: No reply within the time limit" in text
    register = flat("\n".join(texts[p - 1] for p in section_pages(
        texts, "en", "section.complaints", "section.sources")))  # fmt: skip
    assert " escalated " in register and "appealed" not in register
    # Under the person: number, date, body and the register's page (drawn at save time).
    people = flat("\n".join(texts[p - 1] for p in section_pages(
        texts, "en", "section.people", "section.complaints")))  # fmt: skip
    register_page = section_pages(texts, "en", "section.complaints", "section.sources")[0]
    assert "Complaints against • No. 1 19 August 2009 Head of the detention centre" in people
    assert f"p. {register_page}" in people
