#!/usr/bin/env bash
# Pack a frozen bundle with the desktop files, icons and install scripts into
# <out>/dossier-<version>-linux-<arch>.tar.gz (one top folder of the same name).
#   BUNDLE  the one-folder bundle to pack (default dist/dossier)
#   OUT     where the tarball goes (default dist)
set -euo pipefail
cd "$(dirname "$0")/../.."

BUNDLE=${BUNDLE:-dist/dossier}
OUT=${OUT:-dist}
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
[ -n "$version" ] || { echo "make-tarball: no __version__ in desktop/__init__.py" >&2; exit 1; }
name="dossier-$version-linux-$(uname -m)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/share" "$OUT"
cp -a "$BUNDLE" "$stage/dossier"
cp packaging/linux/install.sh packaging/linux/uninstall.sh packaging/linux/README.txt "$stage/"
cp packaging/linux/org.dossier.Dossier.desktop packaging/linux/org.dossier.Dossier.import.desktop \
  packaging/linux/org.dossier.Dossier.metainfo.xml packaging/linux/org.dossier.Dossier.mime.xml \
  "$stage/share/"
mkdir -p "$stage/share/icons"
cp -a packaging/linux/icons/hicolor packaging/linux/icons/org.dossier.Dossier.svg "$stage/share/icons/"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"
# Reproducible-ish: fixed owner and sorted names (mtimes come from the build).
tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name \
  -czf "$OUT/$name.tar.gz" "$name"
echo "$OUT/$name.tar.gz ($(du -h "$OUT/$name.tar.gz" | cut -f1))"
