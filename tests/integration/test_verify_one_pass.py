"""`verify_all`, the single pass `vault verify` runs: it finds exactly what the separate
checks find (audit log, rules, references, structure) and reports progress for every
stage, on a real vault tampered with raw SQL."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection

from desktop.services.integrity import check_rows, verify, verify_all
from desktop.services.registry import Services
from desktop.store.vault import Vault
from tests.integration.test_audit_tamper import PASSPHRASE, TAMPERING, raw


def bad_date(conn: Connection) -> None:
    conn.exec_driver_sql(
        "UPDATE events SET date_edtf = '2020-13-45' WHERE id = (SELECT min(id) FROM events)"
    )


def dangling_reference(conn: Connection) -> None:
    conn.exec_driver_sql(
        "UPDATE events SET case_id = 'no-such-case' WHERE id = (SELECT max(id) FROM events)"
    )


def test_an_untouched_vault_passes_and_every_stage_reports(demo_services: Services) -> None:
    stages: list[str] = []
    report, rows = verify_all(
        demo_services.store, progress=lambda stage, _done, _total: stages.append(stage)
    )
    assert report.ok, report.problems
    assert rows.total == 0
    assert stages[0] == "audit log"
    assert "records" in stages
    assert stages.index("records") > stages.index("audit log")


@pytest.mark.parametrize(
    "change",
    [*TAMPERING.values(), bad_date, dangling_reference],
    ids=[*TAMPERING, "a date that is not a date", "an event of a missing case"],
)
def test_one_pass_finds_what_the_separate_checks_find(
    demo_services: Services, change: Callable[[Connection], None]
) -> None:
    raw(demo_services, change)
    separate, rows = verify(demo_services.store), check_rows(demo_services.store)
    report, one_pass = verify_all(demo_services.store)
    assert (report.cipher_ok, report.integrity_ok, report.audit_ok) == (
        separate.cipher_ok, separate.integrity_ok, separate.audit_ok
    )  # fmt: skip
    assert sorted(report.problems) == sorted(separate.problems)
    assert (one_pass.total, sorted(map(str, one_pass.first))) == (
        rows.total, sorted(map(str, rows.first))
    )  # fmt: skip
    assert not report.ok or one_pass.total > 0


def test_a_saved_head_is_checked_in_the_same_pass(demo_services: Services) -> None:
    from desktop.services.integrity import audit_head

    saved = audit_head(demo_services.store)
    (case,) = demo_services.cases.list_cases()
    demo_services.cases.update_case(case.id, title="Renamed honestly")
    assert verify_all(demo_services.store, saved)[0].ok
    count = int(saved.split(":")[0])
    forged = f"{count}:{'0' * 64}"
    report, _ = verify_all(demo_services.store, forged)
    assert any("rewritten" in p for p in report.problems)
    report, _ = verify_all(demo_services.store, f"{count + 10**6}:{'0' * 64}")
    assert any("truncated" in p for p in report.problems)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_verify_shows_progress_for_every_stage(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli.main import main

    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert main(["vault", "verify", str(demo_folder), "--passphrase-file", str(secret)]) == 0
    shown = screen.getvalue()
    for stage in ("pages [", "opening…", "audit log [", "records ["):
        assert stage in shown
    assert shown.index("pages [") < shown.index("audit log [") < shown.index("records [")
    assert shown.endswith("\r\x1b[K")  # the line is cleared before the report


def test_the_vault_opens_normally_after_verify(demo_folder: Path) -> None:
    """Verify shrinks its connections' page cache while it scans; they get it back."""
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    try:
        services = Services.over(vault, actor="test")
        verify_all(services.store)
        engine = vault.require_engine()
        with engine.connect() as first, engine.connect() as second:  # both pooled ones
            sizes = {c.exec_driver_sql("PRAGMA cache_size").scalar() for c in (first, second)}
        from desktop.store.engine import PAGE_CACHE_KIB

        assert sizes == {-PAGE_CACHE_KIB}
    finally:
        vault.lock()
