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


def test_a_reason_without_russian_words_keeps_the_systems_after_its_number() -> None:
    odd = refusal(errno.ESRCH)
    assert error_text(odd, "ru") == (
        f"Не удаётся записать events.csv: системная ошибка {errno.ESRCH}: "
        f"{os.strerror(errno.ESRCH)}."
    )


@pytest.mark.parametrize(
    ("number", "russian"),
    [
        (errno.EXDEV, "перенос между разными дисками невозможен"),
        (errno.EILSEQ, "имя файла недопустимо для этого диска"),
        (errno.ENOTEMPTY, "папка не пуста"),
    ],
)
def test_what_a_stick_or_a_share_says_reads_in_russian(number: int, russian: str) -> None:
    assert error_text(refusal(number), "ru") == f"Не удаётся записать events.csv: {russian}."


def test_a_real_refused_write_reads_in_russian(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder should be")
    with pytest.raises(KnownError) as refused:
        save_template(not_a_folder / "template.xlsx")
    assert os.strerror(errno.ENOTDIR) in str(refused.value)
    russian = error_text(refused.value, "ru")
    assert "это не папка" in russian and "Not a directory" not in russian
