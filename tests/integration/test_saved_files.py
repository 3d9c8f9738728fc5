"""What Dossier writes where the user asks: safe names, private modes, no stray folders,
and a log that never holds an exception's message."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.durable import write_atomically
from desktop.logfile import FramesOnlyFormatter, install_logging, log_path
from desktop.services.registry import Services

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
SECRET = "Ivanov beaten in cell 14"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def cli(*args: str | Path) -> int:
    from desktop.cli.main import main

    return main([str(a) for a in args])


@pytest.fixture
def secret_file(tmp_path: Path, passphrase: str) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


# ---- attachment names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [("../../etc/cron.d/x", "x"), ("line\nbreak.txt", "linebreak.txt"),
     ("invoice\u202efdp.exe", "invoicefdp.exe"), ("bell\x07.txt", "bell.txt")],
)  # fmt: skip
def test_attachment_names_are_stored_safe(services: Services, given: str, stored: str) -> None:
    case = services.cases.create_case("Case")
    attachment = services.sources.add_attachment(case, given, b"content")
    assert services.sources.get_attachment(attachment).file_name == stored


def test_renaming_an_attachment_is_sanitised_too(services: Services) -> None:
    case = services.cases.create_case("Case")
    attachment = services.sources.add_attachment(case, "a.txt", b"content")
    services.sources.update_attachment(attachment, file_name="../../.ssh/authorized_keys")
    assert services.sources.get_attachment(attachment).file_name == "authorized_keys"


# ---- briefing packs: --out and file modes --------------------------------------------


def test_brief_out_into_a_missing_folder_is_refused_and_creates_nothing(
    demo_folder: Path, secret_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    code = cli("--vault", demo_folder, "--passphrase-file", secret_file,
               "brief", "--out", missing / "x.pdf")  # fmt: skip
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "nonexistent").exists()


@posix_only
def test_brief_pdf_is_private_unless_asked(
    demo_folder: Path, secret_file: Path, tmp_path: Path
) -> None:
    os.umask(0o022)
    private, shared = tmp_path / "private.pdf", tmp_path / "shared.pdf"
    base = ["--vault", demo_folder, "--passphrase-file", secret_file, "brief",
            "--sections", "cover,summary"]  # fmt: skip
    assert cli(*base, "--out", private) == 0
    assert cli(*base, "--out", shared, "--readable-by-others") == 0
    assert mode(private) == 0o600
    assert mode(shared) == 0o644
    assert private.read_bytes().startswith(b"%PDF")


@posix_only
def test_a_stale_partial_file_does_not_pass_its_mode_on(tmp_path: Path) -> None:
    target = tmp_path / "kit.pdf"
    stale = tmp_path / "kit.pdf.partial"
    stale.write_bytes(b"old")
    stale.chmod(0o666)
    write_atomically(target, b"%PDF-1.4 new")
    assert mode(target) == 0o600


# ---- logging -------------------------------------------------------------------------


def _raise_with_secret() -> None:
    try:
        raise KeyError(SECRET)
    except KeyError as inner:
        raise ValueError(f"while handling {SECRET}") from inner


@posix_only
def test_the_log_file_holds_frames_and_types_never_messages(
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = install_logging(level=logging.INFO, to_terminal=False)
    try:
        caplog.set_level(logging.INFO)
        try:
            _raise_with_secret()
        except ValueError:
            # caplog formats the record first (with the message); ours must not reuse it
            logging.getLogger("desktop.test").exception("step failed")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        install_logging(level=logging.WARNING, to_terminal=False)
    assert path == log_path() and path.parent.name == "logs"
    assert "step failed" in text
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert "_raise_with_secret" in text  # the frames are there
    assert SECRET not in text
    assert mode(path) == 0o600


def test_the_terminal_gets_the_same_policy() -> None:
    try:
        _raise_with_secret()
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    record.exc_text = f"cached by another handler: {SECRET}"
    text = FramesOnlyFormatter("%(message)s").format(record)
    assert text.startswith("boom\n") and SECRET not in text
    assert "builtins.ValueError" in text


def test_the_gui_no_longer_formats_exception_text() -> None:
    import desktop.app as app

    source = Path(app.__file__).read_text(encoding="utf-8")
    assert "format_exception" not in source and "basicConfig" not in source
    assert "install_logging(" in source
