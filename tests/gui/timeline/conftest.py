"""Timeline GUI fixtures: a real vault on disk with the demo case, and bulk-made events."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DOSSIER_INSECURE_TEST_KDF", "1")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))
    vault, _recovery = Vault.create(tmp_path / "vault", "passphrase-123", check_strength=False)
    try:
        yield Services.over(vault)
    finally:
        vault.lock()


@pytest.fixture
def demo_case(services: Services) -> str:
    return install_demo_case(services)
