"""Hostile or broken bundles against a real vault: each refused in one line, vault unchanged.

The bad-bundle generator in tests/data/bad-bundles builds the whole matrix (bit flips,
truncation, wrong recipient, unpaired, revoked and forged senders, hash mismatches,
unsafe archive members, newer versions, oversized) addressed to this vault's own identity;
a real bundle from a paired vault is then flipped and cut at several offsets.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType
from typing import IO

import pytest
from sync_devices import Device, carry, make_device, pair

from desktop.errors import KnownError
from desktop.services.sync import SyncService, schema_version
from desktop.sync import device
from desktop.sync.bundle import BundleRejected, BundleWriteError
from desktop.sync.identity import DeviceIdentity

BAD = Path(__file__).resolve().parents[1] / "data" / "bad-bundles"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_bad_bundles", BAD / "make_bad_bundles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def reader(tmp_path: Path) -> Device:
    return make_device(tmp_path / "reader", "reader")


def test_the_bad_bundle_matrix_is_refused_by_a_vault_which_stays_unchanged(
    reader: Device, tmp_path: Path
) -> None:
    make = generator()
    keys: dict[str, DeviceIdentity] = make.make_identities()
    with reader.services.store.writing() as w:
        keys["reader"] = device.load_identity(w.session)
        for role in ("sender", "revoked"):
            device.pair(w.session, keys["reader"], keys[role].public())
        device.revoke(w.session, keys["revoked"].device_id)
    reader.services.cases.create_case("Existing case", summary="must survive")
    strict = SyncService(reader.services.store, max_bundle_bytes=make.MAX_BYTES)
    before = reader.export_json()
    cases = make.cases(keys)
    assert len(cases) >= 30
    folder = tmp_path / "stick"
    folder.mkdir()
    for name, (content, reason, message) in sorted(cases.items()):
        path = folder / name
        path.write_bytes(content)
        with pytest.raises(BundleRejected) as caught:
            strict.import_bundle(path)
        assert caught.value.reason is reason, name
        text = str(caught.value)
        assert "\n" not in text and text.endswith("."), name
        if "schema" not in message:
            assert text == message, name
        assert reader.export_json() == before, name
    # A bundle that passes every check but does not carry record versions is refused too.
    good = make.good_bundle(folder, keys)
    with pytest.raises(BundleRejected, match="not valid; nothing was imported"):
        strict.import_bundle(good)
    assert reader.export_json() == before


def test_a_real_bundle_flipped_or_cut_anywhere_is_refused(tmp_path: Path) -> None:
    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case", summary="x" * 5000)
    a.services.sources.add_attachment(case, "scan.pdf", b"%PDF" * 40_000)
    good = carry(a, b, tmp_path / "stick").read_bytes()
    before = b.export_json()
    target = tmp_path / "stick" / "tampered.dossier"
    for offset in (0, 20, 100, 300, len(good) // 3, len(good) // 2, len(good) - 17, len(good) - 1):
        flipped = bytearray(good)
        flipped[offset] ^= 0x01
        target.write_bytes(bytes(flipped))
        with pytest.raises(BundleRejected):
            b.sync.import_bundle(target)
        assert b.export_json() == before, offset
    for length in (0, 50, len(good) // 2, len(good) - 1):
        target.write_bytes(good[:length])
        with pytest.raises(BundleRejected):
            b.sync.import_bundle(target)
        assert b.export_json() == before, length


class _FailingStick(io.RawIOBase):
    """A file that accepts `limit` bytes and then fails like a pulled-out stick."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__()
        self._handle = open(path, "xb")  # noqa: SIM115 - closed in close()
        self._left = limit

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self._left:
            self._handle.write(bytes(data)[: self._left])
            self._left = 0
            raise OSError(5, "Input/output error")
        self._left -= len(data)
        return self._handle.write(data)

    def fileno(self) -> int:
        return self._handle.fileno()

    def close(self) -> None:
        self._handle.close()
        super().close()


@pytest.mark.parametrize("limit", [0, 100, 5_000, 60_000])
def test_an_interrupted_write_leaves_nothing_importable_and_the_sender_unchanged(
    tmp_path: Path, limit: int
) -> None:
    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    a.services.cases.create_case("Case", summary="y" * 100_000)

    def failing(path: Path) -> IO[bytes]:
        return _FailingStick(path, limit)  # type: ignore[return-value]

    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(BundleWriteError):
        SyncService(a.services.store, open_partial=failing).export(stick, peer=b.device_id)
    assert b.sync.import_path(stick).imported == []
    assert list(stick.iterdir()) == []  # not even a `.partial`
    # The failed export changed no record; it had committed its reservation first (a
    # sequence number and a counter), so the next bundle is number 2 and imports fine.
    before = a.export_json()
    result = b.sync.import_bundle(carry(a, b, stick))
    assert result.path.name.startswith(f"{a.device_id}-2-")
    assert a.export_json() == b.export_json() == before


def test_a_bundle_dated_far_in_the_future_is_refused(tmp_path: Path) -> None:
    from desktop.core.clock import DEFAULT_MAX_SKEW_MS, HlcStamp
    from desktop.sync.bundle import write_bundle
    from desktop.sync.versions import line_for

    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    a.services.cases.create_case("Case")
    with a.services.store.reading() as s:
        from sqlalchemy import select

        from desktop.store.models import Case

        row = dict(s.execute(select(Case.__table__)).mappings().one())
    with a.services.store.writing() as w:
        me = device.load_identity(w.session)
    import time

    future_ms = time.time_ns() // 1_000_000 + DEFAULT_MAX_SKEW_MS + 3_600_000
    row["hlc"] = HlcStamp(future_ms, 0, me.device_id).format()
    stick = tmp_path / "stick"
    stick.mkdir()
    path = write_bundle(
        stick, sender=me, recipients=[_public_of(b)], sequence=1,
        hlc=HlcStamp(future_ms, 0, me.device_id), knowledge=_vector(row),
        schema_version=schema_version(), payload_lines=[line_for("cases", row)],
    )  # fmt: skip
    before = b.export_json()
    with pytest.raises(KnownError, match="too far in the future"):
        b.sync.import_bundle(path)
    assert b.export_json() == before


def _public_of(d: Device):  # type: ignore[no-untyped-def]
    with d.services.store.writing() as w:
        return device.load_identity(w.session).public()


def _vector(row: dict):  # type: ignore[no-untyped-def,type-arg]
    from desktop.core.vectors import VersionVector

    return VersionVector.from_json(row["vv"])


def test_a_signed_bundle_whose_records_lack_their_parent_is_refused(tmp_path: Path) -> None:
    """An event arriving without its case (the bulk insert's foreign-key failure)."""
    from sqlalchemy import select

    from desktop.core.clock import HlcStamp
    from desktop.store.models import Event
    from desktop.sync.bundle import write_bundle
    from desktop.sync.versions import line_for

    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case")
    a.services.timeline.add_event(case, "2008-11-24", "Arrest")
    with a.services.store.reading() as s:
        row = dict(s.execute(select(Event.__table__)).mappings().one())
    with a.services.store.writing() as w:
        me = device.load_identity(w.session)
    stick = tmp_path / "stick"
    stick.mkdir()
    path = write_bundle(
        stick, sender=me, recipients=[_public_of(b)], sequence=1,
        hlc=HlcStamp.parse(row["hlc"]), knowledge=_vector(row),
        schema_version=schema_version(), payload_lines=[line_for("events", row)],
    )  # fmt: skip
    before = b.export_json()
    with pytest.raises(KnownError, match="refers to records or attachments it does not carry"):
        b.sync.import_bundle(path)
    assert b.export_json() == before
    assert b.services.search.search("Arrest") == []


@pytest.mark.parametrize("names", ['{"text": "not a list"}', '[{"script": "latn"}]', "[" * 50_000])
def test_a_signed_bundle_with_damaged_person_names_is_refused(tmp_path: Path, names: str) -> None:
    """Screens, search and packs read `names`; a paired device cannot slip in garbage."""
    from sqlalchemy import select

    from desktop.core.clock import HlcStamp
    from desktop.store.models import Case, Person
    from desktop.sync.bundle import write_bundle
    from desktop.sync.versions import line_for

    a = make_device(tmp_path / "a", "A")
    b = make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case")
    a.services.people.add_person(case, "official", "Artem Kuznetsov")
    with a.services.store.reading() as s:
        case_row = dict(s.execute(select(Case.__table__)).mappings().one())
        person = dict(s.execute(select(Person.__table__)).mappings().one())
    with a.services.store.writing() as w:
        me = device.load_identity(w.session)
    stick = tmp_path / "stick"
    stick.mkdir()
    lines = [line_for("cases", case_row), line_for("persons", {**person, "names": names})]
    path = write_bundle(
        stick, sender=me, recipients=[_public_of(b)], sequence=1,
        hlc=HlcStamp.parse(person["hlc"]), knowledge=_vector(person),
        schema_version=schema_version(), payload_lines=lines,
    )  # fmt: skip
    before = b.export_json()
    with pytest.raises(KnownError, match="not valid; nothing was imported"):
        b.sync.import_bundle(path)
    assert b.export_json() == before
