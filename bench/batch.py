"""Benchmark: a CLI batch of 100 `event add` lines against one unlock, real passphrase KDF.

Creates a vault with the real Argon2id calibration (unless --test-kdf), adds a case, then
times, in fresh processes as a user runs them:
  1. one unlock: `dossier --vault V case list`;
  2. `dossier --vault V batch FILE` with N `event add` lines (people and a citation on each);
  3. for contrast, 5 separate `event add` commands (each unlocks), scaled to N.
Prints seconds and the ratios to one unlock. Budget (DESIGN.md): batch of 100 < 5 s.

    .venv/bin/python bench/batch.py [--lines 100] [--test-kdf]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "a passphrase for the batch bench"


def dossier(env: dict[str, str], *args: str, stdin: str = PASSPHRASE + "\n") -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "main.py", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"dossier {' '.join(args[:4])} failed: {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100)
    parser.add_argument("--test-kdf", action="store_true", help="cheap KDF (not the real cost)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, DOSSIER_HOME=str(Path(tmp) / "home"))
        env.pop("DISPLAY", None)
        if opts.test_kdf:
            env["DOSSIER_INSECURE_TEST_KDF"] = "1"
            env["DOSSIER_TEST_SUITE"] = "1"
        else:
            env.pop("DOSSIER_INSECURE_TEST_KDF", None)
        vault = str(Path(tmp) / "vault")
        dossier(env, "vault", "create", vault, "--passphrase-file", "-", stdin=PASSPHRASE + "\n")
        common = ("--vault", vault, "--passphrase-file", "-")
        dossier(env, *common, "case", "add", "Bench case")
        dossier(env, *common, "person", "add", "--name", "Ivan Petrov", "--original", "Иван Петров")
        dossier(env, *common, "source", "add", "--label", "S1", "--title", "NGO report")
        unlock = min(dossier(env, *common, "case", "list") for _ in range(3))
        lines = [
            f'event add --date "{1 + i % 28} March 2009" --title "Fact {i}" '
            f'--person "Иван Петров:investigator" --cite "S1:¶{i}"'
            for i in range(opts.lines)
        ]
        batch_file = Path(tmp) / "facts.txt"
        batch_file.write_text("# bench\n" + "\n".join(lines) + "\n", encoding="utf-8")
        batch = dossier(env, *common, "batch", str(batch_file))
        single = [
            dossier(env, *common, "event", "add", "--date", "2009", "--title", f"Single {i}")
            for i in range(5)
        ]
        per_command = sum(single) / len(single)
    kdf = "test KDF" if opts.test_kdf else "real Argon2id"
    print(f"{kdf}; {opts.lines} `event add` lines, each with a person and a citation")
    print(f"one unlock (`case list`, fresh process): {unlock:6.2f} s")
    print(f"batch of {opts.lines} lines:                 {batch:6.2f} s  "
          f"= {batch / unlock:4.2f}x one unlock  (budget < 5 s)")  # fmt: skip
    print(f"{opts.lines} separate commands (estimated): {per_command * opts.lines:6.2f} s  "
          f"= {per_command * opts.lines / unlock:5.1f}x one unlock")  # fmt: skip


if __name__ == "__main__":
    main()
