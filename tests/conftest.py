"""Top-level fixtures: every test runs with a cheap test KDF and a private DOSSIER_HOME.

`vault` is a real, empty SQLCipher vault on disk; `demo_services` is the services layer
over a real vault holding the whole sample case. The demo vault is built once per session
(through the ordinary services) and copied per test, so each test owns its own files.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"
# The cheap test KDF works only inside the test suite; scripts the tests start inherit this.
os.environ["DOSSIER_TEST_SUITE"] = "1"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))


@dataclass(frozen=True)
class DemoTemplate:
    folder: Path
    recovery_key: str


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoTemplate]:
    """A locked vault holding the sample case, built once; tests copy it, never open it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
        folder = tmp_path_factory.mktemp("demo-template") / "vault"
        vault, recovery = Vault.create(folder, PASSPHRASE)
        try:
            install_demo_case(Services.over(vault, actor="test"))
        finally:
            vault.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    yield DemoTemplate(folder, recovery)


@pytest.fixture
def demo_folder(demo_template: DemoTemplate, tmp_path: Path) -> Path:
    """A private, locked copy of the demo vault."""
    folder = tmp_path / "demo-vault"
    shutil.copytree(demo_template.folder, folder)
    return folder


@pytest.fixture
def passphrase() -> str:
    """The passphrase of `vault`, `demo_vault` and their copies."""
    return PASSPHRASE


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A locked, empty vault made with `Vault.create`, built once; tests copy it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
        folder = tmp_path_factory.mktemp("empty-template") / "vault"
        created, _recovery = Vault.create(folder, PASSPHRASE)
        created.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    return folder


@pytest.fixture
def vault(tmp_path: Path, empty_template: Path) -> Iterator[Vault]:
    """An empty, unlocked vault on disk, a private copy of one made by `Vault.create`."""
    shutil.copytree(empty_template, tmp_path / "vault")
    opened = Vault.unlock_with_passphrase(tmp_path / "vault", PASSPHRASE)
    yield opened
    if opened.is_unlocked:
        opened.lock()


@pytest.fixture
def services(vault: Vault) -> Services:
    """Services over the empty `vault`."""
    return Services.over(vault, actor="test")


@pytest.fixture
def demo_vault(demo_folder: Path) -> Iterator[Vault]:
    opened = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    yield opened
    if opened.is_unlocked:
        opened.lock()


@pytest.fixture
def demo_services(demo_vault: Vault) -> Services:
    """Services over an unlocked vault holding the sample case."""
    return Services.over(demo_vault, actor="test")


@pytest.fixture
def demo_case_id(demo_services: Services) -> str:
    (case,) = demo_services.cases.list_cases()
    return case.id
