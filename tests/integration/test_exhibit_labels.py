"""Exhibit labels belong to the file: given once, kept across profiles, selections, rebuilds
and later attachments, written to the vault (so they sync), never reused after a delete.

Real vaults on disk, real packs read back with pypdf.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.model import BriefingOptions
from desktop.briefing.pdf import fonts
from desktop.cli.main import main
from desktop.errors import ValidationError
from desktop.services.registry import Services
from desktop.store.models import Attachment
from desktop.store.vault import Vault

ON = dt.date(2024, 5, 1)


def scan(text: str) -> bytes:
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS)
    canvas.drawString(72, 700, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def labels(services: Services, case_id: str) -> dict[str, str]:
    return {a.file_name: a.exhibit_label for a in services.sources.attachments(case_id)}


def pack_labels(services: Services, case_id: str, **options: object) -> dict[str, str]:
    """Exhibit label -> SHA-256 of the file printed under it, as the pack's index says."""
    pack = services.briefs.build(case_id, BriefingOptions(generated_on=ON, **options))  # type: ignore[arg-type]
    assert pack.briefing.exhibits, "the pack holds exhibits"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages)
    flat = " ".join(text.split())
    for exhibit in pack.briefing.exhibits:
        assert f"EXHIBIT {exhibit.label}" in flat  # its divider
        assert f"SHA-256: {exhibit.sha256}" in flat  # its index row
    return {e.label: e.sha256 for e in pack.briefing.exhibits}


@pytest.fixture
def case(services: Services) -> str:
    case_id = services.cases.create_case("Labels")
    event = services.timeline.add_event(case_id, "2009-11-16", "Death in custody")
    assert event
    return case_id


def test_new_attachments_are_numbered_once_and_adding_one_moves_none(
    services: Services, case: str
) -> None:
    src = services.sources
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        src.add_attachment(case, name, scan(name))
    assert labels(services, case) == {"a.pdf": "EXH-1", "b.pdf": "EXH-2", "c.pdf": "EXH-3"}
    before = pack_labels(services, case)
    src.add_attachment(case, "0-first-by-name.pdf", scan("new"))
    after = pack_labels(services, case)
    assert {k: after[k] for k in before} == before  # nothing already printed moved
    assert labels(services, case)["0-first-by-name.pdf"] == "EXH-4"


def test_a_deleted_exhibits_number_is_not_reused_and_the_gap_is_explained(
    services: Services, case: str
) -> None:
    src = services.sources
    ids = [src.add_attachment(case, f"{n}.pdf", scan(str(n))) for n in (1, 2, 3)]
    src.delete_attachment(ids[1])
    src.add_attachment(case, "4.pdf", scan("4"))
    assert labels(services, case) == {"1.pdf": "EXH-1", "3.pdf": "EXH-3", "4.pdf": "EXH-4"}
    pack = services.briefs.build(case, BriefingOptions(generated_on=ON))
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages).split()
    )
    assert "a missing number is a file not in this pack" in text


def test_the_label_is_the_same_in_internal_and_public_packs(services: Services, case: str) -> None:
    src = services.sources
    first = src.add_attachment(case, "internal-only.pdf", scan("internal memo"))
    second = src.add_attachment(
        case, "hearing.pdf", scan("hearing record"), description="Hearing record"
    )
    src.set_cleared(second, "public")
    src.set_cleared(second, "counsel")
    internal = pack_labels(services, case)
    public = pack_labels(services, case, redaction="public")
    counsel = pack_labels(services, case, redaction="counsel")
    assert set(internal) == {"EXH-1", "EXH-2"}
    assert public == counsel == {"EXH-2": internal["EXH-2"]}  # same file, same label
    assert src.get_attachment(first).exhibit_label == "EXH-1"
    # the marked-only selection keeps it too
    src.update_attachment(first, for_brief=False)
    assert pack_labels(services, case, marked_only=True) == {"EXH-2": internal["EXH-2"]}


def test_files_from_an_older_vault_get_labels_at_their_first_pack_and_keep_them(
    services: Services, case: str
) -> None:
    src = services.sources
    ids = [src.add_attachment(case, f"{n}.pdf", scan(str(n))) for n in (1, 2, 3)]
    with services.sources.store.writing() as w:  # as an older Dossier left them
        for attachment_id in ids[1:]:
            w.update(Attachment, attachment_id, exhibit_label="")
    assert labels(services, case) == {"1.pdf": "EXH-1", "2.pdf": "", "3.pdf": ""}
    public_first = services.briefs.briefing(case, BriefingOptions(generated_on=ON))
    assert [e.label for e in public_first.exhibits] == ["EXH-1", "EXH-2", "EXH-3"]
    # written back: the vault (and every device it syncs with) now holds them
    assert labels(services, case) == {"1.pdf": "EXH-1", "2.pdf": "EXH-2", "3.pdf": "EXH-3"}
    again = services.briefs.build(case, BriefingOptions(generated_on=ON))
    rebuilt = services.briefs.build(case, BriefingOptions(generated_on=ON))
    assert again.sha256 == rebuilt.sha256  # nothing left to write: the same bytes


def test_a_label_made_twice_on_two_laptops_is_kept_by_the_older_file(
    services: Services, case: str
) -> None:
    src = services.sources
    older = src.add_attachment(case, "older.pdf", scan("older"))
    newer = src.add_attachment(case, "newer.pdf", scan("newer"))
    with services.sources.store.writing() as w:  # what a merge of two offline adds gives
        w.update(Attachment, newer, exhibit_label="EXH-1")
    assert services.sources.label_exhibits(case) == {newer: "EXH-2"}  # the next free one
    assert src.get_attachment(older).exhibit_label == "EXH-1"
    assert services.sources.label_exhibits(case) == {}


def test_a_label_already_taken_is_refused(services: Services, case: str) -> None:
    src = services.sources
    src.add_attachment(case, "a.pdf", scan("a"))
    with pytest.raises(ValidationError, match="EXH-1 is already the exhibit label"):
        src.add_attachment(case, "b.pdf", scan("b"), exhibit_label="EXH-1")
    b = src.add_attachment(case, "b.pdf", scan("b"), exhibit_label="P-7")
    with pytest.raises(ValidationError, match="already"):
        src.update_attachment(b, exhibit_label="EXH-1")
    src.update_attachment(b, exhibit_label="")  # clearing keeps the label it has
    assert src.get_attachment(b).exhibit_label == "P-7"


def test_a_bates_prefix_that_reads_like_an_exhibit_label_is_refused(
    services: Services, case: str
) -> None:
    services.sources.add_attachment(case, "a.pdf", scan("a"), exhibit_label="DOS-1")
    with pytest.raises(ValidationError, match="would read like exhibit DOS-1"):
        services.briefs.build(case, BriefingOptions(generated_on=ON))
    pack = services.briefs.build(case, BriefingOptions(generated_on=ON, bates_prefix="CASE-"))
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages]
    assert [re.findall(r"CASE-\d{6}", t)[-1] for t in texts] == [
        f"CASE-{n:06d}" for n in range(1, len(texts) + 1)
    ]


def dossier(folder: Path, *args: str | Path, expect: int = 0) -> tuple[str, str]:
    """One in-process CLI run over the vault in `folder`; (stdout, stderr)."""
    secret = folder.parent / "passphrase.txt"
    out, err = io.StringIO(), io.StringIO()
    argv = ["--vault", str(folder), "--passphrase-file", str(secret), *map(str, args)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert code == expect, (code, out.getvalue(), err.getvalue())
    return out.getvalue(), err.getvalue()


def test_cli_labels_files_and_numbers_pages_with_the_bates_prefix(
    empty_template: Path, tmp_path: Path, passphrase: str
) -> None:
    folder = tmp_path / "vault"
    shutil.copytree(empty_template, folder)
    (tmp_path / "passphrase.txt").write_text(passphrase + "\n", encoding="utf-8")
    opened = Vault.unlock_with_passphrase(folder, passphrase)
    try:
        Services.over(opened, actor="test").cases.create_case("CLI case")
    finally:
        opened.lock()
    statement = tmp_path / "statement.pdf"
    statement.write_bytes(scan("statement"))
    dossier(folder, "attach", "add", statement)
    listing, _ = dossier(folder, "attach", "list")
    assert "EXH-1" in listing
    pdf = tmp_path / "pack.pdf"
    dossier(folder, "brief", "--out", pdf, "--bates-prefix", "KHAM-")
    texts = [p.extract_text() for p in PdfReader(pdf).pages]
    assert all(f"KHAM-{n:06d}" in t for n, t in enumerate(texts, start=1))
    assert hashlib.sha256(statement.read_bytes()).hexdigest() in " ".join(texts)
    _, err = dossier(folder, "brief", "--out", pdf, "--bates-prefix", "EXH-", expect=1)
    assert "Bates prefix must differ from the exhibit labels" in err
