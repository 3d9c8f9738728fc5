"""Key slots: wrapping, binding of metadata, and refusing damaged key files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.crypto import kdf
from desktop.crypto.keystore import (
    KEYRING,
    MAX_KEYSTORE_BYTES,
    PASSPHRASE,
    RECOVERY,
    Keystore,
    KeystoreDamaged,
    KeystoreMissing,
    KeystoreTooNew,
    passphrase_kek,
    secret_kek,
)

DATA_KEY = bytes(range(32))


def keystore_with_passphrase(passphrase: str = "correct horse") -> Keystore:
    ks = Keystore(vault_id="vault-1")
    ks.replace(PASSPHRASE, ks.passphrase_slot(DATA_KEY, passphrase))
    return ks


def open_passphrase(ks: Keystore, passphrase: str) -> bytes | None:
    return ks.open_with(PASSPHRASE, lambda slot: passphrase_kek(passphrase, slot.params))


def test_the_right_passphrase_unwraps_the_data_key() -> None:
    ks = keystore_with_passphrase()
    assert open_passphrase(ks, "correct horse") == DATA_KEY
    assert open_passphrase(ks, "correct horse!") is None


def test_the_wrapped_key_is_not_the_data_key() -> None:
    ks = keystore_with_passphrase()
    assert DATA_KEY.hex() not in ks.to_bytes().decode()
    assert ks.slots[0].wrapped != DATA_KEY


def test_secret_slots_open_with_their_secret_only() -> None:
    ks = Keystore(vault_id="vault-1")
    secret = os.urandom(20)
    ks.replace(RECOVERY, ks.secret_slot(RECOVERY, DATA_KEY, secret))
    assert ks.open_with(RECOVERY, lambda s: secret_kek(secret, s.params)) == DATA_KEY
    assert ks.open_with(RECOVERY, lambda s: secret_kek(os.urandom(20), s.params)) is None
    assert ks.open_with(KEYRING, lambda s: secret_kek(secret, s.params)) is None


def test_lowering_the_kdf_cost_in_the_file_breaks_the_slot() -> None:
    ks = keystore_with_passphrase()
    ks.slots[0].params["iterations"] = ks.slots[0].params["iterations"] + 1
    assert open_passphrase(ks, "correct horse") is None


def test_a_slot_moved_to_another_vault_does_not_open() -> None:
    ks = keystore_with_passphrase()
    moved = Keystore(vault_id="vault-2", slots=ks.slots)
    assert open_passphrase(moved, "correct horse") is None


def test_replace_keeps_one_slot_per_kind() -> None:
    ks = keystore_with_passphrase("first passphrase")
    ks.replace(PASSPHRASE, ks.passphrase_slot(DATA_KEY, "second passphrase"))
    assert [s.kind for s in ks.slots] == [PASSPHRASE]
    assert open_passphrase(ks, "first passphrase") is None
    assert open_passphrase(ks, "second passphrase") == DATA_KEY
    ks.remove(PASSPHRASE)
    assert not ks.has(PASSPHRASE)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    ks = keystore_with_passphrase()
    ks.replace(RECOVERY, ks.secret_slot(RECOVERY, DATA_KEY, b"r" * 20))
    (tmp_path / "keystore.json").write_bytes(ks.to_bytes())
    loaded = Keystore.load(tmp_path / "keystore.json")
    assert loaded.to_bytes() == ks.to_bytes()
    assert open_passphrase(loaded, "correct horse") == DATA_KEY


def test_test_mode_kdf_is_cheap_and_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    params = keystore_with_passphrase().slots[0].params
    assert params["kdf"] == "argon2id"
    assert params["memory_kib"] == kdf.TEST_MEMORY_KIB
    monkeypatch.delenv(kdf.TEST_ENV)
    assert not kdf.insecure_test_mode()


def test_real_calibration_uses_at_least_256_mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(kdf.TEST_ENV)
    params = kdf.calibrate(target_seconds=0.01)  # one probe pass at full memory
    assert params.memory_kib >= 256 * 1024
    assert params.iterations >= 2
    assert len(params.salt) == 16


# ---- damaged key files ---------------------------------------------------------------------
def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "keystore.json"
    path.write_bytes(content)
    return path


def valid_document() -> dict[str, object]:
    return dict(json.loads(keystore_with_passphrase().to_bytes()))


def test_a_missing_key_file_is_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(KeystoreMissing):
        Keystore.load(tmp_path / "keystore.json")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "dossier-keystore", "version": 0, "vault_id": "v", "slots": []}',
        b'{"format": "dossier-keystore", "version": "2", "vault_id": "v", "slots": []}',
        b'{"format": "dossier-keystore", "version": 1, "vault_id": 5, "slots": []}',
        b'{"format": "dossier-keystore", "version": 1, "vault_id": "v", "slots": {}}',
        b'{"format": "dossier-keystore", "version": 1, "vault_id": "v", "slots": [1]}',
        b'{"format": "dossier-keystore", "version": 1, "vault_id": "v", "slots": [{}]}',
        b"[" * 30_000,  # nested too deeply for the parser: refused, not a traceback
    ],
)
def test_damaged_key_files_are_refused(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(KeystoreDamaged) as caught:
        Keystore.load(write(tmp_path, content))
    assert "\n" not in str(caught.value)


def test_a_newer_format_is_not_called_damage(tmp_path: Path) -> None:
    content = b'{"format": "dossier-keystore", "version": 99, "vault_id": "v", "slots": []}'
    with pytest.raises(KeystoreTooNew, match="newer Dossier"):
        Keystore.load(write(tmp_path, content))


def test_bad_base64_in_a_slot_is_refused(tmp_path: Path) -> None:
    doc = valid_document()
    doc["slots"][0]["nonce"] = "!!not base64!!"  # type: ignore[index]
    with pytest.raises(KeystoreDamaged):
        Keystore.load(write(tmp_path, json.dumps(doc).encode()))


def test_an_oversized_key_file_is_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(KeystoreDamaged, match="too large"):
        Keystore.load(write(tmp_path, b" " * (MAX_KEYSTORE_BYTES + 1)))
