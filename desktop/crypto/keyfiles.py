"""The two copies of a vault's key file, read together and written one after the other.

`keystore.json` and `keystore.copy.json` hold the same slots. Each is replaced atomically
(temp file, fsync, rename), first one then the other, with a revision number one higher
than either had, so a crash between the two leaves one old and one new copy, both whole.
Reading takes every slot that passes its checksum from either copy; the vault decides
which of them is current by which data key actually opens the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.crypto.keystore import Keystore, KeystoreDamaged, KeystoreMissing, Slot
from desktop.durable import write_atomically
from desktop.errors import BugError

PRIMARY = "keystore.json"
COPY = "keystore.copy.json"
NAMES = (PRIMARY, COPY)
CRASH_ENV = "DOSSIER_TEST_CRASH_AT"


def crash_point(step: str) -> None:
    """Test hook: die here, as a kill -9 would, when the test suite names this step."""
    if os.environ.get(CRASH_ENV) == step and (
        os.environ.get("PYTEST_CURRENT_TEST") or os.environ.get("DOSSIER_TEST_SUITE") == "1"
    ):
        os._exit(86)


@dataclass
class KeyFiles:
    """What the folder holds: whole copies (newest first) and slots salvaged from damaged ones."""

    copies: list[Keystore] = field(default_factory=list)
    salvaged: list[Slot] = field(default_factory=list)
    salvaged_vault_id: str = ""
    damaged: list[str] = field(default_factory=list)  # names of copies that failed a check
    missing: list[str] = field(default_factory=list)

    @property
    def vault_id(self) -> str:
        return self.copies[0].vault_id if self.copies else self.salvaged_vault_id

    @property
    def needs_repair(self) -> bool:
        if self.damaged or self.missing:
            return True
        return len({ks.to_bytes() for ks in self.copies}) > 1

    def candidates(self, kind: str) -> list[tuple[Keystore, Slot]]:
        """Every readable slot of `kind`, newest copy first, each once."""
        seen: set[tuple[str, bytes]] = set()
        found: list[tuple[Keystore, Slot]] = []
        sources = [(ks, ks.slots) for ks in self.copies]
        if self.salvaged:
            sources.append((Keystore(self.salvaged_vault_id, self.salvaged), self.salvaged))
        for ks, slots in sources:
            for slot in slots:
                if slot.kind != kind or (slot.slot_id, slot.wrapped) in seen:
                    continue
                seen.add((slot.slot_id, slot.wrapped))
                found.append((ks, slot))
        return found

    def newest_with_key(self, key_id: str) -> Keystore | None:
        for ks in self.copies:
            if any(s.key_id == key_id for s in ks.slots) or ks.key_id == key_id:
                return ks
        return None

    @property
    def revision(self) -> int:
        return max((ks.revision for ks in self.copies), default=0)


def read_key_files(folder: Path) -> KeyFiles:
    """Both copies as they are; raises only when neither exists at all."""
    files = KeyFiles()
    for name in NAMES:
        path = folder / name
        try:
            files.copies.append(Keystore.load(path))
        except KeystoreMissing:
            files.missing.append(name)
        except KeystoreDamaged:
            files.damaged.append(name)
            try:
                vault_id, slots = Keystore.salvage_slots(path.read_bytes())
            except OSError:
                continue
            if slots and (not files.salvaged_vault_id or vault_id == files.salvaged_vault_id):
                files.salvaged_vault_id = vault_id
                files.salvaged += slots
    # Two vaults' files (one copied over the other): both stay candidates; the one whose
    # key opens the database wins and the other is rewritten.
    files.copies.sort(key=lambda ks: ks.revision, reverse=True)
    if files.copies and files.salvaged_vault_id not in ("", files.copies[0].vault_id):
        files.salvaged = []
    return files


def write_key_files(folder: Path, keystore: Keystore, step: str, revision: int) -> None:
    """Replace both copies with `keystore` at `revision`, crash points after each write."""
    if not keystore.slots:  # never replace a way in with none
        raise BugError("refusing to write a key file without slots")
    keystore.revision = revision
    data = keystore.to_bytes()
    write_atomically(folder / PRIMARY, data)
    crash_point(f"{step}:primary")
    write_atomically(folder / COPY, data)
    crash_point(f"{step}:copy")
