"""One name matcher for search and redaction.

`person_forms` lists every surface form of a person's name (case forms, initials,
romanisations, file-name spellings); `NameFinder` finds those forms in any text as whole
words, through case, ё/е, soft hyphens, zero-width characters, look-alike letters and
words broken at line ends, and gives offsets into the original text.
"""

from __future__ import annotations

from desktop.core.namematch.finder import NameFinder, NameHit
from desktop.core.namematch.folding import fold_for_match
from desktop.core.namematch.forms import person_forms, split_name

__all__ = ["NameFinder", "NameHit", "fold_for_match", "person_forms", "split_name"]
