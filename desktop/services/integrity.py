"""`vault verify`: SQLCipher page authentication, SQLite structure, the audit hash chain."""

from __future__ import annotations

from desktop.store.audit import check_chain
from desktop.store.store import Store
from desktop.store.vault import VerifyReport


def verify(store: Store) -> VerifyReport:
    cipher_ok, integrity_ok, problems = store.vault.check_storage()
    with store.reading() as s:
        chain = check_chain(s)
    if not chain.ok:
        problems.append(f"audit: the chain breaks at entry {chain.broken_at} of {chain.entries}")
    return VerifyReport(cipher_ok, integrity_ok, chain.ok, tuple(problems))
