"""The composition root of the desktop app: builds everything in a visible order.

QApplication -> settings and translations -> error handling -> the vault (given, demo,
or default: unlock, or welcome -> create) -> services -> main window. Each step is
logged; nothing of a case is ever logged.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop import paths
from desktop.crypto.os_keyring import SecretStore, SystemKeyring
from desktop.errors import KnownError
from desktop.hardening import harden_process
from desktop.logfile import install_logging
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.garbage import freeze_startup_objects
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import apology_box
from desktop.ui.settings import AppSettings
from desktop.ui.vault.create import CreateVaultDialog
from desktop.ui.vault.unlock import UnlockDialog
from desktop.ui.vault.welcome import DEMO, WelcomeDialog

log = logging.getLogger("desktop.app")
DEMO_PASSPHRASE = "demo"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dossier", add_help=True)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--vault", type=Path, help="open the vault in this folder")
    group.add_argument("--demo", action="store_true", help="open the demo case")
    parser.add_argument(
        "--import-bundle", type=Path, metavar="FILE", help="import a sync bundle (double-click)"
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def install_excepthook() -> None:
    """Bugs are logged with their traceback; the user sees a plain apology, never a trace."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KnownError):
            log.info("known error reached the top: %s", kind.__name__)
            _message(str(exc))
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))  # frames only: logfile
        if QApplication.instance() is not None:
            apology_box(QApplication.activeWindow()).exec()

    sys.excepthook = hook


def _message(text: str, parent: QWidget | None = None) -> None:
    if QApplication.instance() is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("App", "Dossier"), text)


def open_demo_vault() -> Vault:
    """The demo vault, created with the demo case on first use; its passphrase is "demo"."""
    from desktop.services.demo import install_demo_case

    folder = paths.demo_vault_dir()
    if not Vault.exists(folder):
        log.info("creating the demo vault")
        vault, _recovery = Vault.create(folder, DEMO_PASSPHRASE, check_strength=False)
        install_demo_case(Services.over(vault))
        return vault
    log.info("unlocking the demo vault")
    return Vault.unlock_with_passphrase(folder, DEMO_PASSPHRASE)


def ask_unlock(folder: Path, keyring: SecretStore) -> Vault | None:
    dialog = UnlockDialog(folder, keyring)
    return dialog.vault if dialog.exec() == QDialog.DialogCode.Accepted else None


def first_start(keyring: SecretStore) -> Vault | None:
    welcome = WelcomeDialog()
    if welcome.exec() != QDialog.DialogCode.Accepted:
        return None
    if welcome.choice == DEMO:
        return open_demo_vault()
    create = CreateVaultDialog(paths.default_vault_dir(), keyring)
    return create.vault if create.exec() == QDialog.DialogCode.Accepted else None


def open_vault(args: argparse.Namespace, keyring: SecretStore) -> Vault | None:
    if args.demo:
        return open_demo_vault()
    if args.vault is not None:
        if not Vault.exists(args.vault):
            raise KnownError("There is no Dossier vault in that folder.")
        return ask_unlock(args.vault, keyring)
    folder = paths.default_vault_dir()
    if Vault.exists(folder):
        return ask_unlock(folder, keyring)
    return first_start(keyring)


def main(argv: list[str] | None = None) -> int:
    harden_process()  # first: no core dump of this process may carry the key
    install_logging(level=logging.INFO, to_terminal=True)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    log.info("starting the application")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dossier"])
    assert isinstance(app, QApplication)
    app.setApplicationName("Dossier")
    app.setOrganizationName("Dossier")
    settings = AppSettings()
    log.info("loading translations")
    install_language(settings.language)
    install_excepthook()
    keyring = SystemKeyring()
    log.info("opening the vault")
    try:
        vault = open_vault(args, keyring)
    except KnownError as exc:
        _message(str(exc))
        return exc.exit_code
    if vault is None:
        log.info("no vault opened; quitting")
        return 0
    log.info("building services and the main window")
    window = MainWindow(vault, Services.over, keyring, settings)
    window.show()
    frozen = freeze_startup_objects()
    log.info("main window shown; %d startup objects exempted from collection", frozen)
    if args.import_bundle is not None:
        window.open_sync(args.import_bundle)
    return app.exec()
