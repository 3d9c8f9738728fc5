"""`dossier export FORMAT`: a case for other tools (spreadsheets, calendars, TimelineJS,
Aleph, Uwazi, EDTF JSON), through the briefing pack's selection, redaction and leak gate."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.briefing.exports.formats import FORMATS, MAX_ALARM_DAYS, ExportSettings
from desktop.briefing.model import BriefingOptions
from desktop.cli.brief_commands import _day
from desktop.cli.context import Context
from desktop.services.exports import ExportService


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="export a case for other tools: " + ", ".join(FORMATS),
        description="Export a case through the briefing pack's selection and redaction. "
        "csv and uwazi-csv write a folder of files, or one zip when --out ends in .zip.",
    )
    export.add_argument("format", choices=tuple(FORMATS), help="what to write")
    export.add_argument("--case", help="case id or title (default: the only case)")
    export.add_argument("--out", required=True, help="the file (or folder) to write")
    export.add_argument("--redact", choices=("internal", "counsel", "public"), default="internal")
    export.add_argument("--from", dest="date_from", help="first date covered")
    export.add_argument("--to", dest="date_to", help="last date covered")
    export.add_argument(
        "--marked-only", action="store_true", help="only items marked for the brief"
    )
    export.add_argument("--key-only", action="store_true", help="only the key facts")
    export.add_argument("--lang", choices=("en", "ru"), default="en", help="language of labels")
    export.add_argument(
        "--alarm-days",
        type=int,
        default=7,
        metavar="N",
        help=f"ics: remind N days before a deadline (0 to {MAX_ALARM_DAYS}; 0: no reminder)",
    )
    export.add_argument(
        "--with-key-facts", action="store_true", help="ics: add the dated key facts too"
    )
    export.add_argument(
        "--title",
        default="",
        help="title for the timeline's first slide, the calendar and the JSON "
        "(default: the case's)",
    )
    export.add_argument(
        "--generated-on", help="the export's date: overdue, calendar stamps (default: today)"
    )
    export.add_argument(
        "--readable-by-others",
        action="store_true",
        help="let other accounts on this computer read the files (default: only you)",
    )
    export.set_defaults(run=run_export)


def options_from(args: argparse.Namespace) -> BriefingOptions:
    """The same selection a pack with these flags would make."""
    return BriefingOptions(
        generated_on=_day(args.generated_on, "--generated-on") or dt.date.today(),
        date_from=_day(args.date_from, "--from"),
        date_to=_day(args.date_to, "--to", last=True),
        marked_only=args.marked_only,
        key_only=args.key_only,
        lang=args.lang,
        redaction=args.redact,
    )


def run_export(ctx: Context) -> int:
    args = ctx.args
    out = Path(args.out)
    options = options_from(args)
    settings = ExportSettings(
        alarm_days=args.alarm_days, with_key_facts=args.with_key_facts, title=args.title
    )
    ExportService.check_target(args.format, out)  # before unlocking and building
    services = ctx.services
    exports = ExportService(services.store, services.briefs)
    export = exports.build(ctx.case_id(), args.format, options, settings)
    written = exports.write(export, out, private=not args.readable_by_others)
    content = export.content
    print(
        f"Wrote {out} ({args.format}: {len(content.events)} facts, {len(content.people)} people, "
        f"{len(content.complaints)} complaints, {len(content.sources)} sources)"
    )
    if len(written) == 1:
        print(f"SHA-256 {written[0].sha256}")
    else:
        for file in written:
            print(f"SHA-256 {file.sha256}  {file.path.name}")
    if export.check is not None:
        print(export.check.summary())
    return 0
