"""`device`, `pair`, `sync` and `conflicts`: USB sync from the terminal.

dossier --vault PATH device show | rename NAME
dossier --vault PATH pair export FILE [--name NAME] | import FILE --fingerprint CODE
                     | list | revoke DEVICE
dossier --vault PATH sync export --to DIR [--peer NAME|ID] [--full] [--max-size 2G]
                              | import PATH | status

Refusals and errors go to stderr, one line each; the exit status is 1 when anything was
refused (see `desktop.cli.main` for the others).
dossier --vault PATH conflicts list | resolve ID --keep VERSION
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.output import table
from desktop.errors import KnownError, Reason
from desktop.errortexts import cli_language, error_text
from desktop.services.conflicts import ConflictService
from desktop.services.sync import SyncService, audit_heads


def _sync(ctx: Context) -> SyncService:
    return SyncService(ctx.services.store)


def register(sub: argparse._SubParsersAction) -> None:
    dev = sub.add_parser("device", help="this device's sync identity")
    dev_actions = dev.add_subparsers(dest="device_action", required=True)
    dev_actions.add_parser("show", help="device id, name and fingerprint").set_defaults(
        run=run_device_show
    )
    rename = dev_actions.add_parser("rename", help="name this device (peers see it after sync)")
    rename.add_argument("name", help='the name paired devices will show, e.g. "Anna\'s laptop"')
    rename.set_defaults(run=run_device_rename)

    pair = sub.add_parser("pair", help="pair devices for sync, list or unpair them")
    pair_actions = pair.add_subparsers(dest="pair_action", required=True)
    export = pair_actions.add_parser("export", help="write this device's pairing file")
    export.add_argument("file")
    export.add_argument("--name", help="name this device first (default: its current name)")
    export.set_defaults(run=run_pair_export)
    load = pair_actions.add_parser("import", help="pair with the device of a pairing file")
    load.add_argument("file")
    load.add_argument("--fingerprint", required=True, metavar="CODE",
                      help="the code the other device shows (digit groups)")  # fmt: skip
    load.set_defaults(run=run_pair_import)
    pair_actions.add_parser("list", help="paired devices").set_defaults(run=run_pair_list)
    revoke = pair_actions.add_parser("revoke", help="unpair a device: its bundles are refused")
    revoke.add_argument("device", help="device id (or its first characters) or name")
    revoke.set_defaults(run=run_pair_revoke)

    sync = sub.add_parser("sync", help="export and import sync bundles")
    sync_actions = sync.add_subparsers(dest="sync_action", required=True)
    out = sync_actions.add_parser("export", help="write a bundle of changes for paired devices")
    out.add_argument("--to", required=True, metavar="DIR", help="folder, e.g. on a USB stick")
    out.add_argument(
        "--peer", metavar="DEVICE", help="only for this device: name or start of id (default: all)"
    )
    out.add_argument("--full", action="store_true", help="send everything, not only what is new")
    out.add_argument("--max-size", type=byte_size, metavar="SIZE", default=None,
                     help="largest bundle file, e.g. 700M or 2G (default 2G, fits FAT32); "
                          "a larger export is split into several bundles")  # fmt: skip
    out.set_defaults(run=run_sync_export)
    take = sync_actions.add_parser("import", help="import a bundle or every bundle in a folder")
    take.add_argument("path")
    take.set_defaults(run=run_sync_import)
    sync_actions.add_parser("status", help="peers and what is waiting").set_defaults(
        run=run_sync_status
    )

    conflicts = sub.add_parser("conflicts", help="records edited on two devices at once")
    c_actions = conflicts.add_subparsers(dest="conflicts_action", required=True)
    c_actions.add_parser("list", help="records with concurrent versions").set_defaults(
        run=run_conflicts_list
    )
    resolve = c_actions.add_parser("resolve", help="keep one version of a record")
    resolve.add_argument("id", help="record id (or its first 8 characters)")
    resolve.add_argument("--keep", required=True, metavar="VERSION",
                         help="the version label shown by `conflicts list`")  # fmt: skip
    resolve.set_defaults(run=run_conflicts_resolve)


def run_device_show(ctx: Context) -> int:
    info = _sync(ctx).device()
    print(f"Device:      {info.name}")
    print(f"Id:          {info.device_id}")
    print(f"Fingerprint: {info.fingerprint}")
    return 0


def run_device_rename(ctx: Context) -> int:
    info = _sync(ctx).rename_device(ctx.args.name)
    print(f"This device is now named {info.name}; paired devices see it after your next export.")
    print(f"Fingerprint: {info.fingerprint}")
    return 0


def run_pair_export(ctx: Context) -> int:
    code = _sync(ctx).export_pairing(Path(ctx.args.file), name=ctx.args.name)
    print(f"Wrote {ctx.args.file} for {_sync(ctx).device().name}.")
    print(f"Fingerprint: {code}")
    print("On the other device, import this file and type this fingerprint.")
    return 0


def run_pair_import(ctx: Context) -> int:
    peer = _sync(ctx).import_pairing(Path(ctx.args.file), ctx.args.fingerprint)
    print(f"Paired with {peer.name} ({peer.device_id}).")
    return 0


def run_pair_list(ctx: Context) -> int:
    peers = _sync(ctx).peers()
    if not peers:
        print("No paired devices.")
        return 0
    rows = [
        (
            p.name,
            p.device_id,
            p.fingerprint,
            p.paired_at[:10],
            "unpaired" if p.revoked else "paired",
        )
        for p in peers
    ]
    print(table(("Name", "Device id", "Fingerprint", "Paired", "State"), rows))
    heads = audit_heads(_sync(ctx).store)
    for p in peers:
        if heads.get(p.device_id):
            print(f"{p.name}: audit head in its last bundle {heads[p.device_id]}")
    return 0


def run_pair_revoke(ctx: Context) -> int:
    peer = _sync(ctx).revoke(ctx.args.device)
    print(f"Unpaired {peer.name}: its bundles will be refused.")
    return 0


_UNITS = {"": 1, "B": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def byte_size(text: str) -> int:
    """`2G`, `700M`, `200K` or a number of bytes (binary units: K = 1024)."""
    match = re.fullmatch(r"\s*([0-9]+)\s*([KMG]?)(?:I?B)?\s*", text.upper())
    if match is None or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say e.g. 700M or 2G)")
    return int(match[1]) * _UNITS[match[2]]


def run_sync_export(ctx: Context) -> int:
    result = _sync(ctx).export(
        Path(ctx.args.to), peer=ctx.args.peer, full=ctx.args.full, max_bytes=ctx.args.max_size
    )
    for path in result.paths or (result.path,):
        print(f"Wrote {path}")
    parts = f" in {len(result.paths)} bundles" if len(result.paths) > 1 else ""
    print(
        f"{result.versions} record versions, {result.blobs} attachments{parts}, "
        f"for {', '.join(result.recipients)}."
    )
    for path in result.leftovers:
        print(
            f"dossier: {path.name}: an unfinished bundle from an interrupted export could not "
            "be removed; delete it.",
            file=sys.stderr,
        )
    return 0


def run_sync_import(ctx: Context) -> int:
    outcome = _sync(ctx).import_path(Path(ctx.args.path))
    for item in outcome.imported:
        if item.already_imported:
            print(f"{item.path.name}: already imported, nothing changed.")
        else:
            print(
                f"{item.path.name}: from {item.sender_name}: {item.new} new, {item.updated} "
                f"updated, {item.deleted} deleted, {item.conflicts} in conflict."
            )
    lang = cli_language(ctx.args.message_lang)  # as every other error the CLI prints
    for path, _message in outcome.refused:
        why = Reason(outcome.errors[path])  # every refusal keeps its error beside its text
        line = KnownError("{name}: refused: {reason}.", name=path.name, reason=why)
        print(f"dossier: {error_text(line, lang)}", file=sys.stderr)
    for path in outcome.unfinished:
        print(
            f"dossier: {path.name}: an unfinished bundle from an interrupted export, ignored; "
            "the next export into this folder removes it.",
            file=sys.stderr,
        )
    if not outcome.imported and not outcome.refused:
        print("No bundles for this device there.")
    return 1 if outcome.refused else 0


def run_sync_status(ctx: Context) -> int:
    status = _sync(ctx).status()
    print(f"This device: {status.device.name} ({status.device.device_id})")
    print(f"Conflicts to resolve: {status.conflicts}")
    if status.peers:
        rows = [
            (
                s.peer.name,
                "unpaired" if s.peer.revoked else "paired",
                s.peer.last_import_at[:16] or "never",
                s.peer.last_export_at[:16] or "never",
                str(s.pending),
            )
            for s in status.peers
        ]
        headers = ("Peer", "State", "Last received", "Last sent", "Not yet acknowledged")
        print(table(headers, rows))
    else:
        print("No paired devices.")
    return 0


def run_conflicts_list(ctx: Context) -> int:
    conflicts = ConflictService(ctx.services.store).list_conflicts()
    if not conflicts:
        print("No conflicts.")
        return 0
    for conflict in conflicts:
        fields = ", ".join(conflict.differing) or "none"
        print(f"{conflict.entity} {conflict.record_id}  {conflict.title}  (differs: {fields})")
        for v in conflict.versions:
            mark = "shown" if v.shown else "     "
            values = "; ".join(
                f"{f}={v.values.get(f)!r}" for f in conflict.differing if f != "deleted"
            )
            print(f"  {mark} {v.label:<14} {v.describe()}, {v.at}  {values}")
    return 0


def run_conflicts_resolve(ctx: Context) -> int:
    ConflictService(ctx.services.store).resolve(ctx.args.id, ctx.args.keep)
    print("Resolved: the kept version now replaces the others on every device after sync.")
    return 0
