"""Command groups shared between modules, and the `--json` switch on lists and shows.

`record_commands` made the first `case`, `event`, `person` and `complaint` commands; the
modules that complete them add their commands to the same group through `subcommands`,
and give an existing list a `--json` form through `with_json`, without editing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli.context import Context
from desktop.errors import KnownError

Run = Callable[[Context], int]


def subcommands(
    sub: argparse._SubParsersAction, name: str, help_text: str
) -> argparse._SubParsersAction:
    """The subcommands of group `name`, made now if no module has made them yet."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(
            dest=f"{name}_action", required=True
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise AssertionError(f"`{name}` has no subcommands")  # a wiring bug, not user input


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (one document) for scripts")


def with_json(group: argparse._SubParsersAction, name: str, as_json: Run) -> None:
    """Give command `name` of `group` a --json switch that runs `as_json` instead."""
    parser = group.choices[name]
    add_json_flag(parser)
    text_run: Run = parser.get_default("run")

    def run(ctx: Context) -> int:
        return as_json(ctx) if ctx.args.json else text_run(ctx)

    parser.set_defaults(run=run)


def print_json(data: Any) -> int:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    return 0


# ---- the edit / delete / restore commands every record kind has -------------------------
def given_changes(given: dict[str, Any], hint: str) -> dict[str, Any]:
    """The options the user gave (not None); a plain refusal naming `hint` when none."""
    changes = {k: v for k, v in given.items() if v is not None}
    if not changes:
        raise KnownError("Nothing to change: give {hint}.", hint=hint)
    return changes


def edit_record(
    noun: str, record_id: str, given: dict[str, Any], hint: str, update: Callable[..., Any]
) -> int:
    """Change the fields the user gave (see `given_changes`) and say how many changed."""
    changed = update(record_id, **given_changes(given, hint))
    print(f"{noun.capitalize()} {record_id[:8]}: {len(changed)} field(s) changed")
    return 0


def delete_record(noun: str, record_id: str, delete: Callable[[str], object]) -> int:
    delete(record_id)
    short = record_id[:8]
    print(f"Deleted {noun} {short} (undo with `{noun} restore {short}`)")
    return 0


def restore_record(noun: str, record_id: str, restore: Callable[[str], object]) -> int:
    restore(record_id)
    print(f"Restored {noun} {record_id[:8]}")
    return 0
