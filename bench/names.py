"""Benchmark: the name matcher's precision and recall, its false positives, and its speed.

On the labelled list (tests/data/name_pairs.tsv: a written form, a person's stored names,
what search and redaction must make of it) it prints precision and recall of
  search    NameIndex.matching (People filter, pickers) finding the person exactly
  similar   NameIndex.similar, for every threshold from 0.70 to 0.98 (the shipped one marked)
  redact    NameFinder over person_forms finding the written form as a whole
then the false positives of the forms of the test people on 12,000 words of Russian
(tests/data/russian_prose.txt) and on the demo case's text, and the speed: forms per
person, NameFinder over the prose, search indexing (word skeletons only, as before, against
skeletons + lemma keys) and search latency per tier over N events in a real vault.
Prints figures, asserts nothing.

    .venv/bin/python bench/names.py [--events 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DOSSIER_INSECURE_TEST_KDF", "1")  # unlock cost is not measured here
os.environ.setdefault("DOSSIER_TEST_SUITE", "1")  # the cheap KDF is refused without it

from desktop.core.namematch import NameFinder, person_forms
from desktop.core.namematch.lookup import SIMILAR_THRESHOLD, NameIndex, person_keys, similarity
from desktop.core.namematch.wordkeys import index_keys, lemma_keys, stem, word_keys
from desktop.core.names import skeleton, skeleton_tokens

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TEST_PEOPLE = [
    ["Артём Кузнецов", "Artem Kuznetsov"],
    ["Елена Петрова", "Elena Petrova", "Петрова Елена Ивановна"],
    ["Игорь Садовский"],
    ["Ферапонтов Николай Петрович"],
    ["Акманов Руслан"],
    ["Зубихин Олег"],
    ["Павел Карпов", "Pavel Karpov"],
    ["Сергей Леонидович Магнитский", "Sergei Magnitsky"],
    ["Сидоров Иван Петрович"],
    ["Łukasz Nowak"],
]


def pairs() -> list[tuple[str, list[str], str, str]]:
    rows = []
    for line in (DATA / "name_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            written, names, search, redact = line.split("\t")
            rows.append((written, [n.strip() for n in names.split("|")], search, redact))
    return rows


def precision_recall(outcomes: list[tuple[bool, bool]]) -> tuple[float, float, int, int]:
    """(precision, recall, false positives, false negatives) of (predicted, expected) pairs."""
    tp = sum(p and e for p, e in outcomes)
    fp = sum(p and not e for p, e in outcomes)
    fn = sum(e and not p for p, e in outcomes)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def report(label: str, outcomes: list[tuple[bool, bool]]) -> None:
    p, r, fp, fn = precision_recall(outcomes)
    print(f"  {label:<28} precision {p:6.1%}  recall {r:6.1%}  "
          f"(false +{fp}, false -{fn}, of {len(outcomes)})")  # fmt: skip


def labelled(rows: list[tuple[str, list[str], str, str]]) -> None:
    print(f"labelled list: {len(rows)} pairs ({DATA / 'name_pairs.tsv'})")
    exact, redact, scored = [], [], []
    for written, names, search, redacts in rows:
        index = NameIndex([("p", names)])
        found = index.matching(written) == ["p"]
        exact.append((found, search == "exact"))
        if not found:
            scored.append((similarity(written, person_keys(names)), search == "similar"))
        hits = NameFinder(person_forms(names)).find(written)
        redact.append(([(h.start, h.end) for h in hits] == [(0, len(written))], redacts == "yes"))
    report("search (exact)", exact)
    report("redaction (NameFinder)", redact)
    print("  similar names, by threshold (over the pairs search does not find exactly):")
    for step in range(70, 99, 2):
        threshold = step / 100
        mark = "  <- shipped" if abs(threshold - SIMILAR_THRESHOLD) < 1e-9 else ""
        outcomes = [(score >= threshold, expected) for score, expected in scored]
        p, r, fp, fn = precision_recall(outcomes)
        print(f"    {threshold:.2f}  precision {p:6.1%}  recall {r:6.1%}  "
              f"(false +{fp}, false -{fn}){mark}")  # fmt: skip
    if all(abs(step / 100 - SIMILAR_THRESHOLD) > 1e-9 for step in range(70, 99, 2)):
        outcomes = [(score >= SIMILAR_THRESHOLD, expected) for score, expected in scored]
        report(f"similar at {SIMILAR_THRESHOLD:.2f} (shipped)", outcomes)


def false_positives(finder: NameFinder) -> None:
    prose = (DATA / "russian_prose.txt").read_text(encoding="utf-8")
    hits = finder.find(prose)
    print(f"\nfalse positives, forms of {len(TEST_PEOPLE)} test people "
          f"({len(finder.forms):,} forms):")  # fmt: skip
    print(f"  Russian prose, {len(prose.split()):,} words: {len(hits)}"
          + (f"  {[prose[h.start:h.end] for h in hits][:10]}" if hits else ""))  # fmt: skip
    demo, demo_people = demo_case_text()
    in_demo = {names[0].split()[-1][:4].lower() for names in demo_people}
    strangers = [p for p in TEST_PEOPLE if p[-1].split()[-1][:4].lower() not in in_demo]
    wrong = [demo[h.start : h.end] for h in finder_for(strangers).find(demo)]
    mentions = 0
    for names in demo_people:  # the demo's own people: a hit must be a mention of them
        for hit in finder_for([names]).find(demo):
            text = demo[hit.start : hit.end]
            if _mentions(text, names):
                mentions += 1
            else:
                wrong.append(text)
    print(
        f"  demo case text, {len(demo.split()):,} words: {len(wrong)}"
        f" ({len(strangers)} people not in it; {len(demo_people)} of its own, "
        f"{mentions} true mentions of them found)" + (f"  {wrong[:10]}" if wrong else "")
    )


def finder_for(people: list[list[str]]) -> NameFinder:
    forms: set[str] = set()
    for names in people:
        forms |= person_forms(names)
    return NameFinder(forms)


def _mentions(hit: str, names: list[str]) -> bool:
    """Whether `hit` is the person's name: it holds the start of one of their name words."""
    words = {w.lower()[:4] for n in names for w in n.split() if len(w) > 2}
    return any(w.lower()[:4] in words for w in hit.replace(".", " ").split())


def demo_case_text() -> tuple[str, list[list[str]]]:
    from desktop.services.demo import install_demo_case
    from desktop.services.people import parse_names
    from desktop.services.registry import Services
    from desktop.store.vault import Vault

    with tempfile.TemporaryDirectory(prefix="dossier-names-") as scratch:
        os.environ["DOSSIER_HOME"] = scratch
        vault, _recovery = Vault.create(Path(scratch) / "vault", "bench passphrase")
        try:
            services = Services.over(vault)
            case_id = install_demo_case(services)
            parts = []
            for event_id in services.timeline.event_ids(case_id):
                event = services.timeline.get_event(event_id)
                parts += [event.title, event.description, event.place]
            for row in services.complaints.register(case_id):
                c = row.complaint
                parts += [c.filed_by, c.body_detail, c.legal_basis, c.subject, c.outcome]
            parts += [s.title for s in services.sources.sources(case_id)]
            people = services.people.persons(case_id)
            parts += [p.description for p in people]
            names = [[p.display_name, *(n.text for n in parse_names(p.names))] for p in people]
            return "\n".join(parts), names
        finally:
            vault.lock()


def speed(finder: NameFinder, forms_seconds: float) -> None:
    print("\nspeed:")
    per_person = forms_seconds / len(TEST_PEOPLE)
    print(f"  person_forms, first time (dictionaries loading included): "
          f"{per_person * 1000:.1f} ms a person")  # fmt: skip
    started = time.perf_counter()
    NameFinder(finder.forms)
    print(f"  NameFinder compile, {len(finder.forms):,} forms: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")  # fmt: skip
    prose = (DATA / "russian_prose.txt").read_text(encoding="utf-8") * 10
    samples = []
    for _ in range(3):
        started = time.perf_counter()
        finder.find(prose)
        samples.append(time.perf_counter() - started)
    rate = len(prose) / min(samples) / 1e6
    print(f"  NameFinder.find over {len(prose) / 1e6:.1f} M characters: "
          f"{min(samples) * 1000:.0f} ms ({rate:.1f} M chars/s)")  # fmt: skip


def indexing_and_search(events: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from store import WORDS  # the store benchmark's vocabulary, for comparable text

    rng = random.Random(5)
    russian = (DATA / "russian_prose.txt").read_text(encoding="utf-8").split()
    texts = [" ".join(rng.choices(WORDS, k=20) + rng.choices(russian, k=16))
             for _ in range(events)]  # fmt: skip
    for label, keys in (("word skeletons (before)", skeleton_tokens),
                        ("skeletons + lemma keys (now)", index_keys)):  # fmt: skip
        for when in ("cold", "warm"):
            if when == "cold":  # every cache empty, as in a fresh process
                for cached in (skeleton, lemma_keys, word_keys, stem):
                    cached.cache_clear()
            started = time.perf_counter()
            for t in texts:
                keys(t)
            elapsed = time.perf_counter() - started
            print(f"  index keys, {label}, {when}: {events / elapsed:>9,.0f} documents/s")
    search_latency(texts)


def search_latency(texts: list[str]) -> None:
    from desktop.services.registry import Services
    from desktop.store import search
    from desktop.store.vault import Vault

    with tempfile.TemporaryDirectory(prefix="dossier-names-") as scratch:
        os.environ["DOSSIER_HOME"] = scratch
        vault, _recovery = Vault.create(Path(scratch) / "vault", "bench passphrase")
        try:
            services = Services.over(vault)
            case_id = services.cases.create_case("Bench")
            services.people.add_person(case_id, "official", "Артём Кузнецов")
            docs = [search.SearchDocument("event", f"e{n}", case_id, t[:60], t)
                    for n, t in enumerate(texts)]  # fmt: skip
            started = time.perf_counter()
            with vault.session() as s, s.begin():
                search.put_many(s, docs)
            print(f"  put_many {len(docs):,} events into the encrypted index: "
                  f"{time.perf_counter() - started:.1f} s")  # fmt: skip
            queries = [
                "Кузнецов",
                "Кузнецова",
                "Kuznetsov",
                "Kouznetsov",
                "Дзержинского",
                "суда",
                "custody",
                "kuzn",
                "prosecutor complaint",
                "жалобу прокурору",
            ]
            for query in queries:
                samples = []
                for _ in range(5):
                    started = time.perf_counter()
                    services.search.results(query, case_id)
                    samples.append(time.perf_counter() - started)
                print(f"  search {query!r:<26} median {statistics.median(samples) * 1000:6.1f} ms")
        finally:
            vault.lock()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    started = time.perf_counter()
    forms: set[str] = set()
    for names in TEST_PEOPLE:
        forms |= person_forms(names)
    forms_seconds = time.perf_counter() - started
    finder = NameFinder(forms)
    labelled(pairs())
    false_positives(finder)
    speed(finder, forms_seconds)
    indexing_and_search(args.events)
    return 0


if __name__ == "__main__":
    sys.exit(main())
