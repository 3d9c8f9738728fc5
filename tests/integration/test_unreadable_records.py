"""A row that breaks the rules, written straight into the real SQLCipher vault (as an older
version, another tool or damage might), is shown as "(unreadable record)" by every list,
search and brief, never a crash; `vault verify` names it by table, id and field."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop.cli.main import main
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"
BAD: list[tuple[str, str, object]] = [
    ("events", "date_edtf", "0000-00-00"),
    ("events", "fact_status", "alleged"),
    ("events", "title", "x" * 999_999),
    ("events", "date_sort", 1),
    ("persons", "kind", "zzz"),
    ("persons", "display_name", "a\x00b"),
    ("complaints", "filed_edtf", "99999-01-01"),
    ("complaints", "status", "lost"),
    ("complaints", "response_due", "soon"),
    ("sources", "date_edtf", "10 September 2009"),
    ("postings", "start_edtf", "0000"),
    ("organisations", "kind", "zzz"),
]


@pytest.fixture
def spoiled(demo_folder: Path) -> Iterator[tuple[Path, dict[tuple[str, str], str]]]:
    """The demo vault with one bad value per (table, field) above, each in another row."""
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    where: dict[tuple[str, str], str] = {}
    try:
        with vault.require_engine().begin() as conn:
            used: dict[str, int] = {}
            for table, field, value in BAD:
                used[table] = used.get(table, 0) + 1
                record_id = conn.execute(
                    text(f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET :n"),
                    {"n": used[table] - 1},
                ).scalar_one()
                conn.execute(
                    text(f"UPDATE {table} SET {field} = :v WHERE id = :i"),
                    {"v": value, "i": record_id},
                )
                where[(table, field)] = record_id
    finally:
        vault.lock()
    yield demo_folder, where


def run(folder: Path, tmp_path: Path, *command: str) -> int:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    return main(["--vault", str(folder), "--passphrase-file", str(secret), *command])


@pytest.mark.parametrize(
    "command",
    [
        ["event", "list"],
        ["person", "list"],
        ["complaint", "list"],
        ["search", "Kuznetsov"],
        ["search", "x"],
        ["export-json", "-"],
    ],
)
def test_lists_and_search_survive_and_mark_the_row(
    command: list[str],
    spoiled: tuple[Path, dict[tuple[str, str], str]],
    tmp_path: Path,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    folder, _where = spoiled
    assert run(folder, tmp_path, *command) == 0
    out, err = capfdbinary.readouterr()
    assert b"internal error" not in err
    if command[0] in ("event", "person"):
        assert out.count(b"(unreadable record)") >= 2
        assert b"x" * 1000 not in out


def test_the_brief_survives_and_marks_the_rows(
    spoiled: tuple[Path, dict[tuple[str, str], str]], tmp_path: Path
) -> None:
    folder, _where = spoiled
    (case_id,) = _case_ids(folder)
    pdf = tmp_path / "brief.pdf"
    assert run(folder, tmp_path, "brief", "--case", case_id, "--out", str(pdf)) == 0
    words = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "(unreadable record)" in words
    assert "x" * 1000 not in words


def test_verify_names_every_bad_row(
    spoiled: tuple[Path, dict[tuple[str, str], str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, where = spoiled
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    assert main(["vault", "verify", str(folder), "--passphrase-file", str(secret)]) == 1
    out = capsys.readouterr().out
    assert "records (dates, vocabularies, text, references):" in out
    for (table, field), record_id in where.items():
        assert f"{table} {record_id} {field}:" in out, (table, field)


def test_a_bad_record_can_be_deleted(
    spoiled: tuple[Path, dict[tuple[str, str], str]], tmp_path: Path
) -> None:
    folder, where = spoiled
    from desktop.services.registry import Services

    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        services = Services.over(vault)
        services.timeline.delete_event(where[("events", "title")])
        with pytest.raises(Exception, match="no longer exists"):
            services.timeline.get_event(where[("events", "title")])
    finally:
        vault.lock()


def _case_ids(folder: Path) -> list[str]:
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        with vault.require_engine().connect() as conn:
            return [str(i) for i in conn.execute(text("SELECT id FROM cases")).scalars()]
    finally:
        vault.lock()


def test_text_that_is_not_unicode_is_a_plain_message(
    demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone surrogate stored by another tool cannot even be decoded by the driver: lists
    end in one plain sentence (not a bug report), and verify counts the row as unreadable."""
    vault = Vault.unlock_with_passphrase(demo_folder, PASSPHRASE)
    try:
        with vault.require_engine().begin() as conn:
            record_id = conn.execute(text("SELECT id FROM persons LIMIT 1")).scalar_one()
            conn.execute(
                text("UPDATE persons SET display_name = 'a' || char(55296) || 'b' WHERE id = :i"),
                {"i": record_id},
            )
    finally:
        vault.lock()
    assert run(demo_folder, tmp_path, "person", "list") == 1
    err = capsys.readouterr().err
    assert "not valid Unicode" in err and "vault verify" in err
    assert (
        main(["vault", "verify", str(demo_folder), "--passphrase-file", str(tmp_path / "pass")])
        == 1
    )
    assert f"persons: 8 readable, 1 lost: {record_id}" in capsys.readouterr().out
