"""Finding the bundles in a folder that are for this device, whatever their file names.

People copy, rename and share bundles ("Copy of ….dossier", "for Anna.dossier"), so a
folder is searched by content: every finished `*.dossier` file is probed. The probe reads
the first `PROBE_BYTES` of the file, which hold the age header and the first encrypted
chunks: the header says whether this device's key opens the file (an X25519 stanza names
no recipient; only trying the key tells), and the first chunk holds the start of the
archive, the manifest. Its sender, sequence and bundle id order the import and skip this
device's own bundles. Nothing read by the probe is trusted: the import checks everything
again, signature first.
"""

from __future__ import annotations

import io
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pyrage

from desktop.core import jsontext
from desktop.durable import PARTIAL_SUFFIX

from .bundle import BUNDLE_SUFFIX, MANIFEST_NAME
from .identity import DeviceIdentity

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_BUNDLE_NAME = re.compile(rf"({_UUID})-([1-9][0-9]{{0,18}})-({_UUID})\.dossier")
_UUID_TEXT = re.compile(_UUID)

PROBE_BYTES = 160 * 1024
"""Read by the probe: the age header (a few hundred bytes per recipient) and two full
64 KiB chunks, so a manifest up to about 128 KiB is seen whole. A larger one (thousands
of devices in its knowledge) only loses the ordering hint."""


@dataclass(frozen=True, order=True, slots=True)
class BundleName:
    """What a bundle's file name says: sender, sequence and bundle id (unverified)."""

    sender: str
    sequence: int
    bundle_id: str


def parse_bundle_name(name: str) -> BundleName | None:
    """The parts of `<sender>-<sequence>-<bundle_id>.dossier`, or None for other names."""
    match = _BUNDLE_NAME.fullmatch(name)
    if match is None:
        return None
    return BundleName(match[1], int(match[2]), match[3])


@dataclass(frozen=True, slots=True)
class Probe:
    """What the start of a bundle file says to this device (nothing of it verified).

    `label` is None when the manifest could not be read from the probe (a damaged file,
    or a manifest larger than the probe): such a file is still offered for import, which
    then says what is wrong with it.
    """

    path: Path
    label: BundleName | None


class _Collect:
    """Keeps the plaintext the probe decrypts (at most the probe's size)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)

    def flush(self) -> None:
        pass


def _label(plain: bytes) -> BundleName | None:
    """Sender, sequence and bundle id from the manifest at the start of an archive."""
    if len(plain) < tarfile.BLOCKSIZE:
        return None
    try:
        info = tarfile.TarInfo.frombuf(plain[: tarfile.BLOCKSIZE], "utf-8", "strict")
    except (tarfile.HeaderError, UnicodeDecodeError):
        return None
    end = tarfile.BLOCKSIZE + info.size
    if info.name != MANIFEST_NAME or end > len(plain):
        return None
    try:
        doc = jsontext.loads(bytes(plain[tarfile.BLOCKSIZE : end]).decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(doc, dict):
        return None
    sender, sequence, bundle_id = doc.get("sender"), doc.get("sequence"), doc.get("bundle_id")
    if not (isinstance(sender, str) and _UUID_TEXT.fullmatch(sender)):
        return None
    if not (isinstance(bundle_id, str) and _UUID_TEXT.fullmatch(bundle_id)):
        return None
    if type(sequence) is not int or sequence < 1:
        return None
    return BundleName(sender, sequence, bundle_id)


def probe(path: Path, me: DeviceIdentity) -> Probe | None:
    """What the start of the file at `path` says, or None when it is not for this device.

    A file whose header cannot be read counts as addressed to this device, so that the
    import reports the damage instead of skipping the file quietly.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(PROBE_BYTES)
    except OSError:
        return Probe(Path(path), None)
    plain = _Collect()
    try:
        pyrage.decrypt_io(io.BytesIO(head), plain, [me.age_identity])
    except pyrage.DecryptError as error:
        if "no matching keys" in str(error).lower():
            return None
    except OSError:  # the probe ends inside a chunk: what came before it is kept
        pass
    return Probe(Path(path), _label(bytes(plain.data)))


def is_addressed_to(path: Path, me: DeviceIdentity) -> bool:
    """Whether the bundle's age header opens with this device's key (see `probe`)."""
    return probe(path, me) is not None


def _candidates(folder: Path) -> list[Path]:
    """Finished bundle files in `folder`, by suffix: any name, not hidden, not `.partial`."""
    found = []
    for entry in Path(folder).iterdir():
        name = entry.name
        if name.startswith(".") or name.endswith(PARTIAL_SUFFIX):
            continue
        if name.lower().endswith(BUNDLE_SUFFIX) and entry.is_file():
            found.append(entry)
    return found


def find_bundles(folder: Path, me: DeviceIdentity) -> list[Probe]:
    """Bundles in `folder` for this device, whatever their names, oldest first per sender.

    This device's own bundles are left out. Files whose manifest the probe could not read
    come last, by name.
    """
    labelled: list[tuple[BundleName, str, Probe]] = []
    unlabelled: list[Probe] = []
    for path in _candidates(folder):
        found = probe(path, me)
        if found is None:
            continue
        if found.label is None:
            unlabelled.append(found)
        elif found.label.sender != me.device_id:
            labelled.append((found.label, path.name, found))
    unlabelled.sort(key=lambda p: p.path.name)
    return [p for _, _, p in sorted(labelled, key=lambda t: t[:2])] + unlabelled


def list_bundles(folder: Path, me: DeviceIdentity) -> list[Path]:
    """The paths `find_bundles` finds, in its order."""
    return [found.path for found in find_bundles(folder, me)]
