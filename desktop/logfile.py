"""The one logging policy of the app and the CLI: a private, rotating file of frames.

Logs go to `<user data folder>/logs/dossier.log` (mode 0600, 1 MiB, three old files
kept). An exception is written as its type and the code locations it passed through,
never its message: messages can carry case text, file names or SQL (and SQLAlchemy's
statement parameters are hidden at the engine too). That holds for every handler this
module installs, the terminal included, and also when another handler has already
formatted the same record with its message.

Our own log lines name steps and error types, never case content; keep them so.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from desktop.paths import user_data_dir

LOG_NAME = "dossier.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_OURS = "_dossier_policy"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path() -> Path:
    return user_data_dir() / "logs" / LOG_NAME


def frames_only(exc_info: ExcInfo) -> str:
    """A traceback without any exception message, following causes and contexts."""
    parts: list[str] = []
    exc: BaseException | None = exc_info[1]
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        kind = type(exc)
        parts.append(
            "Traceback (frames only; messages are never logged):\n"
            + "".join(traceback.format_tb(exc.__traceback__))
            + f"{kind.__module__}.{kind.__qualname__}"
        )
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return "\n-- raised while handling --\n".join(reversed(parts))


class FramesOnlyFormatter(logging.Formatter):
    """Formats a record's exception as `frames_only`, ignoring any cached `exc_text`."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info, plain.exc_text, plain.stack_info = None, None, None
        text = super().format(plain)
        if record.exc_info and record.exc_info[1] is not None:
            text += "\n" + frames_only(record.exc_info)
        return text


class PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating file created 0600 in a folder made on first use (0700)."""

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)
        assert isinstance(handle, io.TextIOWrapper)
        return handle


def install_logging(*, level: int, to_terminal: bool) -> Path:
    """Replace this module's handlers on the root logger; returns the log file's path.

    The GUI logs its steps (INFO) to the file and the terminal; the CLI keeps the
    terminal for its one-line messages and logs warnings and bugs to the file only.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    path = log_path()
    handlers: list[logging.Handler] = [
        PrivateRotatingFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    ]
    if to_terminal:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(FramesOnlyFormatter(FORMAT))
        handler.setLevel(level)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
