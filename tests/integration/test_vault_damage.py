"""`vault verify` and `vault salvage` over one flipped bit at many offsets of a real vault.

The vault holds the demo case, 300 more events (so the events table has interior pages
and several leaves), and a 30 KB attachment (so a blob spills onto overflow pages). For
each offset: verify exits 1 with a plain report (or 0, saying so, when nothing stored
was hit), never 70; salvage copies into a new vault every record that was not on the
damaged page, which is checked against the intact vault's own records, read through
SQLCipher, and against the rows the damaged leaf page held in the intact file.
"""

from __future__ import annotations

import random
import shutil
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import main
from desktop.services import damage
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store.cipherpages import PAGE
from desktop.store.models import SYNCED_MODELS
from desktop.store.rescue import open_image
from desktop.store.vault import Vault

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "a new horse battery staple"
KEYED = ("id", "sha256", "key")


@dataclass(frozen=True)
class Template:
    folder: Path
    records: dict[str, set[str]]  # table -> its ids (or sha256, or key)
    owners: dict[int, str]  # page -> table or index, from the intact file
    tables: dict[str, str]  # index -> its table
    leaf_ids: dict[int, set[str]]  # table leaf page -> the ids of the rows on it
    pages: int


def read_records(vault: Vault) -> dict[str, set[str]]:
    """Every table's keys, read through SQLCipher itself (not through the code under test)."""
    found: dict[str, set[str]] = {}
    with vault.require_engine().connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_%' AND name != 'alembic_version'"
        ).scalars()
        for name in list(names):
            columns = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{name}")')]
            key = next((k for k in KEYED if k in columns), "rowid")
            found[name] = {
                str(v) for v in conn.exec_driver_sql(f'SELECT "{key}" FROM "{name}"').scalars()
            }
    return found


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise AssertionError("unreachable")


def leaf_rowids(page: bytes, head: int) -> list[int]:
    """The rowids of a table leaf page, read from its cells (SQLite file format)."""
    cells = struct.unpack(">H", page[head + 3 : head + 5])[0]
    rowids = []
    for i in range(cells):
        at = struct.unpack(">H", page[head + 8 + 2 * i : head + 10 + 2 * i])[0]
        _size, at = _varint(page, at)
        rowid, _ = _varint(page, at)
        rowids.append(rowid)
    return rowids


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DOSSIER_INSECURE_TEST_KDF", "1")
        folder = tmp_path_factory.mktemp("damage") / "vault"
        vault, _recovery = Vault.create(folder, PASSPHRASE)
        try:
            from desktop.services.demo import install_demo_case

            services = Services.over(vault, actor="test")
            install_demo_case(services)
            (case,) = services.cases.list_cases()
            for n in range(300):
                services.timeline.add_event(
                    case.id, f"2010-01-{n % 28 + 1:02d}", f"Event {n}", description="d" * 200
                )
            services.sources.add_attachment(case.id, "scan.pdf", bytes(range(256)) * 120)
            records = read_records(vault)
        finally:
            vault.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    key = damage.data_key(folder, PASSPHRASE)
    image = open_image(folder / "dossier.db", key)
    leaf_ids: dict[int, set[str]] = {}
    for page, owner in image.owners.items():
        raw = image.scan.page(page)
        head = 100 if page == 1 else 0
        if owner in records and raw[head] == 13:
            columns = [r[1] for r in image.connection.execute(f'PRAGMA table_info("{owner}")')]
            key_at = next((columns.index(k) for k in KEYED if k in columns), None)
            rows = {
                r[0]: r[1:]
                for r in image.connection.execute(f'SELECT rowid, * FROM "{owner}"').fetchall()
            }
            leaf_ids[page] = {
                str(rows[rid][key_at]) if key_at is not None else str(rid)
                for rid in leaf_rowids(raw, head)
            }
    made = Template(
        folder, records, dict(image.owners), dict(image.tables), leaf_ids, image.scan.page_count
    )
    image.close()
    yield made


def pages_of(t: Template, owner: str) -> list[int]:
    return sorted(p for p, o in t.owners.items() if o == owner)


def offsets(t: Template) -> list[tuple[str, int]]:
    """(label, byte offset) of every flip: at least 30, over every kind of page."""
    chosen: list[tuple[str, int]] = [
        ("page 1, salt", 5),
        ("page 1, header", 40),
        ("page 1, middle", 1500),
        ("page 1, end of data", PAGE - 100),
        ("page 1, IV", PAGE - 70),
        ("page 1, HMAC", PAGE - 10),
        ("last page, start", (t.pages - 1) * PAGE + 8),
        ("last page, end", t.pages * PAGE - 1),
    ]
    events = pages_of(t, "events")
    leaves = [p for p in events if p in t.leaf_ids]
    interior = [p for p in events if p not in t.leaf_ids]
    for i, page in enumerate(leaves[:4]):
        chosen.append((f"events leaf {i}", (page - 1) * PAGE + 1200 + 400 * i))
    for page in interior[:1]:
        chosen.append(("events interior", (page - 1) * PAGE + 30))
    for index in ("ix_events_timeline", "sqlite_autoindex_events_1", "ix_citations_target_id"):
        for i, page in enumerate(pages_of(t, index)[:2]):
            chosen.append((f"index {index} {i}", (page - 1) * PAGE + 500))
    for table in ("cases", "persons", "citations", "audit_entries", "device_state", "blobs"):
        for i, page in enumerate(pages_of(t, table)[:2]):
            chosen.append((f"{table} {i}", (page - 1) * PAGE + 2000 + i))
    schema = [p for p in pages_of(t, "(schema)") if p != 1]
    chosen += [("schema leaf", (schema[0] - 1) * PAGE + 300)] if schema else []
    search = [p for p, o in t.owners.items() if o.startswith("search_index")]
    chosen += [("search index", (search[0] - 1) * PAGE + 700)] if search else []
    rng = random.Random(12)
    while len(chosen) < 40:
        page = rng.randrange(1, t.pages + 1)
        chosen.append((f"random page {page}", (page - 1) * PAGE + rng.randrange(PAGE)))
    return chosen


@pytest.fixture(scope="module")
def flips(template: Template) -> list[tuple[str, int]]:
    return offsets(template)


def test_the_flips_cover_every_kind_of_page(
    flips: list[tuple[str, int]], template: Template
) -> None:
    assert len(flips) >= 30
    kinds = {template.owners.get(off // PAGE + 1, "") for _, off in flips}
    assert {"(schema)", "events", "ix_events_timeline", "blobs", "audit_entries"} <= kinds
    assert any(off // PAGE + 1 == template.pages for _, off in flips)


def flipped_copy(template: Template, offset: int, tmp_path: Path) -> Path:
    folder = tmp_path / "damaged"
    shutil.copytree(template.folder, folder)
    data = bytearray((folder / "dossier.db").read_bytes())
    data[offset] ^= 0x10
    (folder / "dossier.db").write_bytes(bytes(data))
    return folder


def cli(*args: Any) -> list[str]:
    return [str(a) for a in args]


@pytest.mark.parametrize("case", range(40))
def test_verify_and_salvage_after_one_flipped_bit(
    case: int,
    flips: list[tuple[str, int]],
    template: Template,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    label, offset = flips[case]
    page = offset // PAGE + 1
    owner = template.owners.get(page, "")
    folder = flipped_copy(template, offset, tmp_path)
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)

    status = main(cli("vault", "verify", folder, "--passphrase-file", secret))
    out = capsys.readouterr()
    assert status in (0, 1), (label, out.err)
    assert "internal error" not in out.err and "Traceback" not in out.out + out.err
    if status == 0:  # only where nothing is stored: say so, and the data must be intact
        assert owner == "(free space)" or "ok" in out.out.splitlines()[0], label
        opened = Vault.unlock_with_passphrase(folder, PASSPHRASE)
        try:
            assert read_records(opened) == template.records
        finally:
            opened.lock()
        return
    assert "DAMAGED" in out.out or "salt" in out.out or "damaged" in out.out
    if page > 1 and owner in template.records:
        assert f"page {page}: table {owner}" in out.out, (label, out.out)

    before = (folder / "dossier.db").read_bytes()
    target, _recovery = Vault.create(tmp_path / "salvaged", NEW_PASSPHRASE)
    try:
        report = damage.salvage(folder, damage.data_key(folder, PASSPHRASE), target)
        salvaged = read_records(target)
    finally:
        target.lock()
    assert (folder / "dossier.db").read_bytes() == before, "salvage must not touch the source"

    dropped: dict[str, set[str]] = {}
    for line in report.dropped:
        table, record_id = line.split(":")[0].split(" ")
        dropped.setdefault(table, set()).add(record_id)
    assert set(report.placeholders) <= template.records["cases"]
    for table, ids in template.records.items():
        if table == "audit_entries":  # not carried: the salvaged vault starts its own log,
            synced = {m.__tablename__ for m in SYNCED_MODELS}  # one entry, then one a record
            copied = sum(len(v) for t, v in salvaged.items() if t in synced)
            made = len(report.placeholders)  # stand-in cases, each written with its own entry
            assert len(salvaged["audit_entries"]) == 1 + copied + made, label
            continue
        got = salvaged.get(table, set())
        if table == owner == "device_state":  # lost, and the new vault makes its own
            assert any(h.name == table for h in report.lost), label
            continue
        if table in ("audit_entries", "device_state"):
            got &= ids  # the salvage writes its own audit entry and device state
        if table == "cases":
            got -= set(report.placeholders)  # stand-ins for lost cases, not the cases
        assert got <= ids, (label, table)
        missing = ids - got - dropped.get(table, set())
        if table == owner and page in template.leaf_ids:
            assert missing == template.leaf_ids[page], (label, table)  # exactly that leaf
        elif table == owner:
            assert missing, (label, table)  # an interior or overflow page: rows below it
        else:  # lost only where the report says so (a garbled schema entry loses a table)
            reported = {h.name for h in report.lost}
            assert not missing or table in reported, (label, table, len(missing))
    for health in report.lost:
        if health.lost and health.name != "device_state":  # the new vault writes its own
            lost = template.records[health.name] - salvaged.get(health.name, set())
            assert set(health.lost_ids) <= lost, (label, health.name)


def test_a_flip_in_the_write_ahead_log(
    template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Changes still in the WAL (a crash before the checkpoint): a damaged frame is reported,
    and salvage applies the same frames SQLite's own recovery would apply, no more."""
    live = tmp_path / "live"
    shutil.copytree(template.folder, live)
    vault = Vault.unlock_with_passphrase(live, PASSPHRASE)
    services = Services.over(vault, actor="test")
    (case,) = services.cases.list_cases()
    for n in range(3):
        services.timeline.add_event(case.id, "2011-05-05", f"Late event {n}")
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    for name in ("dossier.db", "dossier.db-wal", "keystore.json"):
        shutil.copy2(live / name, snapshot / name)
    vault.lock()
    wal = bytearray((snapshot / "dossier.db-wal").read_bytes())
    frames = (len(wal) - 32) // (24 + PAGE)
    assert frames >= 3
    # the last frame's page data: the final commit's changes cannot be applied
    wal[32 + (frames - 1) * (24 + PAGE) + 24 + 100] ^= 1
    (snapshot / "dossier.db-wal").write_bytes(bytes(wal))
    reference = tmp_path / "reference"
    shutil.copytree(snapshot, reference)

    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    assert main(cli("vault", "verify", snapshot, "--passphrase-file", secret)) == 1
    out = capsys.readouterr().out
    assert "write-ahead log is damaged" in out

    opened = Vault.unlock_with_passphrase(reference, PASSPHRASE)  # SQLite's own recovery
    try:
        titles = {r.event.title for r in _events(Services.over(opened))}
    finally:
        opened.lock()
    target, _recovery = Vault.create(tmp_path / "salvaged", NEW_PASSPHRASE)
    try:
        damage.salvage(snapshot, damage.data_key(snapshot, PASSPHRASE), target)
        salvaged = {r.event.title for r in _events(Services.over(target))}
    finally:
        target.lock()
    assert salvaged == titles
    assert "Late event 0" in salvaged and "Late event 2" not in salvaged


def _events(services: Services) -> list[Any]:
    (case,) = services.cases.list_cases()
    return services.timeline.rows(services.timeline.event_ids(case.id, EventFilter()))


def test_salvage_from_the_command_line(
    template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaf = next(p for p in pages_of(template, "events") if p in template.leaf_ids)
    folder = flipped_copy(template, (leaf - 1) * PAGE + 999, tmp_path)
    (tmp_path / "pass").write_text(PASSPHRASE)
    (tmp_path / "new").write_text(NEW_PASSPHRASE)
    status = main(
        cli(
            "vault",
            "salvage",
            folder,
            "--to",
            tmp_path / "new-vault",
            "--passphrase-file",
            tmp_path / "pass",
            "--new-passphrase-file",
            tmp_path / "new",
        )
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "lost from events" in out and "Recovery key" in out
    lost = template.leaf_ids[leaf]
    assert f"lost from events: {len(lost)}" in out
    opened = Vault.unlock_with_passphrase(tmp_path / "new-vault", NEW_PASSPHRASE)
    try:
        assert read_records(opened)["events"] == template.records["events"] - lost
    finally:
        opened.lock()
    assert main(cli("vault", "verify", tmp_path / "new-vault", "--passphrase-file",
                    tmp_path / "new")) == 0  # fmt: skip
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x")
    refused = main(
        cli(
            "vault",
            "salvage",
            folder,
            "--to",
            tmp_path / "other",
            "--passphrase-file",
            tmp_path / "pass",
            "--new-passphrase-file",
            tmp_path / "new",
        )
    )
    assert refused == 1 and "not empty" in capsys.readouterr().err


def test_normal_commands_on_a_damaged_page_say_so(
    template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leaf = next(p for p in pages_of(template, "events") if p in template.leaf_ids)
    folder = flipped_copy(template, (leaf - 1) * PAGE + 999, tmp_path)
    (tmp_path / "pass").write_text(PASSPHRASE)
    base = cli("--vault", folder, "--passphrase-file", tmp_path / "pass")
    for command in (["event", "list"], ["export-json", "-"]):
        assert main([*base, *command]) == 1
        err = capsys.readouterr().err
        assert "The vault is damaged" in err and "vault salvage" in err


def test_the_streamed_page_check_finds_the_same_damage_as_the_analysis(
    template: Template, flips: list[tuple[str, int]], tmp_path: Path
) -> None:
    """`check_pages` (every vault's first pass) agrees with the in-memory scan."""
    from desktop.store.cipherpages import check_pages, scan

    key = damage.data_key(template.folder, PASSPHRASE)
    seen: list[tuple[int, int]] = []
    clean = check_pages(template.folder / "dossier.db", key, lambda d, t: seen.append((d, t)))
    assert clean.damaged == set() and clean.page_count == template.pages
    assert seen[-1] == (template.pages, template.pages)
    _label, offset = next(f for f in flips if f[1] // PAGE + 1 > 1)
    folder = flipped_copy(template, offset, tmp_path)
    streamed = check_pages(folder / "dossier.db", key)
    assert streamed.damaged == scan(folder / "dossier.db", key).damaged == {offset // PAGE + 1}


def test_a_vault_too_large_to_analyse_is_still_verified_page_by_page(
    template: Template,
    flips: list[tuple[str, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Over the in-memory limit (2 GiB for SQLite's in-memory image), verify names the
    damaged pages by number instead of failing, and salvage refuses clearly."""
    monkeypatch.setattr(damage, "ANALYSIS_LIMIT_BYTES", PAGE * 4)
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    assert main(cli("vault", "verify", template.folder, "--passphrase-file", secret)) == 0
    assert "pages (each authenticated on its own):  ok" in capsys.readouterr().out

    page = next(
        o // PAGE + 1 for _label, o in flips if template.owners.get(o // PAGE + 1) == "events"
    )
    folder = flipped_copy(template, (page - 1) * PAGE + 200, tmp_path)
    status = main(cli("vault", "verify", folder, "--passphrase-file", secret))
    out = capsys.readouterr()
    assert status == 1
    assert f"page {page}: not analysed" in out.out
    assert "salvage copies every record that still reads" in out.out
    assert "Traceback" not in out.out + out.err and "internal error" not in out.err

    before = (folder / "dossier.db").read_bytes()
    status = main(cli("vault", "salvage", folder, "--to", tmp_path / "copy",
                      "--passphrase-file", secret, "--new-passphrase-file", secret))  # fmt: skip
    out = capsys.readouterr()
    assert status != 0
    assert "larger than salvage can read" in out.err
    assert not (tmp_path / "copy").exists() or not any((tmp_path / "copy").iterdir())
    assert (folder / "dossier.db").read_bytes() == before


def test_sqlites_lock_byte_page_is_not_damage(
    template: Template,
    flips: list[tuple[str, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past 1 GiB every SQLite file holds the never-written page at byte 2**30; a
    million-event vault was reported damaged there. Here that page is moved into range."""
    from desktop.store import cipherpages

    assert cipherpages.LOCK_BYTE_PAGE == 0x40000000 // 4096 + 1
    page = next(o // PAGE + 1 for _label, o in flips if o // PAGE + 1 > 2)
    folder = flipped_copy(template, (page - 1) * PAGE + 300, tmp_path)
    key = damage.data_key(folder, PASSPHRASE)
    assert cipherpages.check_pages(folder / "dossier.db", key).damaged == {page}
    monkeypatch.setattr(cipherpages, "LOCK_BYTE_PAGE", page)
    assert cipherpages.check_pages(folder / "dossier.db", key).damaged == set()
    assert page not in cipherpages.scan(folder / "dossier.db", key).damaged
