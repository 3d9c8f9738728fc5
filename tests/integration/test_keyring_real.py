"""The keyring slot against the real Secret Service (gnome-keyring under dbus-run-session).

Skipped unless DOSSIER_REAL_KEYRING=1; when that is set (CI does), the test must pass:
a missing or fake keyring is then a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.crypto.os_keyring import SystemKeyring
from desktop.services.registry import Services
from desktop.store.vault import Vault

pytestmark = [
    pytest.mark.keyring_real,
    pytest.mark.skipif(
        os.environ.get("DOSSIER_REAL_KEYRING") != "1",
        reason="set DOSSIER_REAL_KEYRING=1 under dbus-run-session with gnome-keyring",
    ),
]


def test_the_keyring_slot_works_with_the_system_keyring(tmp_path: Path, passphrase: str) -> None:
    ring = SystemKeyring()
    assert ring.available(), "DOSSIER_REAL_KEYRING=1 but no real system keyring is reachable"
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, passphrase)
    case_id = Services.over(vault).cases.create_case("Keyring test")
    vault.enable_keyring(ring)
    assert ring.get(vault.vault_id) is not None
    vault.lock()
    try:
        reopened = Vault.unlock_with_keyring(folder, ring)
        assert Services.over(reopened).cases.get_case(case_id).title == "Keyring test"
        reopened.disable_keyring(ring)
        reopened.lock()
        assert ring.get(reopened.vault_id) is None
        assert not Vault.remembered(folder)
    finally:
        ring.delete(vault.vault_id)
