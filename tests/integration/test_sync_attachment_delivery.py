"""An attachment counts as delivered to a peer only when the peer holds a version that
needs it, never because the peer's knowledge of the sender's counter moved on.

The case that jammed: A relays C's exhibit to B in a split export; the part carrying the
exhibit is lost, while another part tells B everything of A's own up to A's counter. B's
next acknowledgement then covered the counter the exhibit was sent under, so A counted it
delivered and sent C's attachment record without its file, which B refused every time.
"""

from __future__ import annotations

import os
from pathlib import Path

from sync_devices import make_device, pair, send

LIMIT = 200 * 1024


def test_a_lost_part_with_a_relayed_exhibit_is_resent_with_its_file(tmp_path: Path) -> None:
    a, b, c = (make_device(tmp_path / n, n.upper()) for n in ("a", "b", "c"))
    pair(a, b, tmp_path / "p")
    pair(a, c, tmp_path / "p")
    stick = tmp_path / "stick"
    case = c.services.cases.create_case("Case")
    c.services.sources.add_attachment(case, "from-c.bin", os.urandom(120_000))
    send(c, a, stick)  # A now holds C's exhibit and relays it
    a.services.sources.add_attachment(case, "from-a.bin", os.urandom(90_000))
    parts = a.sync.export(stick, peer=b.device_id, max_bytes=LIMIT).paths
    assert len(parts) == 2  # the larger exhibit (C's) in the first part, A's in the second
    b.sync.import_bundle(parts[1])  # the first part is lost
    send(b, a, stick)  # B acknowledges all of A's own versions, but not C's exhibit

    resent = send(a, b, stick)

    assert (resent.versions, resent.new) == (1, 1)  # C's attachment record, with its file
    assert b.export_json() == a.export_json()
    send(b, a, stick)  # B acknowledges it: the file is not carried again
    again = a.sync.export(stick, peer=b.device_id)
    assert (again.versions, again.blobs) == (0, 0)
