"""`dossier export FORMAT` over a real demo vault with a protected witness: the hash it
prints is the file's, the redaction check line, exit status 3 and no file when a
protected name would leave, and refusals that write nothing."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path

import pytest
from exports_case import add_witness, folded, readable_texts

from desktop.cli.main import main
from desktop.services.registry import Services
from desktop.store.vault import Vault


@pytest.fixture
def vault(demo_folder: Path, passphrase: str, tmp_path: Path) -> Path:
    (tmp_path / "passphrase.txt").write_text(passphrase + "\n", encoding="utf-8")
    opened = Vault.unlock_with_passphrase(demo_folder, passphrase)
    try:
        services = Services.over(opened, actor="test")
        (case,) = services.cases.list_cases()
        add_witness(services, case.id)
    finally:
        opened.lock()
    return demo_folder


def dossier(vault: Path, *args: str | Path, expect: int = 0) -> tuple[str, str]:
    secret = vault.parent / "passphrase.txt"
    out, err = io.StringIO(), io.StringIO()
    argv = ["--vault", str(vault), "--passphrase-file", str(secret), *map(str, args)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert code == expect, (code, out.getvalue(), err.getvalue())
    return out.getvalue(), err.getvalue()


DAY = ("--generated-on", "2024-05-01")


def test_export_prints_the_file_hash_and_the_check(vault: Path, tmp_path: Path) -> None:
    target = tmp_path / "timeline.json"
    out, _ = dossier(vault, "export", "timelinejs", "--out", target, "--redact", "public", *DAY)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert f"SHA-256 {digest}\n" in out
    assert out.startswith(f"Wrote {target} (timelinejs: ")
    assert "protected people, 0 found" in out
    assert "петров" not in folded(target.read_text(encoding="utf-8"))
    again, _ = dossier(vault, "export", "timelinejs", "--out", target, "--redact", "public", *DAY)
    assert again == out  # the same bytes again


def test_csv_to_a_folder_prints_each_file(vault: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sheets"
    out, _ = dossier(vault, "export", "csv", "--out", folder, "--marked-only", *DAY)
    for name in ("sources", "people", "events", "complaints"):
        digest = hashlib.sha256((folder / f"{name}.csv").read_bytes()).hexdigest()
        assert f"SHA-256 {digest}  {name}.csv\n" in out
    assert "redaction check" not in out  # internal: nobody to hide


def test_a_protected_name_typed_as_the_title_is_refused_with_status_3(
    vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "deadlines.ics"
    _, err = dossier(
        vault, "export", "ics", "--out", target, "--redact", "public",
        "--title", "Свидетель Петрова", expect=3,
    )  # fmt: skip
    assert "The export was not written" in err and "«Петрова» (deadlines.ics)" in err
    assert not target.exists()
    assert not list(tmp_path.glob("deadlines.ics*"))


def test_the_title_replaces_the_case_title(vault: Path, tmp_path: Path) -> None:
    target = tmp_path / "chronology.json"
    dossier(vault, "export", "edtf-json", "--out", target, "--title", "Public timeline", *DAY)
    assert json.loads(target.read_bytes())["case"]["title"] == "Public timeline"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ics", "--alarm-days", "400"), "The reminder must come 0 to 365 days"),
        (("xlsx", "--from", "not a date"), "--from: that is not a date"),
        (("ics", "--redact", "public", "--title", "x" * 300), "The title must be one line"),
    ],
)
def test_bad_options_write_nothing(
    vault: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "out.file"
    _, err = dossier(vault, "export", args[0], "--out", target, *args[1:], expect=1)
    assert message in err and err.count("\n") <= 2
    assert not target.exists()


def test_a_missing_folder_is_refused_before_unlocking(tmp_path: Path) -> None:
    """No vault is opened at all: the path is checked first."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["--vault", str(tmp_path / "no-vault"), "export", "ftm", "--out",
            str(tmp_path / "missing" / "x.json")]  # fmt: skip
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(argv) == 1
    assert "does not exist; create it first" in err.getvalue()


def test_every_format_over_the_cli_hides_the_witness(vault: Path, tmp_path: Path) -> None:
    for fmt, name in (("xlsx", "a.xlsx"), ("uwazi-csv", "u.zip"), ("ftm", "e.json")):
        target = tmp_path / name
        dossier(vault, "export", fmt, "--out", target, "--redact", "public", "--lang", "ru")
        text = folded("\n".join(readable_texts(name, target.read_bytes())))
        assert "петров" not in text and "elena" not in text
