"""The two kinds of error: what the user or the environment caused, and bugs.

A `KnownError` carries one plain sentence for the user. It must never contain case
content, keys or passphrases. Anything else that escapes is a bug: logged with its
traceback, and shown to the user as a generic apology.
"""


class KnownError(Exception):
    """A failure the user or the environment caused; `str()` is the message to show."""

    exit_code = 1


class WrongPassphrase(KnownError):
    exit_code = 2


class VaultBusy(KnownError):
    exit_code = 3


class ValidationError(KnownError):
    """Input that breaks a rule; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class BugError(Exception):
    """An internal invariant failed: this is our bug, not the user's doing."""
