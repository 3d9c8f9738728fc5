"""Finding a set of name forms in text: one compiled expression over folded text.

The forms are folded like the text (see `folding`) and compiled into one regular
expression shaped as a trie (forms sharing a beginning share its branch), so matching
costs about the same for ten forms or ten thousand. A form matches only as whole words:
never inside a longer word ("Петров" does not hit "Петровка"), but digits, underscores,
dots and hyphens may touch it, as in file names ("2009-petrova_statement.pdf").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.namematch.folding import FoldedText, join_line_end_hyphens

_LETTER = r"[^\W\d_]"
# How the pieces of a folded form are written as expression atoms. Whitespace matches
# any run of whitespace (line breaks, no-break spaces); after an initial's dot the space
# is optional ("Е.Петрова", "И. П. Сидоров"); hyphens and apostrophes match their kin.
_FORM_PIECE = re.compile(r"\s+|\.|[-‐]|'|.", re.DOTALL)
_SPACE_AFTER_DOT = re.compile(r"\.\s*")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NameHit:
    start: int  # offsets into the ORIGINAL text passed to find()
    end: int
    form: str  # the form that matched


def _key(folded: str) -> str:
    """A folded form or matched text in one canonical spelling (for looking up the form)."""
    return _SPACE_AFTER_DOT.sub(".", _SPACES.sub(" ", folded.strip()))


def _atoms(key: str) -> list[str]:
    atoms: list[str] = []
    for piece in _FORM_PIECE.findall(key):
        if piece.isspace():
            atoms.append(r"\s+")
        elif piece == ".":
            atoms += [r"\.", r"\s*"]
        elif piece in "-‐":
            atoms.append("-")
        elif piece == "'":
            atoms.append("'")
        else:
            atoms.append(re.escape(piece))
    while atoms and atoms[-1] == r"\s*":  # a form ending in an initial ("Петрова Е.И.")
        atoms.pop()
    return atoms


_END = ""  # trie key marking the end of a form


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [atom + _trie_pattern(child) for atom, child in node.items() if atom != _END]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    body = "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
    # Optional after the longer branches: the regex engine tries the longest form first
    # and falls back to the shorter one when the longer one is not a whole word.
    return body + "?" if _END in node else body


class NameFinder:
    """Finds any of `forms` in texts, as whole words, whatever their spelling tricks."""

    def __init__(self, forms: Iterable[str]) -> None:
        self._forms: dict[str, str] = {}
        for form in forms:
            key = _key(FoldedText.of(form).text)
            if any(ch.isalnum() for ch in key):
                self._forms.setdefault(key, form)
        trie: dict[str, dict] = {}
        for key in self._forms:
            node = trie
            for atom in _atoms(key):
                node = node.setdefault(atom, {})
            node[_END] = {}
        body = _trie_pattern(trie)
        # Initials the forms do not know travel with the name: a patronymic's initial after
        # a form ending in an initial ("Петровой Е.А." when only "Петровой Е." is known),
        # or initials before it ("Е.А. Петровой"). Left behind, they would point at the
        # person the name was taken out for.
        initials = rf"(?:{_LETTER}\.\s*)*"
        trailing = rf"(?:(?<=\.)\s*{_LETTER}\.)*"
        self._pattern = (
            re.compile(f"(?<!{_LETTER}){initials}(?P<name>{body}){trailing}(?!{_LETTER})")
            if self._forms
            else None
        )

    @property
    def forms(self) -> frozenset[str]:
        return frozenset(self._forms.values())

    def find(self, text: str) -> list[NameHit]:
        """Every place a form occurs in `text`, in order, overlaps merged."""
        if self._pattern is None:
            return []
        hits = self._scan(text, None)
        joined = join_line_end_hyphens(text)
        if joined is not None:
            hits += self._scan(joined[0], joined[1])
        return _merged(hits)

    def redact(self, text: str, replacement: str) -> str:
        """`text` with every hit replaced by `replacement`."""
        out: list[str] = []
        last = 0
        for hit in self.find(text):
            out += [text[last : hit.start], replacement]
            last = hit.end
        out.append(text[last:])
        return "".join(out)

    def _scan(self, text: str, source: list[int] | None) -> list[NameHit]:
        assert self._pattern is not None
        folded = FoldedText.of(text)
        hits = []
        for match in self._pattern.finditer(folded.text):
            start, end = folded.span(*match.span())
            if source is not None:
                start, end = source[start], source[end - 1] + 1
            form = self._forms.get(_key(match.group("name")), match.group("name"))
            hits.append(NameHit(start, end, form))
        return hits


def _merged(hits: list[NameHit]) -> list[NameHit]:
    hits.sort(key=lambda h: (h.start, -h.end))
    merged: list[NameHit] = []
    for hit in hits:
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            if hit.end > last.end:
                merged[-1] = NameHit(last.start, hit.end, last.form)
            continue
        merged.append(hit)
    return merged
