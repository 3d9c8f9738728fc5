"""Bundles between real identities through a temporary folder standing in for a stick."""

import hashlib
import io
import json
import os
from pathlib import Path
from typing import IO

import pytest

from desktop.core.clock import HybridClock
from desktop.core.vectors import VersionVector
from desktop.sync.bundle import (
    BundleRejected,
    BundleWriteError,
    MemoryBlobSink,
    Reason,
    list_bundles,
    open_bundle,
    parse_bundle_name,
    write_bundle,
)
from desktop.sync.identity import DeviceIdentity, DevicePublic

SCHEMA = 3


@pytest.fixture
def devices() -> dict[str, DeviceIdentity]:
    return {name: DeviceIdentity.generate(name) for name in ("office", "field", "lawyer")}


def paired(devices: dict[str, DeviceIdentity], *names: str) -> dict[str, DevicePublic]:
    return {devices[n].device_id: devices[n].public() for n in names}


def export(
    stick: Path,
    sender: DeviceIdentity,
    recipients: list[DeviceIdentity],
    lines: list[bytes],
    blobs: list[tuple[str, bytes | IO[bytes]]] = (),  # type: ignore[assignment]
    **options: object,
) -> Path:
    return write_bundle(
        stick,
        sender=sender,
        recipients=[r.public() for r in recipients],
        sequence=7,
        hlc=HybridClock(sender.device_id).tick(),
        knowledge=VersionVector({sender.device_id: len(lines)}),
        schema_version=SCHEMA,
        payload_lines=lines,
        blobs=blobs,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


def records(n: int) -> list[bytes]:
    return [json.dumps({"id": f"r{i}", "title": f"Событие {i}"}).encode() for i in range(n)]


def test_two_devices_round_trip_records_and_attachments(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    office, field = devices["office"], devices["field"]
    photo = os.urandom(3 * 1024 * 1024 + 17)  # several age chunks and read chunks
    photo_sha = hashlib.sha256(photo).hexdigest()
    path = export(tmp_path, office, [field], records(5), [(photo_sha, io.BytesIO(photo))])

    name = parse_bundle_name(path.name)
    assert name is not None and (name.sender, name.sequence) == (office.device_id, 7)
    sink = MemoryBlobSink()
    bundle = open_bundle(
        path,
        me=field,
        known_senders=paired(devices, "office"),
        supported_schema=SCHEMA,
        blob_sink=sink,
    )
    assert [r["title"] for r in bundle.records()] == [f"Событие {i}" for i in range(5)]
    assert bundle.manifest.sender == office.device_id
    assert bundle.manifest.recipients == (field.device_id,)
    assert bundle.manifest.knowledge == VersionVector({office.device_id: 5})
    assert sink.blobs == {photo_sha: photo}
    assert dict(bundle.blob_sizes) == {photo_sha: len(photo)}
    assert list_bundles(tmp_path, field) == [path]
    assert list_bundles(tmp_path, office) == []  # its own bundle


def test_three_devices_each_read_a_bundle_sent_to_both_others(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    office, field, lawyer = devices["office"], devices["field"], devices["lawyer"]
    path = export(tmp_path, office, [field, lawyer], records(3))
    for reader in (field, lawyer):
        bundle = open_bundle(
            path, me=reader, known_senders=paired(devices, "office"), supported_schema=SCHEMA
        )
        assert len(list(bundle.records())) == 3
    from_field = export(tmp_path, field, [lawyer], records(1))
    assert list_bundles(tmp_path, office) == []
    assert set(list_bundles(tmp_path, lawyer)) == {path, from_field}


def test_a_device_outside_the_recipients_cannot_open_it(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    path = export(tmp_path, devices["office"], [devices["field"]], records(1))
    with pytest.raises(BundleRejected, match="not addressed to this device") as caught:
        open_bundle(
            path,
            me=devices["lawyer"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA,
        )
    assert caught.value.reason is Reason.NOT_FOR_THIS_DEVICE
    assert list_bundles(tmp_path, devices["lawyer"]) == []


@pytest.mark.parametrize("where", ["header", "early", "middle", "end"])
def test_a_one_bit_flip_anywhere_is_refused(
    tmp_path: Path, devices: dict[str, DeviceIdentity], where: str
) -> None:
    path = export(tmp_path, devices["office"], [devices["field"]], records(2000))
    data = bytearray(path.read_bytes())
    offset = {"header": 10, "early": data.index(b"\n--- ") + 70, "middle": len(data) // 2}.get(
        where, len(data) - 3
    )
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))
    with pytest.raises(BundleRejected, match="damaged") as caught:
        open_bundle(
            path,
            me=devices["field"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA,
        )
    assert caught.value.reason is Reason.DAMAGED


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.99])
def test_a_truncated_bundle_is_refused(
    tmp_path: Path, devices: dict[str, DeviceIdentity], keep: float
) -> None:
    path = export(tmp_path, devices["office"], [devices["field"]], records(2000))
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(BundleRejected, match=r"damaged|incomplete"):
        open_bundle(
            path,
            me=devices["field"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA,
        )


def test_the_size_cap_applies_before_reading(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    path = export(tmp_path, devices["office"], [devices["field"]], records(10))
    with pytest.raises(BundleRejected, match="larger than allowed"):
        open_bundle(
            path,
            me=devices["field"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA,
            max_bytes=path.stat().st_size - 1,
        )


def test_revoking_a_sender_refuses_its_later_bundles(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    office, field = devices["office"], devices["field"]
    path = export(tmp_path, office, [field], records(1))
    with pytest.raises(BundleRejected, match="unpaired device"):
        open_bundle(
            path,
            me=field,
            known_senders=paired(devices, "office"),
            revoked={office.device_id},
            supported_schema=SCHEMA,
        )


def test_a_bundle_with_a_newer_schema_asks_for_an_update(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    path = export(tmp_path, devices["office"], [devices["field"]], records(1))
    with pytest.raises(BundleRejected, match="update Dossier") as caught:
        open_bundle(
            path,
            me=devices["field"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA - 1,
        )
    assert caught.value.reason is Reason.NEWER_VERSION


class PulledStick(io.RawIOBase):
    """A file on a stick that is pulled out after `limit` bytes."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__()
        self._file = open(path, "xb")  # noqa: SIM115 - closed in close()
        self._left = limit

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self._left:
            self._file.write(bytes(data[: self._left]))
            self._file.flush()
            self._left = 0
            raise OSError(5, "Input/output error")
        self._left -= len(data)
        return self._file.write(data)

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()
        super().close()


@pytest.mark.parametrize("limit", [0, 100, 70_000])
def test_an_interrupted_write_leaves_nothing_importable(
    tmp_path: Path, devices: dict[str, DeviceIdentity], limit: int
) -> None:
    opened: list[Path] = []

    def pulled_stick(path: Path) -> IO[bytes]:
        opened.append(path)
        return PulledStick(path, limit)  # type: ignore[return-value]

    with pytest.raises(BundleWriteError, match="drive failed while writing"):
        export(
            tmp_path,
            devices["office"],
            [devices["field"]],
            records(5000),
            open_partial=pulled_stick,
        )
    assert opened and opened[0].name.endswith(".dossier.partial")
    assert not any(p.suffix == ".dossier" for p in tmp_path.iterdir())
    assert list_bundles(tmp_path, devices["field"]) == []


def test_a_partial_left_by_a_crash_is_ignored_and_refused(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    finished = export(tmp_path, devices["office"], [devices["field"]], records(50))
    partial = finished.with_name(finished.name + ".partial")
    partial.write_bytes(finished.read_bytes()[:300])
    finished.unlink()
    assert [p.name for p in tmp_path.iterdir()] == [partial.name]
    assert list_bundles(tmp_path, devices["field"]) == []
    with pytest.raises(BundleRejected, match="never finished"):
        open_bundle(
            partial,
            me=devices["field"],
            known_senders=paired(devices, "office"),
            supported_schema=SCHEMA,
        )


def test_an_attachment_that_does_not_match_its_hash_is_not_sent(
    tmp_path: Path, devices: dict[str, DeviceIdentity]
) -> None:
    with pytest.raises(BundleWriteError, match="does not match its checksum"):
        export(
            tmp_path,
            devices["office"],
            [devices["field"]],
            records(1),
            [("0" * 64, b"not the right bytes")],
        )
    assert list(tmp_path.iterdir()) == []
