"""`source add | edit | delete | restore | list`, `cite RECORD --source S1`, `tag` (files:
see attach_commands)."""

from __future__ import annotations

import argparse
import dataclasses

from desktop.cli import translations
from desktop.cli.context import Context
from desktop.cli.groups import (
    add_json_flag,
    delete_record,
    edit_record,
    print_json,
    restore_record,
    subcommands,
)
from desktop.cli.ids import citable, record, source_id
from desktop.cli.output import table
from desktop.core.enums import Reliability, SourceKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import KnownError


def register(sub: argparse._SubParsersAction) -> None:
    source = subcommands(sub, "source", "sources: reports, judgments, articles")
    add = source.add_parser("add", help="add a source with a short label such as S1")
    add.add_argument("--case")
    add.add_argument("--label", default="", help="short label used to cite it, e.g. S1")
    add.add_argument("--title", required=True)
    translations.add_flags(add, ("title",))
    add.add_argument("--url", default="")
    add.add_argument("--author", default="")
    add.add_argument("--publisher", default="")
    add.add_argument("--date", default="", help="any date the date fields accept")
    add.add_argument("--kind", choices=[k.value for k in SourceKind], default="other")
    add.add_argument("--language", default="")
    add.add_argument("--reliability", choices=[r.value for r in Reliability], default="unknown")
    add.set_defaults(run=source_add)
    edit = source.add_parser("edit", help="change a source (its label, title, date...)")
    edit.add_argument("source", help="the source's label (S1) or id")
    edit.add_argument("--case")
    edit.add_argument("--label", help="short label used to cite it, e.g. S1")
    edit.add_argument("--title")
    translations.add_flags(edit, ("title",))
    edit.add_argument("--url")
    edit.add_argument("--author")
    edit.add_argument("--publisher")
    edit.add_argument("--date", help="any date the date fields accept ('' clears it)")
    edit.add_argument("--kind", choices=[k.value for k in SourceKind])
    edit.add_argument("--language")
    edit.add_argument("--reliability", choices=[r.value for r in Reliability])
    edit.set_defaults(run=source_edit)
    for action, run in (("delete", source_delete), ("restore", source_restore)):
        parser = source.add_parser(action, help=f"{action} a source (its citations go with it)")
        parser.add_argument("source", help="the source's label (S1) or id")
        parser.add_argument("--case")
        parser.set_defaults(run=run)
    ls = source.add_parser("list", help="the case's sources")
    ls.add_argument("--case")
    add_json_flag(ls)
    ls.set_defaults(run=source_list)

    cite = sub.add_parser("cite", help="back an event, person, posting or complaint with a source")
    cite.add_argument("record", help="id (or prefix) of an event, person, posting or complaint")
    cite.add_argument("--source", required=True, help="the source's label (S1) or id")
    cite.add_argument("--pin", default="", help="pinpoint: ¶2, p. 14")
    cite.add_argument("--quote", default="")
    cite.set_defaults(run=run_cite)

    tag = sub.add_parser("tag", help="`tag add NAME`, `tag list`, or `tag RECORD NAME`")
    tag.add_argument("first", metavar="add|list|RECORD")
    tag.add_argument("name", nargs="?")
    tag.add_argument("--case")
    add_json_flag(tag)
    tag.set_defaults(run=run_tag)


def source_add(ctx: Context) -> int:
    a = ctx.args
    extra = translations.values(a, ("title",))
    new_id = ctx.services.sources.add_source(
        ctx.case_id(),
        str(extra.pop("title", a.title)),
        label=a.label,
        url=a.url,
        author=a.author,
        publisher=a.publisher,
        date=a.date,
        kind=a.kind,
        language=a.language,
        reliability=a.reliability,
        **extra,
    )
    print(f"Added source {new_id[:8]}" + (f" ({a.label})" if a.label else ""))
    return 0


def source_edit(ctx: Context) -> int:
    a = ctx.args
    target = source_id(ctx, ctx.case_id(), a.source)
    given = {
        "label": a.label,
        "title": a.title,
        "url": a.url,
        "author": a.author,
        "publisher": a.publisher,
        "date": a.date,
        "kind": a.kind,
        "language": a.language,
        "reliability": a.reliability,
    }
    stored = ctx.services.sources.get_source(target)
    given.update(translations.values(a, ("title",), stored.text_lang, stored.title))
    return edit_record(
        "source",
        target,
        given,
        "--title, --label, --date and the like",
        ctx.services.sources.update_source,
    )


def source_delete(ctx: Context) -> int:
    target = source_id(ctx, ctx.case_id(), ctx.args.source)
    return delete_record("source", target, ctx.services.sources.delete_source)


def source_restore(ctx: Context) -> int:
    target = record(ctx, ctx.args.source, "source", deleted=True).id
    return restore_record("source", target, ctx.services.sources.restore_source)


def source_list(ctx: Context) -> int:
    sources = ctx.services.sources.sources(ctx.case_id())
    if ctx.args.json:
        return print_json([dataclasses.asdict(s) for s in sources])
    rows = [
        (s.id[:8], s.label, s.title, s.author, FuzzyDate.from_edtf(s.date_edtf).display())
        for s in sources
    ]
    print(table(("id", "label", "title", "author", "date"), rows, max_width=50))
    return 0


def run_cite(ctx: Context) -> int:
    a = ctx.args
    target = citable(ctx, a.record)
    if target.case_id is None:
        raise KnownError("That record belongs to no case.")
    source = source_id(ctx, target.case_id, a.source)
    new_id = ctx.services.sources.cite(source, target.kind, target.id, a.pin, a.quote)
    print(f"Cited {a.source} on {target.kind} {target.id[:8]} ({new_id[:8]})")
    return 0


def run_tag(ctx: Context) -> int:
    a = ctx.args
    if a.first == "list":
        tags = ctx.services.tags.tags(ctx.case_id())
        if a.json:
            return print_json([dataclasses.asdict(t) for t in tags])
        print("\n".join(t.name for t in tags) or "No tags.")
        return 0
    if not a.name:
        raise KnownError("Give the tag's name: `tag add NAME` or `tag RECORD NAME`.")
    if a.first == "add":
        tag_id = ctx.services.tags.add_tag(ctx.case_id(), a.name)
        print(f"Tag {tag_id[:8]}: {a.name.strip()}")
        return 0
    target = record(ctx, a.first, "event", "person", "organisation", "complaint", "source")
    if target.case_id is None:
        raise KnownError("That record belongs to no case.")
    ctx.services.tags.tag(target.case_id, target.kind, target.id, a.name)
    print(f"Tagged {target.kind} {target.id[:8]}: {a.name.strip()}")
    return 0
