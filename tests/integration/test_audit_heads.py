"""The audit head leaves the vault: on a briefing pack's last page, in every sync bundle."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import func, select
from sync_devices import make_device, pair, send

from desktop.briefing.model import BriefingOptions
from desktop.services.integrity import audit_head, verify
from desktop.services.registry import Services
from desktop.services.sync import audit_heads
from desktop.store.models import AuditEntry


def _pages(pdf: bytes) -> list[str]:
    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_the_pack_prints_the_head_on_its_last_page_of_text(
    demo_services: Services, demo_case_id: str
) -> None:
    head = audit_head(demo_services.store)
    options = BriefingOptions(generated_on=dt.date(2024, 5, 1), sections={"cover", "summary"})
    pack = demo_services.briefs.build(demo_case_id, options)
    pages = _pages(pack.pdf)
    carrying = [i for i, page in enumerate(pages) if head in page]
    assert carrying == [len(pages) - 1]
    assert "audit log when printed" in pages[-1]


def test_a_pack_with_exhibits_prints_it_before_the_exhibits(
    demo_services: Services, demo_case_id: str
) -> None:
    head = audit_head(demo_services.store)
    options = BriefingOptions(generated_on=dt.date(2024, 5, 1), lang="ru")
    pack = demo_services.briefs.build(demo_case_id, options)
    pages = _pages(pack.pdf)
    carrying = [i for i, page in enumerate(pages) if head in page]
    assert len(carrying) == 1
    assert "Журнал аудита" in pages[carrying[0]]
    # everything after it is an appended exhibit page
    assert all("EXH" in page for page in pages[carrying[0] + 1 :])


def test_a_bundle_carries_the_senders_head_and_the_import_audits_each_record(
    tmp_path: Path,
) -> None:
    a = make_device(tmp_path / "a", "office laptop")
    b = make_device(tmp_path / "b", "field laptop")
    pair(a, b, tmp_path / "pairing")
    case = a.services.cases.create_case("Case")
    for i in range(3):
        a.services.timeline.add_event(case, f"2008-11-2{i}", f"Event {i}")
    with b.services.store.reading() as s:
        before = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    result = send(a, b, tmp_path / "stick")
    # The export's own entry is committed before the bundle is written, so the bundle
    # carries the head as it stood once A recorded sending it.
    head_a = audit_head(a.services.store)
    with b.services.store.reading() as s:
        after = s.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    assert result.new == 4
    assert after - before == 1 + 4  # the bundle, then one entry per record it changed
    assert verify(b.services.store).ok
    assert audit_heads(b.services.store)[a.device_id] == head_a
    # The head B holds is a witness A's owner can check A's vault against.
    assert verify(a.services.store, head_a).ok
