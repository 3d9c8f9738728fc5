"""Each `bench/` script runs to the end at a tiny size, as `make bench` starts it.

The figures are not checked (tests never assert on time); what is checked is that the
script finishes and prints its verdict line. A bench that no longer runs was found only
when someone needed its figures (`bench/store.py` stopped at the cheap-KDF guard).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RUNS = [
    pytest.param(
        "store.py",
        ["--events", "1500", "--lookups", "50", "--ranges", "5", "--searches", "5", "--no-kdf"],
        "raw-key open (open_engine + first query)",
        id="store",
    ),
    pytest.param("brief.py", ["--sizes", "40"], "ratio", id="brief"),
    pytest.param("sync.py", ["--versions", "300"], "versions/s", id="sync"),
    pytest.param("sheet.py", ["--rows", "20"], "rows", id="sheet"),
    pytest.param("exports.py", ["--events", "30"], "ics", id="exports"),
    pytest.param("names.py", ["--events", "200"], "precision", id="names"),
    pytest.param(
        "scale.py",
        ["--events", "500", "--sync-versions", "200", "--rounds", "2"],
        '{"events": 500}',
        id="scale",
    ),
]


@pytest.mark.parametrize(("script", "args", "expected"), RUNS)
def test_bench_script_runs_to_its_figures(
    script: str, args: list[str], expected: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_")}
    env.pop("PYTEST_CURRENT_TEST", None)
    env["DOSSIER_HOME"] = str(tmp_path / "home")
    env["TMPDIR"] = str(tmp_path)
    if script == "exports.py":  # its docstring's command line sets these two
        env |= {"DOSSIER_TEST_SUITE": "1", "DOSSIER_INSECURE_TEST_KDF": "1"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert expected in done.stdout, done.stdout[-2000:]
