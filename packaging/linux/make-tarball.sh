#!/usr/bin/env bash
# Pack dist/dossier/ with the desktop files, icons and install scripts into
# dist/dossier-<version>-linux-<arch>.tar.gz (one top folder of the same name).
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(build/venv/bin/python -c 'import desktop; print(desktop.__version__)' 2>/dev/null \
  || python3 -c 'import desktop; print(desktop.__version__)')
name="dossier-$version-linux-$(uname -m)"
stage="build/tarball/$name"
rm -rf "build/tarball"
mkdir -p "$stage/share"
cp -a dist/dossier "$stage/dossier"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
cp packaging/linux/README.txt "$stage/"
cp packaging/linux/org.dossier.Dossier.desktop packaging/linux/org.dossier.Dossier.import.desktop \
  packaging/linux/org.dossier.Dossier.metainfo.xml packaging/linux/org.dossier.Dossier.mime.xml \
  "$stage/share/"
cp -a packaging/linux/icons "$stage/share/icons"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"
# Reproducible-ish: fixed owner and sorted names (mtimes come from the build).
tar -C build/tarball --owner=0 --group=0 --numeric-owner --sort=name \
  -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"
