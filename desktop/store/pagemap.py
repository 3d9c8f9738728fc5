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

    def page(self, number: int) -> bytes:
        return bytes(self.image[(number - 1) * PAGE : number * PAGE])

    def claim(self, number: int, name: str) -> bool:
        """Attribute a page; whether to read on (not damaged, not seen, in the file)."""
        if not 1 <= number <= self.count or number in self.owner:
            return False
        self.owner[number] = name
        return number not in self.damaged

    def chain(self, first: int | None, name: str) -> None:
        number = first
        while number and self.claim(number, name):
            number = int(struct.unpack(">I", self.page(number)[:4])[0])

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
            if kind == LEAF_TABLE:
                _rowid, at = _varint(data, at)
            self.chain(_overflow_start(data, at, payload, kind != LEAF_TABLE), name)
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
) -> dict[int, str]:
    """Page number -> the name of the table or index it belongs to (or FREE, SCHEMA)."""
    walk = _Walk(image, page_count, damaged)
    walk.tree(1, SCHEMA)
    for name, root in sorted(roots.items(), key=lambda item: item[1]):
        walk.tree(root, name)
    if 1 not in damaged:
        walk.free_list(struct.unpack(">I", bytes(image[32:36]))[0])
    return walk.owner


def schema_pages(image: bytes | bytearray, page_count: int) -> set[int]:
    """The pages of the schema table, damaged ones included (they are kept, not zeroed)."""
    walk = _Walk(image, page_count, set())  # follow damaged schema pages too
    walk.tree(1, SCHEMA)
    return set(walk.owner)
