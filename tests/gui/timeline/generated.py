"""Bulk-made events for big-case timeline tests (Core inserts, like the import path)."""

from __future__ import annotations

import random

from sqlalchemy import insert

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import date_columns
from desktop.store import search
from desktop.store.models import Event
from desktop.store.search import SearchDocument


def add_generated_events(
    services: Services, case_id: str, count: int, seed: int = 7, start: int = 0
) -> None:
    """`count` day-dated events 1990-2019 through Core bulk inserts (titles "Generated N",
    N from `start`: give a second case's events a `start` past the first case's)."""
    rng = random.Random(seed)
    with services.store.writing() as w:
        rows, docs = [], []
        for i in range(start, start + count):
            stamp = w.stamper.next()
            date = FuzzyDate.day(1990 + rng.randrange(30), rng.randint(1, 12), rng.randint(1, 28))
            event_id = f"00000000-0000-4000-8000-{i:012d}"
            rows.append({
                "id": event_id, "created_at": stamp.at, "updated_at": stamp.at,
                "dot_device": stamp.device, "dot_counter": stamp.counter,
                "vv": f'{{"{stamp.device}":{stamp.counter}}}', "hlc": stamp.hlc,
                "deleted": False, "case_id": case_id, "day_order": 0,
                "title": f"Generated {i}", "description": "", "place": "",
                "fact_status": "unverified", "key_event": False, "confidential": False,
                "for_brief": True, **date_columns(date), "date_edtf": date.to_edtf(),
            })  # fmt: skip
            docs.append(SearchDocument("event", event_id, case_id, f"Generated {i}", ""))
        w.session.execute(insert(Event.__table__), rows)  # type: ignore[arg-type]
        search.put_many(w.session, docs)
