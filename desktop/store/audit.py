"""The append-only audit log: every change, chained so that rewriting history shows.

An entry names the change (who, device, when, action, record kind and id, which fields)
but not the values: the log must not become a second copy of the case. Since chain
version 2 (migration 0007) an entry also holds `content_hash`, the SHA-256 of the
record's canonical JSON *after* the change, and its own hash is an HMAC-SHA-256 under
the vault's audit key (32 random bytes stored in the encrypted database, `audit_chain`)
over its position, the previous hash and all of the above. The `audit_chain` row also
records the head (count and hash) under an HMAC, and where version 2 starts.

What that proves, and to whom (the README says the same in plain words):
- a change made to the database file other than through Dossier (a row rewritten or
  deleted, an entry edited, reordered, removed, or the chain recomputed without the key)
  is reported by `vault verify`;
- a head ("count:hash") printed on a briefing pack or carried to a peer in a bundle pins
  the history up to that point: `vault verify --against HEAD` fails if any of those first
  `count` entries was later rewritten or removed, by anyone, key or not;
- being keyed, a printed head reveals nothing about the content it covers (a plain hash
  of low-entropy content could be confirmed by guessing).
It cannot stop someone who holds the passphrase from rewriting a vault nobody else has
seen: they can read the key and recompute everything after the last head held elsewhere.

Entries written before 0007 (version 1) are verified the old way: plain SHA-256 over the
metadata, without content.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import operator
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Boolean, Integer, Table, update
from sqlalchemy.orm import Session

from desktop.errors import KnownError
from desktop.store import bulk
from desktop.store.models import (
    SYNCED_MODELS,
    TRANSLATION_COLUMNS,
    AuditChain,
    Synced,
)

GENESIS = "0" * 64
V1, V2 = 1, 2
HEAD_FORMAT = re.compile(r"(\d{1,12}):([0-9a-f]{16,64})")
_KEY_INFO = "dossier.audit_key"
_RECORD_TABLES: dict[str, Table] = {
    model.__tablename__: model.__table__  # type: ignore[misc]
    for model in SYNCED_MODELS
}


class AuditHeadInvalid(KnownError):
    pass


# ---- formats --------------------------------------------------------------------------


# One encoder, built once: `json.dumps` with options builds a new one on every call,
# which was a third of the cost of an entry in a 100,000-record sync import.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# `JSONEncoder.encode` makes a new C encoder on every call (its cycle check needs a
# fresh memo); an entry's values are a flat list of scalars (and [name, value] pairs),
# which has no cycle, so one C encoder without that check serves every call: the same
# text, at half the cost (a sync import encodes 100,000 records).
_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_ENCODE_LIST: Any = None
if _MAKE_ENCODER is not None:
    _ENCODE_LIST = _MAKE_ENCODER(
        None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )


def _json(value: Any) -> bytes:
    if _ENCODE_LIST is not None and type(value) is list:
        return "".join(_ENCODE_LIST(value, 0)).encode("utf-8")
    return _ENCODER.encode(value).encode("utf-8")


def _mac(key: bytes, message: bytes) -> str:
    return hmac.digest(key, message, "sha256").hex()  # one-shot: 3x faster than hmac.new


def entry_hash(
    prev_hash: str,
    at: str,
    device: str,
    actor: str,
    action: str,
    entity: str,
    record_id: str,
    fields: str,
) -> str:
    """A version-1 entry's hash: plain SHA-256 over the metadata (entries before 0007)."""
    body = _json([prev_hash, at, device, actor, action, entity, record_id, fields])
    return hashlib.sha256(body).hexdigest()


def entry_prefix(at: str, device: str, actor: str, action: str, entity: str, fields: str) -> bytes:
    """The part of a version-2 entry's message that a bulk import shares across entries."""
    return _json(["dossier-audit-2", at, device, actor, action, entity, fields])


def keyed_hash(
    key: bytes, prefix: bytes, position: int, prev_hash: str, content: str, record_id: str
) -> str:
    """A version-2 entry's hash: HMAC-SHA-256 over the prefix (a JSON array, so it ends
    unambiguously), then position, previous hash and content hash (fixed formats), then
    the record id, which runs to the end."""
    tail = f"|{position}|{prev_hash}|{content}|{record_id}"
    return _mac(key, prefix + tail.encode("utf-8"))


def draft_hash(key: bytes, position: int, prev_hash: str, draft: Draft) -> str:
    prefix = entry_prefix(draft.at, draft.device, draft.actor, draft.action, draft.entity,
                          draft.fields)  # fmt: skip
    return keyed_hash(key, prefix, position, prev_hash, draft.content_hash or "", draft.record_id)


def marker_mac(key: bytes, v2_from: int) -> str:
    return _mac(key, f"dossier-audit-v2-from:{v2_from}".encode())


def head_mac(key: bytes, count: int, head: str) -> str:
    return _mac(key, f"dossier-audit-head:{count}:{head}".encode())


def first_chain_row(count: int, last_hash: str | None) -> dict[str, Any]:
    """The `audit_chain` row migration 0007 writes: a fresh key, version 2 from the next
    entry on, the head of the (version-1) entries already there."""
    key = os.urandom(32)
    head = last_hash or GENESIS
    return {
        "id": 1,
        "key": key,
        "v2_from": count + 1,
        "marker": marker_mac(key, count + 1),
        "head_count": count,
        "head_hash": head,
        "head_mac": head_mac(key, count, head),
    }


@dataclass(frozen=True)
class _Layout:
    """A table's columns in canonical (name) order, and which hold booleans.

    Only booleans need converting: SQLite hands them back as 0/1 where a writer may hold
    True/False. Text and integer columns read back as they were written (the writers
    check types first), so they are taken as they are: one C call per row.
    """

    names: tuple[str, ...]
    booleans: tuple[int, ...]
    optional: tuple[str, ...]  # hashed only when not empty: see content_hash
    values: Callable[[Mapping[str, Any]], tuple[Any, ...]]

    @classmethod
    def of(cls, table: Table) -> _Layout:
        optional = TRANSLATION_COLUMNS.get(table.name, ())
        columns = sorted((c for c in table.columns if c.name not in optional),
                         key=lambda c: c.name)  # fmt: skip
        booleans = tuple(i for i, c in enumerate(columns) if isinstance(c.type, Boolean))
        names = tuple(c.name for c in columns)
        return cls(names, booleans, tuple(sorted(optional)), operator.itemgetter(*names))


_LAYOUTS: dict[str, _Layout] = {}


def content_hash(table: Table, row: Mapping[str, Any] | Any) -> str:
    """SHA-256 of a row's canonical JSON: every column's value, in column-name order.

    The same for a row as written (a dict or an ORM object's values) and as read back. A
    column the row lacks counts as null. The translation columns (migration 0010) follow
    as [name, value] pairs, and only when not empty: a record audited before they existed
    hashes as it did then.
    """
    return hashlib.sha256(_canonical(table, row)).hexdigest()


def _canonical(table: Table, row: Mapping[str, Any] | Any) -> bytes:
    layout = _LAYOUTS.get(table.name)
    if layout is None:
        layout = _LAYOUTS[table.name] = _Layout.of(table)
    try:
        values = list(layout.values(row))
    except KeyError:
        values = [row.get(name) for name in layout.names]
    for i in layout.booleans:
        if values[i] is not None:
            values[i] = bool(values[i])
    for name in layout.optional:
        value = row.get(name)
        if value:
            values.append([name, value])
    return _json(values)


def record_content_hash(record: Synced) -> str:
    """`content_hash` of an ORM record, its values first typed as the database will hold
    them (a service may set "5" on an integer column; SQLite stores 5)."""
    table = record.__table__
    assert isinstance(table, Table)
    row = {}
    for column in table.columns:
        value = getattr(record, column.key)
        if value is not None and not isinstance(column.type, Boolean):
            value = int(value) if isinstance(column.type, Integer) else str(value)
        row[column.name] = value
    return content_hash(table, row)


# ---- writing --------------------------------------------------------------------------


class Draft(NamedTuple):
    """One entry to append; `content_hash` is None for entries that are not a record.

    A named tuple rather than a dataclass: an import makes one per record it writes, and
    a frozen dataclass costs four times as much to build.
    """

    at: str
    device: str
    actor: str
    action: str
    entity: str
    record_id: str
    fields: str = ""
    content_hash: str | None = None


def _state(session: Session) -> AuditChain:
    state = session.get(AuditChain, 1)
    if state is None:
        raise KnownError(
            "This vault's audit log has lost its key record; run `dossier vault verify`."
        )
    return state


def _key(session: Session, state: AuditChain) -> bytes:
    cached = session.info.get(_KEY_INFO)
    if cached is None:
        cached = session.info[_KEY_INFO] = bytes(state.key)
    return bytes(cached)


def append_many(session: Session, drafts: Sequence[Draft]) -> None:
    """Append entries in order, in one executemany (imports write one per record)."""
    if not drafts:
        return
    state = _state(session)
    key = _key(session, state)
    rows: list[tuple[Any, ...]] = []
    count, prev = _draft_rows(key, state.head_count, state.head_hash, drafts, rows)
    _write(session, key, rows, count, prev)
    session.expire(state)


def append_records(
    session: Session,
    base: Draft,
    batches: Iterable[tuple[Table, Iterable[Mapping[str, Any]], Callable[[Any], str]]],
) -> None:
    """`base`, then one entry per row of each batch (a table, its rows as stored, and each
    row's action): the entries `append_many` writes for `base` and `record_drafts` of the
    batches, built in one pass without a draft per row. A sync import writes 100,000 of
    them; the drafts, their shared parts looked up again for each, and the key and
    prefix hashed again for each were a third of the audit's cost."""
    state = _state(session)
    key = _key(session, state)
    rows: list[tuple[Any, ...]] = []
    count, prev = _draft_rows(key, state.head_count, state.head_hash, [base], rows)
    at, device, actor, fields = base.at, base.device, base.actor, base.fields
    sha256 = hashlib.sha256
    for table, records, action_of in batches:
        entity = str(table.name)  # a plain str: see `record_drafts`
        # Per action, the HMAC already keyed and fed the shared prefix: each entry copies
        # it and adds its own tail, as `keyed_hash` would hash prefix and tail (a test
        # holds them equal). Half the hashing work of an entry is the key and the prefix.
        keyed: dict[str, Any] = {}
        for row in records:
            action = action_of(row)
            started = keyed.get(action)
            if started is None:
                prefix = entry_prefix(at, device, actor, action, entity, fields)
                started = keyed[action] = hmac.new(key, prefix, sha256)
            content = sha256(_canonical(table, row)).hexdigest()
            record_id = str(row["id"])
            count += 1
            entry = started.copy()
            entry.update(f"|{count}|{prev}|{content}|{record_id}".encode())
            digest = entry.hexdigest()
            rows.append((at, device, actor, action, entity, record_id, fields, content, prev,
                         digest, V2))  # fmt: skip
            prev = digest
    _write(session, key, rows, count, prev)
    session.expire(state)


def _draft_rows(
    key: bytes, count: int, prev: str, drafts: Iterable[Draft], rows: list[tuple[Any, ...]]
) -> tuple[int, str]:
    """Add the `audit_entries` rows of `drafts` after entry `count` (hash `prev`) to
    `rows`; returns the new head."""
    prefixes: dict[tuple[str, ...], bytes] = {}  # an import's entries share all but a few
    for draft in drafts:
        count += 1
        shared = (draft.at, draft.device, draft.actor, draft.action, draft.entity, draft.fields)
        prefix = prefixes.get(shared)
        if prefix is None:
            prefix = prefixes[shared] = entry_prefix(*shared)
        content = draft.content_hash or ""
        digest = keyed_hash(key, prefix, count, prev, content, draft.record_id)
        rows.append((*shared[:5], draft.record_id, draft.fields, draft.content_hash, prev,
                     digest, V2))  # fmt: skip
        prev = digest
    return count, prev


def _write(
    session: Session, key: bytes, rows: list[tuple[Any, ...]], count: int, prev: str
) -> None:
    bulk.executemany(
        session,
        "INSERT INTO audit_entries (at, device, actor, action, entity, record_id, fields, "
        "content_hash, prev_hash, hash, chain_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    session.execute(
        update(AuditChain)
        .where(AuditChain.id == 1)
        .values(head_count=count, head_hash=prev, head_mac=head_mac(key, count, prev))
    )


def append(
    session: Session,
    *,
    at: str,
    device: str,
    actor: str,
    action: str,
    entity: str,
    record_id: str,
    fields: list[str],
    content: str | None = None,
) -> None:
    """Append one entry; `content` is the record's `content_hash` after the change."""
    session.flush()  # entries are ordered by insertion: nothing may be pending ahead
    draft = Draft(at, device, actor, action, entity, record_id, ",".join(sorted(fields)), content)
    append_many(session, [draft])


def record_drafts(
    table: Table, rows: Iterable[Mapping[str, Any]], base: Draft, action_of: Any = None
) -> list[Draft]:
    """One draft per written row (`base` gives who, when and the default action)."""
    at, device, actor, fields = base.at, base.device, base.actor, base.fields
    # A plain str: the table's name is SQLAlchemy's `quoted_name`, which the driver can
    # bind only after looking for an adapter, at the cost of two exceptions per entry.
    entity = str(table.name)
    return [
        Draft(at, device, actor, base.action if action_of is None else action_of(row), entity,
              str(row["id"]), fields, content_hash(table, row))
        for row in rows
    ]  # fmt: skip


# ---- reading and checking -------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    count: int
    hash: str

    def text(self) -> str:
        return f"{self.count}:{self.hash}"


def head(session: Session) -> Head:
    """The chain's current head, as printed on packs and sent in bundles."""
    state = session.get(AuditChain, 1)
    if state is None:
        return Head(0, GENESIS)
    return Head(state.head_count, state.head_hash)


def parse_head(text: str) -> Head:
    match = HEAD_FORMAT.fullmatch(text.strip().lower())
    if match is None:
        raise AuditHeadInvalid(
            "An audit head is the count and hash printed on a pack, like 1234:9f2c…"
            " (at least 16 hex digits of the hash)."
        )
    return Head(int(match.group(1)), match.group(2))


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken_at: int | None  # the seq of the first entry that does not fit the chain
    problems: tuple[str, ...] = ()
    not_covered: int = 0  # records written before content hashing (0007): not checkable

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.problems


Progress = Callable[[str, int, int], None]
"""`progress(stage, done, total)`, called every few thousand entries or records."""
RowVisitor = Callable[[str, dict[str, Any]], None]
"""Called with each record as it is read for the content check: (table, row as stored)."""
_EVERY = 8192


@dataclass
class _Walk:
    count: int = 0
    prev: str = GENESIS
    broken_at: int | None = None
    problems: list[str] = field(default_factory=list)
    held: str = GENESIS  # the hash of the entry a saved head names (--against)
    # Per record table, each record's last audited content (SHA-256, 32 bytes; None for
    # an entry without content): a million records' worth is ~190 MB as bytes, 1.2 GB
    # as (table, id) -> hex string pairs.
    contents: dict[str, dict[str, bytes | None]] = field(default_factory=dict)


_ENTRIES = ("SELECT seq, at, device, actor, action, entity, record_id, fields, content_hash, "
            "prev_hash, hash, chain_version FROM audit_entries ORDER BY seq")  # fmt: skip


def _digest(content: str | None) -> bytes | None:
    if content is None:
        return None
    try:
        return bytes.fromhex(content)
    except (ValueError, TypeError):
        return b"?"  # never a SHA-256: the record reads as changed (and the chain broke)


def _walk(
    session: Session,
    key: bytes | None,
    v2_from: int,
    keep: int,
    total: int,
    progress: Progress | None,
) -> _Walk:
    """Follow the chain entry by entry; note each record's last content and the hash of
    entry `keep`. Plain driver tuples, and the JSON prefix of the last entry reused: most
    consecutive entries (an import's, a sync's) share it."""
    walk = _Walk(contents={name: {} for name in _RECORD_TABLES})
    contents = walk.contents
    n, prev = 0, GENESIS
    shared_before: tuple[Any, ...] = ()
    prefix = b""
    for (seq, at, device, actor, action, entity, record_id, fields, content, prev_hash, digest,
         version) in bulk.stream(session, _ENTRIES):  # fmt: skip
        n += 1
        if n < v2_from:
            expected = entry_hash(prev, at, device, actor, action, entity, record_id, fields)
            version_ok = version == V1
        else:
            shared = (at, device, actor, action, entity, fields)
            if shared != shared_before:
                prefix, shared_before = entry_prefix(*shared), shared
            expected = "" if key is None else keyed_hash(key, prefix, n, prev, content or "",
                                                         record_id)  # fmt: skip
            version_ok = version == V2
            records = contents.get(entity)
            if records is not None:
                records[record_id] = _digest(content)
        if walk.broken_at is None and (prev_hash != prev or digest != expected or not version_ok):
            walk.broken_at = seq
            walk.problems.append(
                f"audit: entry {n} (seq {seq}) does not fit the chain: the log was "
                "edited, reordered or recomputed outside Dossier"
            )
        if n == keep:
            walk.held = str(digest)
        prev = digest
        if progress is not None and n % _EVERY == 0:
            progress("audit log", n, total)
    walk.count, walk.prev = n, prev
    if progress is not None:
        progress("audit log", n, max(n, total))
    return walk


def _check_contents(
    session: Session,
    walk: _Walk,
    every_record_covered: bool,
    visit: RowVisitor | None,
    progress: Progress | None,
) -> int:
    """Compare each record with the content its latest entry recorded, handing each to
    `visit` on the way (one read of every record for both); returns the uncovered."""
    problems = walk.problems
    uncovered = done = 0
    total = _record_count(session) if progress is not None else 0
    for name, table in _RECORD_TABLES.items():
        names = [column.name for column in table.columns]
        listed = ", ".join(f'"{column}"' for column in names)
        recorded_of = walk.contents.pop(name, {})  # what is left at the end was deleted
        for values in bulk.stream(session, f'SELECT {listed} FROM "{name}"'):
            row = dict(zip(names, values, strict=True))
            record_id = str(row["id"])
            recorded = recorded_of.pop(record_id, None)
            if recorded is None:
                uncovered += 1
                if every_record_covered and len(problems) < 20:
                    problems.append(
                        f"audit: {name} {record_id} has no audit entry (added outside Dossier)"
                    )
            elif recorded != hashlib.sha256(_canonical(table, row)).digest() and len(problems) < 20:
                problems.append(
                    f"audit: {name} {record_id} differs from its last audited version "
                    "(changed outside Dossier)"
                )
            if visit is not None:
                visit(name, row)
            done += 1
            if progress is not None and done % _EVERY == 0:
                progress("records", done, total)
        if progress is not None:
            progress("records", done, max(done, total))
        for record_id, recorded in recorded_of.items():
            if recorded is not None and len(problems) < 20:
                problems.append(
                    f"audit: {name} {record_id} is in the audit log but missing from the "
                    "vault (deleted outside Dossier)"
                )
    return uncovered


def _record_count(session: Session) -> int:
    """How many records the content check will read (SQLite counts them from an index)."""
    return sum(
        int(next(bulk.stream(session, f'SELECT count(*) FROM "{name}"'))[0])
        for name in _RECORD_TABLES
    )


def check_chain(
    session: Session,
    against: Head | None = None,
    *,
    visit: RowVisitor | None = None,
    progress: Progress | None = None,
) -> ChainCheck:
    """The whole log, the recorded head, every record's content, and optionally a head.

    `visit(table, row)` sees every record as it is read for the content check, so that
    other checks of each record need no second read."""
    state = session.get(AuditChain, 1)
    problems: list[str] = []
    key: bytes | None = None
    v2_from = 1
    if state is None:
        problems.append("audit: the audit log's key record is missing")
    else:
        key, v2_from = bytes(state.key), state.v2_from
        if state.marker != marker_mac(key, v2_from):
            problems.append("audit: the log's version marker was altered")
    keep = against.count if against is not None else 0
    total = state.head_count if state is not None else 0
    with bulk.collector_paused():  # a million small objects held, none of them in cycles
        walk = _walk(session, key, v2_from, keep, total, progress)
        walk.problems[:0] = problems
        if state is not None and key is not None:
            if state.head_mac != head_mac(key, state.head_count, state.head_hash):
                walk.problems.append("audit: the recorded head was altered")
            elif (state.head_count, state.head_hash) != (walk.count, walk.prev):
                walk.problems.append(
                    f"audit: the log holds {walk.count} entries but {state.head_count} were "
                    "written: entries were removed or added outside Dossier"
                )
        uncovered = _check_contents(session, walk, v2_from == 1, visit, progress)
    if against is not None:
        _check_against(walk, against)
    return ChainCheck(walk.count, walk.broken_at, tuple(walk.problems), uncovered)


def _check_against(walk: _Walk, against: Head) -> None:
    if against.count > walk.count:
        walk.problems.append(
            f"audit: the saved head names entry {against.count}, but the log now ends at "
            f"entry {walk.count}: it was truncated"
        )
        return
    if not walk.held.startswith(against.hash):
        walk.problems.append(
            f"audit: entry {against.count} is not the one the saved head names: the history "
            "up to that point was rewritten"
        )
