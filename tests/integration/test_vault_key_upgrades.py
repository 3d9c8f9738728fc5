"""Vaults from other versions, file permissions and the gated test KDF, on real vaults.

- a version 1 key file (one file, no checksums, a symmetric recovery slot) still opens,
  is rewritten as two version 2 copies, and its recovery slot becomes one a rotation can
  carry over the first time the recovery key is used;
- a database migrated by a newer Dossier is refused with a plain sentence, untouched;
- the vault folder is 0700 and its files 0600, also after unlocking and rotating;
- `DOSSIER_INSECURE_TEST_KDF=1` outside the test suite makes no vault at all.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import text

from desktop.crypto.kdf import calibrate
from desktop.crypto.keyfiles import COPY, PRIMARY
from desktop.crypto.keystore import X25519_KDF, Slot, secret_kek
from desktop.crypto.recovery import format_recovery_key, new_recovery_key
from desktop.errors import KnownError
from desktop.paths import VAULT_DB
from desktop.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def legacy_slot(
    vault_id: str, kind: str, params: dict[str, object], kek: bytes, key: bytes
) -> dict[str, object]:
    """A slot exactly as Dossier's version 1 key file held it."""
    slot = Slot(kind, str(uuid.uuid4()), dict(params), binding=1)
    slot.nonce = os.urandom(12)
    slot.wrapped = AESGCM(kek).encrypt(slot.nonce, key, slot.associated_data(vault_id))
    return {"kind": kind, "id": slot.slot_id, "params": slot.params,
            "nonce": b64(slot.nonce), "wrapped_key": b64(slot.wrapped)}  # fmt: skip


def make_legacy(folder: Path, vault: Vault, passphrase: str) -> str:
    """Replace a vault's key files with one version 1 file; returns its recovery key."""
    data_key = vault._data_key()
    vault_id = vault.vault_id
    argon = calibrate()
    p_params = {
        "kdf": "argon2id",
        "memory_kib": argon.memory_kib,
        "iterations": argon.iterations,
        "lanes": argon.lanes,
        "salt": b64(argon.salt),
    }
    raw = new_recovery_key()
    r_params = {"kdf": "hkdf-sha256", "salt": b64(os.urandom(16))}
    doc = {
        "format": "dossier-keystore",
        "version": 1,
        "vault_id": vault_id,
        "slots": [
            legacy_slot(
                vault_id, "passphrase", p_params, argon.derive(passphrase.encode()), data_key
            ),
            legacy_slot(vault_id, "recovery", r_params, secret_kek(raw, r_params), data_key),
        ],
    }
    vault.lock()
    (folder / PRIMARY).write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    (folder / COPY).unlink()
    return format_recovery_key(raw)


def test_a_version_1_key_file_opens_and_is_upgraded(demo_folder: Path, passphrase: str) -> None:
    recovery = make_legacy(
        demo_folder, Vault.unlock_with_passphrase(demo_folder, passphrase), passphrase
    )
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    with pytest.raises(KnownError, match="older Dossier"):  # its recovery slot can't be carried
        vault.rotate_key(passphrase)
    vault.lock()
    for name in (PRIMARY, COPY):
        doc = json.loads((demo_folder / name).read_text())
        assert doc["version"] == 2 and doc["key_id"]
    assert (demo_folder / PRIMARY).read_bytes() == (demo_folder / COPY).read_bytes()

    by_recovery = Vault.unlock_with_recovery_key(demo_folder, recovery)
    kinds = {s.kind: s.params["kdf"] for s in by_recovery.keystore.slots}
    assert kinds["recovery"] == X25519_KDF
    by_recovery.lock()
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    vault.rotate_key(passphrase)  # now every slot is carried over
    vault.lock()
    Vault.unlock_with_recovery_key(demo_folder, recovery).lock()
    Vault.unlock_with_passphrase(demo_folder, passphrase).lock()


def test_a_vault_from_a_newer_dossier_is_refused_untouched(
    demo_folder: Path, demo_vault: Vault, passphrase: str
) -> None:
    engine = demo_vault.require_engine()
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9f3e_future'"))
    demo_vault.lock()
    before = {p.name: p.read_bytes() for p in demo_folder.iterdir() if p.name != "vault.lock"}
    with pytest.raises(KnownError) as caught:
        Vault.unlock_with_passphrase(demo_folder, passphrase)
    assert str(caught.value) == (
        "This vault was made by a newer Dossier (version 9f3e_future); update Dossier."
    )
    after = {p.name: p.read_bytes() for p in demo_folder.iterdir() if p.name != "vault.lock"}
    assert after == before  # no backup, no migration, no key-file rewrite


def modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_vault_is_private_to_its_owner(tmp_path: Path, passphrase: str) -> None:
    folder = tmp_path / "v"
    vault, _ = Vault.create(folder, passphrase)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = set(modes(folder))
    assert {VAULT_DB, PRIMARY, COPY} <= names
    assert set(modes(folder).values()) == {0o600}
    vault.lock()
    os.chmod(folder, 0o755)
    for name in (VAULT_DB, PRIMARY, COPY):
        os.chmod(folder / name, 0o644)
    vault = Vault.unlock_with_passphrase(folder, passphrase)
    with vault.require_engine().begin() as conn:  # -wal and -shm exist now
        conn.execute(text("SELECT 1"))
    assert {f"{VAULT_DB}-wal", f"{VAULT_DB}-shm"} <= set(modes(folder))
    assert set(modes(folder).values()) == {0o600}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    vault.rotate_key(passphrase)
    vault.lock()
    assert set(modes(folder).values()) == {0o600}


def test_the_insecure_test_kdf_refuses_outside_the_test_suite(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTEST_CURRENT_TEST", "DOSSIER_TEST_SUITE")
    }
    env.update({"DOSSIER_INSECURE_TEST_KDF": "1", "DOSSIER_HOME": str(tmp_path / "home")})
    done = subprocess.run(
        [sys.executable, "main.py", "vault", "create", str(tmp_path / "v"),
         "--passphrase-file", "-"],
        input="a long enough passphrase\n", capture_output=True, text=True, cwd=ROOT, env=env,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("dossier: DOSSIER_INSECURE_TEST_KDF is set")
    assert len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "v" / VAULT_DB).exists() and not (tmp_path / "v" / PRIMARY).exists()
