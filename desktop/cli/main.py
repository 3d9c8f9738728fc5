"""The `dossier` command: headless access to a vault over the same services as the app.

Every error a user can cause ends in one plain line on stderr and a non-zero status:
1 for a refusal (a bad bundle, a full drive...), 2 for a wrong passphrase, 64 for a wrong
command line, 70 only for a bug in Dossier. A bug is logged with its traceback to the log folder and
reported in one line, never as a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from desktop import __version__
from desktop.cli import (
    attach_commands,
    batch,
    case_commands,
    complaint_commands,
    event_commands,
    export_commands,
    people_commands,
    record_commands,
    sheet_commands,
    source_commands,
    transfer_commands,
    vault_commands,
)
from desktop.cli.context import Context
from desktop.errors import KnownError
from desktop.errortexts import cli_language, error_text
from desktop.hardening import harden_process
from desktop.logfile import install_logging, log_path

log = logging.getLogger("dossier.cli")

Registrar = Callable[[argparse._SubParsersAction], None]
REGISTRARS: list[Registrar] = [
    vault_commands.register,
    record_commands.register,
    transfer_commands.register,
    attach_commands.register,
    case_commands.register,
    event_commands.register,
    people_commands.register,
    source_commands.register,
    complaint_commands.register,
    batch.register,
    sheet_commands.register,
    export_commands.register,
]


def optional_registrars() -> list[Registrar]:
    """Command groups of later layers (briefing packs, sync, self-test) when present."""
    found: list[Registrar] = []
    import importlib

    for name in ("brief_commands", "sync_commands", "selftest_commands"):
        try:
            module = importlib.import_module(f"desktop.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"desktop.cli.{name}":
                raise
            continue
        found.append(module.register)
    return found


EXIT_USAGE = 64  # EX_USAGE of sysexits.h: the command line itself was wrong
EXIT_BUG = 70  # EX_SOFTWARE: a bug in Dossier


class CommandLineParser(argparse.ArgumentParser):
    """argparse that reports a wrong command line with status 64, not 2.

    2 is taken: it means a wrong passphrase, which scripts must tell apart from a typo.
    Subcommand parsers are made of the same class, so every usage error exits 64.
    """

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = CommandLineParser(
        prog="dossier",
        description="Encrypted offline case files: timeline, officials, complaints, briefs, sync.",
    )
    parser.add_argument("--version", action="version", version=f"Dossier {__version__}")
    parser.add_argument("--vault", metavar="PATH", help="the vault folder to open")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (- for standard input)",
    )
    parser.add_argument(
        "--lang",
        dest="message_lang",  # `brief --lang` and `vault kit --lang` choose a PDF's language
        choices=("en", "ru"),
        help="the language of error messages (default: from LC_ALL, LC_MESSAGES or LANG)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS + optional_registrars():
        register(sub)
    return parser


def report_bug(exc: BaseException) -> None:
    """Log the traceback's frames and the exception type only: messages may hold case data."""
    log.error("internal error", exc_info=(type(exc), exc, exc.__traceback__))
    path = log_path()
    where = f" (details in {path})" if path.exists() else ""
    print(f"dossier: internal error, a bug in Dossier{where}.", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # also when started as the `dossier` script, not through main.py
    install_logging(level=logging.WARNING, to_terminal=False)
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--self-test"]:  # the form support staff quote: dossier --self-test
        argv[0] = "self-test"
    args = parser.parse_args(argv)
    ctx = Context(args)
    try:
        result: int = args.run(ctx)
        return result
    except KnownError as exc:
        print(f"dossier: {error_text(exc, cli_language(args.message_lang))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("dossier: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except Exception as exc:
        report_bug(exc)
        return EXIT_BUG
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
