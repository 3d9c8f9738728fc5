"""The `dossier` CLI end to end: real processes, real vaults, one-line errors, no tracebacks."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services import transfer
from desktop.store.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
DEMO = "demo"
NEW = "a brand new passphrase"


class Done:
    """What a CLI run left: exit status and the two output streams."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def in_process(args: list[str], stdin: str, home: Path) -> Done:
    """`main(argv)` in this process, streams swapped for buffers (what most tests need)."""
    import contextlib
    import io

    from desktop.cli.main import main

    raw_out = io.BytesIO()
    out, err = io.TextIOWrapper(raw_out, encoding="utf-8"), io.StringIO()
    saved = sys.stdin, os.environ.get("DOSSIER_HOME")
    sys.stdin, os.environ["DOSSIER_HOME"] = io.StringIO(stdin), str(home)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exc:  # argparse: --help, usage errors
                code = int(exc.code or 0)
    finally:
        sys.stdin = saved[0]
        if saved[1] is None:
            os.environ.pop("DOSSIER_HOME", None)
        else:
            os.environ["DOSSIER_HOME"] = saved[1]
    out.flush()
    return Done(code, raw_out.getvalue().decode("utf-8"), err.getvalue())


def in_subprocess(args: list[str], stdin: str, home: Path) -> Done:
    """`python main.py ...` as a user runs it."""
    env = dict(os.environ, DOSSIER_INSECURE_TEST_KDF="1", DOSSIER_HOME=str(home))
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "main.py", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def dossier(
    *args: str | Path, stdin: str = "", home: Path, expect: int | None = 0, process: bool = False
) -> Done:
    runner = in_subprocess if process else in_process
    done = runner([str(a) for a in args], stdin, home)
    assert "Traceback" not in done.stdout + done.stderr
    assert "internal error" not in done.stderr, done.stderr
    if expect is not None:
        assert done.returncode == expect, (done.returncode, done.stdout, done.stderr)
    return done


def one_line_error(done: Done) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("dossier: ")
    return lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli-home")
    folder = home / "made-by-cli"
    done = dossier("demo", "--dir", folder, home=home, process=True)
    assert done.stdout.strip() == str(folder)
    return folder


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def demo(demo_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the CLI-made demo vault."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_dir, folder)
    return folder


def run(folder: Path, *args: str, home: Path, expect: int | None = 0, process: bool = False) -> str:
    return dossier(
        "--vault", folder, "--passphrase-file", "-", *args, stdin=DEMO + "\n", home=home,
        expect=expect, process=process,
    ).stdout  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- reading ---------------------------------------------------------------------------------
def test_case_list_and_show(demo: Path, home: Path) -> None:
    listed = run(demo, "case", "list", home=home)
    assert "The death of Sergei Magnitsky" in listed and "sample" in listed
    shown = run(demo, "case", "show", home=home)
    assert re.search(r"events: 16\b", shown)
    assert re.search(r"complaints: 11\b", shown)


def test_event_list_in_date_order_with_filters(demo: Path, home: Path) -> None:
    listed = run(demo, "event", "list", home=home)
    assert listed.index("Raid on the Moscow offices") < listed.index("Magnitsky arrested")
    filtered = run(demo, "event", "list", "--from", "2009-11-01", "--to", "2009-11-30", home=home)
    assert "Magnitsky dies" in filtered and "Magnitsky arrested" not in filtered
    by_text = run(demo, "event", "list", "--text", "arrested", home=home)
    assert "Magnitsky arrested" in by_text and "Raid" not in by_text
    russian = run(demo, "event", "list", "--lang", "ru", home=home)
    assert "2009" in russian


def test_person_list_shows_other_scripts(demo: Path, home: Path) -> None:
    listed = run(demo, "person", "list", home=home)
    assert "Artem Kuznetsov" in listed and "Артём Кузнецов" in listed


def test_search_across_scripts(demo: Path, home: Path) -> None:
    for query in ("Kuznetsov", "Кузнецов", "kuznecov"):
        out = run(demo, "search", query, home=home, process=query == "Кузнецов")
        assert "person:" in out and "Artem Kuznetsov" in out
    assert "Sergei Magnitsky" in run(demo, "search", "Магнитский", home=home)
    assert run(demo, "search", "zzzqqqxx", home=home).strip() == "No matches."


def test_search_lists_similar_names_after_the_exact_hits(demo: Path, home: Path) -> None:
    out = run(demo, "search", "Kouznetsov", home=home, process=True)
    assert out.splitlines() == [
        "similar names:",
        "  Artem Kuznetsov (Артём Кузнецов, Artyom Kuznetsov)",
    ]
    run(demo, "person", "add", "--name", "Pierre Kouznetsov", "--kind", "witness", home=home)
    lines = run(demo, "search", "Kuznetsov", home=home).splitlines()
    similar = lines.index("similar names:")
    assert lines.index("person:") < similar
    assert any(line.startswith("  Artem Kuznetsov") for line in lines[:similar])
    assert lines[similar + 1 :] == ["  Pierre Kouznetsov"]


# ---- adding ----------------------------------------------------------------------------------
def test_event_add_then_list(demo: Path, home: Path) -> None:
    out = run(demo, "event", "add", "--date", "circa March 2008", "--title", "Unreported visit",
              "--status", "disputed", home=home)  # fmt: skip
    assert out.startswith("Added ") and "2008" in out
    assert "Unreported visit" in run(demo, "event", "list", home=home)


def test_person_add_then_search_in_cyrillic(demo: Path, home: Path) -> None:
    run(demo, "person", "add", "--name", "Ivan Petrov", "--original", "Иван Петров",
        "--alias", "Ivan Petrow", "--kind", "witness", home=home)  # fmt: skip
    assert "Ivan Petrov" in run(demo, "person", "list", home=home)
    assert "Ivan Petrov" in run(demo, "search", "Петров", home=home)


def test_complaint_add_then_list_shows_overdue(demo: Path, home: Path) -> None:
    run(demo, "complaint", "add", "--filed", "2010-01-05", "--by", "Hermitage",
        "--body", "Investigative Committee", "--against", "Artem Kuznetsov",
        "--subject", "falsified evidence", "--due", "2010-02-05", home=home)  # fmt: skip
    listed = run(demo, "complaint", "list", home=home)
    line = next(x for x in listed.splitlines() if "Artem Kuznetsov" in x and "2010-02-05" in x)
    assert "OVERDUE" in line


def test_a_bad_date_is_one_line(demo: Path, home: Path) -> None:
    done = dossier("--vault", demo, "--passphrase-file", "-", "event", "add", "--date",
                   "45 Smarch", "--title", "x", stdin=DEMO, home=home, expect=1)  # fmt: skip
    one_line_error(done)
    done = dossier("--vault", demo, "--passphrase-file", "-", "event", "list", "--from",
                   "yesterday", stdin=DEMO, home=home, expect=1)  # fmt: skip
    assert "24.11.2008" in one_line_error(done)  # the one date parser's hint


# ---- export and import -----------------------------------------------------------------------
def test_export_import_round_trip(demo: Path, home: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    run(demo, "export-json", str(first), home=home, process=True)
    fresh = tmp_path / "fresh"
    created = dossier("vault", "create", fresh, "--passphrase-file", "-", stdin=DEMO * 3,
                      home=home)  # fmt: skip
    assert "Recovery key" in created.stdout
    imported = dossier("--vault", fresh, "--passphrase-file", "-", "import-json", first,
                       stdin=DEMO * 3, home=home)  # fmt: skip
    assert imported.stdout.startswith("Imported ")
    again = dossier("--vault", fresh, "--passphrase-file", "-", "export-json", "-",
                    stdin=DEMO * 3, home=home, process=True)  # fmt: skip
    assert again.stdout.encode() == first.read_bytes()


def test_import_of_a_hostile_file_is_one_line_and_changes_nothing(
    demo: Path, home: Path, tmp_path: Path
) -> None:
    before = run(demo, "export-json", "-", home=home)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "dossier-export", "version": 1, "tables": {"events": [1]}}')
    done = dossier("--vault", demo, "--passphrase-file", "-", "import-json", bad, stdin=DEMO,
                   home=home, expect=1)  # fmt: skip
    one_line_error(done)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:  # sparse: nothing is really written
        handle.truncate(transfer.MAX_IMPORT_BYTES + 1)
    done = dossier("--vault", demo, "--passphrase-file", "-", "import-json", huge, stdin=DEMO,
                   home=home, expect=1, process=True)  # fmt: skip
    assert "too large" in one_line_error(done)
    missing = dossier("--vault", demo, "--passphrase-file", "-", "import-json",
                      tmp_path / "nope.json", stdin=DEMO, home=home, expect=1)  # fmt: skip
    one_line_error(missing)
    assert run(demo, "export-json", "-", home=home) == before


# ---- vault commands --------------------------------------------------------------------------
def test_vault_create_reads_the_passphrase_from_stdin(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "v"
    done = dossier("vault", "create", folder, "--passphrase-file", "-", stdin=NEW + "\n",
                   home=home, process=True)  # fmt: skip
    recovery = re.findall(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b", done.stdout)[0]
    Vault.unlock_with_recovery_key(folder, recovery).lock()
    Vault.unlock_with_passphrase(folder, NEW).lock()
    again = dossier("vault", "create", folder, "--passphrase-file", "-", stdin=NEW, home=home,
                    expect=1)  # fmt: skip
    assert "already exists" in one_line_error(again)
    short = dossier("vault", "create", tmp_path / "w", "--passphrase-file", "-", stdin="short",
                    home=home, expect=1)  # fmt: skip
    one_line_error(short)


def test_vault_verify(demo: Path, home: Path) -> None:
    done = dossier("vault", "verify", demo, "--passphrase-file", "-", stdin=DEMO, home=home,
                   process=True)  # fmt: skip
    assert done.stdout.count(": ") >= 3 and "FAILED" not in done.stdout


def test_vault_passwd_keeps_the_database_bytes(demo: Path, home: Path, tmp_path: Path) -> None:
    before = digest(demo / "dossier.db")
    new_file = tmp_path / "new-passphrase"
    new_file.write_text(NEW + "\n")
    dossier("vault", "passwd", demo, "--passphrase-file", "-", "--new-passphrase-file", new_file,
            stdin=DEMO, home=home)  # fmt: skip
    assert digest(demo / "dossier.db") == before
    wrong = dossier("vault", "verify", demo, "--passphrase-file", "-", stdin=DEMO, home=home,
                    expect=2)  # fmt: skip
    assert one_line_error(wrong) == "dossier: Wrong passphrase."
    dossier("vault", "verify", demo, "--passphrase-file", "-", stdin=NEW, home=home)


def test_vault_rotate_key_keeps_the_passphrase_and_says_to_reprint_the_kit(
    demo: Path, home: Path
) -> None:
    before = run(demo, "export-json", "-", home=home)
    db_before = digest(demo / "dossier.db")
    done = dossier("vault", "rotate-key", demo, "--passphrase-file", "-", stdin=DEMO, home=home)
    assert "still work" in done.stdout and "vault kit" in done.stdout
    assert digest(demo / "dossier.db") != db_before
    assert run(demo, "export-json", "-", home=home) == before


def test_vault_recovery_key_new_prints_a_key_that_opens(demo: Path, home: Path) -> None:
    done = dossier("vault", "recovery-key", "new", demo, "--passphrase-file", "-", stdin=DEMO,
                   home=home)  # fmt: skip
    recovery = re.findall(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b", done.stdout)[0]
    assert "old recovery key no longer works" in done.stdout
    Vault.unlock_with_recovery_key(demo, recovery).lock()


# ---- errors ----------------------------------------------------------------------------------
def test_a_wrong_passphrase_exits_2_with_one_line_and_changes_nothing(
    demo: Path, home: Path
) -> None:
    before = {p.name: digest(p) for p in demo.iterdir() if p.name != "vault.lock"}
    done = dossier("--vault", demo, "--passphrase-file", "-", "case", "list",
                   stdin="not the passphrase\n", home=home, expect=2, process=True)  # fmt: skip
    assert one_line_error(done) == "dossier: Wrong passphrase."
    assert done.stdout == ""
    assert {p.name: digest(p) for p in demo.iterdir() if p.name != "vault.lock"} == before


def test_an_open_vault_is_busy_for_the_cli(demo: Path, home: Path) -> None:
    opened = Vault.unlock_with_passphrase(demo, DEMO)
    try:
        done = dossier("--vault", demo, "--passphrase-file", "-", "case", "list", stdin=DEMO,
                       home=home, expect=3, process=True)  # fmt: skip
        assert "open elsewhere" in one_line_error(done)
    finally:
        opened.lock()


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("--vault", "{tmp}/nowhere", "--passphrase-file", "-", "case", "list"), DEMO),
        (("--vault", "{demo}", "case", "list"), ""),  # no passphrase, stdin not a terminal
        (("--vault", "{demo}", "--passphrase-file", "-", "case", "list"), ""),  # empty
        (("--vault", "{demo}", "--passphrase-file", "{tmp}/missing", "case", "list"), ""),
        (("case", "list"), ""),  # no --vault
        (("--vault", "{demo}", "--passphrase-file", "-", "case", "show", "No such"), DEMO),
        (("demo", "--dir", "{demo}"), ""),  # a vault is already there
    ],
)
def test_user_errors_are_one_line(
    args: tuple[str, ...], stdin: str, demo: Path, home: Path, tmp_path: Path
) -> None:
    filled = [a.format(tmp=tmp_path, demo=demo) for a in args]
    done = dossier(*filled, stdin=stdin, home=home, expect=None)
    assert done.returncode not in (0, 70)
    one_line_error(done)


def test_help_works_without_a_vault(home: Path) -> None:
    done = dossier("--help", home=home)
    for command in ("demo", "vault", "case", "event", "person", "complaint", "search",
                    "export-json", "import-json"):  # fmt: skip
        assert command in done.stdout
