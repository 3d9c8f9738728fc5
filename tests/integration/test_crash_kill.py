"""A writer killed with SIGKILL at random moments loses nothing it acknowledged.

A child process adds events (and now and then an attachment, so some transactions span
many pages) and prints "ack <n>" after each commit returns. The parent kills it at a
random moment, several times over, then reopens the vault: `vault verify` must pass and
every acknowledged event must be there.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.services.integrity import verify
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5

WRITER = """
import os, sys
from pathlib import Path
from desktop.services.registry import Services
from desktop.store.vault import Vault

folder, case_id, start = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
vault = Vault.unlock_with_passphrase(folder, sys.stdin.readline().rstrip("\\n"))
services = Services.over(vault, actor="writer")
print("ready", flush=True)
n = start
while True:
    services.timeline.add_event(case_id, "2009-11-16", f"crash event {n}",
                                description="x" * (n % 50) * 40)
    if n % 7 == 0:
        services.sources.add_attachment(case_id, f"exhibit-{n}.bin", os.urandom(150_000))
    print(f"ack {n}", flush=True)
    n += 1
"""


def run_writer_and_kill(
    folder: Path, case_id: str, start: int, passphrase: str, rng: random.Random
) -> list[int]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), case_id, str(start)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(passphrase + "\n")
    child.stdin.close()
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the writer never started"
    time.sleep(rng.uniform(0.05, 1.2))
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    reader.join(10)
    child.stdout.close()
    assert child.stderr is not None
    errors = child.stderr.read()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL, errors
    assert lines and lines[0] == "ready", errors
    return [int(line.split()[1]) for line in lines[1:] if line.startswith("ack ")]


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_commit(tmp_path: Path, passphrase: str) -> None:
    seed = int(time.time())
    rng = random.Random(seed)
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, passphrase)
    case_id = Services.over(vault).cases.create_case("Crash test")
    vault.lock()

    acked: list[int] = []
    start = 0
    for _round in range(ROUNDS):
        got = run_writer_and_kill(folder, case_id, start, passphrase, rng)
        acked += got
        start = (max(got) if got else start) + 2  # leave a gap: n+1 may or may not be there

    assert len(acked) >= ROUNDS, f"too few writes to test anything (seed {seed})"
    reopened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        services = Services.over(reopened)
        report = verify(services.store)
        assert report.ok, (report.problems, seed)
        ids = services.timeline.event_ids(case_id, EventFilter())
        titles = {row.event.title for row in services.timeline.rows(ids)}
        missing = [n for n in acked if f"crash event {n}" not in titles]
        assert missing == [], f"acknowledged but lost: {missing} (seed {seed})"
        # and the vault is still writable after all that
        services.timeline.add_event(case_id, "2009-11-17", "after the crashes")
    finally:
        reopened.lock()
