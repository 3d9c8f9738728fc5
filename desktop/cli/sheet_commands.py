"""`import-sheet FILE...` (spreadsheets into a case) and `template --out FILE.xlsx|DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.groups import add_json_flag, print_json
from desktop.errors import KnownError
from desktop.services.sheetimport import RowsRefused, SheetImport, SheetReport
from desktop.services.sheetplan import Outcome
from desktop.services.sheettemplate import save_template


def register(sub: argparse._SubParsersAction) -> None:
    load = sub.add_parser(
        "import-sheet",
        help="import sources, people, events and complaints from .xlsx or .csv files",
    )
    load.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="an .xlsx workbook, or CSV files named sources.csv, people.csv, "
        "events.csv, complaints.csv",
    )
    load.add_argument("--case")
    load.add_argument(
        "--dry-run",
        action="store_true",
        help="report what would be created, matched or refused; change nothing",
    )
    load.add_argument(
        "--valid-rows",
        action="store_true",
        help="import the rows that pass even when others are refused",
    )
    load.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=COLUMN",
        help="read the file's column HEADER as the template's COLUMN "
        "(COLUMN empty: leave it out); repeatable",
    )
    add_json_flag(load)
    load.set_defaults(run=run_import)
    template = sub.add_parser("template", help="write the spreadsheet template for import-sheet")
    template.add_argument(
        "--out",
        required=True,
        metavar="FILE.xlsx|DIR",
        help="an .xlsx file, or a folder for CSV files",
    )
    template.set_defaults(run=run_template)


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, sep, column = pair.partition("=")
        if not sep or not header:
            raise KnownError("Give --column as HEADER=COLUMN, e.g. --column Datum=date.")
        mapping[header] = column.strip()
    return mapping


def _print(report: SheetReport, *, dry_run: bool) -> None:
    for row in report.rows:
        if row.outcome is not Outcome.UNCHANGED or row.detail != "imported before":
            print(row)
    prefix = "Dry run, nothing written: would be " if dry_run else ""
    print(prefix + report.summary() + ".")


def run_import(ctx: Context) -> int:
    args = ctx.args
    if args.dry_run and args.valid_rows:
        raise KnownError("--dry-run writes nothing; leave out --valid-rows or --dry-run.")
    sheets = SheetImport.read([Path(f) for f in args.files], _mapping(args.column))
    if not sheets:
        raise KnownError("Those files hold no sheet to import.")
    importer = SheetImport(ctx.services.store)
    case_id = ctx.case_id()
    try:
        if args.dry_run:
            report = importer.preview(case_id, sheets)
        else:
            report = importer.run(case_id, sheets, valid_rows=args.valid_rows)
    except RowsRefused as refused:
        if args.json:
            print_json(refused.report.as_json())
        else:
            for row in refused.report.refused:
                print(row)
        print(f"dossier: {refused}", file=sys.stderr)
        return refused.exit_code
    if args.json:
        return print_json(report.as_json())
    _print(report, dry_run=args.dry_run)
    return 0


def run_template(ctx: Context) -> int:
    for path in save_template(Path(ctx.args.out)):
        print(f"Wrote {path}")
    return 0
