"""Portraits: only pictures, size checked before reading, stored once by SHA-256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.errors import ValidationError
from desktop.services import people as people_module
from desktop.services.registry import Services
from desktop.services.transfer import export_json

PNG_HEADER = b"\x89PNG\r\n\x1a\n"


def test_a_picture_is_kept_by_its_hash_and_set_on_a_person(
    demo_services: Services, demo_case_id: str, tmp_path: Path
) -> None:
    picture = tmp_path / "portrait.png"
    picture.write_bytes(PNG_HEADER + b"pixels")
    sha = demo_services.people.store_photo(picture)
    assert sha == hashlib.sha256(picture.read_bytes()).hexdigest()
    person = demo_services.people.persons(demo_case_id)[0]
    demo_services.people.update_person(person.id, photo_sha256=sha)
    assert demo_services.people.get_person(person.id).photo_sha256 == sha
    assert demo_services.sources.blob(sha) == picture.read_bytes()


def test_a_file_that_is_not_a_picture_is_refused(demo_services: Services, tmp_path: Path) -> None:
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    before = export_json(demo_services.store)
    with pytest.raises(ValidationError, match="PNG, JPEG or GIF"):
        demo_services.people.store_photo(text)
    assert export_json(demo_services.store) == before


def test_a_picture_too_large_is_refused_before_it_is_read(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people_module, "MAX_PHOTO_BYTES", 1024)
    huge = tmp_path / "huge.png"
    with open(huge, "wb") as handle:
        handle.truncate(10 * 1024**3)
    with pytest.raises(ValidationError, match="too large"):
        demo_services.people.store_photo(huge)
