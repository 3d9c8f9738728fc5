"""Every service message has a Russian text, and the CLI shows it when asked.

The message ids are collected from the source: the first argument of every KnownError
(and subclass) raised below the UI and the CLI, the sentences bundles are refused with,
and the shared sentences kept in module constants.
"""

from __future__ import annotations

import ast
import contextlib
import io
import string
from pathlib import Path

import pytest

from desktop.errors import KnownError, ValidationError, WrongPassphrase
from desktop.errortexts import RUSSIAN, cli_language, error_text

ROOT = Path(__file__).resolve().parents[2] / "desktop"
# Modules whose messages were all made templates: an f-string there could not be translated.
TEMPLATED = ("store/vault.py", "services/validation.py", "services/people.py",
             "services/sources.py", "services/lookup.py", "sync/identity.py",
             "services/history.py")  # fmt: skip


def _error_classes() -> set[str]:
    names = {"KnownError"}
    trees = [ast.parse(f.read_text()) for f in ROOT.rglob("*.py")]
    for _ in range(4):
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name) and b.id in names for b in node.bases
                ):
                    names.add(node.name)
    return names


def _raised_messages() -> tuple[list[str], list[str]]:
    """(constant message ids, "file:line" of f-string messages) below the UI and CLI."""
    classes = _error_classes()
    constants: list[str] = []
    fstrings: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("ui/", "cli/")):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in classes or not node.args:
                continue
            message = node.args[1] if node.func.id == "BundleRejected" else node.args[0]
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                constants.append(message.value)
            elif isinstance(message, ast.JoinedStr):
                fstrings.append(f"{relative}:{node.lineno}")
    return constants, fstrings


def _shared_sentences() -> list[str]:
    from desktop.store.store import DAMAGED, UNDECODABLE
    from desktop.store.vault_keys import MISSING, damaged_message
    from desktop.sync import bundle_read, bundle_write, versions

    return [
        DAMAGED, UNDECODABLE, MISSING,
        *(damaged_message(kind) for kind in ("passphrase", "recovery", "keyring")),
        bundle_read._UNREADABLE, bundle_read._COUNT, bundle_read._UNSAFE_PATH,
        bundle_read._UNEXPECTED, bundle_read._MISMATCH_BLOB, versions._BAD,
        *bundle_write._STICK_FAULTS.values(),
    ]  # fmt: skip


def test_every_service_message_has_a_russian_text() -> None:
    constants, _fstrings = _raised_messages()
    assert len(constants) > 100
    missing = sorted({m for m in [*constants, *_shared_sentences()] if m not in RUSSIAN})
    assert missing == []


def test_messages_in_templated_modules_are_templates_not_f_strings() -> None:
    _constants, fstrings = _raised_messages()
    assert [f for f in fstrings if f.split(":")[0] in TEMPLATED] == []


@pytest.mark.parametrize("english", sorted(RUSSIAN))
def test_a_russian_text_has_the_same_parameters(english: str) -> None:
    def fields(text: str) -> set[str]:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}

    assert fields(RUSSIAN[english]) == fields(english)
    assert RUSSIAN[english].strip() and RUSSIAN[english] != english


def test_a_field_name_reads_as_words_in_either_language() -> None:
    exc = ValidationError("{field} is required.", field="display_name")
    assert str(exc) == "Display name is required."
    assert error_text(exc, "ru") == "Поле «Имя» обязательно."
    assert error_text(exc, "en") == str(exc)
    too_long = ValidationError(
        "{field} is too long (at most {limit:,} characters).", field="title", limit=20000
    )
    assert str(too_long) == "Title is too long (at most 20,000 characters)."
    assert (
        error_text(too_long, "ru") == "Поле «Название» слишком длинное (не больше 20000 символов)."
    )


def test_an_untranslated_message_stays_english() -> None:
    exc = KnownError("Something only a newer module says.")
    assert error_text(exc, "ru") == "Something only a newer module says."
    assert error_text(ValueError("not ours"), "ru") == "not ours"


def test_the_cli_language_follows_the_flag_then_the_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert cli_language() == "en"
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert cli_language() == "ru"
    assert cli_language("en") == "en"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert cli_language() == "en"
    assert error_text(WrongPassphrase("Wrong passphrase."), "ru") == "Неверная парольная фраза."


def test_the_cli_prints_a_wrong_passphrase_in_russian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli.main import main
    from desktop.store.vault import Vault

    monkeypatch.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))
    vault, _key = Vault.create(tmp_path / "vault", "correct horse battery staple")
    vault.lock()
    secret = tmp_path / "wrong.txt"
    secret.write_text("not the passphrase\n")
    for lang, expected in (("ru", "Неверная парольная фраза."), ("en", "Wrong passphrase.")):
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["--lang", lang, "--vault", str(tmp_path / "vault"),
                         "--passphrase-file", str(secret), "case", "list"])  # fmt: skip
        assert code == 2
        assert err.getvalue().strip() == f"dossier: {expected}"


def test_the_global_lang_is_not_the_pack_language() -> None:
    from desktop.cli.main import build_parser

    args = build_parser().parse_args(
        ["--lang", "ru", "--vault", "v", "brief", "--case", "c", "--out", "f.pdf", "--lang", "en"]
    )
    assert args.message_lang == "ru" and args.lang == "en"
