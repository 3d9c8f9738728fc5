"""What a command runs with: the parsed arguments and, on first use, the unlocked vault."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.cli.passphrases import existing_passphrase
from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.store.vault import Vault


@dataclass
class Context:
    args: argparse.Namespace
    _vault: Vault | None = field(default=None, init=False)
    _services: Services | None = field(default=None, init=False)

    @property
    def vault_path(self) -> Path:
        path = getattr(self.args, "vault", None)
        if not path:
            raise KnownError("Say which vault: dossier --vault PATH <command>.")
        return Path(path)

    def unlock(self) -> Vault:
        if self._vault is None:
            passphrase = existing_passphrase(self.args.passphrase_file)
            self._vault = Vault.unlock_with_passphrase(self.vault_path, passphrase)
            for notice in self._vault.notices:
                print(f"dossier: {notice}", file=sys.stderr)
        return self._vault

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = Services.over(self.unlock(), actor="cli")
        return self._services

    def case_id(self) -> str:
        """The case named by --case, or the only case when the vault has just one."""
        ref = getattr(self.args, "case", None)
        if ref:
            return self.services.cases.find_case(ref).id
        cases = self.services.cases.list_cases()
        if len(cases) == 1:
            return cases[0].id
        raise KnownError("Say which case with --case (see `case list`).")

    def close(self) -> None:
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
            self._services = None
