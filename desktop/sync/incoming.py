"""The records of a bundle being imported, checked one by one as they are read.

`IncomingVersions` is the `RecordSink` an import hands to `open_bundle`: each payload line
is checked (`VersionChecker.check`) the moment it is parsed and only checked rows are kept
for the merge, so memory follows the valid records, never a hostile payload: from the
first bad line on nothing more is kept. When the payload is complete the attachments the
manifest announces are compared with the ones the records refer to: a signed bundle
carrying an attachment no record needs would leave invisible data in the vault.

Either refusal is raised by `verdict`, which the import calls once `open_bundle` has
returned, so that a bundle is refused for the first thing wrong in the order of the
checks (decryption, archive, signature, hashes; then its records), whatever it holds.
"""

from __future__ import annotations

from typing import Any

from .bundle import BundleRejected, Manifest, Reason
from .outbox import BLOB_TABLES, blob_refs
from .versions import VersionChecker


class IncomingVersions:
    """Checked (table, row) versions of one bundle, with what the merge needs about them."""

    def __init__(self, checker: VersionChecker | None = None) -> None:
        self._checker = checker or VersionChecker()
        self.versions: list[tuple[str, dict[str, Any]]] = []
        self.blobs_referred: set[str] = set()
        self.newest_hlc = ""  # checked stamps: their canonical text sorts like the stamps
        self._refusal: BundleRejected | None = None

    def record(self, line: dict[str, Any]) -> None:
        if self._refusal is not None:
            return
        try:
            name, row = self._checker.check(line)
        except BundleRejected as refusal:
            self._refusal = refusal
            self.versions = []  # nothing of this bundle is merged: let the rows go
            return
        self.versions.append((name, row))
        if row["hlc"] > self.newest_hlc:
            self.newest_hlc = row["hlc"]
        if name in BLOB_TABLES:
            self.blobs_referred |= blob_refs(name, row)

    def end(self, manifest: Manifest) -> None:
        if self._refusal is None and not set(manifest.blobs) <= self.blobs_referred:
            self._refusal = BundleRejected(
                Reason.UNREFERENCED_BLOB,
                "This bundle carries an attachment that none of its records refers to; "
                "nothing was imported.",
            )

    def verdict(self) -> None:
        """Raise the refusal the records earned, if any (call once the bundle is read)."""
        if self._refusal is not None:
            raise self._refusal
