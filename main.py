"""Dossier launcher: no arguments (or only app options) start the GUI; a command runs the CLI."""

from __future__ import annotations

import sys


def wants_gui(argv: list[str]) -> bool:
    if not argv:
        return True
    if argv[0] in ("-h", "--help", "--version"):
        return False
    if argv[0] == "--demo" or (argv[0] == "--import-bundle" and len(argv) == 2):
        return True
    # `--vault PATH` alone opens that vault in the app; with a command it is the CLI.
    return argv[0] == "--vault" and len(argv) == 2


def main() -> int:
    from desktop.hardening import harden_process

    harden_process()  # before anything can hold a key: no core dumps of this process
    argv = sys.argv[1:]
    if wants_gui(argv):
        from desktop.launcher import start

        return start(argv)
    from desktop.cli.main import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
