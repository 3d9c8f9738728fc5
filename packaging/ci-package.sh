#!/usr/bin/env bash
# CI for the release bundle (Linux): build it, prove it works, prove it installs.
#   1. `make package`: hash-locked build venv, PyInstaller, tarball in dist/
#   2. the frozen `dossier --self-test`, offscreen, in a throwaway HOME
#   3. the frozen GUI starts offscreen on the demo case up to its main window
#   4. appstreamcli validate --no-net (and desktop-file-validate where installed)
#   5. untar, install.sh into a throwaway HOME, the installed launcher's --version,
#      uninstall.sh, and the user's vault folder is still there
# A bundle that builds but fails any of these fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/apt-deps.sh package
started=$(date +%s)
make package
echo "ci-package: build took $(( $(date +%s) - started )) s"

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
tarball="dist/dossier-$version-linux-$(uname -m).tar.gz"
test -x dist/dossier/dossier
test -s "$tarball"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"

echo "== frozen self-test"
env -u DOSSIER_HOME -u DOSSIER_RESOURCES -u DOSSIER_INSECURE_TEST_KDF \
  HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" QT_QPA_PLATFORM=offscreen \
  dist/dossier/dossier --self-test

echo "== frozen GUI start (offscreen, demo case)"
env -u DOSSIER_HOME HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" \
  QT_QPA_PLATFORM=offscreen DOSSIER_INSECURE_TEST_KDF=1 \
  "${PYTHON:-python3}" bench/startup.py --check dist/dossier/dossier

echo "== desktop metadata"
appstreamcli validate --no-net packaging/linux/org.dossier.Dossier.metainfo.xml
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate packaging/linux/org.dossier.Dossier.desktop \
    packaging/linux/org.dossier.Dossier.import.desktop
fi

echo "== install from the tarball into a fresh home"
home="$scratch/user"
mkdir -p "$home/.local/share/Dossier/vault"
echo "stand-in for a user's vault" > "$home/.local/share/Dossier/vault/keystore.json"
tar -C "$scratch" -xzf "$tarball"
HOME="$home" "$scratch/dossier-$version-linux-$(uname -m)/install.sh"
got=$(HOME="$home" "$home/.local/bin/dossier" --version)
test "$got" = "Dossier $version" || { echo "installed launcher says: $got" >&2; exit 1; }
grep -q "^Exec=$home/.local/lib/dossier/dossier$" \
  "$home/.local/share/applications/org.dossier.Dossier.desktop"
HOME="$home" "$home/.local/lib/dossier/uninstall.sh"
test ! -e "$home/.local/bin/dossier"
test -s "$home/.local/share/Dossier/vault/keystore.json"
echo "ci-package: bundle $(du -sh dist/dossier | cut -f1), tarball $(du -h "$tarball" | cut -f1); all packaging checks passed"
