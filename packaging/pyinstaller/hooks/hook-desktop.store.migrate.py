"""Alembic migration scripts: loaded by file path at unlock, so they ship as source files.

desktop.store.migrate finds them next to itself (Path(__file__).parent / "migrations"),
which in the bundle is <bundle>/_internal/desktop/store/migrations. The modules the
scripts import are listed as hidden imports, because PyInstaller never analyses data
(desktop modules they import are collected by hook-desktop.py).
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules

import desktop.store

MIGRATIONS = Path(desktop.store.__file__).parent / "migrations"

datas = [
    (str(path), str(Path("desktop/store") / path.parent.relative_to(MIGRATIONS.parent)))
    for path in sorted(MIGRATIONS.rglob("*"))
    if path.is_file() and path.suffix in (".py", ".mako")
]
hiddenimports = [
    "alembic.op",
    "alembic.context",
    "alembic.runtime.environment",
    "alembic.runtime.migration",
    "alembic.operations",
    "alembic.ddl.sqlite",
    "desktop.store.models",
    *collect_submodules("alembic.operations"),
]
