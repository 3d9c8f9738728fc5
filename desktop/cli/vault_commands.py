"""`dossier demo` and `dossier vault create|verify|salvage|passwd|rotate-key PATH`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.damage_report import run_salvage, run_verify
from desktop.cli.passphrases import existing_passphrase, new_passphrase, read_passphrase_file
from desktop.errors import KnownError
from desktop.paths import demo_vault_dir
from desktop.services.demo import install_demo_case
from desktop.services.registry import Services
from desktop.store.vault import Vault

DEMO_PASSPHRASE = "demo"


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="create a vault holding the sample case (passphrase: demo)")
    demo.add_argument("--dir", help="folder for the demo vault (default: the user data folder)")
    demo.set_defaults(run=run_demo)

    vault = sub.add_parser("vault", help="create, verify or re-key a vault")
    actions = vault.add_subparsers(dest="vault_action", required=True)
    # --passphrase-file may also follow the action: `dossier vault verify PATH --passphrase-file F`
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS)
    actions = _with_parent(actions, common)
    create = actions.add_parser("create", help="create a new, empty vault in PATH")
    create.add_argument("path")
    create.set_defaults(run=run_create)
    check = actions.add_parser("verify", help="check encryption, structure and the audit chain")
    check.add_argument("path")
    check.add_argument(
        "--against", metavar="HEAD",
        help="an audit head saved earlier (COUNT:HASH, as printed on a pack): prove that "
        "history up to it is unchanged",
    )  # fmt: skip
    check.set_defaults(run=run_verify)
    rescue = actions.add_parser("salvage", help="copy every readable record into a new vault")
    rescue.add_argument("path")
    rescue.add_argument("--to", required=True, metavar="NEWPATH", help="folder of the new vault")
    rescue.add_argument("--new-passphrase-file", help="read the new vault's passphrase from a file")
    rescue.set_defaults(run=run_salvage)
    passwd = actions.add_parser("passwd", help="change the passphrase (database untouched)")
    passwd.add_argument("path")
    passwd.add_argument("--new-passphrase-file", help="read the new passphrase from a file")
    passwd.set_defaults(run=run_passwd)
    rotate = actions.add_parser("rotate-key", help="re-encrypt the database under a new key")
    rotate.add_argument("path")
    rotate.set_defaults(run=run_rotate)


class _with_parent:
    """Add a parent parser to every action parser made through it."""

    def __init__(self, actions: argparse._SubParsersAction, parent: argparse.ArgumentParser):
        self._actions = actions
        self._parent = parent

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        return self._actions.add_parser(name, parents=[self._parent], **kwargs)  # type: ignore[arg-type]


def create_demo_vault(folder: Path) -> Path:
    if Vault.exists(folder):
        raise KnownError(f"A vault already exists in {folder}; remove it or choose --dir.")
    vault, _recovery = Vault.create(folder, DEMO_PASSPHRASE, check_strength=False)
    try:
        install_demo_case(Services.over(vault, actor="demo"))
    finally:
        vault.lock()
    return folder


def run_demo(ctx: Context) -> int:
    folder = Path(ctx.args.dir) if ctx.args.dir else demo_vault_dir()
    print(create_demo_vault(folder))
    return 0


def run_create(ctx: Context) -> int:
    passphrase = new_passphrase(ctx.args.passphrase_file, "Passphrase for the new vault")
    vault, recovery = Vault.create(Path(ctx.args.path), passphrase)
    vault.lock()
    print(f"Created the vault in {ctx.args.path}.")
    print("Recovery key (shown once; write it down and keep it apart from the laptop):")
    print(f"  {recovery}")
    return 0


def run_passwd(ctx: Context) -> int:
    old = existing_passphrase(ctx.args.passphrase_file)
    vault = Vault.unlock_with_passphrase(Path(ctx.args.path), old)
    try:
        if ctx.args.new_passphrase_file:
            new = read_passphrase_file(ctx.args.new_passphrase_file)
        else:
            new = new_passphrase(None)
        vault.change_passphrase(old, new)
    finally:
        vault.lock()
    print("Passphrase changed. The recovery key still works.")
    return 0


def run_rotate(ctx: Context) -> int:
    passphrase = existing_passphrase(ctx.args.passphrase_file)
    vault = Vault.unlock_with_passphrase(Path(ctx.args.path), passphrase)
    try:
        recovery = vault.rotate_key(passphrase)
    finally:
        vault.lock()
    print("The database is now encrypted under a new key.")
    print("The old recovery key no longer works. New recovery key (shown once):")
    print(f"  {recovery}")
    return 0
