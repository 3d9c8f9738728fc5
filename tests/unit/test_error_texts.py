"""Every service message has a Russian text, and the CLI shows it when asked.

The message ids are collected from the source, every module: the message argument of every
KnownError (and subclass) made anywhere, and of every helper that passes its parameter on
as one (`_reject(reason, message)`), module constants given as messages, and the shared
sentences made by functions. A message built with an f-string, `+` or from a variable
fails, since the Russian table could never find it.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import io
import string
from pathlib import Path

import pytest

from desktop.errors import KnownError, ValidationError, WrongPassphrase
from desktop.errortexts import RUSSIAN, cli_language, error_text

ROOT = Path(__file__).resolve().parents[2] / "desktop"
# A missing key file's "message" is its name, for the key files' reader to count.
NOT_MESSAGES = {"KeystoreMissing"}
# Messages passed on from elsewhere, by file and expression: where their words come from.
PASSED_ON = {
    ("services/validation.py", "str(exc)"):
        "a date a date field could not read: core.dateparse words it in the user's language",
    ("cli/batch.py", "message.rstrip('.') + '.'"): "argparse's own words for a bad line",
    ("sync/bundle_write.py", "known"): "a drive fault of `_STICK_FAULTS` (_shared_sentences)",
}  # fmt: skip
# Functions whose result is a message; `_shared_sentences` lists everything they return.
MESSAGE_MAKERS = {"damaged_message"}
# Calls that translate in the interface itself (Qt's tr): the UI's own strings.
UI_TRANSLATED = {"tr", "translate"}


def _trees() -> dict[str, ast.Module]:
    return {f.relative_to(ROOT).as_posix(): ast.parse(f.read_text()) for f in ROOT.rglob("*.py")}


def _name_of(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    names = {"KnownError"}
    for _ in range(5):
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and any(_name_of(b) in names for b in node.bases):
                    names.add(node.name)
    return names - NOT_MESSAGES


def _message_parameters(trees: dict[str, ast.Module], classes: set[str]) -> dict[str, int]:
    """Every callable that takes a message and raises or returns it as a KnownError: the
    error classes (a class whose own __init__ makes its message takes none), and helpers
    such as `_reject(reason, message)`; name -> the message's position among the args."""
    takes = {name: 0 for name in classes}
    takes["BundleRejected"] = 1
    for _ in range(5):
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name in classes - {"KnownError"}:
                    init = next((f for f in node.body if isinstance(f, ast.FunctionDef)
                                 and f.name == "__init__"), None)  # fmt: skip
                    if init is not None:
                        position = _passes_on(init, {"super", "__init__"} | set(takes), takes)
                        if position is None:
                            takes.pop(node.name, None)
                        else:
                            takes[node.name] = position
                elif isinstance(node, ast.FunctionDef) and node.name != "__init__":
                    position = _passes_on(node, set(takes), takes)
                    if position is not None:
                        takes[node.name] = position
    return takes


def _passes_on(func: ast.FunctionDef, callees: set[str], takes: dict[str, int]) -> int | None:
    """The position of `func`'s parameter that it passes as the message to one of `callees`."""
    params = [a.arg for a in func.args.args if a.arg not in ("self", "cls")]
    for node in ast.walk(func):
        if not isinstance(node, ast.Call):
            continue
        name = _name_of(node.func)
        if name == "__init__" and isinstance(node.func, ast.Attribute):
            position = 0
        elif name in callees and name in takes:
            position = takes[name]
        else:
            continue
        given = node.args[position] if len(node.args) > position else None
        if isinstance(given, ast.Name) and given.id in params:
            return params.index(given.id)
    return None


def _messages() -> tuple[list[str], list[str]]:
    """(every message id the code can raise, "file:line: why" of every message that cannot
    be translated: built with an f-string or +, or taken from a variable)."""
    trees = _trees()
    classes = _error_classes(trees)
    takes = _message_parameters(trees, classes)
    found: list[str] = []
    untranslatable: list[str] = []
    for relative, tree in trees.items():
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        parameters_of = {
            id(call): {a.arg for a in f.args.args}
            for f in functions for call in ast.walk(f) if isinstance(call, ast.Call)
        }  # fmt: skip
        dotted = "desktop." + relative.removesuffix(".py").removesuffix("/__init__")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name_of(node.func)
            if name == "__init__" and isinstance(node.func, ast.Attribute):
                position = 0  # super().__init__(message) in an error class's own __init__
            elif name in takes:
                position = takes[name]
            else:
                continue
            if len(node.args) <= position:
                continue
            message = node.args[position]
            said = ast.unparse(message)
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                found.append(message.value)
            elif isinstance(message, ast.Name) and isinstance(_value(dotted, message.id), str):
                found.append(str(_value(dotted, message.id)))  # a module's sentence
            elif _made_elsewhere(message, parameters_of.get(id(node), set())):
                continue
            elif name == "__init__" and not _in_error_class(tree, node, classes - {"KnownError"}):
                continue  # some other class's __init__, or KnownError's own
            elif (relative, said) not in PASSED_ON:
                untranslatable.append(f"{relative}:{node.lineno}: {said[:60]}")
    return found, untranslatable


def _made_elsewhere(message: ast.expr, parameters: set[str]) -> bool:
    """Translated by Qt's tr, made by a message maker, or a parameter checked at the call."""
    calls = [c for c in ast.walk(message) if isinstance(c, ast.Call)]
    if any(_name_of(c.func) in UI_TRANSLATED for c in calls):
        return True
    if isinstance(message, ast.Call) and _name_of(message.func) in MESSAGE_MAKERS:
        return True
    return isinstance(message, ast.Name) and message.id in parameters


def _value(dotted: str, name: str) -> object:
    return getattr(importlib.import_module(dotted.replace("/", ".")), name, None)


def _in_error_class(tree: ast.Module, call: ast.Call, classes: set[str]) -> bool:
    return any(
        isinstance(node, ast.ClassDef) and node.name in classes
        and any(c is call for c in ast.walk(node))
        for node in ast.walk(tree)
    )  # fmt: skip


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


def test_every_message_has_a_russian_text() -> None:
    """Every KnownError raised anywhere (services, CLI, the UI's own), found in the source."""
    found, _untranslatable = _messages()
    assert len(found) > 200
    missing = sorted({m for m in [*found, *_shared_sentences()] if m not in RUSSIAN})
    assert missing == []


def test_every_message_is_a_template_not_built_text() -> None:
    """An f-string, a `+` or a variable would give the Russian table nothing to look up."""
    _found, untranslatable = _messages()
    assert untranslatable == []


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


def test_a_templated_message_reads_in_russian_with_its_values() -> None:
    from desktop.crypto.kit_text import KitTextInvalid
    from desktop.errors import RecordKind
    from desktop.store.changes import RecordMissing

    typo = KitTextInvalid(
        "Line {number:02d} of the kit text has a typing mistake; compare it with the kit.",
        number=7,
    )
    assert str(typo) == "Line 07 of the kit text has a typing mistake; compare it with the kit."
    assert (
        error_text(typo, "ru") == "В строке 07 текста комплекта опечатка; сверьте её с комплектом."
    )
    gone = RecordMissing("That {kind} no longer exists.", kind=RecordKind("complaint_responses"))
    assert str(gone) == "That complaint response no longer exists."
    assert error_text(gone, "ru") == "«Ответ на жалобу»: этой записи больше нет."
