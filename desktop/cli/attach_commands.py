"""`dossier attach`: files kept in the vault, and clearing them for redacted packs.

A `counsel` or `public` pack includes an exhibit only once the user has cleared that
attachment for the profile (`attach clear ATTACHMENT --for public`); such a pack lists it
by its label and description, never its file name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.context import Context
from desktop.cli.output import table
from desktop.errors import KnownError
from desktop.services.sources import CLEARABLE


def register(sub: argparse._SubParsersAction) -> None:
    attach = sub.add_parser("attach", help="attached files and their clearance").add_subparsers(
        dest="attach_action", required=True
    )
    ls = attach.add_parser("list", help="a case's attachments and what they are cleared for")
    ls.add_argument("--case")
    ls.set_defaults(run=attach_list)
    add = attach.add_parser("add", help="store a file in the vault as an attachment")
    add.add_argument("file", help="the file to attach")
    add.add_argument("--case")
    add.add_argument("--source", help="the source it belongs to (label or title)")
    add.add_argument("--label", default="", help="exhibit label (default: the next EXH-n)")
    add.add_argument(
        "--description", default="", help="what redacted packs print instead of the file name"
    )
    add.set_defaults(run=attach_add)
    edit = attach.add_parser("edit", help="change an attachment's exhibit label or description")
    edit.add_argument("attachment", help="id (8+ characters), exhibit label or file name")
    edit.add_argument("--case")
    edit.add_argument("--label")
    edit.add_argument("--description")
    edit.set_defaults(run=attach_edit)
    clear = attach.add_parser(
        "clear", help="clear an attachment for counsel or public packs (or withdraw it)"
    )
    clear.add_argument("attachment", help="id (8+ characters), exhibit label or file name")
    clear.add_argument("--case")
    clear.add_argument("--for", dest="profile", choices=CLEARABLE, required=True)
    clear.add_argument(
        "--withdraw", action="store_true", help="no longer include it in packs of that profile"
    )
    clear.set_defaults(run=attach_clear)


def attach_list(ctx: Context) -> int:
    rows = []
    for a in ctx.services.sources.attachments(ctx.case_id()):
        cleared = [p for p in CLEARABLE if a.cleared_for(p)]
        rows.append(
            (
                a.id[:8],
                a.exhibit_label,
                a.file_name,
                a.description,
                ", ".join(cleared) or "-",
                "confidential" if a.confidential else "",
            )
        )
    print(table(("id", "label", "file", "description", "cleared for", ""), rows, max_width=40))
    return 0


def attach_add(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.case_id()
    source_id = None
    if a.source:
        wanted = a.source.casefold()
        matches = [
            s
            for s in ctx.services.sources.sources(case_id)
            if wanted in (s.label.casefold(), s.title.casefold())
        ]
        if len(matches) != 1:
            raise KnownError("Name one source of this case by its label or exact title.")
        source_id = matches[0].id
    (attachment_id,) = ctx.services.sources.attach_files(
        case_id,
        [Path(a.file)],
        source_id=source_id,
        exhibit_label=a.label,
        description=a.description,
    )
    print(f"Attached {attachment_id[:8]}: {Path(a.file).name} (cleared for no redacted pack)")
    return 0


def attach_edit(ctx: Context) -> int:
    a = ctx.args
    attachment = ctx.services.sources.find_attachment(ctx.case_id(), a.attachment)
    changes = {
        k: v
        for k, v in (("exhibit_label", a.label), ("description", a.description))
        if v is not None
    }
    if not changes:
        raise KnownError("Say what to change: --label and/or --description.")
    ctx.services.sources.update_attachment(attachment.id, **changes)
    print(f"Updated {attachment.id[:8]}")
    return 0


def attach_clear(ctx: Context) -> int:
    a = ctx.args
    attachment = ctx.services.sources.find_attachment(ctx.case_id(), a.attachment)
    ctx.services.sources.set_cleared(attachment.id, a.profile, not a.withdraw)
    label = attachment.exhibit_label or attachment.id[:8]
    if a.withdraw:
        print(f"{label} is no longer cleared for {a.profile} packs.")
    else:
        print(
            f"{label} is cleared for {a.profile} packs: they print its label and description, "
            "never its file name, and refuse it if its text names a protected person."
        )
    return 0
