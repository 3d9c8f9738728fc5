"""Two writers at once: large attachments being stored while the user keeps editing.

Both must succeed: the edit waits for the store (BEGIN IMMEDIATE with a busy timeout)
instead of failing with "database is locked" and losing what was typed.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from desktop.services.registry import Services

MIB = 1024 * 1024


def test_edits_made_while_two_150_mib_files_are_attached_all_succeed(
    services: Services, tmp_path: Path
) -> None:
    case_id = services.cases.create_case("Case")
    event_id = services.timeline.add_event(case_id, "2009-11-16", "Hearing")
    files = []
    for n in (1, 2):
        path = tmp_path / f"exhibit-{n}.pdf"
        with open(path, "wb") as handle:
            handle.write(f"%PDF-1.4 exhibit {n}\n".encode())
            handle.truncate(150 * MIB)  # zeros after the header: cheap to make, 150 MiB to store
        files.append(path)
    failures: list[BaseException] = []
    attached: list[str] = []

    def attach() -> None:
        try:
            attached.extend(services.sources.attach_files(case_id, files))
        except BaseException as exc:  # reported below: a thread cannot fail the test itself
            failures.append(exc)

    worker = threading.Thread(target=attach)
    worker.start()
    titles = []
    while worker.is_alive() or len(titles) < 3:
        title = f"Hearing, edit {len(titles) + 1}"
        services.timeline.update_event(event_id, title=title)
        titles.append(title)
        # A person saves every few hundred milliseconds at most. Saving back to back, as
        # fast as the CPU allows, starves the other writer (SQLite's busy wait is not a
        # queue): on a loaded machine the store then gave up after its 30 s wait.
        time.sleep(0.05)
    worker.join()

    assert failures == []
    assert len(attached) == 2
    assert services.timeline.get_event(event_id).title == titles[-1]
    sizes = sorted(a.size for a in services.sources.attachments(case_id, None))
    assert sizes == [150 * MIB, 150 * MIB]
