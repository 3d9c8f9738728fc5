"""`vault verify`: SQLCipher page authentication, SQLite structure, the audit log.

The audit check covers the chain, its recorded head, every record against its last
audited content and, given a head saved earlier (printed on a pack, held by a peer),
that history up to it is unchanged (see `desktop.store.audit`).
"""

from __future__ import annotations

from desktop.store.audit import check_chain, head, parse_head
from desktop.store.store import Store
from desktop.store.vault import VerifyReport


def verify(store: Store, against: str | None = None) -> VerifyReport:
    saved = parse_head(against) if against is not None else None
    cipher_ok, integrity_ok, problems = store.vault.check_storage()
    with store.reading() as s:
        chain = check_chain(s, saved)
    problems.extend(chain.problems)
    return VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))


def audit_head(store: Store) -> str:
    """The audit log's head as printed on packs and carried in bundles: "count:hash"."""
    with store.reading() as s:
        return head(s).text()
