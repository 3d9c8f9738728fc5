"""An exporter (and an importer) killed at every step boundary loses no edit, jams nothing.

A child process opens a real vault and runs `sync export` (or `sync import`) with
`DOSSIER_TEST_CRASH_AT` naming one step; the crash point ends it there with `os._exit`,
like a power cut: no cleanup, no commit. Whatever the crash left on the stick is then
imported by the peer, the crashed device goes on editing (a person, then a complaint
against that person: the case that used to jam), and in the end every pair of the three
devices exchanges bundles. Every device must export byte-identical JSON holding every edit.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from sync_devices import PASSPHRASE, Device, make_device, pair_all, send

from desktop.crashpoints import CRASH_ENV, CRASH_EXIT_CODE
from desktop.services.complaints import Against
from desktop.services.conflicts import ConflictService
from desktop.services.integrity import verify
from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.services.timeline import EventFilter
from desktop.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]

EXPORT_STEPS = [
    "before-write",
    "partial-write",
    "after-rename",
    "after-fsync",
    "read-back",
    "before-commit",
    "after-commit",
]
IMPORT_STEPS = ["before-commit", "after-commit"]

CHILD = """
import sys
from pathlib import Path
from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.store.vault import Vault

action, folder, stick, peer = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
vault = Vault.unlock_with_passphrase(folder, sys.stdin.readline().rstrip("\\n"))
sync = SyncService(Services.over(vault).store)
if action == "export":
    sync.export(stick, peer=peer)
else:
    sync.import_path(stick)
print("finished without a crash", flush=True)
"""


def run_child(action: str, device: Device, stick: Path, peer: str, crash_at: str) -> None:
    """Run `action` on `device`'s vault in a child process that dies at `crash_at`."""
    folder = device.vault.folder
    device.vault.lock()
    env = dict(os.environ, **{CRASH_ENV: crash_at})
    child = subprocess.run(
        [sys.executable, "-c", CHILD, action, str(folder), str(stick), peer],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert child.returncode == CRASH_EXIT_CODE, (crash_at, child.stdout, child.stderr)
    reopen(device)


def reopen(device: Device) -> None:
    """Unlock the device's vault again, as the user does after the power came back."""
    vault = Vault.unlock_with_passphrase(device.vault.folder, PASSPHRASE)
    services = Services.over(vault, actor=device.name, now_ns=time.time_ns)
    device.vault, device.services = vault, services
    device.sync = SyncService(services.store)
    device.conflicts = ConflictService(services.store)


def test_killed_at_every_step_the_devices_still_converge_with_every_edit(tmp_path: Path) -> None:
    a, b, c = (make_device(tmp_path / n, n) for n in ("A", "B", "C"))
    pair_all([a, b, c], tmp_path / "pairing")
    stick = tmp_path / "stick"
    stick.mkdir()
    case = a.services.cases.create_case("Crash case")
    for other in (b, c):
        send(a, other, stick)
    titles: set[str] = set()
    for n, step in enumerate(EXPORT_STEPS):
        title = f"before crash {step}"
        a.services.timeline.add_event(case, f"2010-01-{n + 1:02d}", title)
        a.services.sources.add_attachment(case, f"exhibit-{n}.bin", os.urandom(200_000))
        titles.add(title)
        run_child("export", a, stick, b.device_id, f"export:{step}")
        leftovers = sorted(p.name for p in stick.iterdir() if p.name.endswith(".partial"))
        if step == "partial-write":
            assert leftovers, "the crash should have left a half-written bundle"
        b.sync.import_path(stick)  # whatever the crash left, the peer takes it
        # A goes on: new records take the counters after the crashed export's.
        person = a.services.people.add_person(case, "official", f"Official {n}")
        a.services.complaints.add_complaint(
            case, against=[Against(person_id=person)], subject=f"Complaint {n}"
        )
        title = f"after crash {step}"
        a.services.timeline.add_event(case, f"2010-02-{n + 1:02d}", title)
        titles.add(title)
        result = a.sync.export(stick, peer=b.device_id)
        assert all(not p.name.endswith(".partial") for p in stick.iterdir()), leftovers
        assert result.leftovers == ()
        b.sync.import_bundle(result.path)  # never refused: nothing refers to a missing record
    for n, step in enumerate(IMPORT_STEPS):
        title = f"import crash {step}"
        c.services.timeline.add_event(case, f"2011-01-{n + 1:02d}", title)
        titles.add(title)
        c.sync.export(stick, peer=b.device_id)
        run_child("import", b, stick, "-", f"import:{step}")
        assert verify(b.services.store).ok
    for _ in range(2):
        for x, y in itertools.permutations([a, b, c], 2):
            send(x, y, stick)
    first = a.export_json()
    assert b.export_json() == first and c.export_json() == first
    for d in (a, b, c):
        ids = d.services.timeline.event_ids(case, EventFilter())
        have = {row.event.title for row in d.services.timeline.rows(ids)}
        assert titles <= have, (d.name, titles - have)
        assert len(d.services.complaints.register(case)) == len(EXPORT_STEPS)
        assert all(s.pending == 0 for s in d.sync.status().peers)
    for d in (a, b, c):
        d.vault.lock()
