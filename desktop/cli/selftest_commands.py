"""`dossier self-test` (also `dossier --self-test`): check this installation on throwaway data.

Prints one line per check and exits 1 if any check failed, so support staff can ask for
the output and CI can run it against a frozen bundle.
"""

from __future__ import annotations

import argparse

from desktop.cli.context import Context
from desktop.services.selftest import run_self_test


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "self-test",
        help="check this installation on throwaway data (never touches your vaults)",
    )
    parser.set_defaults(run=run_self_test_command)


def run_self_test_command(_ctx: Context) -> int:
    def report(line: str) -> None:
        print(line, flush=True)

    outcomes = run_self_test(report)
    return 0 if all(o.ok for o in outcomes) else 1
