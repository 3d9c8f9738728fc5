"""Device identities and pairing files."""

import json
import re
from pathlib import Path

import pytest

from desktop.sync.identity import DeviceIdentity, DevicePublic, IdentityError, fingerprint
from desktop.sync.pairing import (
    MAX_PAIRING_FILE_BYTES,
    PairingError,
    read_pairing_file,
    write_pairing_file,
)


def test_generated_identity_has_a_uuid_and_keys_that_sign() -> None:
    identity = DeviceIdentity.generate("Office laptop")
    public = identity.public()
    assert re.fullmatch(r"[0-9a-f-]{36}", public.device_id)
    assert public.age_recipient.startswith("age1")
    assert public.verify(identity.sign(b"message"), b"message")
    assert not public.verify(identity.sign(b"message"), b"other")
    assert "SECRET" not in repr(identity)


def test_private_json_round_trips_the_same_keys() -> None:
    identity = DeviceIdentity.generate("Field laptop")
    restored = DeviceIdentity.from_private_json(identity.to_private_json())
    assert restored.public() == identity.public()
    assert identity.public().verify(restored.sign(b"x"), b"x")


@pytest.mark.parametrize("text", ["", "[]", '{"format":"dossier-device-identity"}', "{"])
def test_damaged_private_json_is_a_known_error(text: str) -> None:
    with pytest.raises(IdentityError):
        DeviceIdentity.from_private_json(text)


def test_fingerprint_is_six_groups_of_four_digits_and_changes_with_any_field() -> None:
    public = DeviceIdentity.generate("Laptop").public()
    code = fingerprint(public)
    assert re.fullmatch(r"\d{4}( \d{4}){5}", code)
    assert fingerprint(public) == code
    renamed = DevicePublic(
        public.device_id, "Laptop 2", public.signing_public_key, public.age_recipient
    )
    other_key = DeviceIdentity.generate("Laptop").public()
    swapped = DevicePublic(
        public.device_id, public.name, other_key.signing_public_key, public.age_recipient
    )
    assert len({code, fingerprint(renamed), fingerprint(swapped)}) == 3


def test_pairing_file_round_trip_with_a_typed_fingerprint(tmp_path: Path) -> None:
    identity = DeviceIdentity.generate("Office")
    path = tmp_path / "office.dossier-pair"
    code = write_pairing_file(path, identity)
    typed = code.replace(" ", "-").upper()
    assert read_pairing_file(path, typed) == identity.public()
    assert read_pairing_file(path, code.replace(" ", "")) == identity.public()


def test_wrong_fingerprint_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pair.json"
    code = write_pairing_file(path, DeviceIdentity.generate("Office"))
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(PairingError, match="fingerprint does not match"):
        read_pairing_file(path, wrong)


def test_a_pairing_file_with_a_swapped_key_does_not_match_the_shown_code(tmp_path: Path) -> None:
    path = tmp_path / "pair.json"
    code = write_pairing_file(path, DeviceIdentity.generate("Office"))
    document = json.loads(path.read_text())
    document["age_recipient"] = DeviceIdentity.generate("Attacker").public().age_recipient
    path.write_text(json.dumps(document))
    with pytest.raises(PairingError, match="fingerprint does not match"):
        read_pairing_file(path, code)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not a Dossier pairing file"),
        (b'{"format":"other"}', "not a Dossier pairing file"),
        (b'{"format":"dossier-pairing","format_version":9}', "newer version"),
        (b'{"format":"dossier-pairing","format_version":1,"name":"x"}', "damaged or incomplete"),
        (b" " * (MAX_PAIRING_FILE_BYTES + 1), "too large"),
    ],
)
def test_malformed_pairing_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "pair.json"
    path.write_bytes(content)
    with pytest.raises(PairingError, match=message):
        read_pairing_file(path, "0000 0000 0000 0000 0000 0000")


def test_missing_pairing_file_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(PairingError, match="cannot be read"):
        read_pairing_file(tmp_path / "absent.json", "0000")
