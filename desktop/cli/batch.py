"""`batch FILE|-` and `shell`: many commands, one unlock.

Each line is one command as it would follow `dossier --vault V` (a leading `dossier` is
allowed), split like a POSIX shell (quotes, backslashes); `#` starts a comment and blank
lines are skipped. Every command runs over the same unlocked vault, so the passphrase is
read and Argon2id paid for once. Each command commits on its own: a batch stops at the
first error and says its line number, the lines before it are saved, and `--start N`
resumes at line N once it is fixed. `--keep-going` runs every line and ends with a
summary and a non-zero status when any failed.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from desktop.cli.context import Context
from desktop.errors import KnownError

MAX_BATCH_BYTES = 16 * 1024 * 1024
NOT_IN_BATCH = frozenset({"batch", "shell", "demo", "vault", "self-test"})


class LineError(KnownError):
    """A line that is not a command, worded for the line it is on."""


def register(sub: argparse._SubParsersAction) -> None:
    batch = sub.add_parser("batch", help="run one command per line of FILE (- for stdin)")
    batch.add_argument("file", help="the commands, one per line; - for standard input")
    batch.add_argument(
        "--keep-going", action="store_true", help="run every line, then report what failed"
    )
    batch.add_argument("--start", type=int, default=1, metavar="N", help="begin at line N")
    batch.set_defaults(run=run_batch)
    shell = sub.add_parser("shell", help="type commands one after another; unlock once")
    shell.set_defaults(run=run_shell)


def _refuse(message: str) -> NoReturn:
    raise LineError(message.rstrip(".") + ".")


def _quiet(parser: argparse.ArgumentParser) -> None:
    """Make `parser` and its subcommands raise instead of printing usage and exiting."""
    parser.error = _refuse  # type: ignore[method-assign]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _quiet(child)


def line_parser() -> argparse.ArgumentParser:
    from desktop.cli.main import build_parser  # main registers this module: import late

    parser = build_parser()
    _quiet(parser)
    return parser


def parse_line(parser: argparse.ArgumentParser, text: str) -> argparse.Namespace | None:
    """The command on one line, or None for a blank or comment line."""
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        raise LineError("Unbalanced quotes.") from None
    if words[:1] == ["dossier"]:
        words = words[1:]
    if not words:
        return None
    if words[0] in NOT_IN_BATCH or words[0].startswith("-"):
        raise LineError("`{command}` cannot run inside a batch or shell.", command=words[0])
    try:
        return parser.parse_args(words)
    except SystemExit:  # --help: argparse has printed it
        return None


def run_lines(
    ctx: Context, lines: Iterable[tuple[int, str]], *, keep_going: bool
) -> tuple[int, list[int]]:
    """Run numbered lines; (commands run, numbers of the lines that failed)."""
    parser = line_parser()
    ran, failed = 0, []
    for number, text in lines:
        try:
            args = parse_line(parser, text)
            if args is None:
                continue
            ran += 1
            args.run(ctx.for_args(args))
        except KnownError as exc:
            ran += 1 if isinstance(exc, LineError) else 0  # a line that did not parse
            print(f"dossier: line {number}: {exc}", file=sys.stderr)
            failed.append(number)
            if not keep_going:
                break
        sys.stdout.flush()
    return ran, failed


def _read(ctx: Context) -> str:
    path = ctx.args.file
    try:
        if path == "-":
            text = sys.stdin.read(MAX_BATCH_BYTES + 1)
        else:
            with open(Path(path), encoding="utf-8") as handle:
                text = handle.read(MAX_BATCH_BYTES + 1)
    except (OSError, UnicodeDecodeError):
        raise KnownError("The batch file cannot be read (it must be UTF-8 text).") from None
    if len(text) > MAX_BATCH_BYTES:
        raise KnownError("The batch file is too large (at most 16 MB).")
    return text


def run_batch(ctx: Context) -> int:
    text = _read(ctx)
    lines = text.splitlines()
    if ctx.args.file == "-" and getattr(ctx.args, "passphrase_file", None) == "-":
        if not lines or not lines[0]:
            raise KnownError("The passphrase file is empty.")
        # The passphrase and the commands share standard input; lines count from the
        # first command, as in the file the commands came from.
        ctx.unlock_with(lines[0])
        lines = lines[1:]
    ctx.unlock()  # before any line: a wrong passphrase is the command's error (status 2)
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if n >= ctx.args.start]
    ran, failed = run_lines(ctx, numbered, keep_going=ctx.args.keep_going)
    if failed and not ctx.args.keep_going:
        number = failed[0]
        saved = f"lines before {number} were saved; " if ran > 1 else ""
        print(f"dossier: stopped at line {number}; {saved}fix it and rerun with --start "
              f"{number}.", file=sys.stderr)  # fmt: skip
        return 1
    if failed:
        listed = ", ".join(str(n) for n in failed)
        print(f"dossier: {ran} command(s), {len(failed)} failed (lines {listed}).", file=sys.stderr)
        return 1
    return 0


def run_shell(ctx: Context) -> int:
    interactive = sys.stdin.isatty()
    if getattr(ctx.args, "passphrase_file", None) == "-" and not interactive:
        ctx.unlock_with(sys.stdin.readline().rstrip("\r\n"))  # then the commands follow
    ctx.unlock()
    if interactive:
        print("Dossier shell: one command per line (as after `dossier --vault V`); "
              "`exit` or Ctrl+D to leave.")  # fmt: skip
    number = 0
    parser = line_parser()
    while True:
        try:
            text = input("dossier> " if interactive else "")
        except EOFError:
            return 0
        number += 1
        if text.strip() in ("exit", "quit"):
            return 0
        try:
            args = parse_line(parser, text)
            if args is not None:
                args.run(ctx.for_args(args))
        except KnownError as exc:
            where = "" if interactive else f"line {number}: "
            print(f"dossier: {where}{exc}", file=sys.stderr)
        sys.stdout.flush()
