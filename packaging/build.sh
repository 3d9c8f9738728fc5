#!/usr/bin/env bash
# Build the release bundle for this OS into dist/ (what `make package` runs).
#
#   1. a separate build venv (build/venv) installed only from requirements/release.txt,
#      every file checked against its pinned hash (pip --require-hashes);
#   2. PyInstaller (pinned in the same lock file) freezes packaging/pyinstaller/dossier.spec
#      into dist/dossier/ (one folder);
#   3. on Linux, packs dist/dossier-<version>-linux-x86_64.tar.gz with the install script.
#
# Compiled translations (.qm) must exist first: `make package` depends on them.
# PYTHON picks the interpreter for the build venv (default python3; it must be 3.11,
# the version the lock file was compiled for).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/venv
LOCK=requirements/release.txt
STAMP=$VENV/.installed-from-lock

started=$(date +%s)
if [ ! -f "$STAMP" ] || ! cmp -s "$LOCK" "$STAMP"; then
  echo "build venv: installing $LOCK (hashes required)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --require-hashes --only-binary :all: --no-deps -r "$LOCK"
  "$VENV/bin/python" -m pip check
  cp "$LOCK" "$STAMP"
fi

rm -rf dist/dossier
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/dossier.spec

case "$(uname -s)" in
  Linux) packaging/linux/make-tarball.sh ;;
esac
echo "package: built in $(( $(date +%s) - started )) s; bundle $(du -sh dist/dossier | cut -f1)"
