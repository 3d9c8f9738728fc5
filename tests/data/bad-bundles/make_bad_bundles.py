"""Regenerate the bad bundles in this folder, the test-only keys that read them, and
`expected.json` (file name -> the refusal each must produce).

Run from the repository root:  .venv/bin/python tests/data/bad-bundles/make_bad_bundles.py

The keys in keys.json are throwaway TEST-ONLY identities made for these files; they protect
nothing. Every run makes new keys and new files; commit them together.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pyrage

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core.clock import HlcStamp  # noqa: E402
from desktop.core.vectors import VersionVector  # noqa: E402
from desktop.sync.bundle import (  # noqa: E402
    SIGNATURE_CONTEXT,
    Manifest,
    Reason,
    write_bundle,
)
from desktop.sync.identity import DeviceIdentity  # noqa: E402

SCHEMA = 1
MAX_BYTES = 32 * 1024
ROLES = ("reader", "sender", "revoked", "stranger", "forger")

PAYLOAD = b'{"id":"e1","kind":"event","title":"TEST ONLY sample record"}\n'
BLOB = b"TEST ONLY attachment bytes\n" * 8
BLOB_SHA = hashlib.sha256(BLOB).hexdigest()

MESSAGES = {
    Reason.DAMAGED: "This bundle is damaged or was altered; it cannot be decrypted.",
    Reason.NOT_FOR_THIS_DEVICE: (
        "This bundle is not addressed to this device, or its header is damaged."
    ),
    Reason.UNKNOWN_SENDER: "This bundle comes from a device that is not paired.",
    Reason.REVOKED_SENDER: "This bundle comes from an unpaired device; it is refused.",
    Reason.BAD_SIGNATURE: "This bundle's signature does not match its sender; it may be forged.",
    Reason.TOO_LARGE: "This bundle is larger than allowed.",
    Reason.UNFINISHED: "This bundle was never finished and cannot be imported.",
}


def make_identities() -> dict[str, DeviceIdentity]:
    return {role: DeviceIdentity.generate(f"TEST ONLY {role}") for role in ROLES}


def manifest_for(sender: DeviceIdentity, reader: DeviceIdentity, **changes: object) -> Manifest:
    manifest = Manifest(
        schema_version=SCHEMA,
        app_version="test",
        bundle_id="00000000-0000-4000-8000-000000000001",
        sender=sender.device_id,
        recipients=(reader.device_id,),
        sequence=1,
        hlc=HlcStamp(1_700_000_000_000, 0, sender.device_id),
        knowledge=VersionVector({sender.device_id: 1}),
        record_count=1,
        payload_sha256=hashlib.sha256(PAYLOAD).hexdigest(),
        blobs={BLOB_SHA: len(BLOB)},
    )
    return replace(manifest, **changes)  # type: ignore[arg-type]


def member(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, link: str = "") -> tuple:
    info = tarfile.TarInfo(name)
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    info.type = kind
    info.linkname = link
    return info, data


def archive(members: list[tuple]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return out.getvalue()


def standard_members(
    manifest_bytes: bytes, signature: bytes, payload: bytes = PAYLOAD, blob: bytes = BLOB
) -> list[tuple]:
    return [
        member("manifest.json", manifest_bytes),
        member("manifest.sig", signature),
        member("payload.jsonl", payload),
        member(f"blobs/{BLOB_SHA}", blob),
    ]


def sealed(
    keys: dict[str, DeviceIdentity],
    *,
    manifest: Manifest | None = None,
    signer: str = "sender",
    to: str = "reader",
    edit: Callable[[list[tuple]], list[tuple]] = lambda members: members,
    payload: bytes = PAYLOAD,
    blob: bytes = BLOB,
) -> bytes:
    """A bundle built by hand: so that it can break exactly one rule."""
    manifest = manifest or manifest_for(keys["sender"], keys["reader"])
    data = manifest.to_bytes()
    signature = keys[signer].sign(SIGNATURE_CONTEXT + data)
    members = edit(standard_members(data, signature, payload, blob))
    recipients = [keys[to].public().recipient()]
    return pyrage.encrypt(archive(members), recipients)


def flip(data: bytes, offset: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 0x01
    return bytes(changed)


def cases(keys: dict[str, DeviceIdentity]) -> dict[str, tuple[bytes, Reason, str]]:
    """File name -> (content, expected reason, expected message)."""
    good = sealed(keys)
    mac_line = good.index(b"\n--- ") + 6
    found: dict[str, tuple[bytes, Reason, str]] = {}

    def add(name: str, content: bytes, reason: Reason, message: str | None = None) -> None:
        found[name] = (content, reason, message or MESSAGES[reason])

    add("flip-header-version.dossier", flip(good, 3), Reason.DAMAGED)
    add("flip-header-mac.dossier", flip(good, mac_line), Reason.DAMAGED)
    add("flip-middle.dossier", flip(good, (mac_line + len(good)) // 2), Reason.DAMAGED)
    add("flip-last-byte.dossier", flip(good, len(good) - 1), Reason.DAMAGED)
    add("truncated-half.dossier", good[: len(good) // 2], Reason.DAMAGED)
    add("truncated-in-header.dossier", good[:40], Reason.DAMAGED)
    add("truncated-last-byte.dossier", good[:-1], Reason.DAMAGED)
    add("wrong-recipient.dossier", sealed(keys, to="stranger"), Reason.NOT_FOR_THIS_DEVICE)
    add(
        "unpaired-sender.dossier",
        sealed(keys, manifest=manifest_for(keys["stranger"], keys["reader"]), signer="stranger"),
        Reason.UNKNOWN_SENDER,
    )
    add(
        "revoked-sender.dossier",
        sealed(keys, manifest=manifest_for(keys["revoked"], keys["reader"]), signer="revoked"),
        Reason.REVOKED_SENDER,
    )
    add("forged-signature.dossier", sealed(keys, signer="forger"), Reason.BAD_SIGNATURE)
    add(
        "manifest-not-listing-reader.dossier",
        sealed(keys, manifest=manifest_for(keys["sender"], keys["stranger"])),
        Reason.NOT_FOR_THIS_DEVICE,
        "This bundle is not addressed to this device.",
    )
    add(
        "payload-hash-mismatch.dossier",
        sealed(keys, payload=PAYLOAD.replace(b"sample", b"SAMPLE")),
        Reason.HASH_MISMATCH,
        "This bundle's records do not match its manifest.",
    )
    add(
        "blob-hash-mismatch.dossier",
        sealed(keys, blob=BLOB.replace(b"TEST", b"BEST")),
        Reason.HASH_MISMATCH,
        "An attachment in this bundle does not match its checksum.",
    )
    add(
        "record-count-mismatch.dossier",
        sealed(keys, manifest=manifest_for(keys["sender"], keys["reader"], record_count=2)),
        Reason.BAD_PAYLOAD,
        "This bundle's record count does not match its manifest.",
    )
    unsafe: dict[str, tuple[Callable[[list[tuple]], list[tuple]], str]] = {
        "tar-dotdot.dossier": (
            lambda m: [*m, member("../x", b"escape")],
            "This bundle contains a file path that leaves its folder.",
        ),
        "tar-absolute.dossier": (
            lambda m: [*m, member("/tmp/x", b"escape")],
            "This bundle contains a file path that leaves its folder.",
        ),
        "tar-symlink.dossier": (
            lambda m: [*m[:3], member(f"blobs/{BLOB_SHA}", kind=tarfile.SYMTYPE, link="/etc")],
            "This bundle contains a link, which is refused.",
        ),
        "tar-hardlink.dossier": (
            lambda m: [*m, member("blobs/" + "0" * 64, kind=tarfile.LNKTYPE, link="manifest.json")],
            "This bundle contains a link, which is refused.",
        ),
        "tar-fifo.dossier": (
            lambda m: [*m, member("blobs/" + "1" * 64, kind=tarfile.FIFOTYPE)],
            "This bundle contains a special file, which is refused.",
        ),
        "tar-device.dossier": (
            lambda m: [*m, member("blobs/" + "2" * 64, kind=tarfile.CHRTYPE)],
            "This bundle contains a special file, which is refused.",
        ),
        "tar-extra-file.dossier": (
            lambda m: [*m, member("notes.txt", b"extra")],
            "This bundle contains an unexpected file.",
        ),
        "tar-other-folder.dossier": (
            lambda m: [*m, member("other", kind=tarfile.DIRTYPE)],
            "This bundle contains an unexpected file.",
        ),
        "tar-duplicate-member.dossier": (
            lambda m: [*m, m[3]],
            "This bundle contains the same file twice.",
        ),
        "tar-wrong-order.dossier": (
            lambda m: [m[2], m[0], m[1], m[3]],
            "This bundle contains an unexpected file.",
        ),
    }
    for name, (edit, message) in unsafe.items():
        add(name, sealed(keys, edit=edit), Reason.UNSAFE_ARCHIVE, message)
    add(
        "missing-blob.dossier",
        sealed(keys, edit=lambda m: m[:3]),
        Reason.HASH_MISMATCH,
        "This bundle is missing an attachment.",
    )
    add(
        "future-schema.dossier",
        sealed(keys, manifest=manifest_for(keys["sender"], keys["reader"], schema_version=99)),
        Reason.NEWER_VERSION,
        "This bundle holds data schema 99, newer than the 1 this version of Dossier reads; "
        "update Dossier to import it.",
    )
    add(
        "future-format.dossier",
        sealed(keys, manifest=manifest_for(keys["sender"], keys["reader"], format_version=2)),
        Reason.NEWER_VERSION,
        "This bundle was made by a newer version of Dossier; update Dossier to import it.",
    )
    add(
        "manifest-not-json.dossier",
        sealed(keys, edit=lambda m: [member("manifest.json", b"{not json"), *m[1:]]),
        Reason.BAD_MANIFEST,
        "This bundle's manifest is not valid.",
    )
    add(
        "manifest-too-deep.dossier",
        sealed(keys, edit=lambda m: [member("manifest.json", b"[" * 5_000), *m[1:]]),
        Reason.BAD_MANIFEST,
        "This bundle's manifest is not valid.",
    )
    deep = b'{"t":' + b"[" * 5_000 + b"]" * 5_000 + b"}\n"  # past the parser's nesting limit
    add(
        "payload-too-deep.dossier",
        sealed(
            keys,
            manifest=manifest_for(
                keys["sender"], keys["reader"], payload_sha256=hashlib.sha256(deep).hexdigest()
            ),
            payload=deep,
        ),
        Reason.BAD_PAYLOAD,
        "This bundle's records are not readable.",
    )
    add("oversized.dossier", sealed(keys, blob=b"\0" * MAX_BYTES), Reason.TOO_LARGE)
    add("unfinished.dossier.partial", good[: len(good) // 3], Reason.UNFINISHED)
    add(
        "not-age.dossier",
        archive(standard_members(b"{}", b"\0" * 64)),
        Reason.DAMAGED,
    )
    return found


def good_bundle(folder: Path, keys: dict[str, DeviceIdentity]) -> Path:
    """A valid bundle next to the bad ones, so the replay also proves the keys work."""
    return write_bundle(
        folder,
        sender=keys["sender"],
        recipients=[keys["reader"].public()],
        sequence=1,
        hlc=HlcStamp(1_700_000_000_000, 0, keys["sender"].device_id),
        knowledge=VersionVector({keys["sender"].device_id: 1}),
        schema_version=SCHEMA,
        payload_lines=[PAYLOAD],
        blobs=[(BLOB_SHA, BLOB)],
        bundle_id="00000000-0000-4000-8000-0000000000aa",
    )


def generate(folder: Path) -> None:
    """Write keys.json, expected.json, the bad bundles and one good bundle into `folder`."""
    keys = make_identities()
    for old in folder.iterdir():
        if old.name.endswith((".dossier", ".partial")):
            old.unlink()
    expected = {}
    for name, (content, reason, message) in sorted(cases(keys).items()):
        (folder / name).write_bytes(content)
        expected[name] = {"reason": reason.value, "message": message}
    good = good_bundle(folder, keys)
    document = {
        "warning": "TEST-ONLY throwaway keys for tests/data/bad-bundles; they protect nothing.",
        "identities": {role: json.loads(keys[role].to_private_json()) for role in ROLES},
        "paired": ["sender", "revoked"],
        "revoked": ["revoked"],
        "supported_schema": SCHEMA,
        "max_bytes": MAX_BYTES,
    }
    (folder / "keys.json").write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    (folder / "expected.json").write_text(
        json.dumps({"good": good.name, "rejected": expected}, indent=2, sort_keys=True) + "\n"
    )


if __name__ == "__main__":
    generate(Path(__file__).resolve().parent)
