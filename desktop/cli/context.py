"""What a command runs with: the parsed arguments and, on first use, the unlocked vault.

The unlocked vault lives in a `Session` that several contexts may share: `batch` and
`shell` parse one command per line into a new `Context` over the same session, so the
passphrase is asked for and Argon2id paid for once, however many commands run.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.cli.passphrases import existing_passphrase
from desktop.cli.progress import upgrades_shown
from desktop.errors import KnownError
from desktop.services.lookup import RecordLookup
from desktop.services.registry import Services
from desktop.store.vault import Vault


@dataclass
class Session:
    """One unlocked vault and its services, opened on first use and locked by `close`."""

    vault: Vault | None = None
    services: Services | None = None

    def close(self) -> None:
        if self.vault is not None:
            self.vault.lock()
        self.vault = None
        self.services = None


@dataclass
class Context:
    args: argparse.Namespace
    session: Session = field(default_factory=Session)

    def for_args(self, args: argparse.Namespace) -> Context:
        """A context for another command line over this one's (possibly unlocked) vault."""
        for name in ("vault", "passphrase_file"):
            setattr(args, name, getattr(self.args, name, None))
        return Context(args, self.session)

    @property
    def vault_path(self) -> Path:
        path = getattr(self.args, "vault", None)
        if not path:
            raise KnownError("Say which vault: dossier --vault PATH <command>.")
        return Path(path)

    def unlock(self) -> Vault:
        if self.session.vault is None:
            passphrase = existing_passphrase(self.args.passphrase_file)
            with upgrades_shown():
                self.session.vault = Vault.unlock_with_passphrase(self.vault_path, passphrase)
            for notice in self.session.vault.notices:
                print(f"dossier: {notice}", file=sys.stderr)
        return self.session.vault

    @property
    def services(self) -> Services:
        if self.session.services is None:
            self.session.services = Services.over(self.unlock(), actor="cli")
        return self.session.services

    def case_id(self) -> str:
        """The case named by --case, or the only case when the vault has just one."""
        ref = getattr(self.args, "case", None)
        if ref:
            return self.find_case(ref)
        cases = self.services.cases.list_cases()
        if len(cases) == 1:
            return cases[0].id
        if not cases:
            raise KnownError("This vault has no case yet: add one with `case add TITLE`.")
        raise KnownError("Say which case with --case (see `case list`).")

    def find_case(self, ref: str, *, deleted: bool | None = False) -> str:
        """A case by any id prefix `case list` prints, else by its title."""
        found = RecordLookup(self.services.store).by_prefix(ref, ("case",), deleted=deleted)
        if found is not None:
            return found.id
        return self.services.cases.find_case(ref).id

    def unlock_with(self, passphrase: str) -> None:
        """Unlock now with a passphrase already read (batch input on standard input)."""
        if self.session.vault is None:
            with upgrades_shown():
                self.session.vault = Vault.unlock_with_passphrase(self.vault_path, passphrase)

    def close(self) -> None:
        self.session.close()
