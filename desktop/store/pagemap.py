"""Which table or index each page of a plain SQLite image belongs to.

Walks every b-tree from its root page (interior pages, leaves and the overflow chains
of long rows) and the free list, as the SQLite file format describes them. A damaged
page is attributed to the tree that points to it; the pages below it cannot be
followed and stay unattributed. Used by `vault verify` to say what a damaged page held.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

from desktop.store.cipherpages import PAGE, RESERVE

USABLE = PAGE - RESERVE
FREE = "(free space)"
SCHEMA = "(schema)"
INTERIOR_INDEX, INTERIOR_TABLE, LEAF_INDEX, LEAF_TABLE = 2, 5, 10, 13


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _overflow_start(data: bytes, at: int, payload: int, index: bool) -> int | None:
    """The first overflow page of a cell whose payload starts at `at`, if it has one."""
    most = ((USABLE - 12) * 64 // 255) - 23 if index else USABLE - 35
    if payload <= most:
        return None
    least = ((USABLE - 12) * 32 // 255) - 23
    local = least + (payload - least) % (USABLE - 4)
    if local > most:
        local = least
    if at + local + 4 > len(data):
        return None
    return int(struct.unpack(">I", data[at + local : at + local + 4])[0])


class _Walk:
    def __init__(self, image: bytes | bytearray, page_count: int, damaged: set[int]) -> None:
        self.image = image
        self.count = page_count
        self.damaged = damaged
        self.owner: dict[int, str] = {}
        self.hurt: dict[str, set[int]] = {}  # table -> rowids whose overflow pages are damaged

    def page(self, number: int) -> bytes:
        return bytes(self.image[(number - 1) * PAGE : number * PAGE])

    def claim(self, number: int, name: str) -> bool:
        """Attribute a page; whether to read on (not damaged, not seen, in the file)."""
        if not 1 <= number <= self.count or number in self.owner:
            return False
        self.owner[number] = name
        return number not in self.damaged

    def chain(self, first: int | None, name: str) -> bool:
        """Follow an overflow chain; whether every page of it is there and intact."""
        number = first
        while number:
            if not self.claim(number, name):
                return False
            number = int(struct.unpack(">I", self.page(number)[:4])[0])
        return True

    def tree(self, root: int, name: str) -> None:
        stack = [root]
        while stack:
            number = stack.pop()
            if not self.claim(number, name):
                continue
            try:
                stack += self._cells(number, name)
            except (IndexError, struct.error):  # a page that is not what it claims
                continue

    def _cells(self, number: int, name: str) -> list[int]:
        data = self.page(number)
        head = 100 if number == 1 else 0
        kind = data[head]
        if kind not in (INTERIOR_INDEX, INTERIOR_TABLE, LEAF_INDEX, LEAF_TABLE):
            return []
        cells = struct.unpack(">H", data[head + 3 : head + 5])[0]
        interior = kind in (INTERIOR_INDEX, INTERIOR_TABLE)
        pointers = head + (12 if interior else 8)
        children = [struct.unpack(">I", data[head + 8 : head + 12])[0]] if interior else []
        for i in range(cells):
            at = struct.unpack(">H", data[pointers + 2 * i : pointers + 2 * i + 2])[0]
            if interior:
                children.append(struct.unpack(">I", data[at : at + 4])[0])
                if kind == INTERIOR_TABLE:
                    continue
                at += 4
            payload, at = _varint(data, at)
            rowid = None
            if kind == LEAF_TABLE:
                rowid, at = _varint(data, at)
            whole = self.chain(_overflow_start(data, at, payload, kind != LEAF_TABLE), name)
            if not whole and rowid is not None:
                self.hurt.setdefault(name, set()).add(rowid)
        return children

    def free_list(self, trunk: int) -> None:
        while trunk and self.claim(trunk, FREE):
            data = self.page(trunk)
            following, leaves = struct.unpack(">II", data[:8])
            for i in range(min(leaves, (USABLE - 8) // 4)):
                self.claim(struct.unpack(">I", data[8 + 4 * i : 12 + 4 * i])[0], FREE)
            trunk = following


def page_owners(
    image: bytes | bytearray, page_count: int, roots: Mapping[str, int], damaged: set[int]
) -> tuple[dict[int, str], dict[str, set[int]]]:
    """Page number -> the table or index it belongs to (or FREE, SCHEMA); and per table
    the rowids of rows whose overflow pages are damaged (their cell reads, their value
    would not: SQLite does not notice a blanked overflow page)."""
    walk = _Walk(image, page_count, damaged)
    walk.tree(1, SCHEMA)
    for name, root in sorted(roots.items(), key=lambda item: item[1]):
        walk.tree(root, name)
    if 1 not in damaged:
        walk.free_list(struct.unpack(">I", bytes(image[32:36]))[0])
    return walk.owner, walk.hurt


def schema_pages(image: bytes | bytearray, page_count: int) -> set[int]:
    """The pages of the schema table, damaged ones included (they are kept, not zeroed)."""
    walk = _Walk(image, page_count, set())  # follow damaged schema pages too
    walk.tree(1, SCHEMA)
    return set(walk.owner)


# ---- rebuilding a damaged first page -----------------------------------------------------------
SCHEMA_KINDS = (b"table", b"index", b"view", b"trigger")


def _record(data: bytes, at: int, size: int) -> list[object] | None:
    """The values of one record held wholly on its page; None if it spills or is malformed."""
    if size > USABLE - 35 or at + size > len(data):
        return None
    header_size, cursor = _varint(data, at)
    body = at + header_size
    kinds = []
    while cursor < at + header_size:
        kind, cursor = _varint(data, cursor)
        kinds.append(kind)
    values: list[object] = []
    for kind in kinds:
        if kind == 0:
            values.append(None)
            continue
        width = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 8: 0, 9: 0}.get(kind)
        if width is not None:
            raw = data[body : body + width]
            values.append(int.from_bytes(raw, "big", signed=True) if width else kind - 8)
        elif kind >= 12:
            width = (kind - 12) // 2
            values.append(bytes(data[body : body + width]))
        else:
            return None
        body += width
    return values if body <= at + size else None


def schema_leaf(data: bytes) -> tuple[int, int, int] | None:
    """(first rowid, last rowid, cell count) if `data` is a leaf page of the schema table."""
    if data[0] != LEAF_TABLE:
        return None
    cells = struct.unpack(">H", data[3:5])[0]
    rowids = []
    try:
        for i in range(cells):
            at = struct.unpack(">H", data[8 + 2 * i : 10 + 2 * i])[0]
            size, at = _varint(data, at)
            rowid, at = _varint(data, at)
            values = _record(data, at, size)
            if values is None or len(values) != 5 or values[0] not in SCHEMA_KINDS:
                return None
            rowids.append(rowid)
    except (IndexError, struct.error):
        return None
    return (min(rowids), max(rowids), cells) if rowids else None


def rebuild_first_page(image: bytearray, page_count: int, damaged: set[int]) -> bool:
    """Replace page 1's b-tree with an interior page over every intact schema leaf found.

    For a first page too damaged to lead to the schema: its leaves usually survive
    elsewhere in the file. Leaves whose rowids overlap a fuller one (stale copies left in
    free space) are left out. Returns whether any leaf was found.
    """
    found = []
    for number in range(2, page_count + 1):
        if number in damaged:
            continue
        shape = schema_leaf(bytes(image[(number - 1) * PAGE : number * PAGE]))
        if shape is not None:
            found.append((shape, number))
    chosen: list[tuple[int, int, int]] = []
    for (first, last, _cells), number in sorted(found, key=lambda f: -f[0][2]):
        if all(last < a or first > b for a, b, _ in chosen):
            chosen.append((first, last, number))
    if not chosen:
        return False
    chosen.sort()
    page = bytearray(PAGE)
    page[:100] = image[:100]
    cells = [
        struct.pack(">I", number) + _encode_varint(last) for _first, last, number in chosen[:-1]
    ]
    content = USABLE - sum(len(c) for c in cells)
    page[100] = INTERIOR_TABLE
    page[103:105] = struct.pack(">H", len(cells))
    page[105:107] = struct.pack(">H", content)
    page[108:112] = struct.pack(">I", chosen[-1][2])
    at = content
    for i, cell in enumerate(cells):
        page[112 + 2 * i : 114 + 2 * i] = struct.pack(">H", at)
        page[at : at + len(cell)] = cell
        at += len(cell)
    image[:PAGE] = page
    return True


def _encode_varint(value: int) -> bytes:
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    return bytes(reversed(out))
