"""Global search: ranked hits with snippets, grouped by kind, names matched across scripts."""

from __future__ import annotations

from desktop.store import search as index
from desktop.store.search import SearchHit
from desktop.store.store import Store

KIND_ORDER = ("person", "event", "complaint", "organisation", "source")


class SearchService:
    def __init__(self, store: Store) -> None:
        self.store = store

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

    def rebuild_index(self) -> int:
        """Re-index every live record (after bulk loads); returns the number indexed."""
        from desktop.store.indexing import rebuild

        with self.store.writing() as w:
            return rebuild(w.session)
