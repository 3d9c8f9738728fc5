"""The emergency kit from the CLI: printed at creation, reprinted later, used to restore.

Every kit is a real PDF read back with pypdf; its recovery slot is decoded from the
extracted text exactly as a user's typed copy would be.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli.main import main
from desktop.crypto.keyfiles import COPY, PRIMARY
from desktop.crypto.keystore import X25519_KDF, Keystore, Slot
from desktop.crypto.kit_text import decode_slot
from desktop.errors import KnownError
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"
KEY = re.compile(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b")


def run(*args: str | Path, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in args])
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def kit_slot(pdf: Path) -> tuple[str, Slot, str]:
    text = PdfReader(pdf).pages[0].extract_text()
    vault_id, slot = decode_slot(text)
    return vault_id, slot, text


def current_recovery_slot(folder: Path) -> Slot:
    return Keystore.load(folder / PRIMARY).slots_of("recovery")[0]


def test_create_with_kit_prints_key_and_slot(tmp_path: Path) -> None:
    folder, kit = tmp_path / "v", tmp_path / "kit.pdf"
    code, out, _ = run("vault", "create", folder, "--passphrase-file", "-", "--kit", kit,
                       stdin=PASSPHRASE + "\n")  # fmt: skip
    assert code == 0
    recovery = KEY.findall(out)[0]
    vault_id, slot, text = kit_slot(kit)
    assert recovery in text
    assert vault_id == json.loads((folder / PRIMARY).read_text())["vault_id"]
    assert slot.to_json(vault_id) == current_recovery_slot(folder).to_json(vault_id)
    assert kit.stat().st_mode & 0o077 == 0


def test_a_reprinted_kit_after_rotation_restores_the_rotated_vault(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, recovery = Vault.create(folder, PASSPHRASE)
    vault.lock()
    assert run("vault", "rotate-key", folder, "--passphrase-file", "-", stdin=PASSPHRASE)[0] == 0
    kit = tmp_path / "again.pdf"
    code, out, _ = run("vault", "kit", folder, "--out", kit, "--lang", "ru", "--passphrase-file",
                       "-", stdin=PASSPHRASE)  # fmt: skip
    assert code == 0 and "by hand" in out
    _, slot, text = kit_slot(kit)
    assert recovery not in text and "Впишите сюда ключ восстановления" in text
    assert slot.params["kdf"] == X25519_KDF
    for name in (PRIMARY, COPY):
        (folder / name).unlink()
    Vault.restore_keys(folder, text, recovery, "another passphrase").lock()
    Vault.unlock_with_passphrase(folder, "another passphrase").lock()


def test_kit_out_never_creates_folders(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, PASSPHRASE)[0].lock()
    target = tmp_path / "no" / "such" / "kit.pdf"
    code, _, err = run("vault", "kit", folder, "--out", target, "--passphrase-file", "-",
                       stdin=PASSPHRASE)  # fmt: skip
    assert code == 1 and err.startswith("dossier: There is no folder")
    assert not (tmp_path / "no").exists()


def test_recovery_key_new_with_kit(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    vault, old = Vault.create(folder, PASSPHRASE)
    vault.lock()
    kit = tmp_path / "new-kit.pdf"
    code, out, _ = run("vault", "recovery-key", "new", folder, "--kit", kit,
                       "--passphrase-file", "-", stdin=PASSPHRASE)  # fmt: skip
    assert code == 0
    new = KEY.findall(out)[0]
    _, slot, text = kit_slot(kit)
    assert new in text and old not in text
    assert slot.slot_id == current_recovery_slot(folder).slot_id
    with pytest.raises(KnownError):
        Vault.unlock_with_recovery_key(folder, old)
    Vault.unlock_with_recovery_key(folder, new).lock()


def test_restore_keys_without_a_kit_uses_the_surviving_recovery_slot(tmp_path: Path) -> None:
    """The passphrase forgotten: the recovery key sets a new one from the key files."""
    folder = tmp_path / "v"
    vault, recovery = Vault.create(folder, PASSPHRASE)
    vault.lock()
    key_file, new_file = tmp_path / "key", tmp_path / "new"
    key_file.write_text(recovery + "\n")
    new_file.write_text("a forgotten-no-more passphrase\n")
    code, out, _ = run("vault", "restore-keys", folder, "--recovery-key-file", key_file,
                       "--new-passphrase-file", new_file)  # fmt: skip
    assert code == 0 and "New key files" in out
    Vault.unlock_with_passphrase(folder, "a forgotten-no-more passphrase").lock()
    Vault.unlock_with_recovery_key(folder, recovery).lock()
