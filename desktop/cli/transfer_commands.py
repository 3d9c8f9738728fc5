"""`export-json FILE` and `import-json FILE`: the whole vault as canonical JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.context import Context
from desktop.durable import write_atomically
from desktop.errors import KnownError, SystemReason
from desktop.services.transfer import MAX_IMPORT_BYTES, ImportRefused, export_json, import_json


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export-json", help="write the vault's content as canonical JSON")
    export.add_argument("file", help="output file (plain text: keep it safe), or - for stdout")
    export.set_defaults(run=run_export)
    load = sub.add_parser("import-json", help="add the records of an export-json file")
    load.add_argument("file")
    load.set_defaults(run=run_import)


def run_export(ctx: Context) -> int:
    target = Path(ctx.args.file)
    if ctx.args.file != "-" and (not target.name or target.is_dir()):
        raise KnownError("That is a folder; give export-json a file name to write.")
    data = export_json(ctx.services.store)
    if ctx.args.file == "-":
        sys.stdout.buffer.write(data)
        return 0
    try:
        write_atomically(Path(ctx.args.file), data)
    except OSError as exc:
        raise KnownError(
            "Cannot write {file}: {reason}.", file=ctx.args.file, reason=SystemReason.of(exc)
        ) from exc
    return 0


def run_import(ctx: Context) -> int:
    path = Path(ctx.args.file)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise KnownError("That file is too large to import.")
        raw = path.read_bytes()
    except OSError as exc:
        raise KnownError(
            "Cannot read {file}: {reason}.", file=ctx.args.file, reason=SystemReason.of(exc)
        ) from exc
    try:
        count = import_json(ctx.services.store, raw)
    except ImportRefused as refused:
        if not refused.problems:
            raise
        print(f"dossier: {refused}", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return refused.exit_code
    print(f"Imported {count} records.")
    return 0
