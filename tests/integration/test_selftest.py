"""The self-test's checks, called one by one, and `dossier --self-test` run from source.

The checks are the very functions the installed app runs, so a check that passes here
and fails in a bundle points at packaging, not at the code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import selftest
from desktop.services.selftest import CHECKS, Check, SelfTestFailed, run_check, run_self_test

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("check", CHECKS, ids=[c.run.__name__ for c in CHECKS])
def test_each_check_passes_on_a_good_installation(check: Check, tmp_path: Path) -> None:
    outcome = run_check(check, tmp_path)
    assert outcome.ok, outcome.line()
    assert outcome.line() == f"ok   {check.name}"


def test_checks_leave_the_user_data_folder_alone(tmp_path: Path) -> None:
    home = Path(os.environ["DOSSIER_HOME"])
    lines: list[str] = []
    outcomes = run_self_test(lines.append)
    assert all(o.ok for o in outcomes), lines
    assert not home.exists() or not any(home.iterdir())
    assert lines[0].startswith("Dossier ") and "self-test" in lines[0]
    assert lines[-1] == "all checks passed"
    assert len(lines) == len(CHECKS) + 2


def test_a_failing_check_is_reported_and_the_rest_still_run(tmp_path: Path) -> None:
    def broken(_scratch: Path) -> None:
        raise SelfTestFailed("the widget is missing")

    def crashing(_scratch: Path) -> None:
        raise OSError("disk on fire")

    checks = (Check("first: broken", broken), Check("second: crashes", crashing), CHECKS[0])
    lines: list[str] = []
    outcomes = run_self_test(lines.append, checks)
    assert [o.ok for o in outcomes] == [False, False, True]
    assert lines[1] == "FAIL first: broken: the widget is missing"
    assert lines[2] == "FAIL second: crashes: OSError: disk on fire"
    assert lines[3] == f"ok   {CHECKS[0].name}"
    assert lines[-1] == "2 of 3 checks FAILED"


def test_missing_fonts_fail_the_resources_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", shipped)
    (shipped / "fonts" / "DejaVuSans.ttf").unlink()
    monkeypatch.setenv("DOSSIER_RESOURCES", str(shipped))
    with pytest.raises(SelfTestFailed, match=r"DejaVuSans\.ttf"):
        selftest.check_resources(tmp_path)


def test_a_damaged_translation_fails_the_resources_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", shipped)
    (shipped / "translations").mkdir(exist_ok=True)
    (shipped / "translations" / "dossier_xx.qm").write_bytes(b"not a Qt translation file")
    monkeypatch.setenv("DOSSIER_RESOURCES", str(shipped))
    with pytest.raises(SelfTestFailed, match=r"dossier_xx\.qm"):
        selftest.check_resources(tmp_path)


def _dossier(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )


def test_self_test_flag_from_source_passes(tmp_path: Path) -> None:
    home = tmp_path / "user-data"
    env = {**os.environ, "DOSSIER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    # As support staff run it: none of the test suite's switches (a frozen build failed
    # when the suite's own DOSSIER_TEST_SUITE hid that the self-test needs it itself).
    for name in ("DOSSIER_INSECURE_TEST_KDF", "DOSSIER_TEST_SUITE", "PYTEST_CURRENT_TEST"):
        env.pop(name, None)
    result = _dossier("--self-test", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "from source" in lines[0]
    assert lines[1:-1] == [f"ok   {check.name}" for check in CHECKS]
    assert lines[-1] == "all checks passed"
    assert not home.exists()


def test_self_test_exits_non_zero_when_a_check_fails(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DOSSIER_HOME": str(tmp_path / "user-data"),
        "DOSSIER_RESOURCES": str(tmp_path / "nowhere"),
    }
    result = _dossier("self-test", env=env)
    assert result.returncode == 1
    assert "FAIL resources: fonts, demo case, translations" in result.stdout
    assert f"ok   {CHECKS[2].name}" in result.stdout  # the vault check still ran
    assert result.stdout.splitlines()[-1].endswith("checks FAILED")
