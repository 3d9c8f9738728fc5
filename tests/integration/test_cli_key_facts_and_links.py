"""The command line for key facts and complaint links: `brief --key-only` (the chronology
holds only the key facts and the cover says so, in the pack's language), `event list
--key-only`, `complaint add` against people and organisations, `complaint link|unlink`.
Real demo vault made by the CLI, real PDFs read back with pypdf."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from test_cli_commands import demo, demo_dir, home, run  # noqa: F401  (fixtures)

from desktop.services.demo import sample_case_path

SAMPLE = json.loads(sample_case_path().read_text("utf-8"))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(path.read_bytes())).pages)


def chronology(text: str) -> str:
    """The text from the chronology's heading to the next section's."""
    start = text.index("Chronology\n", text.index("Chronology") + 1)
    return text[start : text.index("People and officials", start)]


def test_key_only_pack_holds_only_key_facts_and_says_so(
    demo: Path,  # noqa: F811
    home: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    key = [e["title"] for e in SAMPLE["events"] if e.get("key_event")]
    other = [e["title"] for e in SAMPLE["events"] if not e.get("key_event")]
    whole, keyed = tmp_path / "whole.pdf", tmp_path / "key.pdf"
    run(demo, "brief", "--out", str(whole), home=home)
    run(demo, "brief", "--out", str(keyed), "--key-only", home=home)
    whole_text, key_text = pdf_text(whole), pdf_text(keyed)
    flat = " ".join(chronology(key_text).split())
    whole_flat = " ".join(chronology(whole_text).split())
    assert all(" ".join(t.split())[:40] in whole_flat for t in key + other)
    for title in key:
        assert " ".join(title.split())[:40] in flat
    for title in other:
        assert " ".join(title.split())[:40] not in flat
    assert "Only the key facts of the chronology" in " ".join(key_text.split())
    assert "Only the key facts" not in whole_text

    russian = tmp_path / "ru.pdf"
    run(demo, "brief", "--out", str(russian), "--key-only", "--lang", "ru", home=home)
    assert "Только ключевые факты хронологии" in " ".join(pdf_text(russian).split())


def test_complaint_add_takes_a_person_and_an_organisation(
    demo: Path,  # noqa: F811
    home: Path,  # noqa: F811
) -> None:
    from desktop.services.registry import Services
    from desktop.store.vault import Vault

    body = "Butyrka pre-trial detention centre (SIZO-2, Moscow)"
    out = run(
        demo, "complaint", "add", "--body", "Prosecutor General's Office of Russia",
        "--against", body, "--against", "unknown guards", "--subject", "Beating", home=home,
    )  # fmt: skip
    complaint_prefix = out.split()[-1]
    vault = Vault.unlock_with_passphrase(demo, "demo")
    try:
        services = Services.over(vault)
        (complaint,) = [
            r.complaint
            for case in services.cases.list_cases()
            for r in services.complaints.register(case.id)
            if r.complaint.id.startswith(complaint_prefix)
        ]
        targets = services.complaints.targets(complaint.id)
        organisations = {o.id: o.name for o in services.people.organisations(complaint.case_id)}
        assert sorted(
            organisations.get(t.organisation_id or "", "") or t.description for t in targets
        ) == [body, "unknown guards"]
    finally:
        vault.lock()


def test_event_list_key_only(demo: Path, home: Path) -> None:  # noqa: F811
    key = [e["title"] for e in SAMPLE["events"] if e.get("key_event")]
    listed = json.loads(run(demo, "event", "list", "--key-only", "--json", home=home))
    assert [row["title"] for row in listed] == key
    text = run(demo, "event", "list", "--key-only", home=home)
    assert sum(1 for title in key if title[:30] in text) == len(key)
    assert SAMPLE["events"][2]["title"][:30] not in text


def test_complaint_link_show_and_unlink(demo: Path, home: Path) -> None:  # noqa: F811
    complaints = json.loads(run(demo, "complaint", "list", "--json", home=home))
    events = json.loads(run(demo, "event", "list", "--json", home=home))
    complaint, event = complaints[0]["id"][:8], events[4]["id"][:8]
    assert "Linked" in run(demo, "complaint", "link", complaint, "--event", event, home=home)
    shown = json.loads(run(demo, "complaint", "show", complaint, "--json", home=home))
    assert [e["id"] for e in shown["events"]] == [events[4]["id"]]
    assert "concerns" in run(demo, "complaint", "show", complaint, home=home)
    run(demo, "complaint", "link", complaint, "--event", event, home=home, expect=1)
    run(demo, "complaint", "unlink", complaint, "--event", event, home=home)
    shown = json.loads(run(demo, "complaint", "show", complaint, "--json", home=home))
    assert shown["events"] == []
