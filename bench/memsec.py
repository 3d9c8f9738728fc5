"""Diagnosis runs without SQLCipher's memory security, each in a process of its own.

Memory security is process-wide and, once on, cannot be turned off: a later
`PRAGMA cipher_memory_security = OFF` is silently ignored. So a run that shows what it
costs must be a fresh interpreter that drops the pragma before its first connection. The
app itself always runs with memory security on; only these benchmarks use this.
"""

from __future__ import annotations

import subprocess
import sys

FLAG = "--memory-security-off"


def drop_if_asked() -> bool:
    """With FLAG on the command line: remove it and keep memory security off here."""
    if FLAG not in sys.argv:
        return False
    sys.argv.remove(FLAG)
    from desktop.store import engine

    engine.PRAGMAS = tuple(p for p in engine.PRAGMAS if "cipher_memory_security" not in p)
    return True


def rerun_without(arguments: list[str]) -> None:
    """Run this benchmark again with memory security off; its output follows ours."""
    print("\n---- diagnosis: the same run with cipher_memory_security OFF (never shipped) ----",
          flush=True)  # fmt: skip
    subprocess.run([sys.executable, sys.argv[0], *arguments, FLAG], check=True)
