"""What the user should do after a sync step failed: one next step per kind of failure.

The sentence of a `KnownError` says what went wrong; the Sync dialog adds what to do
about it ("The bundle on the stick is incomplete; export again."). The dialog words each
`NextStep` in the user's language; this module only decides which one applies.
"""

from __future__ import annotations

import enum
import errno

from desktop.sync.bundle import BundleRejected, BundleWriteError, Reason
from desktop.sync.bundle_write import StickFault


class NextStep(enum.Enum):
    EXPORT_AGAIN = "export_again"  # the bundle on the stick is incomplete or damaged
    ASK_SENDER = "ask_sender"  # the bundle may be forged or altered: get a fresh one
    PAIR_FIRST = "pair_first"  # the sender is not paired (or the bundle is not for us)
    UPDATE_DOSSIER = "update_dossier"
    FREE_STICK = "free_stick"  # the stick is full or over quota
    WRITABLE_STICK = "writable_stick"  # read-only stick or a folder we may not write to
    REPLUG_STICK = "replug_stick"  # removed or failing
    FREE_VAULT_DISK = "free_vault_disk"
    LARGER_LIMIT = "larger_limit"
    NONE = "none"


_BY_REASON = {
    Reason.UNFINISHED: NextStep.EXPORT_AGAIN,
    Reason.DAMAGED: NextStep.EXPORT_AGAIN,
    Reason.UNREADABLE: NextStep.REPLUG_STICK,
    Reason.TOO_LARGE: NextStep.ASK_SENDER,
    Reason.NOT_FOR_THIS_DEVICE: NextStep.PAIR_FIRST,
    Reason.UNKNOWN_SENDER: NextStep.PAIR_FIRST,
    Reason.NEWER_VERSION: NextStep.UPDATE_DOSSIER,
    Reason.UNSAFE_ARCHIVE: NextStep.ASK_SENDER,
    Reason.BAD_MANIFEST: NextStep.ASK_SENDER,
    Reason.BAD_SIGNATURE: NextStep.ASK_SENDER,
    Reason.HASH_MISMATCH: NextStep.ASK_SENDER,
    Reason.BAD_PAYLOAD: NextStep.ASK_SENDER,
}

_BY_ERRNO = {
    errno.ENOSPC: NextStep.FREE_STICK,
    errno.EDQUOT: NextStep.FREE_STICK,
    errno.EROFS: NextStep.WRITABLE_STICK,
    errno.EACCES: NextStep.WRITABLE_STICK,
    errno.EPERM: NextStep.WRITABLE_STICK,
    errno.ENOTDIR: NextStep.WRITABLE_STICK,
}


def next_step(error: BaseException) -> NextStep:
    """The step that helps after `error` (NONE when its own sentence says it all)."""
    from desktop.services.sync import VaultFull  # the service raises it; no import cycle
    from desktop.sync.series import TooLargeToSend

    if isinstance(error, BundleRejected):
        return _BY_REASON.get(error.reason, NextStep.NONE)
    if isinstance(error, StickFault):
        return _BY_ERRNO.get(error.errno or 0, NextStep.REPLUG_STICK)
    if isinstance(error, BundleWriteError):
        return NextStep.REPLUG_STICK
    if isinstance(error, VaultFull):
        return NextStep.FREE_VAULT_DISK
    if isinstance(error, TooLargeToSend):
        return NextStep.LARGER_LIMIT
    return NextStep.NONE
