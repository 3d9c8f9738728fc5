"""Process hardening run first thing at start: no crash dump may carry the data key.

A core dump (or a Windows error report) is a copy of the process's memory written to
disk: the data key, its hex form while a connection is being keyed, and decrypted case
text. `harden_process` turns dumps off for this process before any vault is opened:

- everywhere with `resource`: the core-file size limit goes to 0 (soft and hard, so a
  child cannot raise it again);
- Linux: `prctl(PR_SET_DUMPABLE, 0)`, which also keeps other processes of the same
  user from reading our memory through ptrace or /proc/PID/mem (root still can);
- Windows: `SetErrorMode` so no fault dialog or report is offered, and Windows Error
  Reporting is told not to collect this process (`WerAddExcludedApplication` needs
  admin rights to succeed; where it fails the error-mode change still applies).

Each step is best effort and reported, never fatal: an app that refuses to start because
a kernel lacks prctl would protect nobody. Calling it twice is harmless.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


@dataclass(frozen=True)
class Hardening:
    """What `harden_process` achieved, for the log and the self-test."""

    core_limit_zero: bool
    not_dumpable: bool
    error_reports_off: bool


def _no_core_files() -> bool:
    try:
        import resource
    except ImportError:  # Windows has no resource module
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        return False
    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def _not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = _libc()
    if libc is None:
        return False
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                           ctypes.c_ulong]  # fmt: skip
    libc.prctl.restype = ctypes.c_int
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        return False
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0)


def _no_error_reports() -> bool:
    if sys.platform != "win32":
        return False
    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    except (AttributeError, OSError):
        return False
    try:
        wer = ctypes.WinDLL("wer")  # type: ignore[attr-defined,unused-ignore]
        wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
    except (AttributeError, OSError):
        pass  # needs admin rights on some versions; the error mode above still holds
    return True


def harden_process() -> Hardening:
    """Turn off core dumps and error reports for this process (best effort)."""
    return Hardening(_no_core_files(), _not_dumpable(), _no_error_reports())


def dumpable() -> bool | None:
    """Whether the kernel would write a core of this process (None: cannot tell here)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    if libc is None:
        return None
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
