"""Unlocking a real vault: passphrase, recovery key, keyring; changing and rotating keys."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.crypto.keyfiles import COPY
from desktop.crypto.os_keyring import MemoryKeyring, SystemKeyring
from desktop.errors import KnownError, ValidationError, VaultBusy, WrongPassphrase
from desktop.paths import KEYSTORE, VAULT_DB
from desktop.services.registry import Services
from desktop.services.transfer import export_json
from desktop.store.vault import Vault, VaultDamaged

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_digests(folder: Path) -> dict[str, str]:
    """Every file of the vault but the (empty) OS lock file."""
    return {
        p.name: digest(p)
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "vault.lock"
    }


def content(vault: Vault) -> bytes:
    return export_json(Services.over(vault).store)


# ---- passphrase ------------------------------------------------------------------------------
def test_the_passphrase_unlocks_and_lock_drops_the_engine(
    demo_folder: Path, passphrase: str
) -> None:
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    assert vault.is_unlocked
    assert Services.over(vault).cases.list_cases()
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(KnownError, match="locked"):
        vault.session()


def test_a_wrong_passphrase_fails_cleanly_and_changes_nothing(demo_folder: Path) -> None:
    before = folder_digests(demo_folder)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock_with_passphrase(demo_folder, "not the passphrase")
    assert str(caught.value) == "Wrong passphrase."
    assert caught.value.exit_code == 2
    assert folder_digests(demo_folder) == before


def test_a_failed_unlock_releases_the_lock(demo_folder: Path, passphrase: str) -> None:
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_passphrase(demo_folder, "not the passphrase")
    Vault.unlock_with_passphrase(demo_folder, passphrase).lock()


def test_a_key_file_from_another_vault_is_reported_as_damage(
    tmp_path: Path, demo_folder: Path, passphrase: str
) -> None:
    other, _ = Vault.create(tmp_path / "other", passphrase)
    other.lock()
    shutil.copy(tmp_path / "other" / KEYSTORE, demo_folder / KEYSTORE)
    shutil.copy(tmp_path / "other" / COPY, demo_folder / COPY)
    before = digest(demo_folder / VAULT_DB)
    with pytest.raises(VaultDamaged):
        Vault.unlock_with_passphrase(demo_folder, passphrase)
    assert digest(demo_folder / VAULT_DB) == before


def test_a_folder_without_a_vault_is_a_clear_error(tmp_path: Path, passphrase: str) -> None:
    with pytest.raises(KnownError, match="not a Dossier vault"):
        Vault.unlock_with_passphrase(tmp_path, passphrase)


def test_create_refuses_a_short_passphrase_and_an_existing_vault(
    tmp_path: Path, demo_folder: Path, passphrase: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Vault.create(tmp_path / "new", "short")
    assert caught.value.field == "passphrase"
    assert not (tmp_path / "new" / VAULT_DB).exists()
    with pytest.raises(KnownError, match="already exists"):
        Vault.create(demo_folder, passphrase)


def test_changing_the_passphrase_leaves_the_database_bytes_alone(
    demo_folder: Path, passphrase: str
) -> None:
    before = digest(demo_folder / VAULT_DB)
    keystore_before = digest(demo_folder / KEYSTORE)
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    vault.change_passphrase(passphrase, "a new long passphrase")
    vault.lock()
    assert digest(demo_folder / VAULT_DB) == before
    assert digest(demo_folder / KEYSTORE) != keystore_before
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_passphrase(demo_folder, passphrase)
    Vault.unlock_with_passphrase(demo_folder, "a new long passphrase").lock()
    assert digest(demo_folder / VAULT_DB) == before


def test_changing_the_passphrase_needs_the_old_one(demo_vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        demo_vault.change_passphrase("not the passphrase", "a new long passphrase")


def test_the_recovery_key_still_opens_after_a_passphrase_change(
    demo_template: object, demo_folder: Path, passphrase: str
) -> None:
    recovery = demo_template.recovery_key  # type: ignore[attr-defined]
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    vault.change_passphrase(passphrase, "a new long passphrase")
    vault.lock()
    Vault.unlock_with_recovery_key(demo_folder, recovery).lock()


# ---- recovery key ----------------------------------------------------------------------------
def test_the_recovery_key_unlocks(tmp_path: Path, passphrase: str) -> None:
    vault, recovery = Vault.create(tmp_path / "v", passphrase)
    expected = content(vault)
    vault.lock()
    by_recovery = Vault.unlock_with_recovery_key(tmp_path / "v", recovery)
    assert content(by_recovery) == expected
    by_recovery.lock()


def test_the_recovery_key_typed_in_lower_case_with_spaces_unlocks(
    tmp_path: Path, passphrase: str
) -> None:
    vault, recovery = Vault.create(tmp_path / "v", passphrase)
    vault.lock()
    typed = "  " + recovery.lower().replace("-", " ") + "\n"
    Vault.unlock_with_recovery_key(tmp_path / "v", typed).lock()


def test_a_wrong_or_malformed_recovery_key_is_refused(tmp_path: Path, passphrase: str) -> None:
    vault, recovery = Vault.create(tmp_path / "v", passphrase)
    vault.lock()
    wrong = ("0000" if not recovery.startswith("0000") else "1111") + recovery[4:]
    with pytest.raises(WrongPassphrase, match="does not open"):
        Vault.unlock_with_recovery_key(tmp_path / "v", wrong)
    with pytest.raises(WrongPassphrase, match="32 letters"):
        Vault.unlock_with_recovery_key(tmp_path / "v", "abc")


# ---- rotation --------------------------------------------------------------------------------
def test_rotate_key_keeps_content_and_every_key(
    demo_template: object, demo_folder: Path, passphrase: str
) -> None:
    recovery = demo_template.recovery_key  # type: ignore[attr-defined]
    db_before = digest(demo_folder / VAULT_DB)
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    before = content(vault)
    notes = vault.rotate_key(passphrase)
    assert content(vault) == before  # still usable, same content
    vault.lock()
    assert "still work" in notes[0] and "emergency kit" in notes[1]
    assert digest(demo_folder / VAULT_DB) != db_before  # every page re-encrypted
    for name in (KEYSTORE, COPY):
        doc = json.loads((demo_folder / name).read_text())
        assert doc["rotating_to"] == ""
        assert {s["key_id"] for s in doc["slots"]} == {doc["key_id"]}
    by_recovery = Vault.unlock_with_recovery_key(demo_folder, recovery)
    assert content(by_recovery) == before
    assert by_recovery.notices == []
    by_recovery.lock()
    by_passphrase = Vault.unlock_with_passphrase(demo_folder, passphrase)
    assert content(by_passphrase) == before
    by_passphrase.lock()


def test_rotate_key_needs_the_passphrase(demo_vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        demo_vault.rotate_key("not the passphrase")


def test_the_old_data_key_no_longer_opens_after_rotation(
    demo_folder: Path, passphrase: str
) -> None:
    old = {name: (demo_folder / name).read_bytes() for name in (KEYSTORE, COPY)}
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    vault.rotate_key(passphrase)
    vault.lock()
    for name, data in old.items():
        (demo_folder / name).write_bytes(data)
    with pytest.raises(VaultDamaged):
        Vault.unlock_with_passphrase(demo_folder, passphrase)


def test_new_recovery_key_is_shown_before_the_old_one_goes(
    demo_template: object, demo_folder: Path, passphrase: str
) -> None:
    old = demo_template.recovery_key  # type: ignore[attr-defined]
    vault = Vault.unlock_with_passphrase(demo_folder, passphrase)
    shown: list[str] = []

    def show(key: str) -> None:  # at this moment both keys must open the vault
        shown.append(key)
        kinds = [s["kind"] for s in json.loads((demo_folder / COPY).read_text())["slots"]]
        assert kinds.count("recovery") == 2

    vault.new_recovery_key(passphrase, show)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery_key(demo_folder, old)
    Vault.unlock_with_recovery_key(demo_folder, shown[0]).lock()
    Vault.unlock_with_passphrase(demo_folder, passphrase).lock()


# ---- keyring ---------------------------------------------------------------------------------
def test_the_keyring_slot_unlocks_with_an_in_memory_keyring(
    demo_vault: Vault, demo_folder: Path, passphrase: str
) -> None:
    ring = MemoryKeyring()
    assert not Vault.remembered(demo_folder)
    demo_vault.enable_keyring(ring)
    assert Vault.remembered(demo_folder)
    stored = ring.get(demo_vault.vault_id)
    assert stored is not None
    demo_vault.lock()

    reopened = Vault.unlock_with_keyring(demo_folder, ring)
    assert Services.over(reopened).cases.list_cases()
    reopened.disable_keyring(ring)
    reopened.lock()
    assert ring.get(reopened.vault_id) is None
    assert not Vault.remembered(demo_folder)
    with pytest.raises(KnownError, match="not remembered"):
        Vault.unlock_with_keyring(demo_folder, ring)
    Vault.unlock_with_passphrase(demo_folder, passphrase).lock()  # the passphrase still works


def test_the_keyring_slot_is_never_the_only_slot(demo_vault: Vault, demo_folder: Path) -> None:
    demo_vault.enable_keyring(MemoryKeyring())
    kinds = [s["kind"] for s in json.loads((demo_folder / KEYSTORE).read_text())["slots"]]
    assert sorted(kinds) == ["keyring", "passphrase", "recovery"]


def test_a_keyring_that_lost_the_secret_is_a_clear_error(
    demo_vault: Vault, demo_folder: Path
) -> None:
    demo_vault.enable_keyring(MemoryKeyring())
    demo_vault.lock()
    with pytest.raises(WrongPassphrase, match="no longer holds"):
        Vault.unlock_with_keyring(demo_folder, MemoryKeyring())


def test_rotation_forgets_the_remembered_key(
    demo_vault: Vault, demo_folder: Path, passphrase: str
) -> None:
    ring = MemoryKeyring()
    demo_vault.enable_keyring(ring)
    demo_vault.rotate_key(passphrase, keyring=ring)
    demo_vault.lock()
    assert ring.get(demo_vault.vault_id) is None
    assert not Vault.remembered(demo_folder)


def test_no_secure_keyring_means_no_keyring_slot(demo_vault: Vault, demo_folder: Path) -> None:
    before = digest(demo_folder / KEYSTORE)
    with pytest.raises(KnownError, match="no secure system keyring"):
        demo_vault.enable_keyring(MemoryKeyring(available=False))
    assert digest(demo_folder / KEYSTORE) == before


class PlaintextKeyring(KeyringBackend):
    """A backend with a positive priority that is not a system keyring."""

    priority = 5

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a non-system keyring must never receive a secret")

    def delete_password(self, service: str, username: str) -> None:
        return None


@pytest.mark.parametrize("backend", [fail.Keyring(), PlaintextKeyring()], ids=["fail", "plain"])
def test_the_system_keyring_refuses_backends_that_are_not_real(
    demo_vault: Vault, backend: KeyringBackend
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert not SystemKeyring().available()
        with pytest.raises(KnownError, match="no secure system keyring"):
            demo_vault.enable_keyring(SystemKeyring())
    finally:
        keyring.set_keyring(previous)


# ---- one process per vault -------------------------------------------------------------------
def test_a_second_opener_in_this_process_gets_vault_busy(
    demo_vault: Vault, demo_folder: Path, passphrase: str
) -> None:
    with pytest.raises(VaultBusy, match="open elsewhere"):
        Vault.unlock_with_passphrase(demo_folder, passphrase)
    demo_vault.lock()
    Vault.unlock_with_passphrase(demo_folder, passphrase).lock()


OPEN_IN_CHILD = """
import sys
from pathlib import Path
from desktop.errors import VaultBusy
from desktop.store.vault import Vault
try:
    Vault.unlock_with_passphrase(Path(sys.argv[1]), sys.stdin.readline().rstrip("\\n")).lock()
except VaultBusy as exc:
    print("busy:", exc)
    sys.exit(3)
print("opened")
"""


def open_in_child(folder: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(folder)],
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_a_second_process_gets_vault_busy(
    demo_vault: Vault, demo_folder: Path, passphrase: str
) -> None:
    child = open_in_child(demo_folder, passphrase)
    assert child.returncode == 3, child.stderr
    assert "open elsewhere" in child.stdout
    demo_vault.lock()
    child = open_in_child(demo_folder, passphrase)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "opened"
