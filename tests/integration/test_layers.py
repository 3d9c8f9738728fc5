"""The architecture's import rules, checked by import-linter (contracts in pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = (
    "Only the UI and the composition root import Qt",
    "The core is pure: it imports nothing of the project",
    "Layers run one way",
)


def test_the_import_contracts_are_kept() -> None:
    assert LINT_IMPORTS.exists(), f"import-linter is not installed next to {sys.executable}"
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    for name in CONTRACTS:
        assert f"{name} KEPT" in done.stdout, f"contract not checked: {name}"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_outside_the_ui_and_app_mentions_pyside6() -> None:
    """A direct check of the first contract that does not depend on import-linter's graph."""
    offenders = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("desktop/ui/") or relative == "desktop/app.py":
            continue
        if any(m.split(".")[0] == "PySide6" for m in imported_modules(path)):
            offenders.append(relative)
    assert offenders == []


def test_the_core_imports_nothing_of_the_project() -> None:
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "desktop" / "core").rglob("*.py"))
        if any(
            m.split(".")[0] == "desktop" and not m.startswith("desktop.core")
            for m in imported_modules(path)
        )
    ]
    assert offenders == []
