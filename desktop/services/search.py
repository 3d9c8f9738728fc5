"""Global search: ranked hits with snippets, grouped by kind, names matched across scripts
and grammatical cases; then, apart, people whose names are only spelled similarly."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.namematch.lookup import NameIndex
from desktop.services.people import parse_names
from desktop.store import search as index
from desktop.store.models import Person
from desktop.store.search import SearchHit
from desktop.store.store import Store

_People = dict[str, tuple[str, str, tuple[str, ...]]]  # id -> case, display name, names
KIND_ORDER = ("person", "event", "complaint", "organisation", "source")
MAX_SIMILAR = 20


@dataclass(frozen=True)
class SimilarPerson:
    """A person whose name is spelled like the query without matching it ("Kouznetsov"
    for Кузнецов): shown as a similar name, never as a hit."""

    person_id: str
    case_id: str
    display_name: str
    names: tuple[str, ...]
    score: float  # 0..1, higher is closer


@dataclass(frozen=True)
class SearchResults:
    groups: dict[str, list[SearchHit]]  # exact hits by kind, as `SearchService.grouped`
    similar: list[SimilarPerson]  # best first; none of them among the hits

    @property
    def empty(self) -> bool:
        return not self.groups and not self.similar


class SearchService:
    def __init__(self, store: Store) -> None:
        self.store = store
        # The people's names and their keys, kept while no person changes: building them
        # is most of a similar-names lookup (5,000 people: 0.5 s each time, measured).
        self._names: dict[str | None, tuple[int, _People, NameIndex]] = {}

    def search(self, query: str, case_id: str | None = None, limit: int = 100) -> list[SearchHit]:
        with self.store.reading() as s:
            return index.search(s, query, case_id=case_id, limit=limit)

    def grouped(
        self, query: str, case_id: str | None = None, limit: int = 100
    ) -> dict[str, list[SearchHit]]:
        """Hits by kind, kinds in a fixed order, best hit first inside each kind."""
        groups: dict[str, list[SearchHit]] = {kind: [] for kind in KIND_ORDER}
        for hit in self.search(query, case_id, limit):
            groups.setdefault(hit.kind, []).append(hit)
        return {kind: hits for kind, hits in groups.items() if hits}

    def results(self, query: str, case_id: str | None = None, limit: int = 100) -> SearchResults:
        """The exact hits by kind, and apart from them the people with similar names."""
        groups = self.grouped(query, case_id, limit)
        found = [h.record_id for h in groups.get("person", [])]
        return SearchResults(groups, self.similar_names(query, case_id, exclude=found))

    def similar_names(
        self, query: str, case_id: str | None = None, exclude: list[str] | tuple[str, ...] = ()
    ) -> list[SimilarPerson]:
        """People whose names are spelled like `query` (and whom it does not find)."""
        if not query.strip():
            return []
        people, names = self._people(case_id)
        similar = names.similar(query, exclude=exclude)[:MAX_SIMILAR]
        return [SimilarPerson(s.person_id, *people[s.person_id], s.score) for s in similar]

    def _people(self, case_id: str | None) -> tuple[_People, NameIndex]:
        """The live people (of `case_id`, or of every case) with their names, indexed."""
        with self.store.reading() as s:
            # Every change to a person, here or synced in, gives it a new stamp.
            versions = s.connection().exec_driver_sql(
                "SELECT id, hlc FROM persons WHERE ? IS NULL OR case_id = ?", (case_id, case_id)
            )
            signature = hash(tuple(versions.fetchall()))
            cached = self._names.get(case_id)
            if cached is not None and cached[0] == signature:
                return cached[1], cached[2]
            q = select(Person.id, Person.case_id, Person.display_name, Person.names).where(
                Person.deleted.is_(False)
            )
            if case_id is not None:
                q = q.where(Person.case_id == case_id)
            rows = s.execute(q).all()
        people: _People = {
            row.id: (
                row.case_id,
                row.display_name,
                tuple(dict.fromkeys([row.display_name, *_texts(row.names)])),
            )
            for row in rows
        }
        names = NameIndex((pid, variants) for pid, (_case, _name, variants) in people.items())
        self._names = {case_id: (signature, people, names)}
        return people, names

    def rebuild_index(self) -> int:
        """Re-index every live record (after bulk loads); returns the number indexed."""
        from desktop.store.indexing import rebuild

        with self.store.writing() as w:
            return rebuild(w.session)


def _texts(names_json: str) -> list[str]:
    return [n.text for n in parse_names(names_json)]
