"""KDF parameters read from a key file are bounded; the test KDF is gated; kit text round-trips."""

from __future__ import annotations

import base64
import os
import uuid

import pytest

from desktop.crypto import kdf
from desktop.crypto.keystore import RECOVERY, Keystore, secret_kek
from desktop.crypto.kit_text import HEADER, KitTextInvalid, decode_slot, encode_slot
from desktop.crypto.recovery import new_recovery_key
from desktop.errors import KnownError

SALT = base64.b64encode(b"s" * 16).decode()


def params(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {"memory_kib": 8192, "iterations": 1, "lanes": 1, "salt": SALT}
    return {**base, **changes}


@pytest.mark.parametrize(
    "bad",
    [
        {"lanes": 0},
        {"lanes": 10**6},
        {"memory_kib": 1 << 40},
        {"memory_kib": 1024},
        {"iterations": -1},
        {"iterations": 0},
        {"iterations": 10**9},
        {"iterations": True},
        {"iterations": 1.5},
        {"salt": ""},
        {"salt": base64.b64encode(b"s" * 8).decode()},
        {"salt": "not base64!"},
        {"salt": 5},
    ],
)
def test_out_of_bounds_argon2_parameters_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        kdf.argon2_from_params(params(**bad))


def test_sound_parameters_are_accepted() -> None:
    argon = kdf.argon2_from_params(params(memory_kib=256 * 1024, iterations=3, lanes=4))
    assert (argon.memory_kib, argon.iterations, argon.lanes) == (256 * 1024, 3, 4)


def test_the_test_kdf_needs_the_test_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(kdf.TEST_ENV, "1")
    assert kdf.insecure_test_mode()  # pytest sets PYTEST_CURRENT_TEST
    monkeypatch.delenv("PYTEST_CURRENT_TEST")
    monkeypatch.delenv(kdf.SUITE_ENV, raising=False)
    with pytest.raises(KnownError, match="test suite only"):
        kdf.calibrate()
    monkeypatch.setenv(kdf.SUITE_ENV, "1")
    assert kdf.calibrate().memory_kib == kdf.TEST_MEMORY_KIB


def test_test_kdf_slots_are_marked_weak() -> None:
    ks = Keystore(vault_id=str(uuid.uuid4()))
    slot = ks.passphrase_slot(os.urandom(32), "correct horse")
    assert slot.params["weak"] is True and slot.weak
    assert kdf.weak_params({"kdf": "argon2id", "memory_kib": 8192})
    assert not kdf.weak_params({"kdf": "argon2id", "memory_kib": 256 * 1024})


# ---- kit text --------------------------------------------------------------------------------
def recovery_keystore() -> tuple[Keystore, bytes, bytes]:
    ks = Keystore(vault_id=str(uuid.uuid4()))
    data_key, raw = os.urandom(32), new_recovery_key()
    ks.replace(RECOVERY, ks.secret_slot(RECOVERY, data_key, raw))
    return ks, data_key, raw


def test_kit_text_round_trips_and_opens_with_the_recovery_key() -> None:
    ks, data_key, raw = recovery_keystore()
    text = encode_slot(ks.vault_id, ks.slots[0])
    assert text.startswith(HEADER)
    vault_id, slot = decode_slot("Some heading\n" + text.lower() + "\nfooter 12 words")
    assert vault_id == ks.vault_id
    assert slot.to_json(vault_id) == ks.slots[0].to_json(vault_id)
    assert ks.open_slot(slot, secret_kek(raw, slot.params)) == data_key
    assert ks.open_slot(slot, secret_kek(new_recovery_key(), slot.params)) is None


def test_kit_text_forgives_look_alikes_and_spacing() -> None:
    ks, _, _ = recovery_keystore()
    text = encode_slot(ks.vault_id, ks.slots[0])
    header, *lines = text.splitlines()
    sloppy = [header] + [
        line[:3] + line[3:].replace(" ", "  ").replace("0", "O").replace("1", "l") for line in lines
    ]
    assert decode_slot("\n".join(sloppy))[0] == ks.vault_id
    sloppy = [line.replace(" ", "-") for line in lines]  # no header, dashes for spaces
    assert decode_slot("\n".join(sloppy))[0] == ks.vault_id


def test_a_typing_mistake_is_reported_by_line() -> None:
    ks, _, _ = recovery_keystore()
    lines = encode_slot(ks.vault_id, ks.slots[0]).splitlines()
    by_line = 0
    for number in range(1, len(lines)):
        bad = list(lines)
        chars = list(bad[number])
        chars[4] = "Z" if chars[4] != "Z" else "Y"
        bad[number] = "".join(chars)
        # a line check has 10 bits; the 1 in 1024 typo it misses, the whole-slot check catches
        with pytest.raises(KitTextInvalid, match=f"Line {number:02d}|does not check out") as e:
            decode_slot("\n".join(bad))
        by_line += f"Line {number:02d}" in str(e.value)
    assert by_line >= len(lines) - 3


@pytest.mark.parametrize("text", ["", "hello", HEADER + "\n", "01 ABCDE\n"])
def test_text_that_is_no_kit_is_refused(text: str) -> None:
    with pytest.raises(KitTextInvalid):
        decode_slot(text)


def test_a_keyring_slot_cannot_be_printed_as_a_kit() -> None:
    ks = Keystore(vault_id=str(uuid.uuid4()))
    slot = ks.secret_slot("keyring", os.urandom(32), os.urandom(32))
    with pytest.raises(KnownError):
        encode_slot(ks.vault_id, slot)
