"""Records in two languages: kept, synced, exported, migrated and printed in the pack's
language (real vaults, real bundles on a folder standing in for a stick, real PDFs)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from alembic import command

from desktop.briefing.model import BriefingOptions
from desktop.services.integrity import verify
from desktop.services.registry import Services
from desktop.services.transfer import export_json, import_json
from desktop.store import migrate
from desktop.store.vault import Vault
from tests.integration.sync_devices import make_device, pair, send

ON = dt.date(2024, 5, 1)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Extracted text with line breaks as spaces (titles wrap inside table cells)."""
    return re.sub(r"\s+", " ", text)


def pack(services: Services, case_id: str, lang: str) -> str:
    options = BriefingOptions(generated_on=ON, lang=lang)
    return pdf_text(services.briefs.build(case_id, options).pdf)


# ---- the pack -----------------------------------------------------------------------------
def test_the_russian_demo_pack_prints_cyrillic_names_russian_bodies_and_titles(
    demo_services: Services, demo_case_id: str
) -> None:
    text = flat(pack(demo_services, demo_case_id, "ru"))
    assert "Гибель Сергея Магнитского в предварительном заключении" in text  # the case title
    assert "4 июня 2007 года около 50 сотрудников МВД провели обыск" in text  # summary_ru
    assert "Артём Кузнецов" in text  # the original Cyrillic name stored for Kuznetsov
    assert "МВД России" in text  # the organisation's name_ru
    assert "Магнитский арестован у себя дома в Москве" in text  # an event's ru title
    assert "хищение инвестиционных компаний Hermitage" in text  # a complaint's ru subject
    assert "Доклад о гибели С. Магнитского" in text  # a source's translated title, beside it
    # response kinds and statuses in Russian, never an English kind in parentheses
    assert "(отказ)" in text and "(перенаправлена в другой орган)" in text
    for english in ("(refusal)", "(forwarding)", "(decision)", "(acknowledgement)"):
        assert english not in text
    assert "отклонена" in text
    assert "Заявитель: Сергей Леонидович Магнитский" in text  # "filed by" names a person
    assert "Не проверено" in text and "Unverified" not in text
    assert "1 мая 2024" in text and "2024-05-01" not in text  # the cover date, Russian style


def test_the_english_demo_pack_prints_latin_names_and_english_titles(
    demo_services: Services, demo_case_id: str
) -> None:
    text = flat(pack(demo_services, demo_case_id, "en"))
    assert "Artem Kuznetsov" in text
    assert "Interior Ministry (MVD) of Russia" in text
    assert "Magnitsky arrested at his home in Moscow" in text
    assert "The death of Sergei Magnitsky in pre-trial detention" in text
    assert "Гибель Сергея Магнитского" not in text
    assert "Магнитский арестован" not in text  # the ru title is not printed in English
    assert "(refusal)" in text
    assert "(en)" not in text and "(ru)" not in text  # everything is in English


def test_a_text_in_the_other_language_is_marked_and_explained(services: Services) -> None:
    case_id = services.cases.create_case("Two languages")
    timeline = services.timeline
    timeline.add_event(case_id, "2010-01-05", "Hearing postponed", description="No reason given")
    timeline.add_event(case_id, "2010-01-06", "Appeal lodged", title_alt="Подана апелляция")
    timeline.add_event(case_id, "2010-01-07", "Обыск в офисе", title_alt="Office searched")
    ru = flat(pack(services, case_id, "ru"))
    assert "Hearing postponed (en)" in ru  # no Russian title: printed in English, marked
    assert "No reason given" in ru
    assert "Подана апелляция" in ru and "Appeal lodged" not in ru
    assert "Обыск в офисе" in ru and "Office searched" not in ru
    assert "Обыск в офисе (en)" not in ru
    assert "Пометка (en)" in ru  # the legend says what the mark means
    en = flat(pack(services, case_id, "en"))
    assert "Office searched" in en and "Обыск в офисе" not in en
    assert "Hearing postponed (en)" not in en and "(ru)" not in en


def test_an_english_pack_prints_a_russian_only_title_marked_ru(services: Services) -> None:
    case_id = services.cases.create_case("Russian entries")
    services.timeline.add_event(case_id, "2011-03-01", "Допрос свидетеля")
    services.complaints.add_complaint(case_id, subject="жалоба на бездействие", status="filed")
    en = flat(pack(services, case_id, "en"))
    assert "Допрос свидетеля (ru)" in en
    assert "жалоба на бездействие (ru)" in en
    assert "Marked (ru)" in en


def test_a_person_entered_in_cyrillic_prints_latin_in_english(services: Services) -> None:
    case_id = services.cases.create_case("Names")
    person = services.people.add_person(case_id, "official", "Павел Карпов")
    event = services.timeline.add_event(case_id, "2008-11-24", "Arrest")
    services.timeline.add_participant(event, person, "arresting officer")
    assert "Pavel Karpov" in flat(pack(services, case_id, "en"))
    assert "Павел Карпов" in flat(pack(services, case_id, "ru"))


# ---- the fields travel --------------------------------------------------------------------
def _bilingual_case(services: Services) -> tuple[str, str, str, str]:
    case_id = services.cases.create_case(
        "Travelling translations", title_alt="Переводы в пути", summary_alt="Кратко"
    )
    event = services.timeline.add_event(
        case_id, "2009-11-16", "Death in custody", text_lang="en",
        title_alt="Смерть под стражей", description_alt="Подробности",
    )  # fmt: skip
    complaint = services.complaints.add_complaint(
        case_id, subject="жалоба", text_lang="ru", subject_alt="complaint", status="filed"
    )
    source = services.sources.add_source(case_id, "Report", label="S1", title_alt="Доклад")
    return case_id, event, complaint, source


def test_translations_travel_through_a_sync_bundle(tmp_path: Path) -> None:
    a, b = make_device(tmp_path / "a", "a"), make_device(tmp_path / "b", "b")
    try:
        pair(a, b, tmp_path / "pairing")
        _case, event, complaint, source = _bilingual_case(a.services)
        send(a, b, tmp_path / "stick")
        got = b.services.timeline.get_event(event)
        assert (got.text_lang, got.title_alt, got.description_alt) == (
            "en", "Смерть под стражей", "Подробности",
        )  # fmt: skip
        theirs = b.services.complaints.get_complaint(complaint)
        assert (theirs.text_lang, theirs.subject_alt) == ("ru", "complaint")
        assert b.services.sources.get_source(source).title_alt == "Доклад"
        case = b.services.cases.get_case(_case)
        assert (case.title_alt, case.summary_alt) == ("Переводы в пути", "Кратко")
        b.services.timeline.update_event(event, title_alt="Гибель под стражей")
        send(b, a, tmp_path / "stick")
        assert a.services.timeline.get_event(event).title_alt == "Гибель под стражей"
        assert a.export_json() == b.export_json()
        assert verify(a.services.store).ok and verify(b.services.store).ok
    finally:
        a.vault.lock()
        b.vault.lock()


def test_translations_travel_through_export_and_import_json(
    services: Services, tmp_path: Path, empty_template: Path, passphrase: str
) -> None:
    _case, event, complaint, source = _bilingual_case(services)
    exported = export_json(services.store)
    other = _copy_of(empty_template, tmp_path / "other", passphrase)
    try:
        target = Services.over(other, actor="test")
        import_json(target.store, exported)
        assert export_json(target.store) == exported
        assert target.timeline.get_event(event).title_alt == "Смерть под стражей"
        assert target.complaints.get_complaint(complaint).subject_alt == "complaint"
        assert target.sources.get_source(source).title_alt == "Доклад"
        assert verify(target.store).ok
    finally:
        other.lock()


def test_an_export_of_an_older_version_without_the_fields_still_imports(
    services: Services, tmp_path: Path, empty_template: Path, passphrase: str
) -> None:
    case_id = services.cases.create_case("Old export")
    event = services.timeline.add_event(case_id, "2009", "An event")
    document = json.loads(export_json(services.store))
    late = {"events": ("text_lang", "title_alt", "description_alt", "date_note")}
    for table, columns in late.items():
        for row in document["tables"][table]:
            for column in columns:
                del row[column]
    older = json.dumps(document).encode()
    other = _copy_of(empty_template, tmp_path / "other", passphrase)
    try:
        target = Services.over(other, actor="test")
        assert import_json(target.store, older) >= 2
        got = target.timeline.get_event(event)
        assert (got.title, got.title_alt, got.text_lang) == ("An event", "", "")
        assert verify(target.store).ok
    finally:
        other.lock()


def test_the_audit_hash_covers_the_translations(services: Services) -> None:
    _case, event, _complaint, _source = _bilingual_case(services)
    assert verify(services.store).ok
    engine = services.store.vault.require_engine()
    with engine.begin() as conn:  # a change made outside Dossier
        conn.exec_driver_sql("UPDATE events SET title_alt = 'подделка' WHERE id = ?", (event,))
    report = verify(services.store)
    assert not report.audit_ok
    assert any(event in problem for problem in report.problems)


# ---- migration ----------------------------------------------------------------------------
def _copy_of(template: Path, folder: Path, passphrase: str) -> Vault:
    import shutil

    shutil.copytree(template, folder)
    return Vault.unlock_with_passphrase(folder, passphrase)


def _downgrade_to_0008(vault: Vault) -> None:
    """As an older Dossier left it (foreign keys off while tables are rebuilt, as at upgrade)."""
    config = migrate.alembic_config()
    with vault.require_engine().connect() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is ignored
        cursor.close()
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")


def test_a_vault_of_migration_0008_upgrades_keeps_its_audit_and_takes_translations(
    tmp_path: Path, empty_template: Path, passphrase: str
) -> None:
    vault = _copy_of(empty_template, tmp_path / "old", passphrase)
    services = Services.over(vault, actor="test")
    case_id = services.cases.create_case("Written before translations")
    event = services.timeline.add_event(case_id, "2008-11-24", "Arrest", description="At home")
    complaint = services.complaints.add_complaint(case_id, subject="detention", status="filed")
    _downgrade_to_0008(vault)
    assert migrate.current_revision(vault.require_engine()) == "0008"
    vault.lock()

    upgraded = Vault.unlock_with_passphrase(tmp_path / "old", passphrase)
    try:
        assert migrate.current_revision(upgraded.require_engine()) == migrate.head_revision()
        assert list((tmp_path / "old").glob("*.before-*.bak"))  # backed up before upgrading
        services = Services.over(upgraded, actor="test")
        report = verify(services.store)
        assert report.ok, report.problems  # every record still matches its audited hash
        got = services.timeline.get_event(event)
        assert (got.title, got.text_lang, got.title_alt, got.description_alt) == (
            "Arrest", "", "", "",
        )  # fmt: skip
        services.timeline.update_event(event, title_alt="Арест")
        services.complaints.update_complaint(complaint, subject_alt="содержание под стражей")
        assert verify(services.store).ok
        assert "Арест" in pack(services, case_id, "ru")
        assert [h.record_id for h in services.search.results("Арест", case_id).groups["event"]] == [
            event
        ]  # the index was rebuilt with the translations
    finally:
        upgraded.lock()


@pytest.mark.parametrize("bad", ["de", "EN", "russian"])
def test_an_unknown_text_language_is_refused_with_a_plain_message(
    services: Services, bad: str
) -> None:
    from desktop.errors import ValidationError

    case_id = services.cases.create_case("Languages")
    with pytest.raises(ValidationError, match="en or ru"):
        services.timeline.add_event(case_id, "2009", "Event", text_lang=bad)


def test_a_record_hashes_as_before_the_translations_until_it_has_one(services: Services) -> None:
    """The audit content hash of a row without translations is the one 0008 recorded (all
    columns of that schema, in name order), so records audited then still verify."""
    import hashlib

    from sqlalchemy import select

    from desktop.store.audit import content_hash
    from desktop.store.models import TRANSLATION_COLUMNS, Event

    case_id = services.cases.create_case("Hashes")
    event = services.timeline.add_event(case_id, "2008", "Arrest", key_event=True)
    table = Event.__table__
    with services.store.reading() as s:
        row = dict(s.execute(select(table).where(table.c.id == event)).mappings().one())
    old_columns = sorted(c for c in row if c not in TRANSLATION_COLUMNS["events"])
    values = [bool(row[c]) if c in ("deleted", "key_event", "confidential", "for_brief")
              else row[c] for c in old_columns]  # fmt: skip
    as_in_0008 = hashlib.sha256(
        json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode()
    ).hexdigest()
    assert content_hash(table, row) == as_in_0008  # type: ignore[arg-type]
    assert content_hash(table, {**row, "title_alt": "Арест"}) != as_in_0008  # type: ignore[arg-type]
    assert content_hash(table, {**row, "title_alt": "Арест"}) != content_hash(
        table,
        {**row, "description_alt": "Арест"},  # type: ignore[arg-type]
    )


def test_a_vault_of_migration_0008_salvages_into_this_version(
    tmp_path: Path, empty_template: Path, passphrase: str
) -> None:
    from desktop.services.damage import data_key, salvage

    vault = _copy_of(empty_template, tmp_path / "old", passphrase)
    services = Services.over(vault, actor="test")
    case_id = services.cases.create_case("Salvaged")
    event = services.timeline.add_event(case_id, "2008-11-24", "Arrest")
    _downgrade_to_0008(vault)
    vault.lock()
    target = _copy_of(empty_template, tmp_path / "new", passphrase)
    try:
        report = salvage(tmp_path / "old", data_key(tmp_path / "old", passphrase), target)
        assert report.copied["events"] == 1 and report.copied["cases"] == 1
        got = Services.over(target, actor="test").timeline.get_event(event)
        assert (got.title, got.title_alt, got.text_lang) == ("Arrest", "", "")
    finally:
        target.lock()
