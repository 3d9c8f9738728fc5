"""`audit.append_records`, the one-pass writer a sync import uses, writes exactly the
entries `append_many` writes from `record_drafts`, and the chain they make verifies.
A real vault on disk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.store import audit
from desktop.store.models import Event, Person
from desktop.store.vault import Vault

ENTRIES = "SELECT * FROM audit_entries ORDER BY seq"


def written(vault: Vault, write: Any) -> list[tuple[Any, ...]]:
    """The entries `write(session, base, batches)` appends, in a transaction rolled back."""
    session = vault.session()
    try:
        before = session.execute(text("SELECT count(*) FROM audit_entries")).scalar_one()
        events = [dict(r) for r in session.execute(select(Event.__table__)).mappings()]
        people = [dict(r) for r in session.execute(select(Person.__table__)).mappings()]
        base = audit.Draft("2026-01-02T03:04:05.000Z", "device-b", "Б", "sync-import", "bundle",
                           "bundle-id")  # fmt: skip
        events[0]["deleted"] = True  # a tombstone among them: another action
        batches = [
            (Event.__table__, events, lambda r: "sync-delete" if r["deleted"] else "sync-create"),
            (Person.__table__, people, lambda _r: "sync-update"),
        ]
        write(session, base, batches)
        rows = [tuple(r) for r in session.execute(text(ENTRIES)).all()][before:]
        head = session.execute(
            text("SELECT head_count, head_hash, head_mac FROM audit_chain")
        ).one()
        return [*rows, tuple(head)]
    finally:
        session.rollback()
        session.close()


def by_drafts(session: Any, base: audit.Draft, batches: Any) -> None:
    drafts = [base]
    for table, rows, action_of in batches:
        drafts += audit.record_drafts(table, rows, base, action_of)
    audit.append_many(session, drafts)


def test_append_records_writes_what_append_many_writes(services: Services) -> None:
    case_id = services.cases.create_case("Дело")
    for n in range(5):
        services.timeline.add_event(case_id, FuzzyDate.day(2009, 3, 1 + n), f"Допрос {n}",
                                    title_alt=f"Interrogation {n}" if n % 2 else "")  # fmt: skip
    services.people.add_person(case_id, "official", "Кузнецов Иван")
    vault = services.store.vault
    one_pass = written(vault, audit.append_records)
    assert len(one_pass) == 1 + 5 + 1 + 1  # the bundle, the records, the head
    assert {row[4] for row in one_pass[:-1]} == {"sync-import", "sync-delete", "sync-create",
                                                  "sync-update"}  # fmt: skip
    assert one_pass == written(vault, by_drafts)


def test_a_chain_written_by_append_records_verifies(services: Services) -> None:
    case_id = services.cases.create_case("Дело")
    services.timeline.add_event(case_id, FuzzyDate.day(2009, 3, 1), "Допрос")
    with services.store.writing() as w:
        rows = [dict(r) for r in w.session.execute(select(Event.__table__)).mappings()]
        base = audit.Draft("2026-01-02T03:04:05.000Z", "device-b", "", "sync-import", "bundle", "b")
        audit.append_records(w.session, base, [(Event.__table__, rows, lambda _r: "sync-create")])
    with services.store.reading() as s:
        check = audit.check_chain(s)
    assert check.ok, check.problems
    assert check.entries >= 4
