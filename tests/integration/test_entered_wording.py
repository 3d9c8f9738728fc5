"""Wording as entered: who disputes a fact ("Disputed by the defence", not always "by
the authorities") and a person's allegations apart from their description, entered in the
CLI, carried by sync and import-json, and printed in the pack."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pypdf
import pytest
from sync_devices import make_device, pair, send
from test_cli_commands import dossier
from test_cli_records import PASSPHRASE, as_json, run, short_id

from desktop.briefing.model import BriefingOptions
from desktop.errors import KnownError, ValidationError
from desktop.services.registry import Services
from desktop.services.transfer import export_json, import_json
from desktop.store.vault import Vault

ON = dt.date(2024, 5, 1)


def chronology_text(services: Services, case_id: str, lang: str) -> str:
    options = BriefingOptions(generated_on=ON, sections=frozenset({"chronology"}), lang=lang)
    pdf = services.briefs.build(case_id, options).pdf
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def test_the_pack_names_who_disputes_each_fact(services: Services) -> None:
    case_id = services.cases.create_case("Disputes")
    add = services.timeline.add_event
    add(case_id, "2009-11-16", "Beaten before death", fact_status="disputed",
        disputed_by="authorities")  # fmt: skip
    add(case_id, "2009-11-17", "Cause of death heart failure", fact_status="disputed",
        disputed_by="defence")  # fmt: skip
    add(case_id, "2009-11-18", "Ambulance called late", fact_status="disputed",
        disputed_by="other", disputed_by_note="the prison doctor")  # fmt: skip
    add(case_id, "2009-11-19", "Held in isolation", fact_status="disputed")  # as before
    add(
        case_id,
        "2009-11-20",
        "Family told next day",
        fact_status="undisputed",
        disputed_by="defence",
    )  # fmt: skip  (not disputed: nothing printed)
    english = chronology_text(services, case_id, "en")
    assert "Beaten before death Disputed by the authorities" in english
    assert "Cause of death heart failure Disputed by the defence" in english
    assert "Ambulance called late Disputed by the prison doctor" in english
    assert "Held in isolation Disputed by the authorities" in english
    assert english.count("Disputed") == 4
    russian = chronology_text(services, case_id, "ru")
    assert "Оспаривается защитой" in russian
    assert "Оспаривается: the prison doctor" in russian
    assert russian.count("Оспаривается властями") == 2


def test_an_unknown_disputer_is_refused(services: Services) -> None:
    case_id = services.cases.create_case("Disputes")
    with pytest.raises(ValidationError):
        services.timeline.add_event(case_id, "2009", "x", disputed_by="the moon")


def test_the_cli_sets_and_lists_who_disputes(tmp_path: Path) -> None:
    home, vault = tmp_path / "home", tmp_path / "vault"
    dossier("vault", "create", vault, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip
    run(vault, home, "case", "add", "Disputes")
    event = short_id(run(vault, home, "event", "add", "--date", "2009-11-16", "--title",
                         "Beaten", "--status", "disputed", "--disputed-by", "defence"))  # fmt: skip
    run(vault, home, "event", "edit", event, "--disputed-by", "other",
        "--disputed-by-note", "the prison doctor")  # fmt: skip
    listed = as_json(vault, home, "event", "list")
    assert isinstance(listed, list)
    assert [(e["disputed_by"], e["disputed_by_note"]) for e in listed] == [
        ("other", "the prison doctor")
    ]


def test_the_cli_sets_allegations_apart_from_the_description(tmp_path: Path) -> None:
    home, vault = tmp_path / "home", tmp_path / "vault"
    dossier("vault", "create", vault, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip
    run(vault, home, "case", "add", "Kinds")
    run(vault, home, "person", "add", "--name", "Elena Stashina", "--kind", "judge",
        "--description", "Judge of the Tverskoy District Court")  # fmt: skip
    run(vault, home, "person", "edit", "Elena Stashina", "--allegations",
        "Extended the detention without examining the file")  # fmt: skip
    opened = Vault.unlock_with_passphrase(vault, PASSPHRASE)
    try:
        services = Services.over(opened)
        (case,) = services.cases.list_cases()
        (person,) = services.people.persons(case.id)
        assert (person.kind, person.description, person.allegations) == (
            "judge",
            "Judge of the Tverskoy District Court",
            "Extended the detention without examining the file",
        )
    finally:
        opened.lock()


def test_import_json_and_sync_carry_who_disputes(tmp_path: Path, services: Services) -> None:
    a = make_device(tmp_path / "a", "laptop")
    b = make_device(tmp_path / "b", "office")
    try:
        pair(a, b, tmp_path / "pairing")
        case_id = a.services.cases.create_case("Disputes")
        event_id = a.services.timeline.add_event(case_id, "2009-11-18", "Ambulance called late",
                                      fact_status="disputed", disputed_by="other",
                                      disputed_by_note="the prison doctor")  # fmt: skip
        send(a, b, tmp_path / "stick")
        event = b.services.timeline.get_event(event_id)
        assert (event.disputed_by, event.disputed_by_note) == ("other", "the prison doctor")
        exported = export_json(a.services.store)
        rows = json.loads(exported)["tables"]["events"]
        assert rows[0]["disputed_by_note"] == "the prison doctor"
        import_json(services.store, exported)
        copied = services.timeline.get_event(event_id)
        assert (copied.disputed_by, copied.disputed_by_note) == ("other", "the prison doctor")
    finally:
        for device in (a, b):
            device.vault.lock()


def test_a_damaged_disputer_is_refused_by_import(tmp_path: Path, services: Services) -> None:
    vault, _ = Vault.create(tmp_path / "source", "a passphrase for export")
    try:
        source = Services.over(vault)
        case_id = source.cases.create_case("Disputes")
        source.timeline.add_event(case_id, "2009", "x", fact_status="disputed")
        document = json.loads(export_json(source.store))
    finally:
        vault.lock()
    document["tables"]["events"][0]["disputed_by"] = "the moon"
    with pytest.raises(KnownError, match="disputed_by"):
        import_json(services.store, json.dumps(document).encode())
    assert services.cases.list_cases() == []
