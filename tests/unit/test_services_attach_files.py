"""Attaching files from disk: sizes checked before reading, all files or none."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop.errors import KnownError
from desktop.services import sources as sources_module
from desktop.services.registry import Services
from desktop.services.transfer import export_json


def test_attach_files_stores_every_file_with_its_hash(
    demo_services: Services, demo_case_id: str, tmp_path: Path
) -> None:
    source_id = demo_services.sources.sources(demo_case_id)[0].id
    first, second = tmp_path / "letter.pdf", tmp_path / "photo.png"
    first.write_bytes(b"%PDF-1.4 a letter")
    second.write_bytes(b"\x89PNG a photo")
    ids = demo_services.sources.attach_files(demo_case_id, [first, second], source_id=source_id)
    stored = {a.id: a for a in demo_services.sources.attachments(demo_case_id, source_id)}
    assert [stored[i].file_name for i in ids] == ["letter.pdf", "photo.png"]
    assert stored[ids[0]].blob_sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
    assert stored[ids[1]].media_type == "image/png"


def test_an_unreadable_file_attaches_nothing(
    demo_services: Services, demo_case_id: str, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(b"fine")
    before = export_json(demo_services.store)
    with pytest.raises(KnownError, match="nothing was attached"):
        demo_services.sources.attach_files(demo_case_id, [good, tmp_path / "missing.pdf"])
    assert export_json(demo_services.store) == before


def test_a_file_too_large_is_refused_before_it_is_read(
    demo_services: Services,
    demo_case_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sources_module, "MAX_ATTACHMENT_BYTES", 1024)
    huge = tmp_path / "huge.bin"
    with open(huge, "wb") as handle:  # sparse: large on paper, nothing to read
        handle.truncate(10 * 1024**3)
    before = export_json(demo_services.store)
    with pytest.raises(KnownError, match="too large"):
        demo_services.sources.attach_files(demo_case_id, [huge])
    assert export_json(demo_services.store) == before
    assert os.path.getsize(huge) == 10 * 1024**3
