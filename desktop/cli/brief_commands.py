"""`dossier brief`: print a case's briefing pack to PDF; `demo-pack` for machines with no screen."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.briefing.model import (
    CITATION_STYLES,
    DEFAULT_BATES_PREFIX,
    SECTION_ORDER,
    BriefingOptions,
)
from desktop.cli.context import Context
from desktop.cli.vault_commands import DEMO_PASSPHRASE, create_demo_vault
from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError
from desktop.durable import write_atomically
from desktop.errors import KnownError, SystemReason
from desktop.paths import demo_vault_dir
from desktop.services.registry import Services
from desktop.store.vault import Vault


def register(sub: argparse._SubParsersAction) -> None:
    brief = sub.add_parser("brief", help="write a case's briefing pack as PDF")
    brief.add_argument("--case", help="case id or title (default: the only case)")
    brief.add_argument("--out", required=True, help="the PDF file to write")
    _options(brief)
    brief.set_defaults(run=run_brief)
    demo = sub.add_parser(
        "demo-pack", help="write the demo case's briefing pack (makes the demo vault if needed)"
    )
    demo.add_argument("--out", required=True)
    _options(demo)
    demo.set_defaults(run=run_demo_pack)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "ru"), default="en", help="language of labels")
    parser.add_argument("--redact", choices=("internal", "counsel", "public"), default="internal")
    parser.add_argument(
        "--from", dest="date_from", help="first date covered (YYYY-MM-DD or as typed)"
    )
    parser.add_argument("--to", dest="date_to", help="last date covered")
    parser.add_argument(
        "--marked-only", action="store_true", help="only items marked for the brief"
    )
    parser.add_argument(
        "--key-only", action="store_true", help="only the key facts in the chronology"
    )
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--prepared-for", default="")
    parser.add_argument("--prepared-by", default="")
    parser.add_argument(
        "--sections",
        default=",".join(SECTION_ORDER),
        help=f"comma-separated, from: {','.join(SECTION_ORDER)}",
    )
    parser.add_argument(
        "--bates-prefix",
        default=DEFAULT_BATES_PREFIX,
        help="printed with six digits as every page's bundle number (default: DOS-000001)",
    )
    parser.add_argument(
        "--citations",
        choices=CITATION_STYLES,
        default="column",
        help="citations in a sources column beside each fact, or as numbered footnotes",
    )
    parser.add_argument(
        "--marking",
        default="",
        help="confidentiality marking on the cover and every page (default: the profile's)",
    )
    parser.add_argument("--generated-on", help="date printed as 'generated on' (default: today)")
    parser.add_argument(
        "--readable-by-others",
        action="store_true",
        help="let other accounts on this computer read the PDF (default: only you, mode 0600)",
    )


def _day(text: str | None, flag: str, *, last: bool = False) -> dt.date | None:
    if not text:
        return None
    try:
        date = FuzzyDate.parse(text)
    except FuzzyDateError:
        raise KnownError("{flag}: that is not a date Dossier understands.", flag=flag) from None
    bound = date.latest() if last else date.earliest()
    if bound is None:
        raise KnownError("{flag} needs a date with a definite start and end.", flag=flag)
    return bound


def options_from(args: argparse.Namespace) -> BriefingOptions:
    sections = frozenset(s.strip() for s in args.sections.split(",") if s.strip())
    unknown = sections - set(SECTION_ORDER)
    if unknown:
        raise KnownError("Unknown section(s): {listed}.", listed=", ".join(sorted(unknown)))
    return BriefingOptions(
        generated_on=_day(args.generated_on, "--generated-on") or dt.date.today(),
        sections=sections,
        date_from=_day(args.date_from, "--from"),
        date_to=_day(args.date_to, "--to", last=True),
        marked_only=args.marked_only,
        key_only=args.key_only,
        lang=args.lang,
        paper=args.paper,
        redaction=args.redact,
        prepared_for=args.prepared_for,
        prepared_by=args.prepared_by,
        bates_prefix=args.bates_prefix,
        confidentiality=" ".join(args.marking.split()),
        citations=args.citations,
    )


def output_path(text: str, *, make_folder: bool = False) -> Path:
    """Where to write a pack: its folder must exist (a typo must not create folders)."""
    out = Path(text)
    if make_folder:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KnownError(
                "Cannot create the folder {parent}: {reason}.",
                parent=out.parent,
                reason=SystemReason.of(exc),
            ) from None
    if not out.parent.is_dir():
        raise KnownError(
            "The folder {parent} does not exist; create it first or choose another --out.",
            parent=out.parent,
        )
    if out.is_dir():
        raise KnownError(
            "{out} is a folder; give a file name such as {example}.",
            out=out,
            example=out / "brief.pdf",
        )
    return out


def write_pack(
    services: Services, case_id: str, args: argparse.Namespace, *, make_folder: bool = False
) -> int:
    out = output_path(args.out, make_folder=make_folder)  # checked before the slow build
    options = options_from(args)
    pack = services.briefs.build(case_id, options)
    try:
        write_atomically(out, pack.pdf, private=not args.readable_by_others)
    except OSError as exc:
        raise KnownError(
            "Cannot write {out}: {reason}.", out=args.out, reason=SystemReason.of(exc)
        ) from None
    print(f"Wrote {out} ({pack.pages} pages)")
    print(f"SHA-256 {pack.sha256}")
    if pack.redaction_check is not None:
        print(pack.redaction_check.summary())
    if pack.uncleared:
        print(
            f"{pack.uncleared} attachment(s) left out: not cleared for {options.redaction} "
            f"packs (see `attach list`; `attach clear ATTACHMENT --for {options.redaction}`)."
        )
    return 0


def run_brief(ctx: Context) -> int:
    return write_pack(ctx.services, ctx.case_id(), ctx.args)


def run_demo_pack(ctx: Context) -> int:
    folder = demo_vault_dir()
    if not Vault.exists(folder):
        create_demo_vault(folder)
        print(f"Created the demo vault in {folder} (passphrase: {DEMO_PASSPHRASE}).")
    vault = Vault.unlock_with_passphrase(folder, DEMO_PASSPHRASE)
    try:
        services = Services.over(vault, actor="demo")
        case = next((c for c in services.cases.list_cases() if c.is_sample), None)
        if case is None:
            raise KnownError("The demo vault holds no sample case.")
        # The demo pack's default place (build/) is Dossier's own, made when missing.
        return write_pack(services, case.id, ctx.args, make_folder=True)
    finally:
        vault.lock()
