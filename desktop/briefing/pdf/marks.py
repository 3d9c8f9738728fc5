"""The small "(en)" / "(ru)" after a text a pack prints in the other language, for want of
a translation; the note that explains it heads each section that has one."""

from __future__ import annotations

from desktop.briefing.labels import label
from desktop.briefing.pdf.styles import text


def language_mark(lang: str, text_lang: str) -> str:
    """The mark for a text in `text_lang` in a pack in `lang`; "" when in the pack's."""
    if not text_lang:
        return ""
    return f" <i><font color='#5f5f6b'>{text(label(lang, f'text_in.{text_lang}'))}</font></i>"


def response_kind(lang: str, kind: str) -> str:
    """A response's kind as the pack's language says it, in brackets; "" when none."""
    return f" ({text(label(lang, f'response.{kind}'))})" if kind else ""
