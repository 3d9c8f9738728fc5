"""Deciding which key file is current once the database has opened, and saying what changed.

Unlocking tries every readable slot of the asked-for kind in both key-file copies; the
data key that opens the database names the current slots. This module turns that into
the key file to keep (finishing or undoing an interrupted rotation or passphrase change,
repairing a damaged or missing copy, upgrading a version 1 file) and the sentences the
user must read about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.crypto.kdf import insecure_test_mode
from desktop.crypto.keyfiles import NAMES, KeyFiles
from desktop.crypto.keystore import PASSPHRASE, RECOVERY, Keystore, Slot
from desktop.errors import KnownError

RESTORE_HINT = (
    "Restore them with the recovery key: dossier vault restore-keys PATH --kit-text FILE "
    "(FILE: the recovery slot printed on the emergency kit, typed or scanned)."
)
MISSING = (
    "The vault's key files (keystore.json and keystore.copy.json) are missing. " + RESTORE_HINT
)
NO_SLOT = "The vault's key files are damaged and no key slot can be read. " + RESTORE_HINT
NEW_KIT = (
    "Print a new emergency kit (dossier vault kit PATH --out FILE): an older kit no longer "
    "opens the database on its own if the key files are lost."
)


class KeyFilesMissing(KnownError):
    pass


def damaged_message(kind: str) -> str:
    what = {PASSPHRASE: "passphrase", RECOVERY: "recovery key"}.get(kind, "remembered key")
    return (
        f"The vault's key files are damaged: no readable {what} slot is left in either copy. "
        + RESTORE_HINT
    )


@dataclass
class Settled:
    keystore: Keystore
    must_write: bool
    notices: list[str] = field(default_factory=list)


def _weak_warning_due() -> bool:
    try:
        return not insecure_test_mode()
    except KnownError:
        return True


def settle(files: KeyFiles, opened: Slot, key_id: str) -> Settled:
    """The key file to keep, given that `opened` gave the data key `key_id` that opened the db."""
    base = files.newest_with_key(key_id)
    if base is None:  # a version 1 file names no key ids: the one holding the opened slot
        base = next((ks for ks in files.copies if any(s is opened for s in ks.slots)), None)
    if base is None:  # opened from slots salvaged out of damaged copies
        base = Keystore(files.vault_id, list(files.salvaged), revision=files.revision)
    if base.version == 1:
        for slot in base.slots:
            slot.key_id = key_id
    notices: list[str] = []
    # Any copy counts: a crash while settling must not swallow the news next time.
    rotations = {ks.rotating_to for ks in [base, *files.copies] if ks.rotating_to}
    if key_id in rotations:
        notices.append(
            "A key rotation was interrupted after the database was re-encrypted; it has now "
            "been finished. Your passphrase and recovery key still work. " + NEW_KIT
        )
    elif rotations:
        notices.append(
            "A key rotation was interrupted before the database was re-encrypted; nothing "
            "changed. Run `dossier vault rotate-key` again if you still need a new key."
        )
    final = base.for_key(key_id)
    unique: dict[str, Slot] = {}
    for slot in final.slots:
        unique.setdefault(slot.slot_id, slot)
    final.slots = list(unique.values())
    if opened.slot_id not in unique:
        if opened.kind == PASSPHRASE:
            notices.append(
                "An interrupted passphrase change has been completed: from now on, "
                "use the new passphrase."
            )
        elif opened.kind == RECOVERY:
            notices.append(
                "This recovery key was replaced by a newer one (vault recovery-key new) and "
                "will not open the vault again. Use the newer key, or make another now."
            )
    if files.damaged and files.copies:
        notices.append("A damaged copy of the vault's key file was repaired from the other copy.")
    elif files.damaged:
        notices.append("The vault's damaged key files were rebuilt from their readable slots.")
    elif len(files.missing) == 1 and base.version != 1:  # version 1 had a single file
        notices.append("A missing copy of the vault's key file was restored from the other copy.")
    if not any(s.kind == PASSPHRASE for s in final.slots):
        notices.append(
            "The passphrase slot was lost with the damaged key files. Set a new passphrase "
            "with the recovery key: dossier vault restore-keys PATH."
        )
    if files.damaged and not any(s.kind == RECOVERY for s in final.slots):
        notices.append(
            "The recovery slot was lost with the damaged key files. Make a new recovery key "
            "and print a new emergency kit: dossier vault recovery-key new PATH --kit FILE."
        )
    if opened.weak and _weak_warning_due():
        notices.append(
            "WARNING: this vault's passphrase slot was made with the test suite's insecure "
            "key derivation; change the passphrase now (dossier vault passwd PATH)."
        )
    final.revision = files.revision
    current = final.to_bytes()
    must_write = (
        bool(files.missing or files.damaged)
        or len(files.copies) < len(NAMES)
        or any(ks.to_bytes() != current for ks in files.copies)
    )
    return Settled(final, must_write, notices)
