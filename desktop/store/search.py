"""Full-text search (FTS5) with names matched across scripts and Russian word forms.

Each indexed record is one FTS row: its title, its body, and the keys of every word (see
`desktop.core.namematch.wordkeys`): its phonetic skeleton (`desktop.core.names.skeleton`),
so "Kuznetsov", "Кузнецов" and "kuznecov" meet on the same key, and the skeletons of its
dictionary forms, so "Дзержинский" finds "ОВД Дзержинского района". A query word matches
a word's prefix in the text or in the keys; all query words must match.

Three tiers, exact first, each filling only the room the ones before leave: whole words as
typed (and, through the stored lemma keys, their other forms: "Дзержинский" finds
"Дзержинского"); words they begin ("Кузн"); the query words' own dictionary forms and
stems ("Кузнецова" finds "Кузнецов", "Kuznetsova" finds "Kuznetsov"). Inside a tier,
hits are ranked by bm25, with snippets. `SEARCH_INDEX_VERSION` names what the index stores: a
vault indexed under another version is re-indexed at unlock (see `indexing.ensure_current`).
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import ColumnClause, column, delete, select, table, text
from sqlalchemy.orm import Session

from desktop.core.namematch.wordkeys import (
    declined_lemma_keys,
    index_keys,
    latin_stem_key,
    lemma_keys,
    stem,
    word_keys,
)
from desktop.core.names import fold, skeleton, tokens, word_parts, word_spans
from desktop.store.bulk import executemany
from desktop.store.idlist import among
from desktop.store.models.local import SearchDoc

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
MAX_QUERY_WORDS = 12
# What the index stores; raise it whenever `_skeleton_text` or the skeletons change.
# 1: word skeletons. 2: also lemma keys; Ł, Đ, Ø and other scripts spelled in ASCII.
# 3: translations of titles, descriptions and subjects (migration 0010).
# 4: the record's case as a token in `scope` (migration 0015).
SEARCH_INDEX_VERSION = 4
_MARKED = re.compile(f"({HIGHLIGHT_START}.*?{HIGHLIGHT_END})", re.DOTALL)


class SearchDocument(NamedTuple):
    """One record as the index holds it (a named tuple: bulk paths build 100,000 of them)."""

    kind: str
    record_id: str
    case_id: str
    title: str
    body: str
    names: str = ""  # extra text whose words should also match across scripts


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    case_id: str
    title: str
    snippet: str  # highlights between HIGHLIGHT_START and HIGHLIGHT_END
    score: float
    title_marked: str = ""  # the title with the same highlights, for display


@dataclass(frozen=True)
class QueryWord:
    folded: str  # matched as a prefix of a word's folded form, as FTS5 does
    key: str  # matched as a prefix of a word's skeleton (cross-script)
    lemmas: tuple[str, ...] = ()  # last tier: skeletons of its dictionary forms
    stem: str = ""  # last tier: its Russian stem, as a prefix of a word
    latin_stem: str = ""  # last tier: a romanised word's skeleton without its ending
    declined: tuple[str, ...] = ()  # lemma keys of a word that is only a declined form

    def finds(self, word: str) -> bool:
        if self.folded and fold(word).startswith(self.folded):
            return True
        parts = word_parts(word)
        if self.key and any(skeleton(part).startswith(self.key) for part in parts):
            return True
        if self.lemmas and any(set(self.lemmas) & set(word_keys(p)) for p in parts):
            return True
        if self.stem and fold(word).startswith(self.stem):
            return True
        return bool(self.latin_stem) and any(
            skeleton(part).startswith(self.latin_stem) for part in parts
        )

    @property
    def broadens(self) -> bool:
        """Whether the last tier (`broad`) finds more for this word than the others."""
        return bool(self.lemmas or self.stem or self.latin_stem)


def _quoted(text: str) -> str:
    return text.replace('"', "")


def query_words(query: str) -> list[QueryWord]:
    """The searchable words of a user query, as `match_expression` uses them."""
    found = []
    for word in tokens(query)[:MAX_QUERY_WORDS]:
        folded, key = _quoted(fold(word)), _quoted(skeleton(word))
        if not (folded or key):
            continue
        lemmas = tuple(_quoted(k) for k in lemma_keys(word) if k)
        declined = tuple(_quoted(k) for k in declined_lemma_keys(word) if k)
        word_stem = _quoted(stem(word))
        latin = _quoted(latin_stem_key(word))
        found.append(
            QueryWord(
                folded,
                key,
                lemmas,
                word_stem,
                latin if latin and latin != key else "",
                declined,
            )
        )
    return found


def mark_words(text: str, words: list[QueryWord]) -> str:
    """`text` with every word some query word finds between the highlight markers.

    FTS5 highlights only what matched in the text itself; a name found through its
    skeleton ("Kuznetsov" finding "Кузнецов") would otherwise show no highlight at all.
    Stretches already between markers are left as they are.
    """
    return _mark_words(text, words, {})


def _mark_words(text: str, words: list[QueryWord], found: dict[str, bool]) -> str:
    """`mark_words`, with `found` remembering each word's answer: a page of hits repeats
    the same few words, and deciding one costs several foldings and skeletons."""
    out: list[str] = []
    for n, piece in enumerate(_MARKED.split(text)):
        if n % 2:  # an already marked stretch
            out.append(piece)
            continue
        last = 0
        for start, end in word_spans(piece):
            word = piece[start:end]
            hit = found.get(word)
            if hit is None:
                hit = found[word] = any(w.finds(word) for w in words)
            if hit:
                out += [piece[last:start], HIGHLIGHT_START, piece[start:end], HIGHLIGHT_END]
                last = end
        out.append(piece[last:])
    return "".join(out)


def _body_text(doc: SearchDocument) -> str:
    return "\n".join([p for p in (doc.body, doc.names) if p])


def _skeleton_text(doc: SearchDocument) -> str:
    return " ".join(index_keys(" ".join((doc.title, doc.body, doc.names))))


def remove(session: Session, record_id: str) -> None:
    row = session.execute(
        text("SELECT fts_rowid FROM search_docs WHERE record_id = :id"), {"id": record_id}
    ).first()
    if row is not None:
        session.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": row[0]})
        session.execute(text("DELETE FROM search_docs WHERE record_id = :id"), {"id": record_id})


@functools.lru_cache(maxsize=4096)  # a bulk index asks once per record, for a few cases
def scope_token(case_id: str) -> str:
    """The one token of `scope` that stands for a case: "c" and its id's hex digits.

    Queries name the columns they search, and none names `scope` but `scoped` below, so
    no typed word can match it."""
    return "c" + "".join(ch for ch in case_id.lower() if ch.isalnum())


def scoped(expression: str, case_id: str) -> str:
    """`expression` narrowed to one case's records, inside the full-text index itself."""
    return f'scope : "{scope_token(case_id)}" AND ({expression})'


def put(session: Session, doc: SearchDocument) -> None:
    """Index `doc`, replacing what was indexed for the same record."""
    remove(session, doc.record_id)
    result = session.execute(
        text(
            "INSERT INTO search_index (kind, record_id, case_id, title, body, skeletons, scope) "
            "VALUES (:kind, :rid, :cid, :title, :body, :sk, :scope)"
        ),
        {
            "kind": doc.kind,
            "rid": doc.record_id,
            "cid": doc.case_id,
            "title": doc.title,
            "body": _body_text(doc),
            "sk": _skeleton_text(doc),
            "scope": scope_token(doc.case_id),
        },
    )
    session.execute(
        text("INSERT INTO search_docs (record_id, fts_rowid) VALUES (:id, :r)"),
        {"id": doc.record_id, "r": result.lastrowid},  # type: ignore[attr-defined]
    )


def remove_many(session: Session, record_ids: list[str]) -> None:
    """Drop what is indexed for these records (those not indexed are skipped)."""
    if not record_ids:
        return
    listed = among(SearchDoc.record_id, record_ids)
    rowid: ColumnClause[int] = column("rowid")
    indexed = select(SearchDoc.fts_rowid).where(listed)
    session.execute(delete(table("search_index", rowid)).where(rowid.in_(indexed)))
    session.execute(delete(SearchDoc).where(listed))


def put_many(session: Session, docs: list[SearchDocument]) -> None:
    """Bulk indexing for records not indexed yet (import, rebuild, demo, benchmarks).

    One executemany per table with rowids chosen here, rather than two statements per
    document reading back `lastrowid`: measured 3x faster on 20,000 documents.
    """
    if not docs:
        return
    # In record id order, with row numbers in the same order: both B-trees of
    # `search_docs` (the rows by number, the record ids' index) grow at their ends.
    docs = sorted(docs, key=_record_id)
    bulk = len(docs) >= BULK_DOCUMENTS
    if bulk:
        _set_hash_size(session, BULK_HASH_BYTES)
    last = session.execute(
        text("SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")
    ).scalar()
    first = (last or 0) + 1
    rows = [
        (first + n, kind, record_id, case_id, title,
         f"{body}\n{names}" if body and names else body or names,  # as `_body_text`
         " ".join(index_keys(f"{title} {body} {names}")),  # as `_skeleton_text`
         scope_token(case_id))
        for n, (kind, record_id, case_id, title, body, names) in enumerate(docs)
    ]  # fmt: skip
    executemany(
        session,
        "INSERT INTO search_index "
        "(rowid, kind, record_id, case_id, title, body, skeletons, scope) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    executemany(
        session,
        "INSERT INTO search_docs (fts_rowid, record_id) VALUES (?, ?)",
        [(first + n, doc.record_id) for n, doc in enumerate(docs)],
    )
    if bulk:
        _set_hash_size(session, DEFAULT_HASH_BYTES)


_record_id = operator.attrgetter("record_id")


# FTS5 gathers new terms in memory and writes them out as a segment whenever that pending
# data passes its "hashsize" (1 MiB by default); segments are merged later. For a bulk
# write (a sync import, a rebuild) a larger size means a few large segments instead of
# hundreds of small ones: measured indexing 100,000 events with memory security on,
# 2.34 s -> 1.90 s. The default is put back after the batch, in the same transaction, so
# ordinary edits keep their small footprint.
BULK_DOCUMENTS = 2000
BULK_HASH_BYTES = 64 * 1024 * 1024
DEFAULT_HASH_BYTES = 1024 * 1024


def _set_hash_size(session: Session, size: int) -> None:
    session.execute(
        text("INSERT INTO search_index (search_index, rank) VALUES ('hashsize', :size)"),
        {"size": size},
    )


def clear(session: Session) -> None:
    session.execute(text("DELETE FROM search_index"))
    session.execute(text("DELETE FROM search_docs"))


def match_expression(
    query: str, *, broad: bool = False, whole: bool = False, forms: bool = False
) -> str | None:
    """The FTS5 MATCH text for a user query, or None when it has no searchable word.

    Query words match the beginnings of words; `whole`: only whole words (the first tier:
    what was typed, as typed). `broad`: also the query words' dictionary forms and stems.
    `forms` (a filter, which has no tiers to rank by): also the other forms of a word
    typed in a declined form ("Петровой" finds "Петрова"), and a romanised word without
    its case ending ("Kuznetsova" finds "Kuznetsov"); no stems, which overreach.
    """
    clauses = []
    star = "" if whole else "*"
    for word in query_words(query):
        options = []
        if word.folded:
            options.append(f'{{title body}} : "{word.folded}"{star}')
        if word.key:
            options.append(f'skeletons : "{word.key}"{star}')
        if forms and not broad:
            options += [f'skeletons : "{lemma}"' for lemma in word.declined]
            if word.latin_stem:
                options.append(f'skeletons : "{word.latin_stem}"*')
        if broad:
            options += [f'skeletons : "{lemma}"' for lemma in word.lemmas]
            if word.stem:
                options.append(f'{{title body}} : "{word.stem}"*')
            if word.latin_stem:
                options.append(f'skeletons : "{word.latin_stem}"*')
        clauses.append("(" + " OR ".join(options) + ")")
    return " AND ".join(clauses) if clauses else None


def ranked_query(where: str = "") -> str:
    """SQL for the best `:limit` matches of `:q` (narrowed by `where`), with snippets.

    Every match is ranked first and only the kept ones get a snippet: SQLite computes a
    row's result columns before it sorts, so a snippet for every match (thousands, for a
    common word) used to be most of a search's work. Measured on 20,000 documents with
    memory security on: a fifth faster.
    """
    rank = "bm25(search_index, 0, 0, 0, 8.0, 2.0, 4.0, 0)"
    snippet = f"snippet(search_index, 4, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 12)"
    # SQLite joins by reading every match a second time and keeping the kept ones (asking
    # FTS5 for each kept rowid costs more: it parses the query again each time). The scan
    # is bounded by the lowest and highest kept rowid, which FTS5 applies inside its
    # doclists: ties in score go to the lower rowid, so the kept ones of a common word
    # lie close together. Measured on 1,000,000 events: a phrase 15%, a common word 25%
    # faster, the same rows.
    return (
        f"WITH best AS MATERIALIZED (SELECT rowid AS hit, {rank} AS score FROM search_index "
        f"WHERE search_index MATCH :q{where} ORDER BY score, rowid LIMIT :limit) "
        f"SELECT kind, record_id, case_id, title, {snippet}, best.score "
        "FROM best JOIN search_index ON search_index.rowid = best.hit "
        "WHERE search_index MATCH :q "
        "AND search_index.rowid >= (SELECT min(hit) FROM best) "
        "AND search_index.rowid <= (SELECT max(hit) FROM best) "
        "ORDER BY best.score, best.hit"
    )


def search(
    session: Session,
    query: str,
    *,
    case_id: str | None = None,
    kinds: tuple[str, ...] = (),
    limit: int = 50,
) -> list[SearchHit]:
    """The best `limit` hits for `query`, in tiers: the words as typed, then words they
    begin, then (if room is left) the query words' other grammatical forms."""
    words = query_words(query)
    expression = match_expression(query)
    if expression is None:
        return []
    where = ""
    params: dict[str, object] = {"q": expression, "limit": limit}
    if kinds:
        where += " AND kind IN (" + ", ".join(f":k{i}" for i in range(len(kinds))) + ")"
        params.update({f"k{i}": k for i, k in enumerate(kinds)})
    sql = text(ranked_query(where))
    rows: list[Any] = []
    tiers = [match_expression(query, whole=True), expression]
    if any(w.broadens for w in words):
        tiers.append(match_expression(query, broad=True))
    if case_id is not None:
        tiers = [scoped(t, case_id) if t else t for t in tiers]
    for tier in tiers:
        if len(rows) >= limit:
            break
        seen = {r[1] for r in rows}
        params.update(q=tier, limit=limit)
        rows += [r for r in session.execute(sql, params).all() if r[1] not in seen][
            : limit - len(rows)
        ]
    hits = []
    floor = float("-inf")
    found: dict[str, bool] = {}  # each word's highlight, decided once for all the hits
    for r in rows:
        # A later tier's hit never outranks an earlier one's: its score (bm25, lower is
        # better) is raised to at least the score before it, so scores follow the order.
        floor = max(floor, float(r[5]))
        hits.append(SearchHit(r[0], r[1], r[2], r[3], _mark_words(r[4] or "", words, found),
                              floor, _mark_words(r[3], words, found)))  # fmt: skip
    return hits
