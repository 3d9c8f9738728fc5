"""Damaged and lost key files: every field of every slot, in one copy, in both, in none.

A real vault on disk, its key files changed the way a bad sector, a sync tool or a
careless edit would; each case is unlocked with the real passphrase and the real recovery
key. One damaged copy is repaired from the other; damage in both is reported as damage
(never "Wrong passphrase"); with both copies gone the emergency kit's text, read back
from the real PDF, and the recovery key rebuild them.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.briefing.pdf.emergency_kit import render_emergency_kit
from desktop.crypto.keyfiles import COPY, PRIMARY
from desktop.crypto.keystore import KeystoreDamaged, KeystoreTooNew, checksum
from desktop.crypto.kit_text import KitTextInvalid, decode_slot
from desktop.errors import KnownError, WrongPassphrase
from desktop.paths import VAULT_DB
from desktop.services.registry import Services
from desktop.services.transfer import export_json
from desktop.store.vault import Vault, VaultDamaged
from desktop.store.vault_keys import KeyFilesMissing

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "a brand new passphrase"


@dataclass(frozen=True)
class Made:
    folder: Path
    recovery: str
    kit_pdf: bytes
    content: bytes


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
        folder = tmp_path_factory.mktemp("damage") / "vault"
        vault, recovery = Vault.create(folder, PASSPHRASE)
        services = Services.over(vault, actor="test")
        services.cases.create_case("Damage matrix")
        kit = render_emergency_kit(
            "vault", recovery, dt.date(2026, 1, 2), "en", kit_text=vault.kit_text()
        )
        content = export_json(services.store)
        vault.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    yield Made(folder, recovery, kit, content)


@pytest.fixture
def folder(made: Made, tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(made.folder, target)
    return target


def opens(folder: Path, made: Made, how: str) -> Vault:
    if how == "passphrase":
        vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    else:
        vault = Vault.unlock_with_recovery_key(folder, made.recovery)
    assert export_json(Services.over(vault).store) == made.content
    return vault


# ---- the matrix ------------------------------------------------------------------------------
def leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaf_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaf_paths(item, (*path, index))
    else:
        yield path


def template_document(made: Made) -> dict[str, Any]:
    return dict(json.loads((made.folder / PRIMARY).read_text()))


def every_field(made: Made) -> list[tuple[Any, ...]]:
    return list(leaf_paths(template_document(made)))


def changed(value: Any) -> Any:
    """The same kind of value, one small change away (a flipped character, a step)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str) and value:
        middle = len(value) // 2
        return value[:middle] + ("B" if value[middle] != "B" else "C") + value[middle + 1 :]
    return "x"


def damage(folder: Path, name: str, path: tuple[Any, ...]) -> None:
    doc = json.loads((folder / name).read_text())
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = changed(node[path[-1]])
    (folder / name).write_text(json.dumps(doc, indent=2))


def slot_kind(made: Made, path: tuple[Any, ...]) -> str | None:
    """The kind of slot a field belongs to, "all" when losing it loses every slot."""
    if path[0] == "slots":
        return str(template_document(made)["slots"][path[1]]["kind"])
    if path[0] == "vault_id":  # every slot's checksum names the vault id
        return "all"
    return None


def field_id(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path)


@pytest.fixture(scope="module")
def fields(made: Made) -> list[tuple[Any, ...]]:
    found = [p for p in every_field(made) if p != ("version",)]  # its own test below
    slot_fields = [p for p in found if p[0] == "slots"]
    kinds = {template_document(made)["slots"][p[1]]["kind"] for p in slot_fields}
    assert kinds == {"passphrase", "recovery"}
    assert len(found) >= 25  # every field of both slots and of the file
    return found


def test_one_damaged_copy_is_repaired_from_the_other(
    made: Made, fields: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    ways = ("passphrase", "recovery")
    for index, path in enumerate(fields):
        # each field in each copy, one copy opened with each key: both keys over every field
        hows = (ways[index % 2], ways[1 - index % 2])
        for name, how in zip((PRIMARY, COPY), hows, strict=True):
            folder = tmp_path / f"{field_id(path)}-{name}"
            shutil.copytree(made.folder, folder)
            damage(folder, name, path)
            vault = opens(folder, made, how)
            assert any("repaired" in n for n in vault.notices), (path, name, vault.notices)
            vault.lock()
            assert (folder / PRIMARY).read_bytes() == (folder / COPY).read_bytes(), (path, name)
            again = opens(folder, made, "passphrase")  # nothing is left to repair
            assert again.notices == []
            again.lock()
            shutil.rmtree(folder)


def test_the_same_damage_in_both_copies_is_damage_never_a_wrong_passphrase(
    made: Made, fields: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    kit_text = PdfReader(io.BytesIO(made.kit_pdf)).pages[0].extract_text()
    for path in fields:
        folder = tmp_path / field_id(path)
        shutil.copytree(made.folder, folder)
        for name in (PRIMARY, COPY):
            damage(folder, name, path)
        lost = slot_kind(made, path)
        db_before = (folder / VAULT_DB).read_bytes()
        for how in ("recovery", "passphrase"):
            if lost in (how, "all"):
                with pytest.raises(KeystoreDamaged) as caught:
                    opens(folder, made, how)
                assert not isinstance(caught.value, WrongPassphrase)
                assert "restore-keys" in str(caught.value)
                assert (folder / VAULT_DB).read_bytes() == db_before
            else:  # the other slot still opens; what was lost is said, with the way back
                vault = opens(folder, made, how)
                if lost is not None:
                    assert any("was lost" in n for n in vault.notices), (path, vault.notices)
                vault.lock()
        if lost in ("passphrase", "all"):  # the kit rebuilds what damage took
            Vault.restore_keys(folder, kit_text, made.recovery, NEW_PASSPHRASE).lock()
            vault = Vault.unlock_with_passphrase(folder, NEW_PASSPHRASE)
            assert export_json(Services.over(vault).store) == made.content
            vault.lock()
        shutil.rmtree(folder)


def test_random_byte_flips_in_one_copy_never_cost_an_unlock(made: Made, tmp_path: Path) -> None:
    rng = random.Random(12)
    size = (made.folder / PRIMARY).stat().st_size
    for round_ in range(40):
        folder = tmp_path / f"flip-{round_}"
        shutil.copytree(made.folder, folder)
        name = rng.choice((PRIMARY, COPY))
        data = bytearray((folder / name).read_bytes())
        offset = rng.randrange(size)
        data[offset] ^= 1 << rng.randrange(8)
        (folder / name).write_bytes(bytes(data))
        opens(folder, made, rng.choice(("passphrase", "recovery"))).lock()
        assert (folder / PRIMARY).read_bytes() == (folder / COPY).read_bytes()
        shutil.rmtree(folder)


def test_random_flips_in_both_copies_are_damage_or_open(made: Made, tmp_path: Path) -> None:
    rng = random.Random(34)
    size = (made.folder / PRIMARY).stat().st_size
    outcomes: set[str] = set()
    for round_ in range(30):
        folder = tmp_path / f"flip-{round_}"
        shutil.copytree(made.folder, folder)
        offset, bit = rng.randrange(size), 1 << rng.randrange(8)
        for name in (PRIMARY, COPY):
            data = bytearray((folder / name).read_bytes())
            data[offset] ^= bit
            (folder / name).write_bytes(bytes(data))
        try:
            opens(folder, made, "passphrase").lock()
            outcomes.add("opened")
        except KeystoreDamaged as exc:
            assert not isinstance(exc, WrongPassphrase)
            outcomes.add("damaged")
        shutil.rmtree(folder)
    assert outcomes == {"opened", "damaged"}


@pytest.mark.parametrize("names", [(PRIMARY,), (COPY,), (PRIMARY, COPY)])
def test_a_key_file_from_a_newer_dossier_is_left_alone(
    made: Made, folder: Path, names: tuple[str, ...]
) -> None:
    for name in names:
        doc = json.loads((folder / name).read_text())
        doc["version"] = 3
        (folder / name).write_text(json.dumps(doc))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for how in ("passphrase", "recovery"):
        with pytest.raises(KeystoreTooNew, match="newer Dossier; update Dossier"):
            opens(folder, made, how)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.name in before} == before


# ---- both copies gone: the emergency kit -----------------------------------------------------
def test_with_both_key_files_gone_the_message_says_so_and_the_kit_restores(
    made: Made, folder: Path, tmp_path: Path
) -> None:
    for name in (PRIMARY, COPY):
        (folder / name).unlink()
    for how in ("passphrase", "recovery"):
        with pytest.raises(KeyFilesMissing) as caught:
            opens(folder, made, how)
        message = str(caught.value)
        assert "missing" in message and "restore-keys" in message
        assert "not a Dossier vault" not in message
    assert Vault.exists(folder)

    kit_text = PdfReader(io.BytesIO(made.kit_pdf)).pages[0].extract_text()
    vault_id, _slot = decode_slot(kit_text)
    assert vault_id == json.loads((made.folder / PRIMARY).read_text())["vault_id"]
    restored = Vault.restore_keys(folder, kit_text, made.recovery, NEW_PASSPHRASE)
    restored.lock()
    assert (folder / PRIMARY).read_bytes() == (folder / COPY).read_bytes()
    opened = Vault.unlock_with_passphrase(folder, NEW_PASSPHRASE)
    assert export_json(Services.over(opened).store) == made.content
    opened.lock()
    opens(folder, made, "recovery").lock()  # the recovery key and the kit still work
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_passphrase(folder, PASSPHRASE)


def test_the_kit_restore_through_the_cli(made: Made, folder: Path, tmp_path: Path) -> None:
    from desktop.cli.main import main

    for name in (PRIMARY, COPY):
        (folder / name).unlink()
    text_file = tmp_path / "kit.txt"
    text_file.write_text(PdfReader(io.BytesIO(made.kit_pdf)).pages[0].extract_text())
    key_file, new_file = tmp_path / "key.txt", tmp_path / "new.txt"
    key_file.write_text(made.recovery.lower().replace("-", " ") + "\n")
    new_file.write_text(NEW_PASSPHRASE + "\n")
    args = ["vault", "restore-keys", str(folder), "--kit-text", str(text_file)]
    args += ["--recovery-key-file", str(key_file), "--new-passphrase-file", str(new_file)]
    assert main(args) == 0
    Vault.unlock_with_passphrase(folder, NEW_PASSPHRASE).lock()


def test_a_wrong_recovery_key_or_a_mistyped_kit_changes_nothing(made: Made, folder: Path) -> None:
    for name in (PRIMARY, COPY):
        (folder / name).unlink()
    kit_text = PdfReader(io.BytesIO(made.kit_pdf)).pages[0].extract_text()
    wrong = ("0000" if not made.recovery.startswith("0000") else "1111") + made.recovery[4:]
    with pytest.raises(WrongPassphrase):
        Vault.restore_keys(folder, kit_text, wrong, NEW_PASSPHRASE)
    lines = kit_text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("03 "))
    typo = lines[at][:5] + ("Q" if lines[at][5] != "Q" else "R") + lines[at][6:]
    with pytest.raises(KitTextInvalid, match=r"Line 03|does not check out"):
        Vault.restore_keys(folder, "\n".join([*lines[:at], typo, *lines[at + 1 :]]), made.recovery,
                           NEW_PASSPHRASE)  # fmt: skip
    with pytest.raises(KitTextInvalid, match="missing"):
        Vault.restore_keys(folder, "\n".join([*lines[:at], *lines[at + 1 :]]), made.recovery,
                           NEW_PASSPHRASE)  # fmt: skip
    assert sorted(p.name for p in folder.iterdir()) == [VAULT_DB]


def test_a_kit_from_before_a_rotation_is_refused_and_says_why(made: Made, folder: Path) -> None:
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    vault.rotate_key(PASSPHRASE)
    vault.lock()
    for name in (PRIMARY, COPY):
        (folder / name).unlink()
    kit_text = PdfReader(io.BytesIO(made.kit_pdf)).pages[0].extract_text()
    with pytest.raises(VaultDamaged, match="before a key rotation"):
        Vault.restore_keys(folder, kit_text, made.recovery, NEW_PASSPHRASE)
    assert not (folder / PRIMARY).exists()


# ---- hostile KDF parameters ------------------------------------------------------------------
def resealed(doc: dict[str, Any]) -> bytes:
    """A document whose checksums are recomputed, as a deliberate edit would do."""
    for slot in doc["slots"]:
        fields = {k: v for k, v in slot.items() if k != "checksum"}
        slot["checksum"] = checksum({**fields, "vault_id": doc["vault_id"]})
    body = {k: v for k, v in doc.items() if k != "checksum"}
    doc["checksum"] = checksum(body)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("lanes", 0),
        ("lanes", -1),
        ("memory_kib", 1 << 40),
        ("memory_kib", 0),
        ("iterations", -1),
        ("iterations", 10**9),
        ("iterations", "2"),
        ("salt", ""),
        ("salt", base64.b64encode(b"x" * 4096).decode()),
    ],
)
def test_wild_kdf_parameters_are_damage_not_a_hang(
    made: Made, folder: Path, name: str, value: object
) -> None:
    doc = json.loads((folder / PRIMARY).read_text())
    slot = next(s for s in doc["slots"] if s["kind"] == "passphrase")
    slot["params"][name] = value
    data = resealed(doc)
    for file_name in (PRIMARY, COPY):
        (folder / file_name).write_bytes(data)
    with pytest.raises(KeystoreDamaged, match="damaged"):
        Vault.unlock_with_passphrase(folder, PASSPHRASE)
    opens(folder, made, "recovery").lock()  # the recovery slot is unharmed


def test_a_consistent_edit_of_a_slot_is_a_failed_unlock_not_a_crash(
    made: Made, folder: Path
) -> None:
    doc = json.loads((folder / PRIMARY).read_text())
    slot = next(s for s in doc["slots"] if s["kind"] == "passphrase")
    slot["params"]["iterations"] += 1  # a lowered/raised cost with checksums recomputed
    data = resealed(doc)
    for file_name in (PRIMARY, COPY):
        (folder / file_name).write_bytes(data)
    with pytest.raises(KnownError):
        Vault.unlock_with_passphrase(folder, PASSPHRASE)
