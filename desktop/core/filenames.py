"""Safe file names for attachments: stored names and names offered when saving a copy.

An attachment's name comes from outside (a file dropped in, a bundle from another
laptop, an import), and it is shown in lists and offered as the name of a saved copy. So
it must be one plain name: no folders (`../../etc/cron.d/x`), no line breaks or other
control characters (a name that fakes a second line in a list), no invisible format or
bidirectional controls (U+202E makes `gpj.exe` read as `exe.jpg`), nothing Windows
refuses (`<>:"|?*`, a trailing dot or space, CON, NUL, COM1…), and not longer than file
systems allow (255 bytes; kept to 200 so a "(2)" still fits).
"""

from __future__ import annotations

import re
import unicodedata

FALLBACK = "attachment"
MAX_NAME_BYTES = 200
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _visible(ch: str) -> bool:
    """Not a control (Cc), format (Cf: bidi marks, zero-width), separator or unassigned."""
    return unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def _shorten(name: str) -> str:
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension.encode("utf-8")) > 16:
        stem, extension = name, ""
    budget = MAX_NAME_BYTES - len(extension.encode("utf-8")) - (1 if extension else 0)
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(" .")
    return f"{cut}.{extension}" if extension else cut


def safe_file_name(name: str) -> str:
    """One harmless file name that keeps as much of `name` as can be kept."""
    text = unicodedata.normalize("NFC", name)
    text = re.split(r"[/\\]", text)[-1]  # the last part of any path, either kind of slash
    text = "".join(ch for ch in text if _visible(ch))
    text = _WINDOWS_FORBIDDEN.sub("_", text)
    text = _SPACES.sub(" ", text).strip().rstrip(".").strip()
    if text in {"", ".", ".."}:
        return FALLBACK
    if _WINDOWS_RESERVED.fullmatch(text):
        text = f"_{text}"
    return _shorten(text) or FALLBACK
