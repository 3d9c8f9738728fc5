"""Shared fixtures for the GUI tests: offscreen Qt, temporary data and settings folders,
fast key derivation, and a real vault on disk holding the demo case."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DOSSIER_INSECURE_TEST_KDF"] = "1"

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.paths import resources_dir
from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.background import wait_for_background
from desktop.ui.writes import wait_for_writes

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """Build dossier_ru.qm from the .ts as `make translations` does, when it is stale."""
    folder = resources_dir() / "translations"
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            lrelease = Path(sys.executable).with_name("pyside6-lrelease")
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """DOSSIER_HOME and QSettings point into tmp_path; English unless a test switches."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DOSSIER_HOME", str(home))
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(settings_dir))
    from desktop.ui.settings import AppSettings

    AppSettings().language = "en"
    yield home
    wait_for_background()
    wait_for_writes()


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    from desktop.ui.i18n import install_language

    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One locked vault with the demo case, built once; tests get their own copy."""
    folder = tmp_path_factory.mktemp("template") / "vault"
    vault, _recovery = Vault.create(folder, PASSPHRASE)
    case_id = install_demo_case(Services.over(vault))
    vault.lock()
    return folder, case_id


@pytest.fixture
def demo_vault(
    vault_folder: Path, demo_template: tuple[Path, str], english: None
) -> Iterator[tuple[Vault, str]]:
    """A real vault on disk with the demo case; yields (vault, case_id); locked afterwards."""
    shutil.copytree(demo_template[0], vault_folder)
    vault = Vault.unlock_with_passphrase(vault_folder, PASSPHRASE)
    case_id = demo_template[1]
    yield vault, case_id
    wait_for_background()
    wait_for_writes()  # a write still on the queue must not meet a closed vault
    if vault.is_unlocked:
        vault.lock()


@pytest.fixture
def services(demo_vault: tuple[Vault, str]) -> Services:
    return Services.over(demo_vault[0])


@pytest.fixture
def case_id(demo_vault: tuple[Vault, str]) -> str:
    return demo_vault[1]


@pytest.fixture
def window(
    qtbot: object, demo_vault: tuple[Vault, str], keyring: MemoryKeyring
) -> Iterator[object]:
    """The real main window over a copy of the demo vault, shown (offscreen)."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    main = MainWindow(demo_vault[0], Services.over, keyring, AppSettings())
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.show()
    yield main
    main.close()
