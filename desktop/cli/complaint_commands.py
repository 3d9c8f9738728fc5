"""`complaint respond | escalate | edit | delete | restore | show | link | unlink`,
`complaint list --json`."""

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
    with_json,
)
from desktop.cli.ids import complaint_id, event_id, organisation_id
from desktop.core.enums import ComplaintStatus, ResponseKind
from desktop.errors import KnownError


def register(sub: argparse._SubParsersAction) -> None:
    complaint = subcommands(sub, "complaint", "the complaints register")
    respond = complaint.add_parser("respond", help="record the body's reply to a complaint")
    respond.add_argument("complaint", help="complaint id or a prefix of it")
    respond.add_argument("--date", required=True, help="when it was received")
    respond.add_argument("--kind", choices=[k.value for k in ResponseKind], default="other")
    respond.add_argument("--text", default="", help="what it says, in short")
    respond.set_defaults(run=complaint_respond)
    escalate = complaint.add_parser("escalate", help="a complaint to a higher body, linked")
    escalate.add_argument("complaint")
    escalate.add_argument("--body", required=True, help="the higher body (name or description)")
    escalate.add_argument("--filed", default="", help="date filed")
    escalate.add_argument("--due", default="", help="response due: one day, any way written")
    escalate.add_argument("--status", choices=[s.value for s in ComplaintStatus])
    escalate.set_defaults(run=complaint_escalate)
    edit = complaint.add_parser("edit", help="change a complaint")
    edit.add_argument("complaint")
    edit.add_argument("--filed")
    edit.add_argument("--by", dest="filed_by")
    edit.add_argument("--subject")
    translations.add_flags(edit, ("subject",))
    edit.add_argument("--reference")
    edit.add_argument("--registration")
    edit.add_argument("--due", help="response due: one day, any way written ('' clears it)")
    edit.add_argument("--status", choices=[s.value for s in ComplaintStatus])
    edit.add_argument("--outcome")
    edit.set_defaults(run=complaint_edit)
    for action, run in (("delete", complaint_delete), ("restore", complaint_restore)):
        parser = complaint.add_parser(action, help=f"{action} a complaint")
        parser.add_argument("complaint")
        parser.set_defaults(run=run)
    for action, run, text in (
        ("link", complaint_link, "say the complaint concerns an event"),
        ("unlink", complaint_unlink, "take that back"),
    ):
        parser = complaint.add_parser(action, help=text)
        parser.add_argument("complaint")
        parser.add_argument("--event", required=True, help="event id or a prefix of it")
        parser.set_defaults(run=run)
    show = complaint.add_parser("show", help="a complaint with its parties and responses")
    show.add_argument("complaint")
    add_json_flag(show)
    show.set_defaults(run=complaint_show)
    with_json(complaint, "list", complaint_list_json)


def complaint_respond(ctx: Context) -> int:
    a = ctx.args
    target = complaint_id(ctx, a.complaint)
    new_id = ctx.services.complaints.add_response(target, a.date, a.kind, summary=a.text)
    print(f"Added response {new_id[:8]} to complaint {target[:8]}")
    return 0


def complaint_escalate(ctx: Context) -> int:
    a = ctx.args
    target = complaint_id(ctx, a.complaint)
    case_id = ctx.services.complaints.get_complaint(target).case_id
    body = organisation_id(ctx, case_id, a.body)
    fields: dict[str, object] = {
        "body_id": body,
        "body_detail": "" if body else a.body,
        "filed_on": a.filed,
        "response_due": a.due or None,
    }
    if a.status:
        fields["status"] = a.status
    new_id = ctx.services.complaints.escalate(target, **fields)
    print(f"Escalated complaint {target[:8]} as {new_id[:8]}")
    return 0


def complaint_edit(ctx: Context) -> int:
    a = ctx.args
    target = complaint_id(ctx, a.complaint)
    given = {
        "filed_on": a.filed,
        "filed_by": a.filed_by,
        "subject": a.subject,
        "our_reference": a.reference,
        "registration_number": a.registration,
        "response_due": a.due,
        "status": a.status,
        "outcome": a.outcome,
    }
    stored = ctx.services.complaints.get_complaint(target)
    given.update(translations.values(a, ("subject",), stored.text_lang, stored.subject))
    return edit_record(
        "complaint",
        target,
        given,
        "--status, --due, --subject and the like",
        ctx.services.complaints.update_complaint,
    )


def complaint_delete(ctx: Context) -> int:
    target = complaint_id(ctx, ctx.args.complaint)
    return delete_record("complaint", target, ctx.services.complaints.delete_complaint)


def complaint_restore(ctx: Context) -> int:
    target = complaint_id(ctx, ctx.args.complaint, deleted=True)
    return restore_record("complaint", target, ctx.services.complaints.restore_complaint)


def complaint_link(ctx: Context) -> int:
    target = complaint_id(ctx, ctx.args.complaint)
    ctx.services.complaints.link_event(target, event_id(ctx, ctx.args.event))
    print(f"Linked complaint {target[:8]} to the event")
    return 0


def complaint_unlink(ctx: Context) -> int:
    target = complaint_id(ctx, ctx.args.complaint)
    event = event_id(ctx, ctx.args.event)
    service = ctx.services.complaints
    links = [link for link, e in service.linked_events(target) if e.id == event]
    if not links:
        raise KnownError("That complaint is not linked to that event.")
    for link in links:
        service.unlink_event(link)
    print(f"Unlinked complaint {target[:8]} from the event")
    return 0


def complaint_show(ctx: Context) -> int:
    target = complaint_id(ctx, ctx.args.complaint)
    service = ctx.services.complaints
    data = dataclasses.asdict(service.get_complaint(target))
    data["against"] = [dataclasses.asdict(t) for t in service.targets(target)]
    data["responses"] = [dataclasses.asdict(r) for r in service.responses(target)]
    data["events"] = [
        {"id": e.id, "date_edtf": e.date_edtf, "title": e.title}
        for _link, e in service.linked_events(target)
    ]
    if ctx.args.json:
        return print_json(data)
    for key in ("id", "status", "filed_edtf", "subject", "subject_alt", "response_due",
                "escalated_from_id"):  # fmt: skip
        if data.get(key):
            print(f"{key:>18}: {data[key]}")
    for e in data["events"]:
        print(f"{'concerns':>18}: {e['id'][:8]} {e['date_edtf']} {e['title']}")
    for r in data["responses"]:
        print(f"{'response':>18}: {r['received_edtf']} {r['kind']} {r['summary']}".rstrip())
    return 0


def complaint_list_json(ctx: Context) -> int:
    rows = ctx.services.complaints.register(ctx.case_id())
    return print_json(
        [
            {
                **dataclasses.asdict(r.complaint),
                "filed": r.filed.display(),
                "body": r.body_name,
                "against": list(r.against),
                "days_left": r.days_left,
                "overdue": r.overdue,
            }
            for r in rows
        ]
    )
