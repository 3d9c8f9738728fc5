"""`dossier batch` and `dossier shell`: many commands over one unlock, errors by line number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_commands import dossier

PASSPHRASE = "a passphrase for batches"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def vault(tmp_path: Path, home: Path) -> Path:
    folder = tmp_path / "vault"
    dossier("vault", "create", folder, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip
    return folder


def batch(vault: Path, home: Path, text: str, *flags: str, expect: int = 0,
          tmp: Path | None = None) -> tuple[str, str]:  # fmt: skip
    """Run `text` as a batch: from a file when `tmp` is given, else on standard input."""
    if tmp is not None:
        script = tmp / "commands.txt"
        script.write_text(text, encoding="utf-8")
        done = dossier("--vault", vault, "--passphrase-file", "-", "batch", script, *flags,
                       stdin=PASSPHRASE + "\n", home=home, expect=expect)  # fmt: skip
    else:
        done = dossier("--vault", vault, "--passphrase-file", "-", "batch", "-", *flags,
                       stdin=PASSPHRASE + "\n" + text, home=home, expect=expect)  # fmt: skip
    return done.stdout, done.stderr


def titles(vault: Path, home: Path) -> list[str]:
    out = dossier("--vault", vault, "--passphrase-file", "-", "event", "list", "--json",
                  stdin=PASSPHRASE + "\n", home=home).stdout  # fmt: skip
    return [e["title"] for e in json.loads(out)]


SCRIPT = """\
# a new case, from nothing
case add "The raid"

dossier source add --label S1 --title 'NGO report, 2009'
person add --name "Ivan Petrov" --original "Иван Петров"   # the investigator
event add --date "в ночь на 26 августа 2008 г." --title Raid --person "Иван Петров:led" --cite S1
event add --date "45 Smarch" --title "Bad date"
event add --date "early 2010" --title "Never reached"
"""


def test_stops_at_the_first_error_with_its_line_number(
    vault: Path, home: Path, tmp_path: Path
) -> None:
    out, err = batch(vault, home, SCRIPT, expect=1, tmp=tmp_path)
    lines = err.splitlines()
    assert lines[0].startswith("dossier: line 7: ") and "24.11.2008" in lines[0]
    assert "stopped at line 7" in lines[1] and "--start 7" in lines[1]
    assert titles(vault, home) == ["Raid"]  # lines before the error were saved
    assert "Added case" in out and "night of 25–26 August 2008" in out
    fixed = SCRIPT.replace("45 Smarch", "spring 2009")
    batch(vault, home, fixed, "--start", "7", tmp=tmp_path)
    assert titles(vault, home) == ["Raid", "Bad date", "Never reached"]


def test_keep_going_runs_every_line_then_summarises(vault: Path, home: Path) -> None:
    text = SCRIPT + "event list --bogus\nevent add --date 2011 --title Last\n"
    _out, err = batch(vault, home, text, "--keep-going", expect=1)
    assert err.splitlines() == [
        err.splitlines()[0],
        "dossier: line 9: unrecognized arguments: --bogus.",
        "dossier: 8 command(s), 2 failed (lines 7, 9).",
    ]
    assert err.splitlines()[0].startswith("dossier: line 7: ")
    assert titles(vault, home) == ["Raid", "Never reached", "Last"]


def test_one_unlock_serves_every_line(vault: Path, home: Path, tmp_path: Path) -> None:
    """The passphrase comes once on standard input: a second unlock would find it empty."""
    lines = ['case add "Bulk"'] + [
        f'event add --date "{1 + i % 28} March 2009" --title "Fact {i}"' for i in range(100)
    ]
    out, err = batch(vault, home, "\n".join(lines) + "\n", tmp=tmp_path)
    assert err == "" and out.count("Added ") == 101
    assert len(titles(vault, home)) == 100


def test_lines_that_cannot_run_in_a_batch(vault: Path, home: Path) -> None:
    for line, message in [
        ("batch other.txt", "cannot run inside a batch"),
        ("shell", "cannot run inside a batch"),
        ("vault verify x", "cannot run inside a batch"),
        ('event add --title "unclosed', "Unbalanced quotes"),
        ("event add --date 2009", "required: --title"),
        ("frobnicate", "invalid choice"),
    ]:
        _out, err = batch(vault, home, line + "\n", expect=1)
        assert err.splitlines()[0].startswith("dossier: line 1: ") and message in err, err


def test_an_empty_batch_and_comments_only_do_nothing(vault: Path, home: Path) -> None:
    out, err = batch(vault, home, "# nothing\n\n   \n")
    assert (out, err) == ("", "")


def test_shell_reads_commands_until_exit(vault: Path, home: Path) -> None:
    text = "\n".join(
        [PASSPHRASE, 'case add "Shell case"', "event add --date 2009 --title One",
         "event add --date nonsense --title Two", "event list", "exit",
         "event add --date 2010 --title Never"]
    ) + "\n"  # fmt: skip
    done = dossier("--vault", vault, "--passphrase-file", "-", "shell", stdin=text, home=home,
                   expect=None)  # fmt: skip
    assert done.returncode == 0
    assert "line 3: " in done.stderr and "One" in done.stdout
    assert titles(vault, home) == ["One"]


def test_a_wrong_passphrase_stops_before_any_line(vault: Path, home: Path) -> None:
    done = dossier("--vault", vault, "--passphrase-file", "-", "batch", "-",
                   stdin="not it\ncase add X\n", home=home, expect=2)  # fmt: skip
    assert "line" not in done.stderr and len(done.stderr.splitlines()) == 1
