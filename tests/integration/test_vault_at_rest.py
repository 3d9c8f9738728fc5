"""Data at rest: nothing of the case is readable in the database or its WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.paths import VAULT_DB
from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault

SECRETS = (b"Magnitsky", "Кузнецов".encode(), b"Kuznetsov")


def database_files(folder: Path) -> list[Path]:
    return [p for p in (folder / VAULT_DB, folder / f"{VAULT_DB}-wal") if p.exists()]


def assert_no_plaintext(folder: Path) -> None:
    for path in database_files(folder):
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} readable in {path.name}"


def test_demo_strings_never_reach_disk_in_plain_text(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, passphrase)
    # A reader stays connected, as the app's views do, so the WAL is not folded away when
    # the vault refreshes its pooled connections after each write.
    reader = vault.require_engine().connect()
    install_demo_case(Services.over(vault))
    wal = folder / f"{VAULT_DB}-wal"
    assert wal.exists() and wal.stat().st_size > 100_000, "the WAL should hold the demo's pages"
    assert_no_plaintext(folder)  # while open: the WAL is full of fresh pages
    reader.close()
    vault.lock()
    assert (folder / VAULT_DB).stat().st_size > 100_000
    assert_no_plaintext(folder)  # after lock: checkpointed into the main file


def test_the_probe_would_see_plain_text(tmp_path: Path) -> None:
    """The check above can fail: the same strings in a plain SQLite file are found."""
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", ("Артём Кузнецов, Sergei Magnitsky",))
    data = plain.read_bytes()
    assert all(secret in data for secret in SECRETS[:2])


def test_stdlib_sqlite_cannot_open_the_vault(demo_folder: Path) -> None:
    conn = sqlite3.connect(demo_folder / VAULT_DB)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT name FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_the_file_has_no_sqlite_header(demo_folder: Path) -> None:
    assert not (demo_folder / VAULT_DB).read_bytes().startswith(b"SQLite format 3")
