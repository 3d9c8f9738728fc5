"""All services over one unlocked vault, built in one place (the CLI and app.py use it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop.services.briefs import BriefingService
from desktop.services.cases import CaseService
from desktop.services.complaints import ComplaintService
from desktop.services.history import EditHistory
from desktop.services.people import PeopleService
from desktop.services.search import SearchService
from desktop.services.sources import SourceService
from desktop.services.tags import TagService
from desktop.services.timeline import TimelineService
from desktop.store.store import Store
from desktop.store.vault import Vault


@dataclass(frozen=True)
class Services:
    store: Store
    cases: CaseService
    timeline: TimelineService
    people: PeopleService
    complaints: ComplaintService
    sources: SourceService
    tags: TagService
    search: SearchService
    briefs: BriefingService
    history: EditHistory

    @classmethod
    def over(
        cls, vault: Vault, actor: str = "", now_ns: Callable[[], int] = time.time_ns
    ) -> Services:
        store = Store(vault, actor, now_ns)
        sources = SourceService(store)
        return cls(
            store=store,
            cases=CaseService(store),
            timeline=TimelineService(store),
            people=PeopleService(store),
            complaints=ComplaintService(store),
            sources=sources,
            tags=TagService(store),
            search=SearchService(store),
            briefs=BriefingService(store, sources),
            history=EditHistory(store),
        )
