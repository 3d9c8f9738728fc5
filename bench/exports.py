"""Benchmark: every export format of a case of 1,000 facts, public profile, gate included.

Builds a vault (cheap test KDF) with the demo case, a protected witness and N synthetic
facts naming her, then for each format prints the time to build the export (selection,
redaction, rendering, leak gate), the leak gate's part of it, and the output size.
Prints figures, asserts nothing.

    DOSSIER_TEST_SUITE=1 DOSSIER_INSECURE_TEST_KDF=1 .venv/bin/python bench/exports.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.briefing.exports.formats import FORMATS, ExportSettings
from desktop.briefing.exports.gate import check_export
from desktop.briefing.model import BriefingOptions
from desktop.briefing.selection import protected_names
from desktop.services.demo import install_demo_case
from desktop.services.exports import ExportService
from desktop.services.people import NameVariant
from desktop.services.registry import Services
from desktop.store.vault import Vault

PHRASES = (
    "Следователь допросил Петрову о задержании у дома на Тверской.",
    "E. Petrova confirmed that officers of the Interior Ministry took the documents.",
    "Сотрудники МВД проводят обыск в московских офисах Hermitage и Firestone Duncan.",
    "The Prosecutor General's Office refuses to open an inquiry.",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        vault, _key = Vault.create(Path(folder) / "vault", "bench passphrase 123")
        services = Services.over(vault, actor="bench")
        case = install_demo_case(services)
        witness = services.people.add_person(
            case, "witness", "Елена Петрова",
            names=[NameVariant("Елена Петрова", kind="primary"), NameVariant("Elena Petrova")],
            protected=True,
        )  # fmt: skip
        start = dt.date(2007, 1, 1)
        for i in range(args.events):
            day = start + dt.timedelta(days=i // 3)
            event = services.timeline.add_event(
                case, day.isoformat(), f"Fact {i}", description=" ".join(PHRASES[: 1 + i % 4])
            )
            if i % 5 == 0:
                services.timeline.add_participant(event, witness, "свидетель")
        exports = ExportService(services.store, services.briefs)
        options = BriefingOptions(generated_on=dt.date(2024, 5, 1), redaction="public")
        names = protected_names(services.briefs.snapshot(case), options)
        print(f"{args.events} synthetic facts + the demo case, public, {len(names.forms)} forms")
        for fmt in FORMATS:
            began = time.perf_counter()
            export = exports.build(case, fmt, options, ExportSettings(with_key_facts=True))
            total = time.perf_counter() - began
            began = time.perf_counter()
            check_export(list(export.files), names.finder, len(names.forms), names.people)
            gate = time.perf_counter() - began
            size = sum(len(data) for _name, data in export.files)
            print(f"{fmt:>10}: {total:6.2f} s (leak gate {gate:5.2f} s), {size / 1024:8.0f} KiB")
        vault.lock()


if __name__ == "__main__":
    main()
