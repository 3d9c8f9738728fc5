"""Timeline GUI fixtures: a real vault on disk with the demo case, and bulk-made events."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DOSSIER_INSECURE_TEST_KDF", "1")

import random  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from desktop.core.fuzzydate import FuzzyDate  # noqa: E402
from desktop.services.demo import install_demo_case  # noqa: E402
from desktop.services.registry import Services  # noqa: E402
from desktop.services.timeline import date_columns  # noqa: E402
from desktop.store import search  # noqa: E402
from desktop.store.models import Event  # noqa: E402
from desktop.store.search import SearchDocument  # noqa: E402
from desktop.store.vault import Vault  # noqa: E402


@pytest.fixture
def services(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))
    vault, _recovery = Vault.create(tmp_path / "vault", "passphrase-123", check_strength=False)
    try:
        yield Services.over(vault)
    finally:
        vault.lock()


@pytest.fixture
def demo_case(services: Services) -> str:
    return install_demo_case(services)


def add_generated_events(services: Services, case_id: str, count: int, seed: int = 7) -> None:
    """`count` day-dated events 1990-2019 through Core bulk inserts (titles "Generated N")."""
    rng = random.Random(seed)
    with services.store.writing() as w:
        rows, docs = [], []
        for i in range(count):
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
