"""Named crash points for fault-injection tests: a process killed between two steps.

`crash_point("export:after-rename")` ends the process at once (`os._exit`, no cleanup,
no commit, like a power cut) when the environment variable `DOSSIER_TEST_CRASH_AT` names
that point. Only tests set the variable; without it a crash point does nothing.
"""

from __future__ import annotations

import os

CRASH_ENV = "DOSSIER_TEST_CRASH_AT"
CRASH_EXIT_CODE = 86


def crash_point(name: str) -> None:
    """End the process here when a fault-injection test asked for `name`."""
    if os.environ.get(CRASH_ENV) == name:
        os._exit(CRASH_EXIT_CODE)
