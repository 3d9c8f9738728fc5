"""`--title-ru`, `--description-en`, `--text-lang` and the like: a record in two languages.

A record keeps its main text in one language and a translation in the other (see
`core.bilingual`). On the command line the user names the language of each text instead:
`--title-ru` is the Russian title, whichever of the two columns that is. The main
language is `--text-lang` when given, else the one already stored, else the one the
main title is written in (by its script).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from desktop.core.bilingual import PAIR, main_lang
from desktop.errors import KnownError

NAMES = {"en": "English", "ru": "Russian"}


def add_flags(parser: argparse.ArgumentParser, fields: Sequence[str]) -> None:
    """`--text-lang` and `--FIELD-ru` / `--FIELD-en` for each of `fields`."""
    main = "/".join(f"--{f}" for f in fields)
    parser.add_argument(
        "--text-lang", choices=PAIR, default=None,
        help=f"the language {main} is written in (default: told by the script)",
    )  # fmt: skip
    for field in fields:
        for lang in PAIR:
            parser.add_argument(
                f"--{field}-{lang}", dest=f"{field}_{lang}", default=None, metavar="TEXT",
                help=f"the {field} in {NAMES[lang]} (the main text or its translation)",
            )  # fmt: skip


def values(
    args: argparse.Namespace,
    fields: Sequence[str],
    stored_lang: str = "",
    stored_main: str = "",
) -> dict[str, object]:
    """The columns the flags set: main fields, `FIELD_alt`, and `text_lang`.

    `stored_lang`/`stored_main` are the record's language and main title when editing.
    A text given twice (`--title` and `--title-en` for an English record) is refused.
    """
    given = {f: getattr(args, f, None) for f in fields}
    by_lang = {(f, lang): getattr(args, f"{f}_{lang}") for f in fields for lang in PAIR}
    if args.text_lang is None and not any(v is not None for v in by_lang.values()):
        return {}
    main = given[fields[0]] or stored_main
    named = [lang for lang in PAIR if by_lang[(fields[0], lang)]]
    if not main and named:  # only `--subject-ru` given: that is the main text (with both,
        # English is, unless `--text-lang` says otherwise)
        main = str(by_lang[(fields[0], named[0])])
    lang = args.text_lang or stored_lang or main_lang("", main)
    out: dict[str, object] = {"text_lang": lang}
    for (field, text_lang), text in by_lang.items():
        if text is None:
            continue
        column = field if text_lang == lang else f"{field}_alt"
        if column == field and given[field] and given[field] != text:
            raise KnownError(
                "--{field} and --{field}-{text_lang} both give the {names} {field}; "
                "give one of them.",
                field=field,
                text_lang=text_lang,
                names=NAMES[lang],
            )
        out[column] = text
    return out
