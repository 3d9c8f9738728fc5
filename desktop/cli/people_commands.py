"""`person edit | delete | restore | show`, `org add | list`, `posting add`; `--json` lists."""

from __future__ import annotations

import argparse
import dataclasses

from desktop.cli.context import Context
from desktop.cli.groups import (
    add_json_flag,
    delete_record,
    print_json,
    restore_record,
    subcommands,
    with_json,
)
from desktop.cli.ids import organisation_id, person_id, record, require_organisation
from desktop.cli.output import table
from desktop.core.enums import OrganisationKind, PersonKind
from desktop.errors import KnownError
from desktop.services.people import NameVariant, parse_names


def register(sub: argparse._SubParsersAction) -> None:
    person = subcommands(sub, "person", "people and officials")
    edit = person.add_parser("edit", help="change a person's name, kind or description")
    edit.add_argument("person", help="id (or prefix) or name")
    edit.add_argument("--case")
    edit.add_argument("--name", help="the name as usually written")
    edit.add_argument("--original", help="the name in its own script")
    edit.add_argument("--alias", action="append", help="replace the other spellings (repeatable)")
    edit.add_argument("--kind", choices=[k.value for k in PersonKind])
    edit.add_argument("--description")
    edit.add_argument("--allegations", help="what they are accused of (packs print it as such)")
    edit.set_defaults(run=person_edit)
    for action, run in (("delete", person_delete), ("restore", person_restore)):
        parser = person.add_parser(action, help=f"{action} a person")
        parser.add_argument("person", help="id (or prefix); delete also takes a name")
        parser.add_argument("--case")
        parser.set_defaults(run=run)
    show = person.add_parser("show", help="a person with names and postings")
    show.add_argument("person")
    show.add_argument("--case")
    add_json_flag(show)
    show.set_defaults(run=person_show)
    with_json(person, "list", person_list_json)

    org = subcommands(sub, "org", "organisations: agencies, courts, prosecutors, facilities")
    add = org.add_parser("add", help="add an organisation")
    add.add_argument("name")
    add.add_argument("--case")
    add.add_argument("--original", default="", help="its name in Russian")
    add.add_argument("--kind", choices=[k.value for k in OrganisationKind], default="other")
    add.add_argument("--parent", help="the organisation it belongs to (name or id)")
    add.set_defaults(run=org_add)
    ls = org.add_parser("list", help="the case's organisations")
    ls.add_argument("--case")
    add_json_flag(ls)
    ls.set_defaults(run=org_list)

    posting = subcommands(sub, "posting", "who held which role and rank where, and when")
    padd = posting.add_parser("add", help="add a posting to a person")
    padd.add_argument("person", help="name or id")
    padd.add_argument("--case")
    padd.add_argument("--org", required=True, help="organisation name or id")
    padd.add_argument("--role", default="")
    padd.add_argument("--rank", default="")
    padd.add_argument("--from", dest="start", default="", help="any date the date fields accept")
    padd.add_argument("--to", dest="end", default="")
    padd.set_defaults(run=posting_add)


def _person(ctx: Context, ref: str, *, deleted: bool | None = False) -> str:
    if deleted:
        return record(ctx, ref, "person", deleted=True).id
    found = record(ctx, ref, "person") if _looks_like_id(ref) else None
    return found.id if found else person_id(ctx, ctx.case_id(), ref)


def _looks_like_id(ref: str) -> bool:
    return len(ref) >= 4 and all(c in "0123456789abcdef-" for c in ref.lower())


def person_edit(ctx: Context) -> int:
    a = ctx.args
    target = _person(ctx, a.person)
    current = ctx.services.people.get_person(target)
    changes: dict[str, object] = {}
    if a.kind is not None:
        changes["kind"] = a.kind
    if a.description is not None:
        changes["description"] = a.description
    if a.allegations is not None:
        changes["allegations"] = a.allegations
    if a.name is not None or a.original is not None or a.alias is not None:
        names = parse_names(current.names)
        primary = a.name if a.name is not None else current.display_name
        original = (
            a.original
            if a.original is not None
            else next((n.text for n in names if n.kind == "original"), "")
        )
        aliases = a.alias if a.alias is not None else [n.text for n in names if n.kind == "alias"]
        variants = [NameVariant(primary, kind="primary")]
        if original:
            variants.append(NameVariant(original, kind="original"))
        variants += [NameVariant(x) for x in aliases]
        changes.update(display_name=primary, names=variants)
    if not changes:
        raise KnownError("Nothing to change: give --name, --kind, --description and the like.")
    ctx.services.people.update_person(target, **changes)
    print(f"Person {target[:8]}: {ctx.services.people.get_person(target).display_name}")
    return 0


def person_delete(ctx: Context) -> int:
    target = _person(ctx, ctx.args.person)
    return delete_record("person", target, ctx.services.people.delete_person)


def person_restore(ctx: Context) -> int:
    target = _person(ctx, ctx.args.person, deleted=True)
    return restore_record("person", target, ctx.services.people.restore_person)


def _person_data(ctx: Context, person_id_: str) -> dict[str, object]:
    p = ctx.services.people.get_person(person_id_)
    data = dataclasses.asdict(p)
    data["names"] = [dataclasses.asdict(n) for n in parse_names(p.names)]
    return data


def person_show(ctx: Context) -> int:
    target = _person(ctx, ctx.args.person)
    data = _person_data(ctx, target)
    orgs = {o.id: o.name for o in ctx.services.people.organisations(ctx.case_id())}
    data["postings"] = [
        {**dataclasses.asdict(x), "organisation": orgs.get(x.organisation_id, "")}
        for x in ctx.services.people.postings(target)
    ]
    if ctx.args.json:
        return print_json(data)
    print(f"{data['display_name']} ({data['kind']})")
    for n in data["names"]:  # type: ignore[attr-defined]
        print(f"  {n['kind']}: {n['text']}")
    for x in data["postings"]:  # type: ignore[attr-defined]
        print(f"  {x['role']} {x['rank']} — {x['organisation']}".rstrip())
    return 0


def person_list_json(ctx: Context) -> int:
    people = ctx.services.people.persons(ctx.case_id())
    return print_json([_person_data(ctx, p.id) for p in people])


def org_add(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.case_id()
    parent = require_organisation(ctx, case_id, a.parent) if a.parent else None
    if organisation_id(ctx, case_id, a.name) is not None:
        raise KnownError("{name!r} is already in this case (see `org list`).", name=a.name.strip())
    new_id = ctx.services.people.add_organisation(
        case_id, a.name, name_ru=a.original, kind=a.kind, parent_id=parent
    )
    print(f"Added organisation {new_id[:8]}: {a.name.strip()}")
    return 0


def org_list(ctx: Context) -> int:
    orgs = ctx.services.people.organisations(ctx.case_id())
    if ctx.args.json:
        return print_json([dataclasses.asdict(o) for o in orgs])
    names = {o.id: o.name for o in orgs}
    rows = [(o.id[:8], o.name, o.name_ru, names.get(o.parent_id or "", "")) for o in orgs]
    print(table(("id", "name", "original", "part of"), rows, max_width=50))
    return 0


def posting_add(ctx: Context) -> int:
    a = ctx.args
    case_id = ctx.case_id()
    who = person_id(ctx, case_id, a.person)
    org = require_organisation(ctx, case_id, a.org)
    new_id = ctx.services.people.add_posting(
        who, org, role=a.role, rank=a.rank, start=a.start, end=a.end
    )
    print(f"Added posting {new_id[:8]}")
    return 0
