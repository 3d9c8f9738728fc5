"""The complete CLI on a real vault: a new vault never dead-ends, every record kind can be
added, edited, deleted and restored, ids are taken by any prefix a list prints, and every
`--json` output parses. All through `main(argv)`, as `dossier` runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_cli_commands import dossier, one_line_error

from desktop.services.registry import Services
from desktop.store.models import Case
from desktop.store.vault import Vault

PASSPHRASE = "a passphrase for the CLI"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def vault(tmp_path: Path, home: Path) -> Path:
    folder = tmp_path / "vault"
    dossier("vault", "create", folder, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip
    return folder


def run(vault: Path, home: Path, *args: str, expect: int = 0) -> str:
    done = dossier("--vault", vault, "--passphrase-file", "-", *args,
                   stdin=PASSPHRASE + "\n", home=home, expect=expect)  # fmt: skip
    return done.stdout if expect == 0 else one_line_error(done)


def as_json(vault: Path, home: Path, *args: str) -> object:
    return json.loads(run(vault, home, *args, "--json"))


def short_id(out: str) -> str:
    found = re.search(r"\b([0-9a-f]{8})\b", out)
    assert found, out
    return found[1]


def services_of(vault: Path) -> tuple[Vault, Services]:
    opened = Vault.unlock_with_passphrase(vault, PASSPHRASE)
    return opened, Services.over(opened)


def test_a_new_vault_does_not_dead_end(vault: Path, home: Path) -> None:
    error = run(vault, home, "event", "add", "--date", "2008", "--title", "x", expect=1)
    assert "case add" in error
    case = short_id(run(vault, home, "case", "add", "The raid"))
    out = run(vault, home, "event", "add", "--date", "night of 25 to 26 August 2008",
              "--title", "Raid")  # fmt: skip
    assert "night of 25–26 August 2008" in out
    listed = as_json(vault, home, "case", "list")
    assert isinstance(listed, list) and listed[0]["id"].startswith(case)
    shown = as_json(vault, home, "case", "show", case)
    assert shown["title"] == "The raid" and shown["counts"]["events"] == 1  # type: ignore[index]
    events = as_json(vault, home, "event", "list", "--case", case)
    assert events[0]["date_note"] == "night"  # type: ignore[index]


def test_case_edit_delete_restore_by_the_prefix_case_list_prints(vault: Path, home: Path) -> None:
    run(vault, home, "case", "add", "First")
    run(vault, home, "case", "add", "Second")
    printed = run(vault, home, "case", "list")
    line = next(x for x in printed.splitlines() if "Second" in x)
    prefix = line.split()[0]
    assert len(prefix) == 8
    run(vault, home, "case", "edit", prefix, "--title", "Second, renamed", "--status", "closed")
    run(vault, home, "event", "add", "--case", prefix[:5], "--date", "2009", "--title", "E")
    assert "Second, renamed" in run(vault, home, "case", "show", prefix)
    run(vault, home, "case", "delete", prefix)
    assert "Second" not in run(vault, home, "case", "list")
    run(vault, home, "case", "restore", prefix)
    assert "Second, renamed" in run(vault, home, "case", "list")
    # with two cases, --case is needed; a title works as well as an id
    assert "--case" in run(vault, home, "event", "list", expect=1)
    assert "E" in run(vault, home, "event", "list", "--case", "Second, renamed")


def test_an_ambiguous_or_unknown_prefix_is_a_clear_error(vault: Path, home: Path) -> None:
    opened, services = services_of(vault)
    try:
        with services.store.writing() as w:  # two cases whose ids share their first 6 digits
            w.insert(Case, id="abcdef01-0000-4000-8000-000000000001", title="One")
            w.insert(Case, id="abcdef02-0000-4000-8000-000000000002", title="Two")
    finally:
        opened.lock()
    assert "ambiguous" in run(vault, home, "case", "show", "abcdef", expect=1)
    assert "ambiguous" in run(vault, home, "case", "delete", "ABCDEF0", expect=1)
    assert "One" in run(vault, home, "case", "show", "abcdef01")
    assert "No case" in run(vault, home, "case", "show", "ffffffff", expect=1)
    run(vault, home, "event", "add", "--case", "abcdef02", "--date", "2009", "--title", "E")
    event = as_json(vault, home, "event", "list", "--case", "Two")[0]["id"]  # type: ignore[index]
    assert "No event" in run(vault, home, "event", "delete", event[:3], expect=1)  # too short
    assert "No event" in run(vault, home, "event", "delete", "0000000z", expect=1)
    run(vault, home, "event", "delete", event[:4])
    assert as_json(vault, home, "event", "list", "--case", "Two") == []
    run(vault, home, "event", "restore", event[:8])
    assert as_json(vault, home, "event", "show", event[:6])["title"] == "E"  # type: ignore[index]


def test_every_record_kind_from_the_command_line(vault: Path, home: Path, tmp_path: Path) -> None:
    run(vault, home, "case", "add", "Full case")
    run(vault, home, "source", "add", "--label", "S1", "--title", "NGO report",
        "--url", "https://example.org/r", "--author", "NGO", "--date", "spring 2010",
        "--kind", "official_report")  # fmt: skip
    run(vault, home, "person", "add", "--name", "Ivan Petrov", "--original", "Иван Петров",
        "--kind", "official")  # fmt: skip
    run(vault, home, "org", "add", "Investigative Committee", "--original", "Следственный комитет")
    run(vault, home, "org", "add", "Moscow Department", "--parent", "Следственный комитет")
    posting = run(vault, home, "posting", "add", "Иван Петров", "--org", "Moscow Department",
                  "--role", "investigator", "--rank", "major", "--from", "early 2008",
                  "--to", "late 2009")  # fmt: skip
    assert posting.startswith("Added posting")
    event = short_id(run(vault, home, "event", "add", "--date", "вечером 3 мая 2009",
                         "--title", "Search", "--key", "--cite", "S1:¶2",
                         "--person", "Ivan Petrov:led the search"))  # fmt: skip
    shown = as_json(vault, home, "event", "show", event)
    assert shown["key"] is True and shown["date"] == "evening of 3 May 2009"  # type: ignore[index]
    assert shown["participants"] == [{"person": "Ivan Petrov", "role": "led the search"}]  # type: ignore[index]
    assert shown["citations"][0]["pin"] == "¶2"  # type: ignore[index]
    run(vault, home, "cite", event, "--source", "S1", "--pin", "p. 14", "--quote", "they came")
    run(vault, home, "tag", "add", "search")
    run(vault, home, "tag", event, "search")
    assert as_json(vault, home, "event", "show", event)["tags"] == ["search"]  # type: ignore[index]
    assert [t["name"] for t in as_json(vault, home, "tag", "list")] == ["search"]  # type: ignore[union-attr]
    exhibit = tmp_path / "scan.txt"
    exhibit.write_text("scan", encoding="utf-8")
    run(vault, home, "attach", "add", str(exhibit), "--source", "S1", "--label", "EX-1")
    run(vault, home, "event", "edit", event, "--title", "Search of the flat", "--no-key")
    shown = as_json(vault, home, "event", "show", event)
    assert (shown["title"], shown["key"], len(shown["citations"])) == (  # type: ignore[index]
        "Search of the flat", False, 2)  # fmt: skip
    complaint = short_id(run(vault, home, "complaint", "add", "--filed", "5 Jan 2010",
                             "--body", "Investigative Committee", "--against", "Ivan Petrov",
                             "--due", "5 февраля 2010 г."))  # fmt: skip
    run(vault, home, "complaint", "respond", complaint, "--date", "в начале марта 2010",
        "--kind", "refusal", "--text", "refused")  # fmt: skip
    escalated = run(vault, home, "complaint", "escalate", complaint,
                    "--body", "Prosecutor General", "--due", "1 May 2010").split()[-1]  # fmt: skip
    run(vault, home, "complaint", "edit", escalated, "--status", "filed", "--reference", "R-2")
    listed = as_json(vault, home, "complaint", "list")
    assert {c["response_due"] for c in listed} == {"2010-02-05", "2010-05-01"}  # type: ignore[union-attr]
    first = as_json(vault, home, "complaint", "show", complaint)
    assert first["status"] == "appealed" and first["responses"][0]["kind"] == "refusal"  # type: ignore[index]
    run(vault, home, "complaint", "delete", escalated)
    assert len(as_json(vault, home, "complaint", "list")) == 1  # type: ignore[arg-type]
    run(vault, home, "complaint", "restore", escalated)
    run(vault, home, "person", "edit", "Ivan Petrov", "--name", "Ivan I. Petrov", "--kind",
        "witness")  # fmt: skip
    people = as_json(vault, home, "person", "list")
    assert people[0]["display_name"] == "Ivan I. Petrov"  # type: ignore[index]
    assert {n["text"] for n in people[0]["names"]} >= {"Ivan I. Petrov", "Иван Петров"}  # type: ignore[index]
    person = people[0]["id"][:8]  # type: ignore[index]
    assert as_json(vault, home, "person", "show", person)["postings"][0]["rank"] == "major"  # type: ignore[index]
    run(vault, home, "person", "delete", person)
    assert as_json(vault, home, "person", "list") == []
    run(vault, home, "person", "restore", person)
    orgs = as_json(vault, home, "org", "list")
    assert {o["name"] for o in orgs} == {"Investigative Committee", "Moscow Department"}  # type: ignore[union-attr]
    sources = as_json(vault, home, "source", "list")
    assert sources[0]["label"] == "S1" and sources[0]["date_edtf"] == "2010-03/2010-05"  # type: ignore[index]
    opened, services = services_of(vault)
    try:
        case_id = services.cases.list_cases()[0].id
        attachments = services.sources.attachments(case_id)
        assert [(a.file_name, a.exhibit_label) for a in attachments] == [("scan.txt", "EX-1")]
        assert attachments[0].source_id == sources[0]["id"]  # type: ignore[index]
    finally:
        opened.lock()


def test_bad_references_are_one_line_and_change_nothing(vault: Path, home: Path) -> None:
    run(vault, home, "case", "add", "Case")
    before = as_json(vault, home, "event", "list")
    assert "No source" in run(vault, home, "event", "add", "--date", "2009", "--title", "x",
                              "--cite", "S9:¶1", expect=1)  # fmt: skip
    assert "No person" in run(vault, home, "event", "add", "--date", "2009", "--title", "x",
                              "--person", "Nobody", expect=1)  # fmt: skip
    assert "one day" in run(vault, home, "complaint", "add", "--due", "March 2010", expect=1)
    run(vault, home, "person", "add", "--name", "Ivan Petrov")
    error = run(vault, home, "posting", "add", "Ivan Petrov", "--org", "Nowhere", expect=1)
    assert "No organisation" in error
    assert as_json(vault, home, "event", "list") == before
    assert as_json(vault, home, "complaint", "list") == []


def test_event_move_and_list_agree(vault: Path, home: Path) -> None:
    run(vault, home, "case", "add", "Case")
    a = short_id(run(vault, home, "event", "add", "--date", "25 August 2008", "--title", "A"))
    b = short_id(run(vault, home, "event", "add", "--date", "25.08.2008", "--title", "B"))
    run(vault, home, "event", "move", b, "--before", a)
    titles = [e["title"] for e in as_json(vault, home, "event", "list")]  # type: ignore[union-attr]
    assert titles == ["B", "A"]
    listed = run(vault, home, "event", "list")
    assert listed.index(b) < listed.index(a)
    run(vault, home, "event", "edit", b, "--place", "Moscow")
    assert [e["title"] for e in as_json(vault, home, "event", "list")] == ["B", "A"]  # type: ignore[union-attr]
    run(vault, home, "event", "add", "--date", "August 2008", "--title", "C")
    error = run(vault, home, "event", "move", a, "--after", "zzzz", expect=1)
    assert "No event" in error


def test_list_filters_read_dates_as_the_date_fields_do(vault: Path, home: Path) -> None:
    run(vault, home, "case", "add", "Case")
    for date, title in [("3 May 2009", "May"), ("winter 2008/09", "Winter"), ("2011", "Later")]:
        run(vault, home, "event", "add", "--date", date, "--title", title)
    shown = run(vault, home, "event", "list", "--from", "весной 2009", "--to", "late 2009")
    assert "May" in shown and "Winter" not in shown and "Later" not in shown
    listed = as_json(vault, home, "event", "list", "--from", "январь 2009", "--to", "2009")
    assert [e["title"] for e in listed] == ["Winter", "May"]  # type: ignore[union-attr]


def test_source_edit_delete_restore_by_label_or_id(vault: Path, home: Path) -> None:
    run(vault, home, "case", "add", "Дело Петровой")
    added = short_id(run(vault, home, "source", "add", "--label", "S1", "--title",
                         "Решение Тверского районного суда", "--date", "2009"))  # fmt: skip
    out = run(vault, home, "source", "edit", "S1", "--label", "S2", "--date", "16 Nov 2009",
              "--author", "Тверской районный суд", "--reliability", "high")  # fmt: skip
    assert out.startswith(f"Source {added}: ") and "field(s) changed" in out
    (listed,) = as_json(vault, home, "source", "list")  # type: ignore[misc]
    assert (listed["label"], listed["date_edtf"], listed["reliability"]) == (
        "S2",
        "2009-11-16",
        "high",
    )
    assert listed["author"] == "Тверской районный суд"
    error = run(vault, home, "source", "edit", "S2", expect=1)
    assert "Nothing to change" in error
    assert "S1" in run(vault, home, "source", "edit", "S1", "--title", "x", expect=1)  # gone
    run(vault, home, "source", "delete", added)
    assert as_json(vault, home, "source", "list") == []
    run(vault, home, "source", "restore", added)
    (back,) = as_json(vault, home, "source", "list")  # type: ignore[misc]
    assert back["label"] == "S2" and back["title"] == "Решение Тверского районного суда"
