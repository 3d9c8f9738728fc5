"""Benchmark: Dossier at archive scale (issue 17), by default 1,000,000 events in 50 cases.

The vault is generated once (real Argon2id passphrase, every record audited and indexed
the way imports do it) and cached in `bench/.cache/scale-N/`; later runs reuse it. Each
case holds N/50 events in English and Russian, with people from a pool of 100 per case
(5,000 at 1M) who carry Cyrillic originals and are mentioned in declined forms, fuzzy
dates of every precision, participants and pin citations.

Measured, each against a same-run baseline where one exists:
  - vault size; unlock with the passphrase;
  - whole-vault search for an exact name, a declined Russian name, a common word, a rare
    word and a phrase: median and p95, against the same MATCH on a plain SQLite FTS5
    table of the same texts;
  - the timeline of one case, then of all cases (the whole vault): first paint, filter
    result latency (text pasted at once -> rows shown; text typed at 8 keys/s -> first
    rows after the first key, final rows after the last), longest GUI stall, band fill,
    scrolling to the end, resident memory;
  - a briefing pack of ~10,000 events (a date range of one case) in a fresh process:
    time and peak memory, against bare reportlab setting the same number of rows;
  - a sync exchange of 100,000 new versions into a copy of the 1M vault;
  - `dossier vault verify` (pages, structure, audit chain, every record) in a fresh process;
  - File → Check vault…'s work on the open vault (`verify_all` with SQLCipher's own page
    check), against that `vault verify` run.
Prints figures, asserts nothing.

    .venv/bin/python bench/scale.py [--events 1000000]
        [--only search,timeline,pack,sync,verify,check]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, insert, select, text

from desktop.core.fuzzydate import FuzzyDate, Qualifier
from desktop.services.people import NameVariant
from desktop.services.registry import Services
from desktop.services.timeline import date_columns
from desktop.store import audit, indexing, search
from desktop.store.models import Citation, Event, EventParticipant
from desktop.store.models.local import DeviceState
from desktop.store.vault import Vault

HERE = Path(__file__).resolve().parent

PASSPHRASE = "scale benchmark passphrase, not a secret"
CASES = 50
PEOPLE_PER_CASE = 100
SOURCES_PER_CASE = 20

# (Latin, Cyrillic, Cyrillic genitive) for men; women's forms are derived below.
SURNAMES = (
    ("Kuznetsov", "Кузнецов"), ("Petrov", "Петров"), ("Ivanov", "Иванов"),
    ("Smirnov", "Смирнов"), ("Sokolov", "Соколов"), ("Popov", "Попов"),
    ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Novikov", "Новиков"),
    ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Solovyov", "Соловьёв"),
    ("Vasilyev", "Васильев"), ("Zaitsev", "Зайцев"), ("Pavlov", "Павлов"),
    ("Semyonov", "Семёнов"), ("Golubev", "Голубев"), ("Vinogradov", "Виноградов"),
    ("Bogdanov", "Богданов"), ("Vorobyov", "Воробьёв"), ("Fyodorov", "Фёдоров"),
    ("Mikhailov", "Михайлов"), ("Belyaev", "Беляев"), ("Tarasov", "Тарасов"),
    ("Belov", "Белов"), ("Komarov", "Комаров"), ("Orlov", "Орлов"), ("Kiselyov", "Киселёв"),
    ("Makarov", "Макаров"), ("Andreev", "Андреев"), ("Kovalyov", "Ковалёв"),
    ("Ilyin", "Ильин"), ("Gusev", "Гусев"), ("Titov", "Титов"), ("Kuzmin", "Кузьмин"),
    ("Kudryavtsev", "Кудрявцев"), ("Baranov", "Баранов"), ("Kulikov", "Куликов"),
    ("Alekseev", "Алексеев"), ("Stepanov", "Степанов"), ("Yakovlev", "Яковлев"),
    ("Sorokin", "Сорокин"), ("Sergeev", "Сергеев"), ("Romanov", "Романов"),
    ("Zakharov", "Захаров"), ("Borisov", "Борисов"), ("Korolyov", "Королёв"),
    ("Gerasimov", "Герасимов"), ("Ponomaryov", "Пономарёв"), ("Grigoryev", "Григорьев"),
)  # fmt: skip
MEN = (("Sergei", "Сергей"), ("Pavel", "Павел"), ("Oleg", "Олег"), ("Dmitry", "Дмитрий"),
       ("Andrei", "Андрей"), ("Artyom", "Артём"), ("Viktor", "Виктор"),
       ("Ivan", "Иван"))  # fmt: skip
WOMEN = (("Anna", "Анна"), ("Olga", "Ольга"), ("Yelena", "Елена"), ("Natalya", "Наталья"),
         ("Irina", "Ирина"), ("Tatyana", "Татьяна"), ("Svetlana", "Светлана"))  # fmt: skip
KINDS = ("victim", "witness", "official", "lawyer", "other")
EN_ACTS = ("interrogation of", "complaint by", "hearing on the detention of", "transfer of",
           "medical examination of", "search of the flat of", "letter from", "statement by",
           "refusal to release", "visit of the lawyer to", "appeal by", "inquiry into")  # fmt: skip
RU_ACTS = ("допрос", "жалоба", "заседание по мере пресечения в отношении", "перевод",
           "медицинское освидетельствование", "обыск в квартире", "письмо", "заявление",
           "отказ в освобождении", "посещение адвокатом", "апелляция",
           "проверка в отношении")  # fmt: skip
PLACES = ("Butyrka", "Matrosskaya Tishina", "Тверской суд", "СИЗО-1", "Moscow City Court",
          "ИВС на Петровке", "Krasnopresnenskaya", "Следственный комитет")  # fmt: skip
FILLER = ("The detainee's lawyer asked for the record and was refused without reasons.",
          "Адвокат ходатайствовал о приобщении медицинских документов, суд отказал.",
          "Witnesses describe the conditions of the cell and the lack of medical care.",
          "Свидетели описывают условия содержания и отсутствие медицинской помощи.")  # fmt: skip
RARE = "ксилофон"  # one event in the whole vault carries this word


def genitive(cyrillic: str, female: bool) -> str:
    return cyrillic[:-1] + "ой" if female else cyrillic + "а"


def person_pool(rng: random.Random) -> list[dict[str, Any]]:
    people = []
    for surname, cyr in SURNAMES:
        for female in (False, True):
            for first, first_cyr in WOMEN if female else MEN:
                s_lat = surname + ("a" if female else "")
                s_cyr = cyr + ("а" if female else "")
                people.append({"latin": f"{first} {s_lat}", "cyrillic": f"{first_cyr} {s_cyr}",
                               "genitive": genitive(s_cyr, female), "surname": s_lat})  # fmt: skip
    rng.shuffle(people)
    return people


def random_date(rng: random.Random) -> FuzzyDate:
    year = 1990 + rng.randrange(34)
    roll = rng.random()
    if roll < 0.7:
        return FuzzyDate.day(year, rng.randint(1, 12), rng.randint(1, 28))
    if roll < 0.85:
        return FuzzyDate.month(year, rng.randint(1, 12))
    if roll < 0.92:
        return FuzzyDate.year(year, qualifier=Qualifier.CIRCA)
    if roll < 0.96:
        return FuzzyDate.day(year, rng.randint(1, 12), 1, qualifier=Qualifier.BEFORE)
    return FuzzyDate.between(FuzzyDate.month(year, 1), FuzzyDate.month(year, rng.randint(2, 12)))


def complete(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """`row` with every other column at its scalar default, so its audit hash is the stored one."""
    for column in table.columns:
        if column.name not in row:
            default = column.default
            row[column.name] = getattr(default, "arg", None) if default is not None else None
    return row


def generate(folder: Path, events: int) -> None:
    rng = random.Random(17)
    vault, _ = Vault.create(folder, PASSPHRASE, check_strength=False)
    services = Services.over(vault, actor="bench")
    pool = person_pool(rng)
    per_case = events // CASES
    started = time.perf_counter()
    for c in range(CASES):
        case_id = services.cases.create_case(f"Archive case {c + 1}: detentions {1990 + c % 30}")
        people = []
        for p in range(PEOPLE_PER_CASE):
            who = pool[(c * PEOPLE_PER_CASE + p) % len(pool)]
            names = [NameVariant(who["latin"], kind="primary"),
                     NameVariant(who["cyrillic"], kind="original")]  # fmt: skip
            pid = services.people.add_person(case_id, rng.choice(KINDS), who["latin"], names=names)
            people.append((pid, who))
        sources = [
            services.sources.add_source(
                case_id, f"Report {s + 1} on case {c + 1}", label=f"S{s + 1}"
            )
            for s in range(SOURCES_PER_CASE)
        ]
        fill_case(services, case_id, c, per_case, people, sources, rng)
        done = (c + 1) * per_case
        rate = done / (time.perf_counter() - started)
        print(f"  case {c + 1}/{CASES}: {done:,} events ({rate:,.0f}/s)", flush=True)
    with services.store.writing() as w:
        w.session.merge(
            DeviceState(key=indexing.INDEX_VERSION_KEY, value=str(search.SEARCH_INDEX_VERSION))
        )
    vault.lock()


def fill_case(
    services: Services,
    case_id: str,
    c: int,
    count: int,
    people: list[tuple[str, dict[str, Any]]],
    sources: list[str],
    rng: random.Random,
) -> None:
    """`count` events with participants and citations, audited and indexed in one write."""
    tables = {t.name: t for t in (Event.__table__, EventParticipant.__table__, Citation.__table__)}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
    with services.store.writing() as w:
        stamp = w.stamper.next()
        base = {"created_at": stamp.at, "updated_at": stamp.at, "dot_device": stamp.device,
                "dot_counter": stamp.counter, "vv": f'{{"{stamp.device}":{stamp.counter}}}',
                "hlc": stamp.hlc, "deleted": False}  # fmt: skip
        for i in range(count):
            date = random_date(rng)
            pid, who = rng.choice(people)
            if rng.random() < 0.5:
                title = f"{rng.choice(EN_ACTS).capitalize()} {who['latin']}"
            else:
                title = f"{rng.choice(RU_ACTS).capitalize()} {who['genitive']}"
            description = rng.choice(FILLER)
            if c == 7 and i == count // 2:
                description += f" {RARE}"
            event_id = f"{c:08d}-0000-4000-8000-{i:012d}"
            rows["events"].append(complete(tables["events"], {
                **base, "id": event_id, "case_id": case_id, "title": title,
                **date_columns(date), "day_order": 0, "description": description,
                "place": rng.choice(PLACES), "key_event": rng.random() < 0.05,
                "fact_status": rng.choice(("undisputed", "disputed", "unverified")),
                "confidential": False, "for_brief": True}))  # fmt: skip
            if i % 3 == 0:
                rows["event_participants"].append(complete(tables["event_participants"], {
                    **base, "id": f"{c:08d}-0000-4000-9000-{i:012d}", "event_id": event_id,
                    "person_id": pid, "role": ""}))  # fmt: skip
            if i % 4 == 0:
                rows["citations"].append(complete(tables["citations"], {
                    **base, "id": f"{c:08d}-0000-4000-a000-{i:012d}", "case_id": case_id,
                    "source_id": rng.choice(sources), "target_kind": "event",
                    "target_id": event_id, "pinpoint": f"¶{rng.randint(1, 90)}",
                    "quote": ""}))  # fmt: skip
        s = w.session
        drafts = [audit.Draft(stamp.at, stamp.device, "bench", "import", "case", case_id)]
        for name, table in tables.items():
            s.execute(insert(table), rows[name])  # type: ignore[arg-type]
            drafts += audit.record_drafts(table, rows[name], drafts[0])
        audit.append_many(s, drafts)
        search.put_many(s, [indexing.document_of("events", row) for row in rows["events"]])  # type: ignore[misc]


# ---- measurements ---------------------------------------------------------------------


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


QUERIES = (
    ("exact name", "Kuznetsov"),
    ("declined Russian name", "Петровой"),
    ("common word", "hearing"),
    ("rare word", RARE),
    ("phrase", "medical examination"),
)


def plain_fts(folder: Path, vault: Vault) -> sqlite3.Connection:
    """A plain (unencrypted) SQLite FTS5 table of the same titles and bodies: the baseline."""
    path = folder / "plain-fts.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        con = sqlite3.connect(partial)
        con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body)")
        with vault.session() as s:
            result = s.execute(text("SELECT title, description FROM events"))
            while batch := result.fetchmany(50_000):
                con.executemany("INSERT INTO docs VALUES (?, ?)", [tuple(r) for r in batch])
        con.commit()
        con.close()
        partial.rename(path)
    return sqlite3.connect(path)


PLAIN_QUERY = (
    "SELECT rowid, snippet(docs, 0, '[', ']', '…', 8) FROM docs WHERE docs MATCH ? "
    "ORDER BY rank LIMIT 100"
)


def our_search(services: Services, query: str) -> float:
    """Milliseconds for what the search dialog asks: hits by kind, then similar names."""
    start = time.perf_counter()
    services.search.results(query)
    return (time.perf_counter() - start) * 1000


def plain_search(con: sqlite3.Connection, match: str) -> float:
    """Milliseconds for the baseline: the best 100 hits with snippets, plain FTS5."""
    start = time.perf_counter()
    con.execute(PLAIN_QUERY, (match,)).fetchall()
    return (time.perf_counter() - start) * 1000


def measure_search(folder: Path, vault: Vault, services: Services, rounds: int) -> None:
    print("\nwhole-vault search (ms): ours median / p95  |  plain FTS5 median  |  ratio")
    baseline = plain_fts(folder, vault)
    for label, query in QUERIES:
        services.search.results(query)  # warm the page cache once
        ours = [our_search(services, query) for _ in range(rounds)]
        words = " ".join(f'"{w}"*' for w in query.split())
        plain = [plain_search(baseline, words) for _ in range(rounds)]
        hits = sum(len(g) for g in services.search.results(query).groups.values())
        med = statistics.median(ours)
        base = statistics.median(plain)
        print(f"  {label:24} {query!r:22} {med:8.1f} / {percentile(ours, 0.95):8.1f}  |  "
              f"{base:8.1f}  |  {med / max(base, 0.01):6.1f}x  ({hits} hits)")  # fmt: skip
    baseline.close()


def rss_mib() -> tuple[float, float]:
    """This process's resident memory now and its peak so far, MiB (Linux /proc)."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines()
        if ":" in line
    )  # fmt: skip
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def measure_panel(app: Any, panel: Any, show: Callable[[], object], label: str) -> None:
    """First paint, band, filters pasted and typed, scrolling to the end, memory: one
    timeline panel (of one case, or of every case), shown by `show`."""
    import gui  # bench/gui.py

    before, _ = rss_mib()
    beat = gui.Heartbeat()
    beat.start()
    clock = time.perf_counter()
    show()
    gui.wait_for(app, lambda: panel.model.rowCount() > 0)
    panel.table.viewport().repaint()
    first = (time.perf_counter() - clock) * 1000
    gui.wait_for(app, lambda: panel.is_idle() and len(panel.band.spans()) > 0)
    band = (time.perf_counter() - clock) * 1000
    for _ in range(10):
        app.processEvents()
        time.sleep(0.002)
    beat.timer.stop()
    rows = panel.model.rowCount()
    shown_rss, _ = rss_mib()
    print(f"\n{label} ({rows:,} events)")
    print(f"  first paint with rows      {first:8.0f} ms")
    print(f"  band filled                {band:8.0f} ms  (longest stall {beat.worst:.0f} ms)")
    print(f"  memory while shown         {shown_rss:8.0f} MiB  (+{shown_rss - before:.0f} MiB)")
    from PySide6.QtCore import QElapsedTimer

    for query in ("Kuznetsov", "Петровой", "hearing", "medical examination"):
        beat = gui.Heartbeat()
        beat.start()
        elapsed = QElapsedTimer()
        elapsed.start()
        answers = gui.Answers(panel, elapsed)
        clock = time.perf_counter()
        panel.filters.text.setText(query)
        gui.wait_for(app, lambda: panel.is_idle())
        panel.table.viewport().repaint()
        shown = (time.perf_counter() - clock) * 1000
        for _ in range(10):
            app.processEvents()
            time.sleep(0.002)
        beat.timer.stop()
        first_rows = answers.at[0] if answers.at else float("nan")
        rows = panel.model.rowCount()
        print(f"  filter {query!r:22} first rows {first_rows:5.0f} ms, all + band {shown:5.0f} ms"
              f"  longest stall {beat.worst:4.0f} ms  ({rows:,} rows)")  # fmt: skip
    for query in ("Kuznetsov ", "hearing no"):
        worst, first_rows, final_rows, _ = gui.typing_stall_ms(app, panel, query)
        print(f"  typed  {query!r:22} first rows {first_rows:5.0f} ms after the first key, "
              f"final {final_rows:5.0f} ms after the last  longest stall {worst:5.0f} ms"
              f"  ({panel.model.rowCount():,} rows)")  # fmt: skip
    beat = gui.Heartbeat()
    beat.start()
    clock = time.perf_counter()
    panel.filters.text.setText("")
    gui.wait_for(app, lambda: panel.is_idle())
    cleared = (time.perf_counter() - clock) * 1000
    beat.timer.stop()
    print(f"  filter cleared, all shown  {cleared:8.0f} ms  (stall {beat.worst:.0f} ms)")
    beat = gui.Heartbeat()
    beat.start()
    clock = time.perf_counter()
    panel.table.scrollToBottom()
    panel.table.viewport().repaint()
    app.processEvents()
    end = (time.perf_counter() - clock) * 1000
    beat.timer.stop()
    print(f"  scroll to the end          {end:8.0f} ms  (stall {beat.worst:.0f} ms)")
    now, peak = rss_mib()
    print(f"  memory now / peak so far   {now:8.0f} / {peak:.0f} MiB")


def measure_timeline(vault: Vault, case_id: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(HERE))
    import gui  # bench/gui.py: the same window and heartbeat measurements at 100k

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    gui.bare_window_ms(app)
    bare = gui.bare_window_ms(app)
    window, panel, _ = gui.real_window(vault)
    window.resize(1280, 800)
    gui.show_until_painted(app, window, [panel.table.viewport()])
    print(f"\nbare window {bare:.0f} ms; load average {os.getloadavg()[0]:.1f}")
    measure_panel(app, panel, lambda: panel.set_case(case_id), "timeline of one case")
    panel.set_case(None)
    from desktop.ui.timeline.vault_window import VaultTimelineWindow

    # What View > Timeline of all cases opens (MainWindow.open_vault_timeline).
    every = VaultTimelineWindow(Services.over(vault), window)
    every.resize(1280, 800)
    measure_panel(app, every.panel, every.start, "timeline of all cases")
    print(f"  load average now {os.getloadavg()[0]:.1f}")
    every.close()
    panel.wait_idle()
    window.close()


def cli(folder: Path, *args: str) -> tuple[float, int, str]:
    """Run `dossier --vault folder ARGS` in a fresh process: seconds, peak RSS (MiB), output."""
    pw = folder.parent / "passphrase.txt"
    pw.write_text(PASSPHRASE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_INSECURE")}
    command = [sys.executable, "-c",
               "import resource, sys\n"
               "from desktop.cli.main import main\n"
               "code = main(sys.argv[1:])\n"
               "print('peak-rss-kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
               "sys.exit(code)",
               "--vault", str(folder), "--passphrase-file", str(pw), *args]  # fmt: skip
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=HERE.parent)
    seconds = time.perf_counter() - start
    peak = 0
    for line in out.stdout.splitlines():
        if line.startswith("peak-rss-kib"):
            peak = int(line.split()[1]) // 1024
    if out.returncode not in (0, 1):
        print(out.stdout[-2000:], out.stderr[-2000:])
    return seconds, peak, out.stdout + out.stderr


def measure_pack(folder: Path, vault: Vault, services: Services, case_id: str) -> None:
    with vault.session() as s:
        dates = sorted(s.execute(select(Event.date_sort).where(Event.case_id == case_id)).scalars())
    chosen = min(len(dates) - 1, 10_000)
    cut = dates[chosen]
    to = f"{cut // 10000:04d}-{cut // 100 % 100:02d}-{max(1, cut % 100):02d}"
    vault.lock()
    out = folder.parent / "scale-pack.pdf"
    seconds, peak, log = cli(folder, "brief", "--case", case_id, "--out", str(out), "--to", to,
                             "--generated-on", "2026-12-01")  # fmt: skip
    from pypdf import PdfReader

    pages = len(PdfReader(out).pages) if out.exists() else 0
    sys.path.insert(0, str(HERE))
    import brief  # bench/brief.py: bare reportlab setting the same chronology

    brief.fonts.register_fonts()
    bare_s, _ = timed(lambda: brief.bare_reportlab(brief.synthetic_briefing(chosen)))
    print(f"\nbriefing pack, events up to {to} of one case: {seconds:.1f} s, {pages} pages, "
          f"peak RSS {peak} MiB (whole process); bare reportlab, {chosen:,} rows: {bare_s:.1f} s "
          f"({seconds / bare_s:.2f}x)")  # fmt: skip
    if not out.exists():
        print(log[-1500:])


def measure_verify(folder: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, peak, log = cli(folder, "vault", "verify", str(folder))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    load = os.getloadavg()[0]
    verdict = log.strip().splitlines()[-2] if log.strip() else "?"
    print(
        f"\nvault verify: {seconds:.1f} s, CPU {cpu:.1f} s (both threads), peak RSS {peak} "
        f"MiB, load average {load:.1f} at the end  ({verdict})"
    )
    return seconds


def measure_check(folder: Path, cli_seconds: float | None) -> None:
    """The GUI's Check vault… on the open vault: `verify_all` as its dialog runs it."""
    from desktop.services.integrity import verify_all

    vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        report, rows = verify_all(Services.over(vault).store)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        vault.lock()
    against = f", {seconds / cli_seconds:.2f}x vault verify" if cli_seconds else ""
    print(f"\nCheck vault (open vault, in process): {seconds:.1f} s, CPU {cpu:.1f} s (both "
          f"threads){against}; {'ok' if report.ok and not rows.total else 'FAILED'}")  # fmt: skip


def measure_sync(folder: Path, count: int) -> None:
    """Copy the big vault, pair it with a fresh one holding `count` new versions, import."""
    sys.path.insert(0, str(HERE))
    import sync as sync_bench  # bench/sync.py: its filler and plain JSON-lines baseline

    from desktop.services.sync import SyncService

    work = folder.parent / "sync-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    big = work / "big"
    shutil.copytree(folder, big)
    vault_big = Vault.unlock_with_passphrase(big, PASSPHRASE)
    sync_big = SyncService(Services.over(vault_big, actor="big").store)
    small, _ = Vault.create(work / "small", PASSPHRASE, check_strength=False)
    services_small = Services.over(small, actor="small")
    sync_small = SyncService(services_small.store)
    sync_small.import_pairing(work / "b.pairing", sync_big.export_pairing(work / "b.pairing"))
    sync_big.import_pairing(work / "a.pairing", sync_small.export_pairing(work / "a.pairing"))
    rows = sync_bench.fill(services_small, count)
    stick = work / "stick"
    stick.mkdir()
    export_s, exported = timed(lambda: sync_small.export(stick))
    import_s, _ = timed(lambda: sync_big.import_bundle(exported.path))  # type: ignore[attr-defined]
    _, plain_read_s, _ = sync_bench.plain_json_lines(rows, work)
    n = exported.versions  # type: ignore[attr-defined]
    print(f"\nsync {n:,} versions into the big vault: export {export_s:.1f} s, import "
          f"{import_s:.1f} s ({n / import_s:,.0f}/s, {import_s / plain_read_s:.1f}x a plain "
          f"JSON-lines parse)")  # fmt: skip
    small.lock()
    vault_big.lock()
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--only", default="search,timeline,pack,sync,verify,check")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sync-versions", type=int, default=100_000)
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    root = HERE / ".cache" / f"scale-{args.events}"
    folder = root / "vault"
    os.environ["DOSSIER_HOME"] = str(root / "home")
    if not (root / "complete").exists():
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        print(f"generating {args.events:,} events in {CASES} cases (once; cached in {root})")
        seconds, _ = timed(lambda: generate(folder, args.events))
        (root / "complete").write_text(f"{seconds:.0f} s\n")
        print(f"generated in {seconds:.0f} s")
    size = sum(p.stat().st_size for p in folder.glob("dossier.db*") if p.suffix != ".bak")
    print(f"vault: {args.events:,} events, {size / 2**20:,.0f} MiB on disk")
    unlock_s, vault = timed(lambda: Vault.unlock_with_passphrase(folder, PASSPHRASE))
    assert isinstance(vault, Vault)
    print(f"unlock with the passphrase: {unlock_s:.2f} s")
    services = Services.over(vault)
    with vault.session() as s:
        case_id = s.execute(text("SELECT case_id FROM events LIMIT 1")).scalar_one()
    if "search" in wanted:
        measure_search(root, vault, services, args.rounds)
    if "timeline" in wanted:
        measure_timeline(vault, case_id)  # closing the window locks the vault
        vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
        services = Services.over(vault)
    if "pack" in wanted:
        measure_pack(folder, vault, services, case_id)
        vault = Vault.unlock_with_passphrase(folder, PASSPHRASE)
    vault.lock()
    verify_s = measure_verify(folder) if "verify" in wanted else None
    if "check" in wanted:
        measure_check(folder, verify_s)
    if "sync" in wanted:
        measure_sync(folder, args.sync_versions)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"\npeak RSS of this process: {peak} MiB")
    print(json.dumps({"events": args.events}))


if __name__ == "__main__":
    main()
