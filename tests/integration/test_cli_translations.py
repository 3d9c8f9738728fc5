"""`--title-ru`, `--title-en`, `--subject-ru`, `--text-lang`: the CLI names the language of
each text, and Dossier files it as the main text or its translation (through `main(argv)`,
on a real vault)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli_commands import dossier, one_line_error

PASSPHRASE = "a passphrase for the CLI"
Run = Callable[..., str]


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    home, folder = tmp_path / "home", tmp_path / "vault"
    dossier("vault", "create", folder, "--passphrase-file", "-", stdin=PASSPHRASE + "\n",
            home=home)  # fmt: skip

    def run(*args: str, expect: int = 0) -> str:
        done = dossier("--vault", folder, "--passphrase-file", "-", *args,
                       stdin=PASSPHRASE + "\n", home=home, expect=expect)  # fmt: skip
        return done.stdout if expect == 0 else one_line_error(done)

    run("case", "add", "Two languages")
    return run


def events(run: Run) -> dict[str, dict[str, object]]:
    return {e["id"][:8]: e for e in json.loads(run("event", "list", "--json"))}


def test_event_titles_in_each_language_land_in_the_right_column(cli: Run) -> None:
    english = cli("event", "add", "--date", "2010-01-05", "--title", "Hearing postponed",
                  "--title-ru", "Слушание отложено",
                  "--description-ru", "Без объяснений")  # fmt: skip
    russian = cli("event", "add", "--date", "2010-01-06", "--title", "Подана апелляция",
                  "--title-en", "Appeal lodged")  # fmt: skip
    listed = events(cli)
    first, second = listed[english.split()[1][:8]], listed[russian.split()[1][:8]]
    assert (first["text_lang"], first["title"], first["title_alt"], first["description_alt"]) == (
        "en", "Hearing postponed", "Слушание отложено", "Без объяснений",
    )  # fmt: skip
    assert (second["text_lang"], second["title"], second["title_alt"]) == (
        "ru", "Подана апелляция", "Appeal lodged",
    )  # fmt: skip
    short = english.split()[1][:8]
    cli("event", "edit", short, "--title-ru", "Заседание отложено")
    assert events(cli)[short]["title_alt"] == "Заседание отложено"
    cli("event", "edit", short, "--title-en", "Hearing adjourned")  # the main text, in English
    assert events(cli)[short]["title"] == "Hearing adjourned"


def test_a_text_given_twice_is_refused_and_changes_nothing(cli: Run) -> None:
    error = cli("event", "add", "--date", "2010", "--title", "Raid", "--title-en", "Search",
                expect=1)  # fmt: skip
    assert "--title and --title-en" in error
    assert events(cli) == {}


def test_complaint_subjects_and_source_titles_take_translations(cli: Run) -> None:
    cli("complaint", "add", "--subject-ru", "жалоба на бездействие", "--subject-en", "inaction",
        "--text-lang", "ru")  # fmt: skip
    (complaint,) = json.loads(cli("complaint", "list", "--json"))
    shown = json.loads(cli("complaint", "show", complaint["id"][:8], "--json"))
    assert (shown["subject"], shown["subject_alt"], shown["text_lang"]) == (
        "жалоба на бездействие", "inaction", "ru",
    )  # fmt: skip
    cli("source", "add", "--label", "S1", "--title", "Report", "--title-ru", "Доклад")
    (source,) = json.loads(cli("source", "list", "--json"))
    assert (source["title"], source["title_alt"]) == ("Report", "Доклад")
