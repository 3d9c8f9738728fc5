"""The CLI's side of redaction: marking people, clearing exhibits, the redaction check line,
exit status 3 with no file when a protected name would be printed, and `--marking`."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.pdf import fonts
from desktop.cli.main import main
from desktop.core.namematch import person_forms
from desktop.services.registry import Services
from desktop.store.vault import Vault


def dossier(vault: Path, *args: str | Path, expect: int = 0) -> tuple[str, str]:
    """One in-process CLI run over `vault`; (stdout, stderr)."""
    secret = vault.parent / "passphrase.txt"  # written by the `vault` fixture
    out, err = io.StringIO(), io.StringIO()
    argv = ["--vault", str(vault), "--passphrase-file", str(secret), *map(str, args)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert code == expect, (code, out.getvalue(), err.getvalue())
    return out.getvalue(), err.getvalue()


def statement_pdf(path: Path, line: str) -> Path:
    fonts.register_fonts()
    canvas = Canvas(str(path), invariant=1, initialFontName=fonts.SANS)
    canvas.setFont(fonts.SANS, 12)
    canvas.drawString(72, 720, line)
    canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def vault(empty_template: Path, tmp_path: Path, passphrase: str) -> Path:
    """A vault with one case; a witness, an official and others added through the CLI."""
    folder = tmp_path / "vault"
    shutil.copytree(empty_template, folder)
    (tmp_path / "passphrase.txt").write_text(passphrase + "\n", encoding="utf-8")
    opened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        Services.over(opened, actor="test").cases.create_case("Задержание на Тверской")
    finally:
        opened.lock()
    out, _ = dossier(
        folder, "person", "add", "--name", "Елена Петрова", "--alias", "Elena Petrova",
        "--kind", "witness", "--protected",
    )  # fmt: skip
    assert out.endswith("Елена Петрова (protected)\n")
    dossier(folder, "person", "add", "--name", "Артём Кузнецов", "--kind", "official")
    dossier(folder, "person", "add", "--name", "Иван Сидоров", "--confidential")
    for date, text in (
        ("2021-03-01", "Кузнецов вызвал Петрову на допрос"),
        ("2021-03-02", "Показания Петровой; E. Petrova confirmed it, Petrova's statement"),
        ("2021-03-03", "Е. Петрова опознала Кузнецова"),
    ):
        dossier(folder, "event", "add", "--date", date, "--title", text, "--description", text)
    return folder


def test_person_list_shows_the_marks(vault: Path) -> None:
    out, _ = dossier(vault, "person", "list")
    rows = {line.split("  ")[1].strip(): line for line in out.splitlines()[2:]}
    assert rows["Елена Петрова"].rstrip().endswith("protected")
    assert rows["Иван Сидоров"].rstrip().endswith("confidential")
    assert not rows["Артём Кузнецов"].rstrip().endswith(("protected", "confidential"))
    assert out.splitlines()[0].split()[-1] == "marks"


def test_public_brief_prints_the_redaction_check(vault: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "public.pdf"
    out, _ = dossier(vault, "brief", "--out", pdf, "--redact", "public", "--lang", "ru")
    forms = len(person_forms(["Елена Петрова", "Elena Petrova"]) | person_forms(["Иван Сидоров"]))
    assert f"redaction check: {forms} forms of 2 protected people, 0 found" in out.splitlines()
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Петров" not in text and "Petrov" not in text and "Сидоров" not in text
    assert "Кузнецов" in text
    internal = tmp_path / "internal.pdf"
    out, _ = dossier(vault, "brief", "--out", internal)
    assert "redaction check" not in out


def test_exhibits_need_clearance_and_one_naming_her_is_refused(vault: Path, tmp_path: Path) -> None:
    statement = statement_pdf(tmp_path / "petrova_statement.pdf", "Statement of Elena Petrova")
    out, _ = dossier(vault, "attach", "add", statement, "--label", "EXH-1")
    assert "cleared for no redacted pack" in out
    pdf = tmp_path / "public.pdf"
    out, _ = dossier(vault, "brief", "--out", pdf, "--redact", "public")
    assert "1 attachment(s) left out: not cleared for public packs" in out
    assert "EXH-1" not in "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    pdf.unlink()

    out, _ = dossier(vault, "attach", "clear", "EXH-1", "--for", "public")
    assert "cleared for public packs" in out
    listing, _ = dossier(vault, "attach", "list")
    assert "public" in listing.splitlines()[2]
    _, err = dossier(vault, "brief", "--out", pdf, "--redact", "public", expect=3)
    assert not pdf.exists()
    (line,) = err.splitlines()
    assert line.startswith("dossier: Exhibit EXH-1 names a protected person")
    assert "on page 1 of the exhibit" in line and "Redact the source document first" in line

    dossier(vault, "attach", "clear", "EXH-1", "--for", "public", "--withdraw")
    dossier(vault, "brief", "--out", pdf, "--redact", "public")
    assert pdf.exists()


def test_the_gate_exits_3_and_writes_nothing(vault: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "public.pdf"
    _, err = dossier(
        vault, "brief", "--out", pdf, "--redact", "public", "--prepared-for", "адвокату Петровой",
        expect=3,
    )  # fmt: skip
    assert not pdf.exists()
    assert not list(tmp_path.glob("*.pdf*"))  # no temporary file left either
    (line,) = err.splitlines()
    assert line.startswith("dossier: The pack was not written: a protected name is still in it")
    assert "«Петровой» (page 1, page text)" in line


def test_marking_flag_and_profile_default(vault: Path, tmp_path: Path) -> None:
    marked = tmp_path / "marked.pdf"
    dossier(vault, "brief", "--out", marked, "--redact", "counsel", "--marking", "UNDER SEAL")
    texts = [p.extract_text() for p in PdfReader(marked).pages]
    assert len(texts) > 3 and all("UNDER SEAL" in t for t in texts)
    default = tmp_path / "default.pdf"
    dossier(vault, "brief", "--out", default, "--redact", "counsel")
    texts = [p.extract_text() for p in PdfReader(default).pages]
    assert all("PRIVILEGED AND CONFIDENTIAL: for counsel" in t for t in texts)
    _, err = dossier(vault, "brief", "--out", default, "--marking", "x" * 200, expect=1)
    assert "marking" in err
