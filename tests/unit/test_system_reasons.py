"""The operating system's reason for a failed file operation reads in the message's own
language: Russian words in a Russian message, the system's English in an English one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.errors import KnownError, SystemReason
from desktop.errortexts import error_text
from desktop.services.sheettemplate import save_template


def refusal(number: int) -> KnownError:
    reason = SystemReason.of(OSError(number, os.strerror(number)))
    return KnownError("Cannot write {name}: {reason}.", name="events.csv", reason=reason)


def test_a_full_disk_is_said_in_each_language() -> None:
    full = refusal(errno.ENOSPC)
    assert str(full) == f"Cannot write events.csv: {os.strerror(errno.ENOSPC)}."
    russian = error_text(full, "ru")
    assert russian == "Не удаётся записать events.csv: на диске не осталось места."


def test_a_reason_without_russian_words_keeps_the_systems() -> None:
    odd = refusal(errno.EXDEV)
    assert os.strerror(errno.EXDEV) in error_text(odd, "ru")
    assert error_text(odd, "ru").startswith("Не удаётся записать events.csv")


def test_a_real_refused_write_reads_in_russian(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder should be")
    with pytest.raises(KnownError) as refused:
        save_template(not_a_folder / "template.xlsx")
    assert os.strerror(errno.ENOTDIR) in str(refused.value)
    russian = error_text(refused.value, "ru")
    assert "это не папка" in russian and "Not a directory" not in russian
