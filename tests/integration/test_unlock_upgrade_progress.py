"""An unlock that upgrades a vault made by an older Dossier says how far it has got: the
copy kept first (bytes), the schema upgrade, and the search index rebuild (records).
Real vaults on disk, put back to an older schema and index with alembic."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from desktop.cli.progress import upgrades_shown
from desktop.errortexts import error_text
from desktop.store import migrate
from desktop.store.migrate import UpgradeFailed
from desktop.store.open_progress import OpenStage, reported_to
from desktop.store.vault import Vault
from tests.integration.old_vault import made_old

Report = tuple[OpenStage, int, int]


def test_an_upgrading_unlock_reports_each_step(vault: Vault, passphrase: str) -> None:
    folder = made_old(vault, 30)
    seen: list[Report] = []
    with reported_to(lambda *report: seen.append(report)):
        upgraded = Vault.unlock_with_passphrase(folder, passphrase)
    upgraded.lock()

    stages = [stage for stage, _done, _total in seen]
    assert stages[0] is OpenStage.COPY
    assert stages.index(OpenStage.SCHEMA) < stages.index(OpenStage.INDEX)
    copies = [(done, total) for stage, done, total in seen if stage is OpenStage.COPY]
    assert copies[0][0] == 0 and copies[-1][0] == copies[-1][1] > 0  # all bytes, counted
    (backup,) = folder.glob("*.before-*.bak")
    assert backup.stat().st_size == copies[-1][1]
    indexed = [(done, total) for stage, done, total in seen if stage is OpenStage.INDEX]
    assert indexed[0] == (0, indexed[0][1])
    assert indexed[-1][0] == indexed[-1][1] == 30  # every event (cases are not indexed)
    assert all(a <= b for (a, _), (b, _) in pairwise(indexed))


def test_an_unlock_that_upgrades_nothing_reports_nothing(vault: Vault, passphrase: str) -> None:
    folder = vault.folder
    vault.lock()
    seen: list[Report] = []
    with reported_to(lambda *report: seen.append(report)):
        Vault.unlock_with_passphrase(folder, passphrase).lock()
    assert seen == []


def test_a_copy_that_fails_leaves_no_half_copy(
    vault: Vault, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the copy is written: no partial file is left to pass for a backup,
    and the vault is unchanged (it opens, still needing its upgrade)."""
    folder = made_old(vault, 5)
    calls = {"n": 0}

    def full(stage: OpenStage, done: int, total: int) -> None:
        if stage is OpenStage.COPY and done > 0:
            calls["n"] += 1
            raise OSError(28, "No space left on device")

    with pytest.raises(UpgradeFailed) as refused, reported_to(full):
        Vault.unlock_with_passphrase(folder, passphrase)
    assert "the disk is full; free that much space" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert "не изменено" in error_text(refused.value, "ru")
    assert calls["n"] == 1
    assert not list(folder.glob("*.before-*.bak*"))  # neither a backup nor a part of one
    reopened = Vault.unlock_with_passphrase(folder, passphrase)  # upgrades now
    try:
        assert migrate.current_revision(reopened.require_engine()) == migrate.head_revision()
        assert list(folder.glob("*.before-*.bak"))
    finally:
        reopened.lock()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_shows_each_step_then_clears_the_line(
    vault: Vault, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = made_old(vault, 10)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with upgrades_shown():
        Vault.unlock_with_passphrase(folder, passphrase).lock()
    shown = terminal.getvalue()
    for step in ("copying the vault before upgrading it", "upgrading the vault…",
                 "rebuilding the search index [", "100%"):  # fmt: skip
        assert step in shown
    assert shown.endswith("\r\x1b[K")  # the line is cleared for the command's own output


KILLED_MID_COPY = """
import os, sys
from pathlib import Path
from desktop.store.open_progress import OpenStage, reported_to
from desktop.store.vault import Vault

def die(stage, done, total):
    if stage is OpenStage.COPY and done > 0:
        os._exit(9)  # the power cut, halfway through the copy

with reported_to(die):
    Vault.unlock_with_passphrase(Path(sys.argv[1]), sys.argv[2])
"""


def test_a_crash_during_the_copy_leaves_nothing_that_passes_for_a_backup(
    vault: Vault, passphrase: str
) -> None:
    folder = made_old(vault, 5)
    env = {**os.environ, "DOSSIER_INSECURE_TEST_KDF": "1", "DOSSIER_TEST_SUITE": "1"}
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_COPY, str(folder), passphrase],
        env=env, cwd=Path(__file__).resolve().parents[2], check=False,
    )  # fmt: skip
    assert killed.returncode == 9
    assert not list(folder.glob("*.before-*.bak"))
    reopened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        assert migrate.current_revision(reopened.require_engine()) == migrate.head_revision()
        (backup,) = folder.glob("*.before-*.bak")
        assert not list(folder.glob("*.partial"))  # the next copy replaced the cut one
        assert backup.stat().st_size > 0
    finally:
        reopened.lock()
