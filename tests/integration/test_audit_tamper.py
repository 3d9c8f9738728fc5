"""The audit tamper matrix: raw SQL on a real vault, caught by `vault verify` / `--against`.

Each case changes the database the way someone holding the passphrase could, outside
Dossier, then checks what the log proves: every naive change is found by `vault verify`;
a rewrite by someone who also recomputes the keyed chain is found against a head saved
before it (printed on a pack, carried to a peer).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from desktop.errors import KnownError
from desktop.services.integrity import audit_head, verify
from desktop.services.registry import Services
from desktop.store import audit
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"


@pytest.fixture
def opened(demo_folder: Path) -> Iterator[Services]:
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    try:
        yield Services.over(vault, actor="test")
    finally:
        if vault.is_unlocked:
            vault.lock()


def raw(services: Services, change: Callable[[Connection], None]) -> None:
    """Run `change` on the real vault's database, as an attacker with the key would."""
    engine = services.store.vault.require_engine()
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or ignored
        with conn.begin():
            change(conn)
        driver.execute("PRAGMA foreign_keys = ON")


def first_event(conn: Connection) -> str:
    return str(conn.execute(text("SELECT id FROM events ORDER BY id LIMIT 1")).scalar_one())


def rewrite_title(conn: Connection) -> None:
    conn.execute(text("UPDATE events SET title = 'nothing happened' WHERE id = :i"),
                 {"i": first_event(conn)})  # fmt: skip


def delete_event(conn: Connection) -> None:
    conn.execute(text("DELETE FROM events WHERE id = :i"), {"i": first_event(conn)})


def delete_last_20(conn: Connection) -> None:
    conn.exec_driver_sql(
        "DELETE FROM audit_entries WHERE seq IN "
        "(SELECT seq FROM audit_entries ORDER BY seq DESC LIMIT 20)"
    )


def delete_all(conn: Connection) -> None:
    conn.exec_driver_sql("DELETE FROM audit_entries")


def change_metadata(conn: Connection) -> None:
    conn.exec_driver_sql(
        "UPDATE audit_entries SET actor = 'somebody else' WHERE seq = "
        "(SELECT seq FROM audit_entries ORDER BY seq LIMIT 1 OFFSET 10)"
    )


def reorder(conn: Connection) -> None:
    a, b = [r[0] for r in conn.exec_driver_sql(
        "SELECT seq FROM audit_entries ORDER BY seq LIMIT 2 OFFSET 30")]  # fmt: skip
    conn.exec_driver_sql(f"UPDATE audit_entries SET seq = -1 WHERE seq = {a}")
    conn.exec_driver_sql(f"UPDATE audit_entries SET seq = {a} WHERE seq = {b}")
    conn.exec_driver_sql(f"UPDATE audit_entries SET seq = {b} WHERE seq = -1")


def recompute_with_sha256(conn: Connection) -> None:
    """Rewrite a title, then make the log fit it with plain SHA-256 (no key): version 1."""
    rewrite_title(conn)
    row = conn.execute(text("SELECT * FROM events WHERE id = :i"),
                       {"i": first_event(conn)}).mappings().one()  # fmt: skip
    from desktop.store.models import Event

    content = audit.content_hash(Event.__table__, row)  # type: ignore[arg-type]
    conn.execute(
        text("UPDATE audit_entries SET content_hash = :c WHERE seq = "
             "(SELECT max(seq) FROM audit_entries WHERE record_id = :i)"),
        {"c": content, "i": row["id"]},
    )  # fmt: skip
    prev = audit.GENESIS
    entries = conn.exec_driver_sql(
        "SELECT seq, at, device, actor, action, entity, record_id, fields "
        "FROM audit_entries ORDER BY seq"
    ).all()
    for seq, *values in entries:  # the pre-0007 formula, exactly, marking entries version 1
        digest = audit.entry_hash(prev, *values)
        conn.execute(
            text("UPDATE audit_entries SET prev_hash = :p, hash = :h, chain_version = 1 "
                 "WHERE seq = :s"), {"p": prev, "h": digest, "s": seq},
        )  # fmt: skip
        prev = digest
    conn.execute(text("UPDATE audit_chain SET head_hash = :h"), {"h": prev})


TAMPERING = {
    "rewrite an event's title": rewrite_title,
    "delete an event row": delete_event,
    "delete the last 20 audit rows": delete_last_20,
    "delete all audit rows": delete_all,
    "recompute the chain with plain SHA-256": recompute_with_sha256,
    "change an entry's metadata": change_metadata,
    "reorder entries": reorder,
}


def test_an_untouched_vault_verifies_and_its_head_counts_every_write(opened: Services) -> None:
    report = verify(opened.store)
    assert report.ok, report.problems
    head = audit.parse_head(audit_head(opened.store))
    with opened.store.reading() as s:
        count = s.execute(text("SELECT count(*) FROM audit_entries")).scalar_one()
    assert head.count == count > 100
    assert verify(opened.store, audit_head(opened.store)).ok


@pytest.mark.parametrize("change", list(TAMPERING.values()), ids=list(TAMPERING))
def test_vault_verify_finds_each_tampering(
    opened: Services, change: Callable[[Connection], None]
) -> None:
    saved = audit_head(opened.store)
    raw(opened, change)
    report = verify(opened.store)
    assert not report.audit_ok
    assert report.problems
    assert all(p.startswith("audit:") for p in report.problems)
    assert not verify(opened.store, saved).audit_ok


def _reseal_contents(conn: Connection) -> None:
    """Point each record's latest entry at the record as it now is."""
    from desktop.store.models import SYNCED_MODELS

    for model in SYNCED_MODELS:
        table = model.__table__
        for row in conn.execute(text(f"SELECT * FROM {table.name}")).mappings():  # type: ignore[attr-defined]
            conn.execute(
                text("UPDATE audit_entries SET content_hash = :c WHERE seq = "
                     "(SELECT max(seq) FROM audit_entries WHERE record_id = :i)"),
                {"c": audit.content_hash(table, row), "i": row["id"]},  # type: ignore[arg-type]
            )  # fmt: skip


def _recompute_with_the_key(conn: Connection, drop_last: int = 0) -> None:
    """The strongest rewrite: an attacker who reads the audit key and redoes everything."""
    key, v2_from = conn.exec_driver_sql("SELECT key, v2_from FROM audit_chain").one()
    if drop_last:
        conn.exec_driver_sql(
            "DELETE FROM audit_entries WHERE seq IN "
            f"(SELECT seq FROM audit_entries ORDER BY seq DESC LIMIT {drop_last})"
        )
    else:
        rewrite_title(conn)
    _reseal_contents(conn)
    prev, count = audit.GENESIS, 0
    entries = conn.exec_driver_sql(
        "SELECT seq, at, device, actor, action, entity, record_id, fields, content_hash "
        "FROM audit_entries ORDER BY seq"
    ).all()
    for seq, *values in entries:
        count += 1
        assert count >= v2_from
        digest = audit.draft_hash(key, count, prev, audit.Draft(*values))
        conn.execute(text("UPDATE audit_entries SET prev_hash = :p, hash = :h WHERE seq = :s"),
                     {"p": prev, "h": digest, "s": seq})  # fmt: skip
        prev = digest
    conn.execute(
        text("UPDATE audit_chain SET head_count = :n, head_hash = :h, head_mac = :m"),
        {"n": count, "h": prev, "m": audit.head_mac(key, count, prev)},
    )


def retitle_20_times(services: Services) -> None:
    """Twenty honest edits of one record: the history a truncation would hide."""
    (case,) = services.cases.list_cases()
    for i in range(20):
        services.cases.update_case(case.id, title=f"Title {i}")


@pytest.mark.parametrize("drop_last", [0, 20], ids=["rewrite", "truncate"])
def test_a_rewrite_with_the_key_passes_verify_but_not_a_saved_head(
    opened: Services, drop_last: int
) -> None:
    """What the log cannot do alone, and what a head held elsewhere adds."""
    retitle_20_times(opened)
    saved = audit_head(opened.store)
    raw(opened, lambda conn: _recompute_with_the_key(conn, drop_last))
    assert verify(opened.store).ok  # someone with the passphrase can rewrite a lone vault
    against = verify(opened.store, saved)
    assert not against.audit_ok
    word = "truncated" if drop_last else "rewritten"
    assert any(word in p for p in against.problems), against.problems


def test_a_head_from_before_later_honest_changes_still_verifies(opened: Services) -> None:
    saved = audit_head(opened.store)
    (case,) = opened.cases.list_cases()
    opened.cases.update_case(case.id, title="Renamed honestly")
    assert audit_head(opened.store) != saved
    assert verify(opened.store, saved).ok
    short = saved[: saved.index(":") + 17]  # count and 16 hex digits, as one might type it
    assert verify(opened.store, short).ok


@pytest.mark.parametrize("bad", ["", "12", "x:abcd", "12:abc", "-1:" + "a" * 64])
def test_a_malformed_head_is_one_plain_refusal(opened: Services, bad: str) -> None:
    with pytest.raises(KnownError, match="audit head"):
        verify(opened.store, bad)


def test_cli_verify_against_a_saved_head(demo_folder: Path, tmp_path: Path) -> None:
    from desktop.cli.main import main

    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    args = ["vault", "verify", str(demo_folder), "--passphrase-file", str(secret)]
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    services = Services.over(vault, actor="test")
    retitle_20_times(services)
    saved = audit_head(services.store)
    vault.lock()
    assert main([*args, "--against", saved]) == 0
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    services = Services.over(vault, actor="test")
    raw(services, lambda conn: _recompute_with_the_key(conn, 20))
    vault.lock()
    assert main(args) == 0
    assert main([*args, "--against", saved]) == 1


def test_import_json_writes_one_entry_per_record(
    demo_services: Services, services: Services
) -> None:
    from desktop.services.transfer import export_json, import_json

    before = audit.parse_head(audit_head(services.store)).count
    added = import_json(services.store, export_json(demo_services.store))
    after = audit.parse_head(audit_head(services.store)).count
    assert after - before == added + 1
    assert verify(services.store).ok


def test_old_entries_keep_verifying_the_old_way(empty_template: Path, tmp_path: Path) -> None:
    """A vault from before 0007: its version-1 entries check as before, new ones keyed."""
    from alembic import command

    from desktop.store import migrate

    folder = tmp_path / "old"
    shutil.copytree(empty_template, folder)
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    engine = vault.require_engine()
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    with engine.begin() as conn:
        prev = audit.GENESIS
        for i in range(5):
            values = ["2020-01-01T00:00:00Z", "dev", "old", "create", "cases", f"c{i}", ""]
            digest = audit.entry_hash(prev, *values)
            conn.execute(
                text("INSERT INTO audit_entries (at, device, actor, action, entity, record_id, "
                     "fields, prev_hash, hash) VALUES (:a,:d,:u,:x,:e,:r,:f,:p,:h)"),
                dict(zip("aduxerf", values, strict=True), p=prev, h=digest),
            )  # fmt: skip
            prev = digest
    vault.lock()
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)  # upgrades to 0007
    try:
        services = Services.over(vault, actor="test")
        services.cases.create_case("After the upgrade")
        report = verify(services.store)
        assert report.ok, report.problems
        assert audit.parse_head(audit_head(services.store)).count == 6
        raw(services, lambda conn: conn.exec_driver_sql(
            "UPDATE audit_entries SET actor = 'forged' WHERE seq = 2"))  # fmt: skip
        assert not verify(services.store).audit_ok
    finally:
        vault.lock()
