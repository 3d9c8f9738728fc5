"""What goes into a bundle: every version and attachment the recipients have not acknowledged.

A version is acknowledged when the recipient's signed knowledge vector covers its dot.
Versions of every device are sent, not only this one's, so changes relay (A -> B -> C).
Attachments travel once: a blob is left out when a version the recipient already holds
refers to it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, cast

from sqlalchemy import and_, false, func, not_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.core.vectors import VersionVector
from desktop.store.idlist import among
from desktop.store.models import Attachment, Blob, Person
from desktop.store.models.sync import BlobReceipt, ConflictSibling

from .series import Pending
from .versions import synced_tables


def covered(dot_device: Any, dot_counter: Any, known: VersionVector) -> ColumnElement[bool]:
    """SQL: the row's dot is covered by `known`."""
    if not known:
        return false()
    return or_(*(and_(dot_device == d, dot_counter <= c) for d, c in known.items()))


def pending_count(session: Session, known: VersionVector) -> int:
    """How many record versions `known` does not cover (conflict siblings included)."""
    total = 0
    for table in [*synced_tables().values(), ConflictSibling.__table__]:
        query = select(func.count()).select_from(table)
        where = not_(covered(table.c.dot_device, table.c.dot_counter, known))
        total += session.execute(query.where(where)).scalar_one()
    return total


def common_knowledge(vectors: list[VersionVector]) -> VersionVector:
    """What every recipient holds: the pointwise minimum of their vectors."""
    if not vectors:
        return VersionVector()
    devices = set.intersection(*(set(v) for v in vectors))
    return VersionVector({d: min(v.get_counter(d) for v in vectors) for d in devices})


def blob_refs(name: str, row: Mapping[str, Any]) -> set[str]:
    """The blobs a record version needs: an attachment's file, a person's photo."""
    if name == Attachment.__tablename__:
        return {str(row["blob_sha256"])}
    if name == Person.__tablename__ and row.get("photo_sha256"):
        return {str(row["photo_sha256"])}
    return set()


# The tables whose rows may need a blob (`blob_refs` of any other row is empty).
BLOB_TABLES = frozenset({Attachment.__tablename__, Person.__tablename__})


def pending_versions(session: Session, known: VersionVector) -> list[Pending]:
    """The versions `known` does not cover (conflict siblings included), with their blobs."""
    found: list[Pending] = []
    for name, table in synced_tables().items():
        query = (
            select(table)
            .where(not_(covered(table.c.dot_device, table.c.dot_counter, known)))
            .order_by(table.c.id)
        )
        for row in session.execute(query).mappings():
            values = dict(row)
            found.append(Pending(name, values, frozenset(blob_refs(name, values))))
    siblings = (
        select(ConflictSibling.entity, ConflictSibling.payload)
        .where(not_(covered(ConflictSibling.dot_device, ConflictSibling.dot_counter, known)))
        .order_by(ConflictSibling.id)
    )
    for entity, payload in session.execute(siblings):
        row = json.loads(payload)
        found.append(Pending(entity, row, frozenset(blob_refs(entity, row))))
    return found


def pending_lines(session: Session, known: VersionVector) -> tuple[list[bytes], set[str]]:
    """Payload lines for the versions `known` does not cover, and the blobs they refer to."""
    versions = pending_versions(session, known)
    return [v.line for v in versions], set().union(*(v.blobs for v in versions))


def blob_sizes(session: Session, wanted: set[str]) -> dict[str, int]:
    """Size of each wanted blob the vault holds."""
    if not wanted:
        return {}
    query = select(Blob.sha256, Blob.size).where(among(Blob.sha256, sorted(wanted)))
    return {sha: int(size) for sha, size in session.execute(query).all()}


def blobs_held_by(session: Session, peers: list[tuple[str, VersionVector]], me: str) -> set[str]:
    """Blobs every recipient holds: referred to by versions it acknowledged, or receipted.

    `peers` are (device id, acknowledged knowledge) of the recipients.
    """
    held: set[str] | None = None
    for peer_id, known in peers:
        query = select(Attachment.blob_sha256).where(
            covered(Attachment.dot_device, Attachment.dot_counter, known)
        )
        found = set(session.execute(query).scalars())
        photos = select(Person.photo_sha256).where(
            Person.photo_sha256.is_not(None),
            covered(Person.dot_device, Person.dot_counter, known),
        )
        found |= {str(sha) for sha in session.execute(photos).scalars()}
        receipts = select(BlobReceipt.sha256).where(
            BlobReceipt.peer_id == peer_id,
            or_(BlobReceipt.sent_counter == 0, BlobReceipt.sent_counter <= known.get_counter(me)),
        )
        found |= set(session.execute(receipts).scalars())
        held = found if held is None else held & found
    return held or set()


def own_blobs(versions: Iterable[Pending], blobs: Iterable[str], me: str) -> set[str]:
    """The blobs a bundle carries that no version relayed from another device refers to:
    those whose delivery the peer's knowledge of this device can prove (see `receipt`).

    A bundle's knowledge of this device covers its own versions, so once the peer's
    acknowledged knowledge of this device reaches the bundle's counter it holds them, and
    their files. Not so for a version relayed from a third device: the part of a split
    export carrying it may be lost while another part, claiming all of this device's own
    versions, arrives. Such a file travels again until the peer acknowledges a version
    that refers to it.
    """
    relayed = {sha for v in versions if v.row["dot_device"] != me for sha in v.blobs}
    return set(blobs) - relayed


def receipt(session: Session, peer_id: str, sha256s: set[str], sent_counter: int) -> None:
    """Remember that `peer_id` holds (0) or was sent (this device's counter) these blobs."""
    for sha256 in sorted(sha256s):
        row = session.get(BlobReceipt, (peer_id, sha256))
        if row is None:
            session.add(BlobReceipt(peer_id=peer_id, sha256=sha256, sent_counter=sent_counter))
        elif sent_counter == 0 or row.sent_counter > sent_counter:
            row.sent_counter = sent_counter


class BlobReader(io.RawIOBase):
    """An attachment read from the vault only when the bundle writer reaches it.

    The writer asks for the size first (seek to the end), then reads; the bytes are loaded
    (as a plain column, outside the session's identity map) and dropped once read, so one
    attachment at a time is in memory, however many the bundle carries.
    """

    def __init__(self, session: Session, sha256: str, size: int) -> None:
        super().__init__()
        self._session = session
        self._sha256 = sha256
        self._size = size
        self._position = 0
        self._data: bytes | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = base + offset
        return self._position

    def readinto(self, buffer: Any) -> int:
        if self._data is None:
            query = select(Blob.data).where(Blob.sha256 == self._sha256)
            self._data = bytes(self._session.execute(query).scalar_one_or_none() or b"")
        chunk = self._data[self._position : self._position + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._position += len(chunk)
        if self._position >= self._size:
            self._data = b""  # read through: let the bytes go
        return len(chunk)


def blob_sources(session: Session, wanted: set[str]) -> Iterator[tuple[str, BinaryIO]]:
    """(sha256, reader) for each wanted blob the vault holds, in hash order."""
    if not wanted:
        return
    query = select(Blob.sha256, Blob.size).where(among(Blob.sha256, sorted(wanted)))
    for sha256, size in session.execute(query.order_by(Blob.sha256)).all():
        yield sha256, cast(BinaryIO, BlobReader(session, sha256, size))
