"""Reading an SQLCipher 4 file page by page, for `vault verify` and `vault salvage`.

SQLCipher answers a page that fails its authentication with an error for the whole
query, and a damaged first page makes the file unopenable. To say exactly which pages
are damaged and still read everything else, this module does what SQLCipher does for
each page, with the vault's raw data key: check the page's HMAC-SHA512 (over its
ciphertext, IV and page number), decrypt it (AES-256-CBC, IV in the page's reserved
tail), and assemble a plain SQLite image in memory, never on disk. Committed frames of
the write-ahead log are applied over it, as SQLite would.

Damaged pages of the data are zeroed in the image, so SQLite reports them as corrupt
instead of returning altered values. Pages that hold the schema keep their
unauthenticated decryption (one garbled 16-byte block): without the schema nothing can
be read, and the schema is checked against the models by whoever reads it.

The format (SQLCipher 4 defaults, as `store.engine` opens a vault): 4096-byte pages with
80 reserved bytes (16 IV, 64 HMAC); page 1 starts with the file's 16-byte salt in clear;
the HMAC key is PBKDF2-HMAC-SHA512(data key, salt XOR 0x3a, 2 iterations, 32 bytes).
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
IV_BYTES = 16
HMAC_BYTES = 64
RESERVE = 80  # IV + HMAC, rounded to the cipher block
SALT_BYTES = 16
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
MAX_FILE_BYTES = 8 * 1024**3
# The page holding byte 2**30 is SQLite's lock-byte page: never written, never encrypted,
# present in every database past 1 GiB. It is neither damage nor data.
LOCK_BYTE_PAGE = 2**30 // PAGE + 1


class NotACipherFile(Exception):
    """The file is not an SQLCipher database this key could ever have written."""


@dataclass
class PageScan:
    """The plain image of a vault's database and what was found on the way."""

    image: bytearray
    page_count: int
    damaged: set[int] = field(default_factory=set)
    schema_pages_kept: set[int] = field(default_factory=set)
    salt_repaired: bool = False
    wal_frames_applied: int = 0
    wal_frames_lost: int = 0
    notes: list[str] = field(default_factory=list)

    def page(self, number: int) -> bytes:
        return bytes(self.image[(number - 1) * PAGE : number * PAGE])


def _hmac_key(data_key: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", data_key, bytes(b ^ 0x3A for b in salt), 2, 32)


def _authentic(hmac_key: bytes, raw: bytes | memoryview, number: int) -> bool:
    start = SALT_BYTES if number == 1 else 0
    body = raw[start : PAGE - RESERVE + IV_BYTES]
    check = hmac.new(hmac_key, body, "sha512")
    check.update(struct.pack("<I", number))
    mac = check.digest()
    return hmac.compare_digest(mac, raw[PAGE - RESERVE + IV_BYTES : PAGE - RESERVE + IV_BYTES + 64])


def _decrypt(data_key: bytes, raw: bytes, number: int) -> bytes:
    start = SALT_BYTES if number == 1 else 0
    iv = raw[PAGE - RESERVE : PAGE - RESERVE + IV_BYTES]
    decryptor = Cipher(algorithms.AES(data_key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(raw[start : PAGE - RESERVE]) + decryptor.finalize()
    if number == 1:
        plain = SQLITE_MAGIC + plain
    return plain + bytes(RESERVE)


def _repair_salt(data_key: bytes, salt: bytes, raw: bytes) -> bytes | None:
    """The salt one flipped bit away from `salt` that authenticates page 2, if any."""
    for bit in range(SALT_BYTES * 8):
        candidate = bytearray(salt)
        candidate[bit // 8] ^= 1 << (bit % 8)
        if _authentic(_hmac_key(data_key, bytes(candidate)), raw[PAGE : 2 * PAGE], 2):
            return bytes(candidate)
    return None


def key_fits(db_path: Path, data_key: bytes) -> bool:
    """Whether page 1 or 2 of `db_path` authenticates under `data_key` (a cheap check)."""
    with open(db_path, "rb") as handle:
        raw = handle.read(2 * PAGE)
    if len(raw) < PAGE:
        return False
    hmac_key = _hmac_key(data_key, raw[:SALT_BYTES])
    return _authentic(hmac_key, raw, 1) or (
        len(raw) >= 2 * PAGE and _authentic(hmac_key, raw[PAGE:], 2)
    )


@dataclass
class PageCheck:
    """Which pages of a database file fail their authentication (nothing decrypted)."""

    page_count: int
    damaged: set[int] = field(default_factory=set)
    partial_page: bool = False


CHECK_CHUNK_PAGES = 2048  # 8 MiB read at a time


def check_pages(
    db_path: Path, data_key: bytes, progress: Callable[[int, int], None] | None = None
) -> PageCheck:
    """Authenticate every page of `db_path` as it is read, holding one chunk at a time:
    the first pass of `vault verify`, for files of any size. `progress(done, total)`."""
    size = db_path.stat().st_size
    count = size // PAGE
    if count < 1:
        raise NotACipherFile("the database file is empty or too short")
    result = PageCheck(count, partial_page=bool(size % PAGE))
    with open(db_path, "rb") as handle:
        hmac_key = _hmac_key(data_key, handle.read(SALT_BYTES))
        handle.seek(0)
        number = 0
        while number < count:
            chunk = handle.read(min(CHECK_CHUNK_PAGES, count - number) * PAGE)
            if len(chunk) < PAGE:
                break
            view = memoryview(chunk)
            for at in range(0, len(chunk) - PAGE + 1, PAGE):
                number += 1
                if number != LOCK_BYTE_PAGE and not _authentic(
                    hmac_key, view[at : at + PAGE], number
                ):
                    result.damaged.add(number)
            if progress is not None:
                progress(number, count)
    return result


def scan(db_path: Path, data_key: bytes) -> PageScan:
    """Check and decrypt every page of `db_path` (and its -wal) with the raw data key."""
    raw = db_path.read_bytes() if db_path.stat().st_size <= MAX_FILE_BYTES else b""
    if len(raw) < PAGE:
        raise NotACipherFile("the database file is empty or too short")
    count = len(raw) // PAGE
    salt = raw[:SALT_BYTES]
    hmac_key = _hmac_key(data_key, salt)
    result = PageScan(bytearray(count * PAGE), count)
    if len(raw) % PAGE:
        result.notes.append(f"the file ends with a partial page ({len(raw) % PAGE} bytes)")
    if count > 1 and not _authentic(hmac_key, raw, 1) and not _authentic(hmac_key, raw, 2):
        repaired = _repair_salt(data_key, salt, raw)
        if repaired is not None:
            hmac_key, result.salt_repaired = _hmac_key(data_key, repaired), True
            result.notes.append("the file's salt (its first 16 bytes) was damaged; repaired")
    for number in range(1, count + 1):
        page = raw[(number - 1) * PAGE : number * PAGE]
        if number == LOCK_BYTE_PAGE:
            continue  # left as zeros in the image, as SQLite expects
        if not _authentic(hmac_key, page, number):
            result.damaged.add(number)
        result.image[(number - 1) * PAGE : number * PAGE] = _decrypt(data_key, page, number)
    if len(result.damaged) == count and not result.salt_repaired:
        raise NotACipherFile("no page opens with this key")
    _apply_wal(db_path.with_name(db_path.name + "-wal"), data_key, hmac_key, result)
    _plain_header(result)
    return result


def _wal_checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _apply_wal(wal_path: Path, data_key: bytes, hmac_key: bytes, result: PageScan) -> None:
    """Apply the committed frames of the write-ahead log; count those after a break."""
    try:
        wal = wal_path.read_bytes()
    except FileNotFoundError:
        return
    if len(wal) < WAL_HEADER:
        return
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", wal[:32])
    if magic not in (0x377F0682, 0x377F0683) or page_size != PAGE:
        result.notes.append("the write-ahead log has a damaged header; its changes are lost")
        result.wal_frames_lost = max(0, (len(wal) - WAL_HEADER) // (WAL_FRAME_HEADER + PAGE))
        return
    big = magic == 0x377F0683
    s0, s1 = _wal_checksum(wal[:24], big, 0, 0)
    if (s0, s1) != (c0, c1):
        result.notes.append("the write-ahead log has a damaged header; its changes are lost")
        return
    frames: list[tuple[int, bytes]] = []
    pending: list[tuple[int, bytes]] = []
    offset, broken = WAL_HEADER, False
    while offset + WAL_FRAME_HEADER + PAGE <= len(wal):
        header = wal[offset : offset + WAL_FRAME_HEADER]
        page = wal[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + PAGE]
        number, commit, f1, f2, fc0, fc1 = struct.unpack(">6I", header)
        offset += WAL_FRAME_HEADER + PAGE
        if (f1, f2) != (salt1, salt2):
            continue  # a frame of an earlier generation of the log: not ours to apply
        if broken:
            result.wal_frames_lost += 1
            continue
        s0, s1 = _wal_checksum(header[:8], big, s0, s1)
        s0, s1 = _wal_checksum(page, big, s0, s1)
        if (s0, s1) != (fc0, fc1):
            broken = True
            result.wal_frames_lost += 1 + len(pending)
            pending = []
            continue
        pending.append((number, page))
        if commit:
            frames += pending
            pending = []
            if commit > result.page_count:
                result.image.extend(bytes((commit - result.page_count) * PAGE))
                result.page_count = commit
    if result.wal_frames_lost:
        result.notes.append(
            f"the write-ahead log is damaged: {result.wal_frames_lost} frame(s) of the most "
            "recent changes cannot be applied"
        )
    for number, page in frames:
        if not 1 <= number <= result.page_count:
            continue
        if _authentic(hmac_key, page, number):
            result.damaged.discard(number)
        else:
            result.damaged.add(number)
        result.image[(number - 1) * PAGE : number * PAGE] = _decrypt(data_key, page, number)
        result.wal_frames_applied += 1


def _plain_header(result: PageScan) -> None:
    """Make page 1's header that of a plain, rollback-journal database of this size."""
    image = result.image
    image[16:18] = struct.pack(">H", PAGE)
    image[18:20] = b"\x01\x01"  # not WAL: the image lives in memory
    image[20] = RESERVE
    image[21:24] = b"\x40\x20\x20"
    if 1 in result.damaged:  # unauthenticated: every field gets the value Dossier writes
        image[24:100] = bytes(76)
        image[40:48] = struct.pack(">II", 1, 4)  # schema cookie, schema format 4
        image[56:60] = struct.pack(">I", 1)  # UTF-8
    image[28:32] = struct.pack(">I", result.page_count)
    image[92:96] = image[24:28]  # the page count above is valid


def zero(result: PageScan, pages: set[int]) -> None:
    """Blank `pages` in the image, so reading them fails rather than returns garbage."""
    for number in pages:
        result.image[(number - 1) * PAGE : number * PAGE] = bytes(PAGE)
