"""Records written in two languages: which language a text is in, and which one to show.

Cases, events, complaints and sources keep their main text (title, description, summary,
subject) in one language and may keep a translation beside it (`title_alt`,
`description_alt`, `summary_alt`, `subject_alt`) in the other: Russian when the main text
is English, English when it is Russian. `text_lang` says which language the main text is
in; empty means "tell by the script of the title" (Cyrillic letters outnumbering Latin
ones: Russian), which is also how every record written before the translations existed
reads. Organisations keep their own pair, `name` and `name_ru`.

A briefing pack in one language shows each text in that language where it exists, and
otherwise the other one, saying so (`Shown.lang`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop.core.names import transliterate

TEXT_LANGS: Final = ("", "en", "ru")
"""Stored values of `text_lang`: by script, English, Russian."""
PAIR: Final = ("en", "ru")


def script_lang(text: str) -> str:
    """ "ru" when Cyrillic letters outnumber Latin ones in `text`, otherwise "en"."""
    cyrillic = latin = 0
    for char in text:
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    return "ru" if cyrillic > latin else "en"


def main_lang(text_lang: str, title: str) -> str:
    """The language of a record's main text: as stored, or told by its title's script."""
    return text_lang if text_lang in PAIR else script_lang(title)


def other_lang(lang: str) -> str:
    return "en" if lang == "ru" else "ru"


@dataclass(frozen=True)
class Shown:
    """A text chosen for a reader, and the language it is in."""

    text: str
    lang: str


def pick(want: str, lang: str, main: str, alt: str) -> Shown:
    """`main` (in `lang`) or its translation `alt` (in the other language): the one in
    `want` when it is there, else whichever is not empty."""
    if lang == want and main:
        return Shown(main, lang)
    if alt and other_lang(lang) == want:
        return Shown(alt, want)
    if main:
        return Shown(main, lang)
    return Shown(alt, other_lang(lang)) if alt else Shown("", want)


def name_in(want: str, display_name: str, variants: list[tuple[str, str]]) -> str:
    """A person's name as a reader of `want` expects it: in Russian the original Cyrillic
    name where one is stored, in English a Latin one (romanised when none is stored).

    `variants` are the stored names as (text, kind), kind being primary, original or alias.
    """
    ordered = sorted(variants, key=lambda v: {"original": 0, "primary": 1}.get(v[1], 2))
    texts = [display_name, *(text for text, _ in ordered if text.strip())]
    if want == "ru":
        originals = [t for t, kind in ordered if kind == "original" and script_lang(t) == "ru"]
        written = originals or [t for t in texts if script_lang(t) == "ru"]
        return written[0] if written else display_name
    if script_lang(display_name) == "en":
        return display_name
    latin = [t for t in texts if script_lang(t) == "en" and any(c.isalpha() for c in t)]
    return latin[0] if latin else transliterate(display_name)
