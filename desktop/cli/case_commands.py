"""`case add | edit | delete | restore`, and `case list/show --json`."""

from __future__ import annotations

import argparse
import dataclasses

from desktop.cli import translations
from desktop.cli.context import Context
from desktop.cli.groups import (
    delete_record,
    given_changes,
    print_json,
    restore_record,
    subcommands,
    with_json,
)
from desktop.core.enums import CaseStatus


def register(sub: argparse._SubParsersAction) -> None:
    case = subcommands(sub, "case", "case files")
    add = case.add_parser("add", help="start a new case")
    add.add_argument("title")
    add.add_argument("--summary", default="")
    translations.add_flags(add, ("title", "summary"))
    add.add_argument("--status", choices=[s.value for s in CaseStatus], default="open")
    add.set_defaults(run=case_add)
    edit = case.add_parser("edit", help="change a case's title, summary or status")
    edit.add_argument("case", help="case id (any prefix `case list` prints) or title")
    edit.add_argument("--title")
    edit.add_argument("--summary")
    translations.add_flags(edit, ("title", "summary"))
    edit.add_argument("--status", choices=[s.value for s in CaseStatus])
    edit.set_defaults(run=case_edit)
    for action, run in (("delete", case_delete), ("restore", case_restore)):
        parser = case.add_parser(action, help=f"{action} a case (deleting can be undone)")
        parser.add_argument("case", help="case id (any prefix `case list` prints) or title")
        parser.set_defaults(run=run)
    with_json(case, "list", case_list_json)
    with_json(case, "show", case_show_json)


def case_add(ctx: Context) -> int:
    a = ctx.args
    fields = {"summary": a.summary, **translations.values(a, ("title", "summary"))}
    title = str(fields.pop("title", a.title))
    case_id = ctx.services.cases.create_case(title, status=a.status, **fields)
    print(f"Added case {case_id[:8]}: {a.title.strip()}")
    return 0


def case_edit(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.find_case(a.case)
    stored = ctx.services.cases.get_case(case_id)
    changes = given_changes(
        {
            "title": a.title,
            "summary": a.summary,
            "status": a.status,
            **translations.values(a, ("title", "summary"), stored.text_lang, stored.title),
        },
        "--title, --summary or --status",
    )
    ctx.services.cases.update_case(case_id, **changes)
    print(f"Case {case_id[:8]}: {ctx.services.cases.get_case(case_id).title}")
    return 0


def case_delete(ctx: Context) -> int:
    return delete_record("case", ctx.find_case(ctx.args.case), ctx.services.cases.delete_case)


def case_restore(ctx: Context) -> int:
    case_id = ctx.find_case(ctx.args.case, deleted=True)
    return restore_record("case", case_id, ctx.services.cases.restore_case)


def case_list_json(ctx: Context) -> int:
    return print_json([dataclasses.asdict(c) for c in ctx.services.cases.list_cases()])


def case_show_json(ctx: Context) -> int:
    case_id = ctx.case_id()
    data = dataclasses.asdict(ctx.services.cases.get_case(case_id))
    data["counts"] = ctx.services.cases.counts(case_id)
    return print_json(data)
