"""`dossier demo` and `dossier vault create|verify|salvage|passwd|rotate-key PATH`, and the
key commands: `vault recovery-key new`, `vault kit` and `vault restore-keys`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.damage_report import run_salvage, run_verify
from desktop.cli.passphrases import (
    existing_passphrase,
    new_passphrase,
    prompt,
    read_passphrase_file,
)
from desktop.durable import write_atomically
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
    create.add_argument("--kit", metavar="FILE", help="save the emergency kit (PDF) there")
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
    recovery = actions.add_parser("recovery-key", help="replace the recovery key")
    recovery_actions = recovery.add_subparsers(dest="recovery_action", required=True)
    renew = recovery_actions.add_parser(
        "new", parents=[common], help="make a new recovery key; the old one stops working"
    )
    renew.add_argument("path")
    renew.add_argument("--kit", metavar="FILE", help="also save a new emergency kit (PDF)")
    renew.set_defaults(run=run_new_recovery_key)
    kit = actions.add_parser("kit", help="print the emergency kit's recovery slot (PDF)")
    kit.add_argument("path")
    kit.add_argument("--out", metavar="FILE", required=True, help="where to save the PDF")
    kit.add_argument("--lang", choices=("en", "ru"), default="en")
    kit.set_defaults(run=run_kit)
    restore = actions.add_parser(
        "restore-keys", help="rebuild lost key files from the emergency kit and recovery key"
    )
    restore.add_argument("path")
    restore.add_argument(
        "--kit-text",
        metavar="FILE",
        help="the emergency kit's recovery slot as text (default: the slot in the key files)",
    )
    restore.add_argument("--recovery-key-file", metavar="FILE", help="read the recovery key")
    restore.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase")
    restore.set_defaults(run=run_restore_keys)


class _with_parent:
    """Add a parent parser to every action parser made through it."""

    def __init__(self, actions: argparse._SubParsersAction, parent: argparse.ArgumentParser):
        self._actions = actions
        self._parent = parent

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        return self._actions.add_parser(name, parents=[self._parent], **kwargs)  # type: ignore[arg-type]


def create_demo_vault(folder: Path) -> Path:
    if Vault.exists(folder):
        raise KnownError(
            "A vault already exists in {folder}; remove it or choose --dir.", folder=folder
        )
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
    try:
        print(f"Created the vault in {ctx.args.path}.")
        print("Recovery key (shown once; write it down and keep it apart from the laptop):")
        print(f"  {recovery}", flush=True)
        if ctx.args.kit:
            _save_pdf(ctx.args.kit, _kit_pdf(vault, recovery, "en"))
            print(f"The emergency kit was saved to {ctx.args.kit}; print it and delete the file.")
        else:
            print("Print the emergency kit too: dossier vault kit PATH --out FILE.")
    finally:
        vault.lock()
    return 0


def tell(notices: list[str]) -> None:
    for notice in notices:
        print(f"dossier: {notice}", file=sys.stderr)


def run_passwd(ctx: Context) -> int:
    old = existing_passphrase(ctx.args.passphrase_file)
    vault = Vault.unlock_with_passphrase(Path(ctx.args.path), old)
    tell(vault.notices)
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
    tell(vault.notices)
    try:
        notes = vault.rotate_key(passphrase)
    finally:
        vault.lock()
    for note in notes:
        print(note)
    return 0


def _kit_pdf(vault: Vault, recovery_key: str, lang: str) -> bytes:
    from desktop.briefing.pdf.emergency_kit import render_emergency_kit

    return render_emergency_kit(
        vault.folder.name, recovery_key, dt.date.today(), lang, kit_text=vault.kit_text()
    )


def _save_pdf(path: str, data: bytes) -> None:
    target = Path(path)
    if not target.parent.is_dir():
        raise KnownError("There is no folder {parent}; nothing was saved.", parent=target.parent)
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise KnownError(
            "The emergency kit could not be saved to {target}.", target=target
        ) from exc


def run_new_recovery_key(ctx: Context) -> int:
    passphrase = existing_passphrase(ctx.args.passphrase_file)
    vault = Vault.unlock_with_passphrase(Path(ctx.args.path), passphrase)
    tell(vault.notices)
    shown: list[str] = []

    def show(recovery: str) -> None:
        shown.append(recovery)
        print("New recovery key (shown once; write it down and keep it apart from the laptop):")
        print(f"  {recovery}", flush=True)

    try:
        vault.new_recovery_key(passphrase, show)
        print("The old recovery key no longer works.")
        if ctx.args.kit:
            _save_pdf(ctx.args.kit, _kit_pdf(vault, shown[0], "en"))
            print(f"A new emergency kit was saved to {ctx.args.kit}.")
        else:
            print("Print a new emergency kit: dossier vault kit PATH --out FILE.")
    finally:
        vault.lock()
    return 0


def run_kit(ctx: Context) -> int:
    passphrase = existing_passphrase(ctx.args.passphrase_file)
    vault = Vault.unlock_with_passphrase(Path(ctx.args.path), passphrase)
    tell(vault.notices)
    try:
        _save_pdf(ctx.args.out, _kit_pdf(vault, "", ctx.args.lang))
    finally:
        vault.lock()
    print(f"Saved the emergency kit to {ctx.args.out}; write the recovery key on it by hand.")
    return 0


def _read_kit_text(path: str) -> str:
    try:
        with open(Path(path), encoding="utf-8") as handle:
            return handle.read(64 * 1024)
    except (OSError, UnicodeDecodeError) as exc:
        raise KnownError("The kit text file cannot be read.") from exc


def run_restore_keys(ctx: Context) -> int:
    kit_text = _read_kit_text(ctx.args.kit_text) if ctx.args.kit_text else None
    if ctx.args.recovery_key_file:
        recovery = read_passphrase_file(ctx.args.recovery_key_file)
    else:
        recovery = prompt("Recovery key")
    new = new_passphrase(ctx.args.new_passphrase_file, "New passphrase")
    vault = Vault.restore_keys(Path(ctx.args.path), kit_text, recovery, new)
    vault.lock()
    print("New key files were written. Unlock with the new passphrase; the recovery key")
    print("and the emergency kit still work.")
    return 0
