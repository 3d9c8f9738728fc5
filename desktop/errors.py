"""The two kinds of error: what the user or the environment caused, and bugs.

A `KnownError` carries one plain sentence for the user. It must never contain case
content, keys or passphrases. Anything else that escapes is a bug: logged with its
traceback, and shown to the user as a generic apology.

The sentence is written in English as a template with named parameters:
`KnownError("Choose a passphrase of at least {count} characters.", count=8)`. `str()`
is the English sentence; the template is the message's id, by which `desktop.errortexts`
finds its Russian text, so the GUI and the CLI show every service's message in the
user's language through one table.
"""

from __future__ import annotations

from typing import Any


class FieldName(str):
    """A record field's name passed as a parameter: English shows it as words ("Title",
    "Response due"), other languages through their field labels."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(str(self).replace("_", " ").capitalize(), spec)


class RecordKind(str):
    """A table's name passed as a parameter: English shows it as a noun ("event",
    "complaint response"), other languages through their record kind labels."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(self.rstrip("s").replace("_", " "), spec)


class Reason(str):
    """Another error's sentence passed as a parameter, without its full stop: English
    shows it as it is, other languages in their own words (see `desktop.errortexts`)."""

    error: KnownError

    def __new__(cls, error: KnownError) -> Reason:
        made = super().__new__(cls, str(error).rstrip("."))
        made.error = error
        return made


class SystemReason(str):
    """The operating system's reason for a failed file operation, passed as a parameter:
    English shows its own words ("No space left on device"), other languages theirs, by
    the error number (see `desktop.errortexts`)."""

    errno: int

    def __new__(cls, text: str, number: int) -> SystemReason:
        made = super().__new__(cls, text)
        made.errno = number
        return made

    @classmethod
    def of(cls, error: OSError) -> SystemReason:
        return cls(error.strerror or "unknown error", error.errno or 0)


class KnownError(Exception):
    """A failure the user or the environment caused; `str()` is the message to show."""

    exit_code = 1

    def __init__(self, message: str = "", /, **params: Any) -> None:
        self.template = message
        self.params = params
        # The sentence in other languages, by language, for the few messages worded where
        # they arise rather than in `desktop.errortexts` (the date parser's own reasons).
        self.worded: dict[str, str] = {}
        super().__init__(message.format(**params) if params else message)


class WrongPassphrase(KnownError):
    exit_code = 2


class VaultBusy(KnownError):
    exit_code = 3


class ValidationError(KnownError):
    """Input that breaks a rule; `field` names the offending field when there is one.

    A `{field}` in the message is filled with the field's name in words.
    """

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        if field is not None and "{field}" in message:
            params["field"] = FieldName(field)
        super().__init__(message, **params)
        self.field = field


class BugError(Exception):
    """An internal invariant failed: this is our bug, not the user's doing."""
