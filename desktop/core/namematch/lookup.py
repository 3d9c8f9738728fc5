"""Which people a typed name finds: filters, pickers, and the "similar names" of search.

`NameIndex` holds the keys of each person's names (every word of every stored variant,
their Russian case forms, skeletons and lemma keys) and answers two questions:
`matching` (every query word is the beginning of a key: the People filter and the person
pickers, typed letter by letter) and `similar` (spellings the keys do not cover, such
as "Kouznetsov" or "Kusnezow" for Кузнецов, scored with rapidfuzz over the skeletons;
shown apart from exact hits, never mixed into them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from desktop.core.namematch.forms import split_name
from desktop.core.namematch.morphology import case_forms, is_cyrillic_word
from desktop.core.namematch.wordkeys import latin_stem_key, lemma_keys, word_keys
from desktop.core.names import fold, skeleton, tokens, word_parts

# Measured by bench/names.py on the labelled list in tests/data/name_pairs.tsv: precision
# and recall are both full from 0.76 to 0.85 (below, "Sidorenko" is taken for Сидоров; above,
# "Kasymov" is lost for Қасымов); 0.82 keeps a margin on both sides.
SIMILAR_THRESHOLD = 0.82

# Spellings of one sound that romanisations disagree on, merged for similarity only:
# French "ou", Polish "ie", German "s"/"z" for з/ц, "-off" for "-ов".
_LOOSE = (("ou", "u"), ("ie", "e"), ("ch", "h"), ("z", "s"), ("c", "s"))
_DOUBLED = re.compile(r"(.)\1+")
_OFF = re.compile(r"(?<=[oe])f$")


def loose_key(word: str) -> str:
    """A word's skeleton with the letters romanisations confuse merged ("Kusnezow",
    "Kouznetsov" and "Кузнецов" -> "kusnesov"); only for scoring similarity."""
    key = skeleton(word)
    for variant, plain in _LOOSE:
        key = key.replace(variant, plain)
    return _OFF.sub("v", _DOUBLED.sub(r"\1", key))


# Words shorter than this are never "similar" (two short names differ by a letter).
MIN_SIMILAR_LENGTH = 4


@dataclass(frozen=True)
class PersonKeys:
    folded: frozenset[str]  # folded words of the names and their case forms
    skeletons: frozenset[str]  # their skeletons and lemma keys
    spellings: frozenset[str]  # loose keys of the stored words only, for similarity


def person_keys(names: Sequence[str]) -> PersonKeys:
    """The keys of one person's stored name variants (cached: filters ask again and again)."""
    return _person_keys(tuple(names))


@functools.lru_cache(maxsize=16384)
def _person_keys(names: tuple[str, ...]) -> PersonKeys:
    folded: set[str] = set()
    skeletons: set[str] = set()
    spellings: set[str] = set()
    for variant in names:
        parts = split_name(variant)
        for word in tokens(variant):
            for piece in [word, *word_parts(word)]:
                folded.add(fold(piece))
                skeletons.update(word_keys(piece))
                spellings.add(loose_key(piece))
            if is_cyrillic_word(word):
                part = (
                    "middle" if word == parts.middle else "first" if word == parts.first else "last"
                )
                for form in case_forms(word, part, ("male", "female")):
                    folded.add(fold(form))
                    skeletons.add(skeleton(form))
    folded.discard("")
    skeletons.discard("")
    spellings.discard("")
    return PersonKeys(frozenset(folded), frozenset(skeletons), frozenset(spellings))


def _word_finds(word: str, keys: PersonKeys, *, prefix: bool) -> bool:
    folded, key = fold(word), skeleton(word)
    if prefix:
        if folded and any(k.startswith(folded) for k in keys.folded):
            return True
        if key and any(k.startswith(key) for k in keys.skeletons):
            return True
    elif folded in keys.folded or key in keys.skeletons:
        return True
    if set(lemma_keys(word)) & keys.skeletons:
        return True
    latin = latin_stem_key(word)
    return bool(latin) and latin in keys.skeletons


def query_finds(query: str, keys: PersonKeys) -> bool:
    """Whether every word of `query` is a name word of the person (in any script or
    grammatical case). The last word may be the beginning of one (it is being typed), and
    so may an initial ("А. Кузнецов"). An empty query finds everyone."""
    words = tokens(query)
    return all(
        _word_finds(word, keys, prefix=n == len(words) - 1 or len(fold(word)) == 1)
        for n, word in enumerate(words)
    )


def name_finds(query: str, keys: PersonKeys) -> bool:
    """Whether every word of a whole name written somewhere (a spreadsheet cell, a
    document) is a name word of the person, in any script or grammatical case; unlike
    `query_finds`, no word is taken as the beginning of another ("Петров" is not
    "Петровский"), except an initial ("А. Кузнецов"). An empty name finds nobody."""
    words = tokens(query)
    return bool(words) and all(
        _word_finds(word, keys, prefix=len(fold(word)) == 1) for word in words
    )


def similarity(query: str, keys: PersonKeys) -> float:
    """How close the query's spelling comes to the person's names (0..1): each query word
    is scored against its closest name word, and the weakest word counts."""
    return _similarity(_loose_words(query), keys, {})


def _loose_words(query: str) -> list[str]:
    return [w for w in (loose_key(w) for w in tokens(query)) if w]


def _similarity(words: list[str], keys: PersonKeys, known: dict[tuple[str, str], float]) -> float:
    """`similarity` of a query's loose words; `known` keeps pair scores across people (a
    vault's people share most of their name words)."""
    if not words or not keys.spellings:
        return 0.0
    weakest = 1.0
    for word in words:
        if len(word) < MIN_SIMILAR_LENGTH:
            best = 1.0 if word in keys.spellings else 0.0
        else:
            best = 0.0
            for spelling in keys.spellings:
                pair = (word, spelling)
                score = known.get(pair)
                if score is None:
                    score = known[pair] = _spelling_similarity(word, spelling)
                best = max(best, score)
        weakest = min(weakest, best)
        if weakest == 0.0:
            break
    return weakest


def _spelling_similarity(a: str, b: str) -> float:
    """Similarity of two loose keys; 0 when they differ only by a longer or shorter ending:
    that is another word ("Петровка", "Петрова") or a grammatical form (found exactly)."""
    if len(a) != len(b):
        shared = next(
            (n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        if shared >= min(len(a), len(b)) - 1:
            return 0.0
    return Indel.normalized_similarity(a, b)


@dataclass(frozen=True)
class SimilarName:
    person_id: str
    score: float  # 0..1, higher is closer


class NameIndex:
    """The names of a set of people (id, stored name variants), for finding by name."""

    def __init__(self, people: Iterable[tuple[str, Sequence[str]]]) -> None:
        self._keys = [(person_id, person_keys(names)) for person_id, names in people]
        # Each spelling and the positions (in `_keys`) of the people who have it, made on
        # the first `similar`: thousands of people share a few hundred name words.
        self._holders: dict[str, list[int]] | None = None

    def matching(self, query: str) -> list[str]:
        """Ids of the people `query` finds, in the order given."""
        return [pid for pid, keys in self._keys if query_finds(query, keys)]

    def similar(
        self, query: str, *, exclude: Iterable[str] = (), threshold: float = SIMILAR_THRESHOLD
    ) -> list[SimilarName]:
        """People whose names are spelled like `query` without `matching` it, best first."""
        skip = set(exclude)
        found = []
        words = _loose_words(query)
        scores: dict[tuple[str, str], float] = {}
        for position in self._candidates(words, threshold, scores):
            pid, keys = self._keys[position]
            if pid in skip:
                continue
            # Scoring first: it is cheap with shared pair scores, and few people pass it.
            score = _similarity(words, keys, scores)
            if score >= threshold and not query_finds(query, keys):
                found.append(SimilarName(pid, score))
        found.sort(key=lambda s: -s.score)
        return found

    def _candidates(
        self, words: list[str], threshold: float, scores: dict[tuple[str, str], float]
    ) -> list[int]:
        """Positions of the people who may reach `threshold`, in order: those with, for
        every query word, a spelling that scores at least `threshold` against it. A
        person's score is its weakest word's best spelling, so nobody else can reach it;
        each distinct spelling is scored once instead of once per person holding it."""
        if threshold <= 0.0:
            return list(range(len(self._keys)))
        if self._holders is None:
            holders: dict[str, list[int]] = {}
            for position, (_pid, keys) in enumerate(self._keys):
                for spelling in keys.spellings:
                    holders.setdefault(spelling, []).append(position)
            self._holders = holders
        chosen: set[int] | None = None
        for word in words:
            able: set[int] = set()
            for spelling, positions in self._holders.items():
                if len(word) < MIN_SIMILAR_LENGTH:
                    score = 1.0 if word == spelling else 0.0
                else:
                    score = scores.get((word, spelling), -1.0)
                    if score < 0.0:
                        score = scores[(word, spelling)] = _spelling_similarity(word, spelling)
                if score >= threshold:
                    able.update(positions)
            chosen = able if chosen is None else chosen & able
            if not chosen:
                return []
        return sorted(chosen) if chosen is not None else []
