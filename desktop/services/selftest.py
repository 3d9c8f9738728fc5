"""The installation self-test: `dossier --self-test`, in the frozen app as from source.

Each check is a plain function over a scratch folder: it builds throwaway vaults there,
exercises one part of the installation end to end (SQLCipher, Argon2id, FTS5 search,
reportlab fonts, pypdf, age-encrypted sync bundles, keyring back ends) and raises on any
failure. The test suite calls the same functions, so the self-test and the tests cannot
drift.

Nothing here touches the user's data: everything lives in a temporary folder, with
`DOSSIER_HOME` pointed into it while the checks run. Throwaway vaults use the cheap test
KDF (their passphrase guards nothing); one check still runs Argon2id at the real cost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.core.namematch import NameFinder, person_forms
from desktop.crypto.kdf import MIN_MEMORY_KIB, SUITE_ENV, TEST_ENV, Argon2Params
from desktop.errors import KnownError, WrongPassphrase
from desktop.paths import resources_dir
from desktop.services.demo import load_sample
from desktop.services.people import NameVariant
from desktop.services.registry import Services
from desktop.store import lookaside
from desktop.store.vault import Vault

PASSPHRASE = "self-test passphrase"
CASE_TITLE = "Self-test case"
OFFICIAL_RU = "Артём Кузнецов"
REQUIRED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf")
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # every compiled Qt translation


class SelfTestFailed(Exception):
    """A check saw something wrong; the message names what, never user data."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def throwaway_vault(folder: Path) -> tuple[Vault, str]:
    """A new vault with the cheap test KDF: its key slots guard nothing of value.

    The self-test is a test run in its own right, in a scratch folder it deletes, so it
    says so (`SUITE_ENV`): the switch is refused everywhere else.
    """
    with _env(TEST_ENV, "1"), _env(SUITE_ENV, "1"):
        return Vault.create(folder, PASSPHRASE)


@contextlib.contextmanager
def opened(vault: Vault) -> Iterator[Services]:
    try:
        yield Services.over(vault, actor="self-test")
    finally:
        if vault.is_unlocked:
            vault.lock()


def add_sample_records(services: Services) -> dict[str, str]:
    """A tiny case in two scripts; returns the ids of what it added."""
    case_id = services.cases.create_case(CASE_TITLE, summary="Made by dossier --self-test.")
    person_id = services.people.add_person(
        case_id,
        "official",
        OFFICIAL_RU,
        names=[NameVariant(OFFICIAL_RU, kind="primary")],
        description="Investigator (self-test record).",
    )
    event_id = services.timeline.add_event(
        case_id,
        "2008-11-24",
        "Arrest ordered by investigator Kuznetsov",
        description="Self-test event with a fuzzy date and a participant.",
        place="Москва",
    )
    services.timeline.add_participant(event_id, person_id, "investigator")
    return {"case": case_id, "person": person_id, "event": event_id}


# ---- checks ---------------------------------------------------------------------------------
def check_resources(_scratch: Path) -> None:
    """Fonts with Cyrillic, the demo case and compiled translations are where we look."""
    root = resources_dir()
    expect(root.is_dir(), "the resources folder is missing")
    for name in REQUIRED_FONTS:
        expect((root / "fonts" / name).is_file(), f"font {name} is missing")
    sample = load_sample()
    expect(bool(sample["events"]) and bool(sample["people"]), "the demo case is empty")
    for qm in sorted((root / "translations").glob("*.qm")):
        expect(qm.read_bytes()[:16] == QM_MAGIC, f"translation {qm.name} is damaged")
    if getattr(sys, "frozen", False):
        shipped = list((root / "translations").glob("*.ts"))
        expect(not shipped, "translation sources were shipped instead of compiled ones")


def check_kdf(_scratch: Path) -> None:
    """Argon2id runs at the real memory cost of a passphrase slot (one pass)."""
    params = Argon2Params(MIN_MEMORY_KIB, 1, 4, b"dossier-selftest")
    first = params.derive(b"passphrase")
    expect(len(first) == 32 and params.derive(b"passphrase") == first, "Argon2id is unstable")
    expect(params.derive(b"another") != first, "Argon2id ignores its input")


def check_vault(scratch: Path) -> None:
    """Create, lock, unlock by passphrase and recovery key; a wrong passphrase is refused."""
    folder = scratch / "vault"
    vault, recovery = throwaway_vault(folder)
    vault.lock()
    expect(not vault.is_unlocked, "the vault stayed open after lock")
    try:
        Vault.unlock_with_passphrase(folder, PASSPHRASE + "x").lock()
    except WrongPassphrase:
        pass
    else:
        raise SelfTestFailed("a wrong passphrase opened the vault")
    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        cipher_ok, integrity_ok, _problems = vault.check_storage()
        expect(cipher_ok and integrity_ok, "the encrypted database failed its integrity check")
    finally:
        vault.lock()
    Vault.unlock_with_recovery_key(folder, recovery).lock()
    head = (folder / "dossier.db").read_bytes()[:16]
    expect(head != b"SQLite format 3\x00", "the database file is not encrypted")
    if sys.platform.startswith("linux"):  # elsewhere it may fall back, only slower
        expect(lookaside.available(), "SQLite's lookaside pool cannot be widened")


def check_records(scratch: Path) -> None:
    """Records written in one session read back the same after locking and unlocking."""
    folder = scratch / "vault"
    vault, _recovery = throwaway_vault(folder)
    with opened(vault) as services:
        ids = add_sample_records(services)
    with opened(Vault.unlock_with_passphrase(folder, PASSPHRASE)) as services:
        case = services.cases.get_case(ids["case"])
        person = services.people.get_person(ids["person"])
        event = services.timeline.get_event(ids["event"])
        participants = services.timeline.participants(ids["event"])
    expect(case.title == CASE_TITLE, "the case title did not read back")
    expect(person.display_name == OFFICIAL_RU, "a Cyrillic name did not read back")
    expect(event.date_edtf == "2008-11-24" and event.place == "Москва", "the event changed")
    expect([p.id for _, p in participants] == [ids["person"]], "the participant was lost")


def check_search(scratch: Path) -> None:
    """Names match across scripts: Kuznetsov and Kuznecov find Кузнецов, and back."""
    vault, _recovery = throwaway_vault(scratch / "vault")
    with opened(vault) as services:
        ids = add_sample_records(services)
        for query in ("Kuznetsov", "Kuznecov", "Кузнецов"):
            found = {
                hit.record_id
                for hits in services.search.grouped(query, ids["case"]).values()
                for hit in hits
            }
            expect(ids["person"] in found, f"'{query}' did not find the person")
            expect(ids["event"] in found, f"'{query}' did not find the event")
        expect(not services.search.grouped("Magnitsky", ids["case"]), "search found a ghost")


def check_names(_scratch: Path) -> None:
    """Russian case forms come from the bundled dictionaries (a frozen build must ship them)."""
    forms = person_forms(["Елена Петрова", "Elena Petrova"], "female")
    finder = NameFinder(forms)
    for text, name in (("показания Петровой", "Петровой"), ("E. Petrova's statement", "Petrova")):
        hits = [text[h.start : h.end] for h in finder.find(text)]
        expect(any(name in hit for hit in hits), f"the name form '{name}' was not found")
    expect(not finder.find("Петровский район"), "the matcher hit a longer word")


def check_briefing(scratch: Path) -> None:
    """A small briefing pack builds, and its text (both scripts) reads back with pypdf."""
    from io import BytesIO

    from pypdf import PdfReader

    from desktop.briefing.model import BriefingOptions

    vault, _recovery = throwaway_vault(scratch / "vault")
    with opened(vault) as services:
        ids = add_sample_records(services)
        pack = services.briefs.build(
            ids["case"], BriefingOptions(generated_on=dt.date(2024, 1, 15))
        )
    expect(pack.pdf.startswith(b"%PDF-") and pack.pages >= 1, "the pack is not a PDF")
    reader = PdfReader(BytesIO(pack.pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    expect(CASE_TITLE in text, "the case title is not in the pack's text")
    expect("Кузнецов" in text, "Cyrillic text is not in the pack's text")
    expect(len(reader.pages) == pack.pages, "the page count is inconsistent")


def check_keyring(_scratch: Path) -> None:
    """The keyring back ends are registered (entry points survive freezing); nothing is stored."""
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="keyring.backends")}
    wanted = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    expect(wanted in names, f"the {wanted} keyring back end is not registered")
    from keyring.backend import get_all_keyring

    expect(bool(get_all_keyring()), "no keyring back end loads")


def check_sync(scratch: Path) -> None:
    """Two paired vaults: a bundle exported by one imports on the other, once; a tampered
    copy is refused."""
    from desktop.services.sync import SyncService

    stick = scratch / "stick"
    stick.mkdir()
    laptop_a, _ = throwaway_vault(scratch / "laptop-a")
    laptop_b, _ = throwaway_vault(scratch / "laptop-b")
    with opened(laptop_a) as a, opened(laptop_b) as b:
        sync_a, sync_b = SyncService(a.store), SyncService(b.store)
        code_a = sync_a.export_pairing(scratch / "a.pairing")
        code_b = sync_b.export_pairing(scratch / "b.pairing")
        sync_b.import_pairing(scratch / "a.pairing", code_a)
        sync_a.import_pairing(scratch / "b.pairing", code_b)
        ids = add_sample_records(a)
        bundle = sync_a.export(stick, peer=sync_b.device().device_id).path
        expect(bundle.name.endswith(".dossier"), "the bundle has an unexpected file name")
        tampered = bundle.with_name("tampered-" + bundle.name)
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0x01
        tampered.write_bytes(bytes(data))
        try:
            sync_b.import_bundle(tampered)
        except KnownError:
            pass
        else:
            raise SelfTestFailed("a tampered bundle was accepted")
        expect(not b.cases.list_cases(), "a refused bundle changed the vault")
        first = sync_b.import_bundle(bundle)
        expect(not first.already_imported and first.new >= 3, "the bundle brought no records")
        expect(sync_b.import_bundle(bundle).already_imported, "a re-import was not a no-op")
        expect(b.people.get_person(ids["person"]).display_name == OFFICIAL_RU, "a name changed")
        found = b.search.grouped("Kuznetsov", ids["case"])
        expect(any(h.record_id == ids["person"] for h in found.get("person", [])), "not indexed")


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Path], None]


CHECKS: tuple[Check, ...] = (
    Check("resources: fonts, demo case, translations", check_resources),
    Check("crypto: Argon2id at 256 MiB", check_kdf),
    Check("vault: create, lock, unlock", check_vault),
    Check("records: write, lock, read back", check_records),
    Check("search: Kuznetsov finds Кузнецов", check_search),
    Check("names: Russian case forms of a protected name", check_names),
    Check("briefing pack: build, read text back", check_briefing),
    Check("sync: export, import, re-import, tampered bundle refused", check_sync),
    Check("keyring: back ends registered", check_keyring),
)


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str = ""
    seconds: float = 0.0

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        return f"{mark} {self.name}" + (f": {self.detail}" if self.detail else "")


def run_check(check: Check, scratch: Path) -> Outcome:
    folder = scratch / check.run.__name__
    folder.mkdir(parents=True)
    started = time.perf_counter()
    try:
        check.run(folder)
    except (SelfTestFailed, KnownError) as exc:
        return Outcome(check.name, False, str(exc), time.perf_counter() - started)
    except Exception as exc:  # a self-test reports every failure, then carries on
        detail = f"{type(exc).__name__}: {exc}"
        return Outcome(check.name, False, detail, time.perf_counter() - started)
    return Outcome(check.name, True, "", time.perf_counter() - started)


def header() -> str:
    how = "frozen" if getattr(sys, "frozen", False) else "from source"
    python = platform.python_version()
    return f"Dossier {__version__} self-test ({how}, Python {python}, {platform.platform()})"


def run_self_test(
    report: Callable[[str], None] = print, checks: tuple[Check, ...] = CHECKS
) -> list[Outcome]:
    """Run every check in a private temporary folder, reporting one line each."""
    report(header())
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="dossier-self-test-") as tmp:
        scratch = Path(tmp)
        with _env("DOSSIER_HOME", str(scratch / "home")):
            for check in checks:
                outcome = run_check(check, scratch)
                outcomes.append(outcome)
                report(outcome.line())
    failed = sum(not o.ok for o in outcomes)
    report("all checks passed" if not failed else f"{failed} of {len(outcomes)} checks FAILED")
    return outcomes
