"""Where Dossier keeps things. Resolved on call, never at import, so tests can redirect it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Dossier"
VAULT_DB = "dossier.db"
KEYSTORE = "keystore.json"


def resources_dir() -> Path:
    """The shipped resources (fonts, translations, sample case).

    `DOSSIER_RESOURCES` overrides it; a frozen app (PyInstaller) finds them in its bundle.
    """
    override = os.environ.get("DOSSIER_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    """The platform's per-user data folder; `DOSSIER_HOME` overrides it (tests, portable use)."""
    override = os.environ.get("DOSSIER_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    return user_data_dir() / "vault"


def demo_vault_dir() -> Path:
    return user_data_dir() / "demo-vault"
