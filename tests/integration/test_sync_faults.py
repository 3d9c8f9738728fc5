"""Faults of the stick and the disk: one plain sentence each, exit 1, no record changed.

Real faults where this machine allows them: a small tmpfs that really fills up (skipped
where mounting is not permitted), a read-only mount, /sys (which refuses new files even
to root), a stick folder removed mid-export. Quota and I/O errors are injected at the real
write call through the `open_partial` seam. The receiver's disk fills up for real too:
its vault lives on a small tmpfs.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from sync_devices import PASSPHRASE, Device, make_device, pair, send

from desktop.cli.main import main
from desktop.errors import KnownError
from desktop.services.sync import SyncService
from desktop.services.sync_advice import NextStep, next_step
from desktop.sync.bundle import BundleRejected, BundleWriteError

Mount = Callable[[str, str], Path]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Mount]:
    """`mount("name", "size=256k")`: a real tmpfs, unmounted afterwards."""
    mounted: list[Path] = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        if shutil.which("mount") is None or os.geteuid() != 0:
            pytest.skip("mounting a small disk needs root")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True
        )
        if done.returncode != 0:
            pytest.skip("mounting a small disk is not permitted here")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    a, b = make_device(tmp_path / "a", "A"), make_device(tmp_path / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case", summary="faults")
    a.services.sources.add_attachment(case, "exhibit.bin", os.urandom(400_000))
    yield a, b
    for d in (a, b):
        d.vault.lock()


def cli(
    device: Device, tmp_path: Path, *args: str, secret: str = PASSPHRASE
) -> tuple[int, str, str]:
    """Run `dossier` on the device's vault (locked first); returns (status, stdout, stderr)."""
    secret_file = tmp_path / "secret"
    secret_file.write_text(secret + "\n")
    device.vault.lock()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--vault", str(device.vault.folder), "--passphrase-file",
                         str(secret_file), *args])  # fmt: skip
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("dossier: "), err
    assert "internal error" not in err and "Traceback" not in err
    return lines[0]


def test_a_full_stick_is_one_sentence_and_leaves_nothing(
    devices: tuple[Device, Device], small_disk: Mount, tmp_path: Path
) -> None:
    a, _b = devices
    stick = small_disk("stick", "size=256k")
    code, _out, err = cli(a, tmp_path, "sync", "export", "--to", str(stick))
    assert code == 1
    assert "The drive is full" in one_line(err)
    assert list(stick.iterdir()) == []
    code, out, _ = cli(a, tmp_path, "sync", "status")
    assert code == 0 and "never" in out  # the export never counted as sent


def test_a_read_only_stick_is_named_as_such(
    devices: tuple[Device, Device], small_disk: Mount, tmp_path: Path
) -> None:
    a, _b = devices
    stick = small_disk("stick", "size=4m,ro")
    code, _out, err = cli(a, tmp_path, "sync", "export", "--to", str(stick))
    assert code == 1 and "read-only" in one_line(err)


def test_a_folder_that_refuses_new_files_even_to_root(devices: tuple[Device, Device]) -> None:
    a, b = devices
    before = a.export_json()
    with pytest.raises(BundleWriteError, match="may not write into that folder") as caught:
        a.sync.export(Path("/sys"), peer=b.device_id)
    assert next_step(caught.value) is NextStep.WRITABLE_STICK
    assert a.export_json() == before


def test_a_path_under_a_file_is_not_a_folder(
    devices: tuple[Device, Device], tmp_path: Path
) -> None:
    a, _b = devices
    (tmp_path / "file").write_text("x")
    code, _out, err = cli(a, tmp_path, "sync", "export", "--to", str(tmp_path / "file" / "sub"))
    assert code == 1 and "does not exist or is not a folder" in one_line(err)


class _Failing(IO[bytes]):
    """The real partial file, whose writes fail with `code` after `limit` bytes."""

    def __init__(self, path: Path, code: int, limit: int) -> None:
        self._file = open(path, "xb")  # noqa: SIM115
        self._code, self._left = code, limit

    def write(self, data: Any) -> int:
        if len(data) > self._left:
            raise OSError(self._code, os.strerror(self._code))
        self._left -= len(data)
        return self._file.write(data)

    def flush(self) -> None:
        self._file.flush()

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _Failing:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.mark.parametrize(
    ("code", "words", "step"),
    [
        (errno.ENOSPC, "The drive is full", NextStep.FREE_STICK),
        (errno.EDQUOT, "quota on that drive is used up", NextStep.FREE_STICK),
        (errno.EROFS, "The drive is read-only", NextStep.WRITABLE_STICK),
        (errno.EACCES, "may not write into that folder", NextStep.WRITABLE_STICK),
        (errno.EIO, "The drive failed while writing", NextStep.REPLUG_STICK),
        (errno.ENOENT, "the drive may have been removed", NextStep.REPLUG_STICK),
    ],
)
def test_each_fault_at_the_write_call_has_its_own_sentence(
    devices: tuple[Device, Device], tmp_path: Path, code: int, words: str, step: NextStep
) -> None:
    a, b = devices
    stick = tmp_path / "stick"
    stick.mkdir()
    before = a.export_json()
    service = SyncService(a.services.store, open_partial=lambda p: _Failing(p, code, 70_000))
    with pytest.raises(BundleWriteError) as caught:
        service.export(stick, peer=b.device_id)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert next_step(caught.value) is step
    assert list(stick.iterdir()) == []
    assert a.export_json() == before
    assert b.sync.import_bundle(a.sync.export(stick, peer=b.device_id).path).new == 2


def test_a_stick_pulled_out_mid_export(devices: tuple[Device, Device], tmp_path: Path) -> None:
    a, b = devices
    stick = tmp_path / "stick"
    stick.mkdir()

    def pulled(path: Path) -> IO[bytes]:
        shutil.rmtree(stick)  # the folder vanishes between the check and the write
        return open(path, "xb")

    with pytest.raises(BundleWriteError, match="removed") as caught:
        SyncService(a.services.store, open_partial=pulled).export(stick, peer=b.device_id)
    assert next_step(caught.value) is NextStep.REPLUG_STICK


def test_leftovers_of_a_crashed_export_are_listed_by_import_and_removed_by_export(
    devices: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = devices
    stick = tmp_path / "stick"
    stick.mkdir()
    b_id = b.device_id
    leftover = stick / f"{a.device_id}-7-{uuid.uuid4()}.dossier.partial"
    leftover.write_bytes(b"age-encryption.org/v1\n half a bundle")
    someone_elses = stick / "notes.txt.partial"
    someone_elses.write_text("not ours")
    code, _out, err = cli(b, tmp_path, "sync", "import", str(stick))
    assert code == 0 and "unfinished bundle" in one_line(err) and leftover.exists()
    result = a.sync.export(stick, peer=b_id)
    assert not leftover.exists() and someone_elses.exists() and result.leftovers == ()


def test_a_full_disk_under_the_receivers_vault_changes_nothing(
    tmp_path: Path, small_disk: Mount
) -> None:
    disk = small_disk("disk", "size=6m")
    a, b = make_device(tmp_path / "a", "A"), make_device(disk / "b", "B")
    pair(a, b, tmp_path / "p")
    case = a.services.cases.create_case("Case", summary="small disk")
    send(a, b, tmp_path / "stick")
    before = b.export_json()
    a.services.sources.add_attachment(case, "big.bin", os.urandom(3_000_000))
    path = a.sync.export(tmp_path / "stick", peer=b.device_id).path
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    filler.write_bytes(b"\0" * max(free - 1_000_000, 0))
    with pytest.raises(KnownError, match="disk that holds the vault is full") as caught:
        b.sync.import_bundle(path)
    assert next_step(caught.value) is NextStep.FREE_VAULT_DISK
    filler.unlink()
    assert b.export_json() == before
    assert b.sync.import_bundle(path).new == 1


def test_an_attachment_over_the_limit_is_refused_not_a_bug(
    devices: tuple[Device, Device], tmp_path: Path
) -> None:
    a, b = devices
    stick = tmp_path / "stick"
    stick.mkdir()
    path = a.sync.export(stick, peer=b.device_id).path
    strict = SyncService(b.services.store, max_attachment_bytes=100_000)
    with pytest.raises(BundleRejected, match=r"larger than the 97\.7 KiB Dossier accepts"):
        strict.import_bundle(path)
    assert b.sync.status().peers[0].peer.last_import_at == ""
    huge = tmp_path / "huge.bin"  # 1 GiB, sparse: the size check comes before any read
    with open(huge, "wb") as handle:
        handle.truncate(1024**3)
    case = a.services.cases.list_cases()[0].id
    with pytest.raises(KnownError, match="too large to attach"):
        a.services.sources.attach_files(case, [huge])


def test_exit_codes_usage_64_refusal_1_wrong_passphrase_2(
    devices: tuple[Device, Device], tmp_path: Path
) -> None:
    a, _b = devices
    code, _out, err = cli(a, tmp_path, "sync", "export")
    assert code == 64 and "--to" in err
    code, _out, err = cli(a, tmp_path, "sync", "export", "--to", ".", "--max-size", "banana")
    assert code == 64 and "not a size" in err
    code, _out, err = cli(a, tmp_path, "sync", "import", str(tmp_path / "missing"))
    assert code == 1 and "no bundle or folder" in one_line(err)
    code, _out, err = cli(a, tmp_path, "device", "show", secret="not the passphrase")
    assert code == 2 and one_line(err) == "dossier: Wrong passphrase."
