"""Packaging files: desktop entries, AppStream metainfo, MIME type, icons, spec and hooks,
the release lock file, and the ~/.local install and uninstall scripts on a stand-in bundle.

Freezing the app takes minutes, so the frozen bundle itself is proven by
packaging/ci-package.sh in CI; everything here runs in seconds.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import tarfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import __version__
from desktop.sync.bundle import BUNDLE_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.dossier.Dossier"
MIME_TYPE = "application/x-dossier-bundle"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry(name: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / name, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_menu_entry_starts_the_app() -> None:
    entry = desktop_entry(f"{APP_ID}.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Dossier"
    assert entry["Exec"] == "dossier"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert "NoDisplay" not in entry


def test_bundle_entry_opens_the_import_dialog_for_the_mime_type() -> None:
    entry = desktop_entry(f"{APP_ID}.import.desktop")
    assert entry["Exec"] == "dossier --import-bundle %f"
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]
    assert entry["NoDisplay"] == "true"


def test_desktop_files_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    names = [str(LINUX / f"{APP_ID}.desktop"), str(LINUX / f"{APP_ID}.import.desktop")]
    result = subprocess.run([tool, *names], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_globs_the_file_names_sync_writes() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    globs = [g.get("pattern", "") for g in mime.findall(f"{MIME_NS}glob")]
    assert globs == [f"*{BUNDLE_SUFFIX}"]
    bundle_name = f"{'a' * 8}-1-{'b' * 8}{BUNDLE_SUFFIX}"
    assert fnmatch.fnmatch(bundle_name, globs[0])
    assert not fnmatch.fnmatch("notes.txt", globs[0])


def test_metainfo_names_the_desktop_file_the_mime_type_and_this_version() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "dossier"
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert versions[0] == __version__, "add a <release> for the version in desktop/__init__.py"
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]["text"]
    assert root.findtext("project_license") == licence


def test_metainfo_validates_with_appstreamcli() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_in_every_size_and_the_svg_parses() -> None:
    svg = ET.parse(LINUX / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    for size in ICON_SIZES:
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)


def test_spec_uses_every_hook_and_every_hook_is_in_the_hooks_folder() -> None:
    spec = (PACKAGING / "pyinstaller" / "dossier.spec").read_text()
    hooks = sorted(p.name for p in (PACKAGING / "pyinstaller" / "hooks").glob("hook-*.py"))
    assert hooks, "no hooks"
    for hook in hooks:
        assert f"hooks/{hook}" in spec, f"dossier.spec does not document {hook}"
    assert 'hookspath=[str(PACKAGING / "pyinstaller" / "hooks")]' in spec
    for mentioned in re.findall(r"hooks/(hook-[\w.]+\.py)", spec):
        assert mentioned in hooks
    assert "from desktop import __version__" in spec  # one place for the version


def test_migration_scripts_import_only_what_the_migrations_hook_declares() -> None:
    hook = (PACKAGING / "pyinstaller" / "hooks" / "hook-desktop.store.migrate.py").read_text()
    migrations = ROOT / "desktop" / "store" / "migrations"
    imported: set[str] = set()
    for script in migrations.rglob("*.py"):
        for node in ast.walk(ast.parse(script.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported |= {f"{node.module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
    assert imported, "no imports found in the migration scripts"
    for name in imported:
        top = name.split(".")[0]
        assert top in ("alembic", "sqlalchemy", "desktop"), name
        if top == "alembic":
            assert f'"{name}"' in hook, f"{name} is not a hidden import of the migrations hook"
        if top == "desktop":  # hook-desktop.py collects every desktop module but these
            module = name.rsplit(".", 1)[0]
            assert not module.startswith("desktop.store.migrations"), name
            assert importlib.util.find_spec(module) is not None, name


def lock_pins() -> dict[str, str]:
    text = (ROOT / "requirements" / "release.txt").read_text()
    pins: dict[str, str] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.strip().splitlines()[0] if block.strip() else ""
        if not first or first.startswith("#"):
            continue
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", first)
        assert match, f"not pinned exactly: {first}"
        assert "--hash=sha256:" in block, f"no hash for {match[1]}"
        pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


def test_release_lock_pins_every_dependency_with_hashes() -> None:
    pins = lock_pins()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!;\s\[]", requirement)[0]).lower()
        assert name in pins, f"{name} is a dependency but not in requirements/release.txt"
    assert "pyinstaller" in pins and "pyinstaller-hooks-contrib" in pins


def test_build_script_installs_only_from_the_lock_file_with_hashes() -> None:
    script = (PACKAGING / "build.sh").read_text()
    assert "--require-hashes" in script and "requirements/release.txt" in script
    assert "packaging/pyinstaller/dossier.spec" in script


# ---- install and uninstall on a stand-in bundle ---------------------------------------------
@pytest.fixture
def tarball(tmp_path: Path) -> Path:
    """The Linux tarball, packed around a tiny stand-in for the frozen bundle."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    launcher = bundle / "dossier"
    launcher.write_text(f'#!/bin/sh\necho "Dossier {__version__}"\n')
    launcher.chmod(0o755)
    out = tmp_path / "out"
    env = {**os.environ, "BUNDLE": str(bundle), "OUT": str(out)}
    subprocess.run([str(LINUX / "make-tarball.sh")], check=True, env=env, capture_output=True)
    (made,) = out.glob("*.tar.gz")
    assert made.name == f"dossier-{__version__}-linux-{os.uname().machine}.tar.gz"
    return made


def unpack(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    (top,) = into.iterdir()
    return top


def test_install_then_uninstall_in_a_private_home_keeps_the_vaults(
    tarball: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    vault = home / ".local" / "share" / "Dossier" / "vault"
    vault.mkdir(parents=True)
    (vault / "dossier.db").write_bytes(b"encrypted case data")
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("PREFIX", None)
    top = unpack(tarball, tmp_path / "unpacked")

    for _ in range(2):  # the second run is an upgrade over the first
        done = subprocess.run(
            [str(top / "install.sh")], env=env, capture_output=True, text=True, check=True
        )
    assert f"Dossier {__version__} installed" in done.stdout
    local = home / ".local"
    launcher = local / "bin" / "dossier"
    assert launcher.is_symlink()
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"Dossier {__version__}"
    menu = (local / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={local}/lib/dossier/dossier\n" in menu
    importer = (local / "share" / "applications" / f"{APP_ID}.import.desktop").read_text()
    assert f"Exec={local}/lib/dossier/dossier --import-bundle %f\n" in importer
    assert (local / "share" / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (local / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (local / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (local / "share" / "mime" / "globs2").read_text()
        assert f"{MIME_TYPE}:*{BUNDLE_SUFFIX}" in globs

    subprocess.run(
        [str(local / "lib" / "dossier" / "uninstall.sh")], env=env, capture_output=True, check=True
    )
    assert not (local / "lib" / "dossier").exists()
    assert not launcher.exists() and not launcher.is_symlink()
    assert not (local / "share" / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((local / "share" / "icons").rglob(f"{APP_ID}.*"))
    assert (vault / "dossier.db").read_bytes() == b"encrypted case data"


def test_install_refuses_to_run_outside_the_tarball(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    result = subprocess.run([str(LINUX / "install.sh")], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "unpacked tarball" in result.stderr
    assert not (tmp_path / "home" / ".local" / "bin" / "dossier").exists()


# ---- Windows and macOS (built elsewhere: only their files are checked here) -----------------
def test_windows_installer_associates_bundles_and_never_names_the_vault_folder() -> None:
    iss = (PACKAGING / "windows" / "dossier.iss").read_text()
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE), "a fixed AppId upgrades"
    assert 'Subkey: "Software\\Classes\\.dossier"' in iss
    assert '""{app}\\dossier.exe"" --import-bundle ""%1""' in iss
    assert "{group}\\Dossier" in iss
    deletions = [
        line
        for line in iss.splitlines()
        if line.startswith("Type: files") or line.startswith("Type: dirifempty")
    ]
    assert deletions and all('Name: "{app}' in line for line in deletions)
    for user_folder in ("{localappdata}", "{userappdata}", "{commonappdata}", "{userdocs}"):
        assert user_folder not in iss


def test_macos_bundle_values_declare_the_bundle_type_and_take_the_version_from_the_package() -> (
    None
):
    import plistlib

    with open(PACKAGING / "macos" / "Info.plist", "rb") as handle:
        info = plistlib.load(handle)
    assert info["CFBundleIdentifier"] == APP_ID
    assert "CFBundleShortVersionString" not in info  # dossier.spec fills it from desktop
    (exported,) = info["UTExportedTypeDeclarations"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [BUNDLE_SUFFIX.lstrip(".")]
    assert tags["public.mime-type"] == [MIME_TYPE]
    (document,) = info["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    with open(PACKAGING / "macos" / "entitlements.plist", "rb") as handle:
        assert plistlib.load(handle)  # well-formed, not empty


def test_a_frozen_app_finds_its_resources_inside_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from desktop.paths import resources_dir

    monkeypatch.delenv("DOSSIER_RESOURCES", raising=False)
    assert resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources_dir() == tmp_path / "_internal" / "resources"
    monkeypatch.setenv("DOSSIER_RESOURCES", str(tmp_path / "elsewhere"))
    assert resources_dir() == tmp_path / "elsewhere"
