"""An exhibit's clearance for redacted packs travels with sync, like any other field."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from sync_devices import make_device, pair, send

from desktop.briefing.model import BriefingOptions


def test_clearance_and_description_reach_the_other_laptop(tmp_path: Path) -> None:
    a = make_device(tmp_path / "a", "office laptop")
    b = make_device(tmp_path / "b", "field laptop")
    pair(a, b, tmp_path / "pairing")
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    attachment = a.services.sources.add_attachment(case, "notes.txt", b"plain notes")
    send(a, b, stick)
    assert not b.services.sources.get_attachment(attachment).cleared_public
    options = BriefingOptions(generated_on=dt.date(2024, 5, 1), redaction="public")
    assert b.services.briefs.build(case, options).uncleared == 1

    a.services.sources.set_cleared(attachment, "public")
    a.services.sources.update_attachment(attachment, description="Field notes, redacted")
    send(a, b, stick)
    synced = b.services.sources.get_attachment(attachment)
    assert synced.cleared_public and not synced.cleared_counsel
    assert synced.description == "Field notes, redacted"
    pack = b.services.briefs.build(case, options)
    assert pack.uncleared == 0
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pack.pdf)).pages)
    assert "Field notes, redacted" in text and "notes.txt" not in text
    assert a.export_json() == b.export_json()


def test_concurrent_clear_and_withdraw_are_both_kept(tmp_path: Path) -> None:
    a = make_device(tmp_path / "a", "office laptop")
    b = make_device(tmp_path / "b", "field laptop")
    pair(a, b, tmp_path / "pairing")
    stick = tmp_path / "stick"
    case = a.services.cases.create_case("Case")
    attachment = a.services.sources.add_attachment(case, "scan.pdf", b"%PDF-1.4 scan")
    a.services.sources.set_cleared(attachment, "public")
    send(a, b, stick)
    a.services.sources.set_cleared(attachment, "public", False)
    b.services.sources.update_attachment(attachment, description="Scan")
    result = send(a, b, stick)
    assert result.conflicts == 1  # nothing silently dropped: the user decides
