"""A full disk under the vault: one plain sentence, nothing saved, the vault still works.

The disk is filled the way SQLite itself sees it: `PRAGMA max_page_count` caps the
database file, and a write past the cap fails with SQLITE_FULL ("database or disk is
full"), the error a full disk gives. Found by trying it on a 24 MiB tmpfs: attaching a
30 MB scan ended as "internal error, a bug in Dossier".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.services.registry import Services
from desktop.store.store import DISK_FULL, DiskFull
from desktop.store.vault import Vault


def cap_the_disk(vault: Vault, spare_pages: int) -> None:
    """Every connection from now on may grow the file by `spare_pages` pages at most."""
    engine = vault.require_engine()
    with engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def cap(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
        cursor.close()

    engine.dispose()  # the pooled connections were opened without the cap
    event.listen(engine, "connect", cap)


def test_attaching_to_a_full_disk_says_so_and_saves_nothing(
    vault: Vault, services: Services, tmp_path: Path
) -> None:
    case_id = services.cases.create_case("Дело Петровой")
    source_id = services.sources.add_source(case_id, "Решение суда", label="S1")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8192)  # 2 MiB
    cap_the_disk(vault, spare_pages=64)  # 256 KiB left
    with pytest.raises(DiskFull) as refused:
        services.sources.attach_files(case_id, [scan], source_id=source_id)
    assert str(refused.value) == DISK_FULL
    assert services.sources.attachments(case_id, None) == []
    event_id = services.timeline.add_event(case_id, "2009-11-16", "Смерть в СИЗО")  # still works
    assert services.timeline.get_event(event_id).title == "Смерть в СИЗО"
