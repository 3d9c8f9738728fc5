"""Two writers at once: large attachments being stored while the user keeps editing.

Both must succeed: the edit waits for the store (BEGIN IMMEDIATE with a busy timeout)
instead of failing with "database is locked" and losing what was typed.

The scenario runs in a fresh process, as the app does, so that it can watch the
process's count of memory areas (Linux caps it at vm.max_map_count, 65,530 by default).
SQLCipher's memory security locks each cached page on its own, and with the old 256 MiB
page cache this very scenario reached 63,641 areas; in the long test process, whose heap
was more fragmented, SQLite then failed with "disk I/O error". The count must stay far
below the cap.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCENARIO = r"""
import json, sys, threading, time
from pathlib import Path

peak_areas = 0
def watch_areas():  # the process's memory areas, as the kernel counts them against the cap
    global peak_areas
    while True:
        with open("/proc/self/maps", "rb") as maps:
            peak_areas = max(peak_areas, sum(1 for _ in maps))
        time.sleep(0.01)

threading.Thread(target=watch_areas, daemon=True).start()
from desktop.services.registry import Services
from desktop.store.vault import Vault

MIB = 1024 * 1024
root = Path(sys.argv[1])
vault, _ = Vault.create(root / "vault", "a passphrase for the test", check_strength=False)
services = Services.over(vault, actor="test")
case_id = services.cases.create_case("Case")
event_id = services.timeline.add_event(case_id, "2009-11-16", "Hearing")
files = []
for n in (1, 2):
    path = root / f"exhibit-{n}.pdf"
    with open(path, "wb") as handle:
        handle.write(f"%PDF-1.4 exhibit {n}\n".encode())
        handle.truncate(150 * MIB)  # zeros after the header: cheap to make, 150 MiB to store
    files.append(path)
failures, attached = [], []

def attach():
    try:
        attached.extend(services.sources.attach_files(case_id, files))
    except BaseException as exc:  # reported below: a thread cannot fail the test itself
        failures.append(repr(exc))

worker = threading.Thread(target=attach)
worker.start()
titles = []
while worker.is_alive() or len(titles) < 3:
    title = f"Hearing, edit {len(titles) + 1}"
    services.timeline.update_event(event_id, title=title)
    titles.append(title)
    time.sleep(0.05)  # a person saves every few hundred milliseconds at most
worker.join()
print(json.dumps({
    "failures": failures,
    "attached": len(attached),
    "title": services.timeline.get_event(event_id).title,
    "last": titles[-1],
    "edits": len(titles),
    "sizes": sorted(a.size for a in services.sources.attachments(case_id, None)),
    "peak_areas": peak_areas,
}))
vault.lock()
"""


def test_edits_made_while_two_150_mib_files_are_attached_all_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIER_TEST_SUITE": "1", "DOSSIER_INSECURE_TEST_KDF": "1"}
    run = subprocess.run(
        [sys.executable, "-c", SCENARIO, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["failures"] == []
    assert got["attached"] == 2
    assert got["edits"] >= 3
    assert got["title"] == got["last"]
    assert got["sizes"] == [150 * 1024 * 1024, 150 * 1024 * 1024]
    # The store and the edits held the write lock in turn with full page caches; their
    # locked pages must leave most of the kernel's cap free (65,530 areas by default).
    cap = int(Path("/proc/sys/vm/max_map_count").read_text())
    assert 0 < got["peak_areas"] < min(cap, 65_530) // 4
