"""Benchmark: spreadsheet import of N event rows (default 1,000) into a real vault.

Writes an .xlsx with a sources sheet (20 sources), a people sheet (30 people, half in
Cyrillic) and N events, each naming two people (one written in the other script or in a
grammatical case) and citing a source with a pinpoint. Then times, in this process:
  baseline: a plain openpyxl read of the file (read-only, every cell of every row);
  dry run:  reading the sheets and planning every row against the vault;
  import:   reading, planning and writing everything in one transaction;
  re-import: the same file again (every row unchanged).
Prints seconds and ratios to the baseline. Budget (DESIGN.md): 1,000 event rows < 5 s.

    .venv/bin/python bench/sheet.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook

from desktop.core.sheetcolumns import SHEETS

LATIN = ["Ivan Petrov", "Andrei Kuznetsov", "Elena Sidorova", "Oleg Smirnov", "Pavel Volkov"]
CYRILLIC = ["Иван Петров", "Андрей Кузнецов", "Елена Сидорова", "Олег Смирнов", "Павел Волков"]
IN_TEXT = ["Петрова", "Kuznetsov", "Сидоровой", "Smirnov", "Волкова"]
OTHERS = [
    "Sokolov", "Popov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Pavlov", "Semenov",
    "Golubev", "Vinogradov", "Bogdanov", "Vorobyov", "Fedorov", "Mikhailov", "Belyaev",
    "Tarasov", "Belov", "Komarov", "Orlov", "Kiselev", "Makarov", "Andreev", "Kovalev",
    "Ilyin", "Gusev",
]  # fmt: skip


def make_file(path: Path, rows: int) -> None:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    sheets: dict[str, list[list[str]]] = {
        "sources": [[f"S{n}", f"Report {n}", "NGO", "2009", "", "other"] for n in range(1, 21)],
        "people": [[name, CYRILLIC[i], "", "official", ""] for i, name in enumerate(LATIN)]
        + [[f"Anna {name}", "", "", "witness", ""] for name in OTHERS],
        "events": [
            [
                f"{1 + i % 28} March {2000 + i % 20}",
                f"Fact number {i}",
                "What happened " * 10,
                "disputed",
                "Moscow",
                f"{IN_TEXT[i % 5]}; Anna {OTHERS[i % 25]}",
                f"S{1 + i % 20}:¶{i}",
                "yes" if i % 7 == 0 else "",
                "bench",
            ]
            for i in range(rows)
        ],
    }
    for name, body in sheets.items():
        ws = book.create_sheet(name)
        ws.append(list(SHEETS[name]))  # type: ignore[index]
        for row in body:
            ws.append(row)
    book.save(path)


def plain_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for ws in book.worksheets for row in ws.iter_rows(values_only=True))
    book.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    opts = parser.parse_args()
    os.environ["DOSSIER_INSECURE_TEST_KDF"] = "1"  # the KDF is not what is measured
    os.environ["DOSSIER_TEST_SUITE"] = "1"
    from desktop.services.registry import Services
    from desktop.services.sheetfiles import read_sheets
    from desktop.services.sheetimport import SheetImport
    from desktop.store.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.xlsx"
        make_file(path, opts.rows)
        vault, _recovery = Vault.create(Path(tmp) / "vault", "a passphrase for the sheet bench")
        services = Services.over(vault, actor="bench")
        case_id = services.cases.create_case("Bench case")
        importer = SheetImport(services.store)

        start = time.perf_counter()
        plain_read(path)
        baseline = time.perf_counter() - start

        start = time.perf_counter()
        preview = importer.preview(case_id, read_sheets([path]))
        dry = time.perf_counter() - start

        start = time.perf_counter()
        report = importer.run(case_id, read_sheets([path]))
        full = time.perf_counter() - start

        start = time.perf_counter()
        again = importer.run(case_id, read_sheets([path]))
        repeat = time.perf_counter() - start
        vault.lock()
    assert preview.count(preview.rows[0].outcome) >= 1 and not report.refused
    print(f"{opts.rows} event rows (+20 sources, 30 people); import: {report.summary()}")
    print(f"re-import: {again.summary()}")
    print(f"plain openpyxl read (baseline): {baseline:6.2f} s")
    print(f"dry run:   {dry:6.2f} s = {dry / baseline:5.1f}x baseline")
    print(f"import:    {full:6.2f} s = {full / baseline:5.1f}x baseline  (budget < 5 s)")
    print(f"re-import: {repeat:6.2f} s = {repeat / baseline:5.1f}x baseline")


if __name__ == "__main__":
    main()
