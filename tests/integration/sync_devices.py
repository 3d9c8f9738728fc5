"""Test helpers for sync: real vaults in temporary folders, paired, and a folder as the stick.

Not a test module: the sync tests import it. Each `Device` is a real SQLCipher vault with
the ordinary services over it; `send` exports a bundle for one peer onto the stick and
imports it on the other side, as two people with one USB stick would.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.services.sync import ImportResult, SyncService
from desktop.services.transfer import export_json
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"


@dataclass
class Device:
    name: str
    vault: Vault
    services: Services
    sync: SyncService
    conflicts: ConflictService

    @property
    def device_id(self) -> str:
        return self.sync.device().device_id

    def export_json(self) -> bytes:
        return export_json(self.services.store)


def make_device(folder: Path, name: str, skew_ms: int = 0) -> Device:
    """A device on a real vault; `skew_ms` sets its wall clock that far off true time."""
    vault, _recovery = Vault.create(folder, PASSPHRASE)
    services = Services.over(vault, actor=name, now_ns=lambda: time.time_ns() + skew_ms * 10**6)
    sync = SyncService(services.store)
    sync.rename_device(name)
    return Device(name, vault, services, sync, ConflictService(services.store))


def pair(a: Device, b: Device, folder: Path) -> None:
    """Pair both ways, each side typing the fingerprint the other shows."""
    folder.mkdir(parents=True, exist_ok=True)
    code_a = a.sync.export_pairing(folder / f"{a.name}.pairing")
    code_b = b.sync.export_pairing(folder / f"{b.name}.pairing")
    b.sync.import_pairing(folder / f"{a.name}.pairing", code_a)
    a.sync.import_pairing(folder / f"{b.name}.pairing", code_b)


def pair_all(devices: list[Device], folder: Path) -> None:
    for i, a in enumerate(devices):
        for b in devices[i + 1 :]:
            pair(a, b, folder)


def carry(a: Device, b: Device, stick: Path) -> Path:
    """Export from `a` for `b` onto the stick; returns the bundle's path."""
    stick.mkdir(parents=True, exist_ok=True)
    return a.sync.export(stick, peer=b.device_id).path


def send(a: Device, b: Device, stick: Path) -> ImportResult:
    """Carry a bundle from `a` to `b` and import it there."""
    return b.sync.import_bundle(carry(a, b, stick))


def sync_pair(a: Device, b: Device, stick: Path) -> None:
    """Both directions, then once more so each side learns what the other acknowledged."""
    send(a, b, stick)
    send(b, a, stick)
