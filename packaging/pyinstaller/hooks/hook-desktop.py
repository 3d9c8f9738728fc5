"""Dossier's own modules that are imported by name, so static analysis cannot see them.

desktop.cli.main loads its optional command groups with importlib (brief, sync,
self-test) and the UI builds some panels lazily; collecting every desktop submodule
(except the Alembic scripts, which are data: see hook-desktop.store.migrate.py) keeps
the bundle correct when a new module of that kind appears.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules(
    "desktop", filter=lambda name: not name.startswith("desktop.store.migrations")
)
