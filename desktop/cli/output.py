"""Plain-text output for the terminal: aligned tables and search snippets."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> str:
    cells = [[str(c).replace("\n", " ") for c in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def plain_snippet(snippet: str) -> str:
    text = snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
    return " ".join(text.split())
